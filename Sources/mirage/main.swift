// mirage: run a Linux program built for another CPU. The command line follows qemu-user's
// (single-dash options; everything after the program belongs to the guest).

import Glibc
import LinuxUser

let parsed = MirageCommandLine.parse(Array(CommandLine.arguments.dropFirst()), environment: environmentPairs())
switch parsed {
case .run(let options):
    Launcher.run(options)
case .exit(let status, let text, let toStderr):
    if !text.isEmpty {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        line.withCString { _ = Glibc.write(toStderr ? 2 : 1, $0, strlen($0)) }
    }
    exit(status)
}
