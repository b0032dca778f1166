// mirage: run a Linux program built for another CPU. The command line follows qemu-user's
// (single-dash options; everything after the program belongs to the guest).

import CHost
import Glibc
import LinuxUser

/// Everything main does, in a nonisolated function: Swift 6 makes top-level code main-actor
/// code, whose closures check the executor, which links in the concurrency runtime and
/// libdispatch and runs their start-up (CPU counts from /sys) for nothing.
nonisolated func mirageMain() -> Never {
    // argv from C, not CommandLine.arguments: a static mirage in a chroot without /proc has no
    // other source.
    let arguments: [String] = (0..<Int(chost_argc())).map { i in chost_argv()?[i].map { String(cString: $0) } ?? "" }
    let invocation = Invocation.current(argv0: arguments.first ?? "mirage")
    let parsed = MirageCommandLine.parse(Array(arguments.dropFirst()), environment: hostEnvironment(), invocation: invocation)
    switch parsed {
    case .run(let options):
        Launcher.run(options)
    case .binfmt(let command):
        exit(command.run())
    case .exit(let status, let text, let toStderr):
        if !text.isEmpty {
            let line = text.hasSuffix("\n") ? text : text + "\n"
            line.withCString { _ = Glibc.write(toStderr ? 2 : 1, $0, strlen($0)) }
        }
        exit(status)
    }
}

mirageMain()
