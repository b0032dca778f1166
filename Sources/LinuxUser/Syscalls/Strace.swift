// `-strace`: one line per system call, `pid name(args) = result`.

import Glibc
import LinuxABI

enum Strace {
    static func log(_ process: GuestProcess, _ call: Syscall?, _ number: UInt32,
                    _ args: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64), _ result: Int64?) {
        let name = call.map { "\($0)" } ?? "syscall_\(number)"
        let a = [args.0, args.1, args.2, args.3, args.4, args.5].map { "0x" + String($0, radix: 16) }
        guard let result else {
            // A call that does not return (exit_group): logged before it runs.
            process.log.write("\(getpid()) \(name)(\(a.joined(separator: ",")))")
            return
        }
        let shown = result < 0 && result > -4096 ? "-1 errno=\(-result)" : (result > 0xffff ? "0x" + String(result, radix: 16) : "\(result)")
        process.log.write("\(getpid()) \(name)(\(a.joined(separator: ","))) = \(shown)")
    }
}
