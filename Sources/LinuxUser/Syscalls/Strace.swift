// `-strace`: one line per system call, `tid name(args) = result`, in strace(1)'s style (the
// tid is the pid in a single-threaded process; each thread's calls carry its own): the
// arguments decoded by the call's row in StraceSignatures (hex registers for calls without
// one), out-parameters shown after the call, failures as `-1 ENAME (message)`.

import CHost
import Glibc
import Host
import LinuxABI

enum Strace {
    /// Logs one call: after it returned (`result`), or before a call that does not return
    /// (exit_group: `result` nil, shown as `= ?`).
    static func log(_ process: GuestProcess, _ call: Syscall?, _ number: UInt32,
                    _ args: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64), _ result: Int64?, secondResult: UInt64? = nil) {
        let name = call.map { "\($0)" } ?? "syscall_\(number)"
        let formatter = StraceFormatter(space: process.space, abi: process.abi)
        let line = formatter.line(prefix: "\(Host.rawSyscall(HOST_SYS_gettid)) ", name: name, signature: call.flatMap(StraceSignatures.signature),
                                  registers: [args.0, args.1, args.2, args.3, args.4, args.5], result: result,
                                  wideTime: call == .futex_time64, secondResult: secondResult)
        process.log.write(line)
    }

    /// Logs one of ARM's private calls (__ARM_NR_BASE + n) under the name strace gives it.
    static func logPrivate(_ process: GuestProcess, _ number: UInt32, _ registers: [UInt64], _ result: Int64) {
        let rows: [UInt32: (String, StraceSignature)] = [
            1: ("breakpoint", StraceSignature([])),
            2: ("cacheflush", StraceSignature([.pointer, .pointer, .hex])),
            5: ("set_tls", StraceSignature([.pointer])),
            6: ("get_tls", StraceSignature([], result: .pointer)),
        ]
        let row = rows[number & 0xffff]
        let formatter = StraceFormatter(space: process.space, abi: process.abi)
        process.log.write(formatter.line(prefix: "\(Host.rawSyscall(HOST_SYS_gettid)) ",
                                         name: row?.0 ?? "ARM_private_0x\(String(number, radix: 16))", signature: row?.1,
                                         registers: registers, result: result))
    }
}
