// Host syscall numbers: CHostSyscalls.h names each HOST_SYS_x after the host's own SYS_x (a
// misspelt pairing would give one call another's number), and the values Swift sees through
// the CHost module are the ones the host compiler gives <sys/syscall.h>'s SYS_* macros.
import CHost
import Foundation
@testable import LinuxUser
import Testing

/// The numbers the syscall implementations take from CHost, as Swift imports them.
let hostCallNumbers: [(String, Int)] = [
        ("sendfile", HOST_SYS_sendfile), ("socket", HOST_SYS_socket), ("connect", HOST_SYS_connect),
        ("accept", HOST_SYS_accept), ("sendto", HOST_SYS_sendto), ("recvfrom", HOST_SYS_recvfrom),
        ("sendmsg", HOST_SYS_sendmsg), ("recvmsg", HOST_SYS_recvmsg), ("shutdown", HOST_SYS_shutdown),
        ("bind", HOST_SYS_bind), ("listen", HOST_SYS_listen), ("getsockname", HOST_SYS_getsockname),
        ("getpeername", HOST_SYS_getpeername), ("socketpair", HOST_SYS_socketpair),
        ("setsockopt", HOST_SYS_setsockopt), ("getsockopt", HOST_SYS_getsockopt), ("setuid", HOST_SYS_setuid),
        ("setgid", HOST_SYS_setgid), ("setreuid", HOST_SYS_setreuid), ("setregid", HOST_SYS_setregid),
        ("setgroups", HOST_SYS_setgroups), ("setresuid", HOST_SYS_setresuid),
        ("setresgid", HOST_SYS_setresgid), ("setfsuid", HOST_SYS_setfsuid), ("setfsgid", HOST_SYS_setfsgid),
        ("capget", HOST_SYS_capget), ("capset", HOST_SYS_capset), ("setpriority", HOST_SYS_setpriority),
        ("sched_setparam", HOST_SYS_sched_setparam), ("sched_getparam", HOST_SYS_sched_getparam),
        ("sched_setscheduler", HOST_SYS_sched_setscheduler),
        ("sched_getscheduler", HOST_SYS_sched_getscheduler),
        ("sched_get_priority_max", HOST_SYS_sched_get_priority_max),
        ("sched_get_priority_min", HOST_SYS_sched_get_priority_min),
        ("sched_rr_get_interval", HOST_SYS_sched_rr_get_interval), ("mlock", HOST_SYS_mlock),
        ("munlock", HOST_SYS_munlock), ("chroot", HOST_SYS_chroot), ("setxattr", HOST_SYS_setxattr),
        ("lsetxattr", HOST_SYS_lsetxattr), ("fsetxattr", HOST_SYS_fsetxattr), ("getxattr", HOST_SYS_getxattr),
        ("lgetxattr", HOST_SYS_lgetxattr), ("fgetxattr", HOST_SYS_fgetxattr),
        ("listxattr", HOST_SYS_listxattr), ("llistxattr", HOST_SYS_llistxattr),
        ("flistxattr", HOST_SYS_flistxattr), ("removexattr", HOST_SYS_removexattr),
        ("lremovexattr", HOST_SYS_lremovexattr), ("fremovexattr", HOST_SYS_fremovexattr),
        ("sched_setaffinity", HOST_SYS_sched_setaffinity), ("epoll_wait", HOST_SYS_epoll_wait),
        ("epoll_ctl", HOST_SYS_epoll_ctl), ("waitid", HOST_SYS_waitid),
        ("inotify_add_watch", HOST_SYS_inotify_add_watch), ("inotify_rm_watch", HOST_SYS_inotify_rm_watch),
        ("splice", HOST_SYS_splice), ("tee", HOST_SYS_tee), ("sync_file_range", HOST_SYS_sync_file_range),
        ("vmsplice", HOST_SYS_vmsplice), ("epoll_pwait", HOST_SYS_epoll_pwait),
        ("timerfd_create", HOST_SYS_timerfd_create), ("timerfd_settime", HOST_SYS_timerfd_settime),
        ("timerfd_gettime", HOST_SYS_timerfd_gettime), ("accept4", HOST_SYS_accept4),
        ("signalfd4", HOST_SYS_signalfd4), ("eventfd2", HOST_SYS_eventfd2),
        ("epoll_create1", HOST_SYS_epoll_create1), ("inotify_init1", HOST_SYS_inotify_init1),
        ("recvmmsg", HOST_SYS_recvmmsg), ("sendmmsg", HOST_SYS_sendmmsg), ("mlock2", HOST_SYS_mlock2),
        ("copy_file_range", HOST_SYS_copy_file_range), ("epoll_pwait2", HOST_SYS_epoll_pwait2),
        ("close_range", HOST_SYS_close_range), ("readahead", HOST_SYS_readahead),
        ("fadvise64", HOST_SYS_fadvise64), ("syncfs", HOST_SYS_syncfs),
        ("sched_setattr", HOST_SYS_sched_setattr), ("sched_getattr", HOST_SYS_sched_getattr),
        ("mknod", HOST_SYS_mknod),
]

@Test func everyHostNumberIsNamedAfterItsCall() throws {
    let header = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CHost/include/CHostSyscalls.h")
    let text = try String(contentsOf: header, encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: #"HOST_SYS_(\w+)\s*=\s*SYS_(\w+)"#)
    var seen: Set<String> = []
    let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
    #expect(matches.count > 100)
    for match in matches {
        guard let a = Range(match.range(at: 1), in: text), let b = Range(match.range(at: 2), in: text) else { continue }
        #expect(text[a] == text[b], "HOST_SYS_\(text[a]) = SYS_\(text[b])")
        #expect(seen.insert(String(text[a])).inserted, "HOST_SYS_\(text[a]) twice")
    }
}

@Test func hostCallNumbersMatchTheHostHeaders() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gcc") else { return }
    let entries = hostCallNumbers
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("HostCallTests-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let source = directory.appendingPathComponent("numbers.c")
    var program = "#include <stdio.h>\n#include <sys/syscall.h>\nint main(void) {\n"
    for (name, _) in entries { program += "    printf(\"%s %ld\\n\", \"\(name)\", (long)SYS_\(name));\n" }
    program += "    return 0;\n}\n"
    try program.write(to: source, atomically: true, encoding: .utf8)
    let binary = directory.appendingPathComponent("numbers").path
    let compile = Process()
    compile.executableURL = URL(fileURLWithPath: "/usr/bin/gcc")
    compile.arguments = ["-o", binary, source.path]
    try compile.run()
    compile.waitUntilExit()
    #expect(compile.terminationStatus == 0)
    let run = Process()
    run.executableURL = URL(fileURLWithPath: binary)
    let pipe = Pipe()
    run.standardOutput = pipe
    try run.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    run.waitUntilExit()
    var facts: [String: Int] = [:]
    for line in output.split(separator: "\n") {
        let words = line.split(separator: " ")
        if words.count == 2, let n = Int(words[1]) { facts[String(words[0])] = n }
    }
    for (name, number) in entries {
        #expect(facts[name] == number, "SYS_\(name)")
    }
}
