// -strace rows for the socket, event, xattr, scheduling, identity and file-data calls that
// StraceSignatures.swift does not list, in the kernel's argument order.

import LinuxABI

extension StraceSignatures {
    private typealias S = StraceSignature

    static let breadth: [Syscall: StraceSignature] = {
        var t: [Syscall: StraceSignature] = [:]
        t[.accept] = S([.fd, .pointer, .pointer])
        t[.getsockname] = S([.fd, .pointer, .pointer])
        t[.getpeername] = S([.fd, .pointer, .pointer])
        t[.send] = S([.fd, .bytesIn(count: 2), .unsigned, .hex])
        t[.recv] = S([.fd, .bytesOut, .unsigned, .hex])
        t[.sendmmsg] = S([.fd, .pointer, .unsigned, .hex])
        t[.recvmmsg] = S([.fd, .pointer, .unsigned, .hex, .pointer])
        t[.recvmmsg_time64] = S([.fd, .pointer, .unsigned, .hex, .pointer])
        t[.epoll_create] = S([.int])
        t[.epoll_pwait2] = S([.fd, .pointer, .int, .timespec(wide: true, out: false), .sigset(out: false), .unsigned])
        t[.eventfd] = S([.unsigned])
        t[.timerfd_create] = S([.constant(.clock), .hex])
        t[.timerfd_settime] = S([.fd, .hex, .pointer, .pointer])
        t[.timerfd_settime64] = S([.fd, .hex, .pointer, .pointer])
        t[.timerfd_gettime] = S([.fd, .pointer])
        t[.timerfd_gettime64] = S([.fd, .pointer])
        t[.signalfd] = S([.fd, .sigset(out: false), .unsigned])
        t[.signalfd4] = S([.fd, .sigset(out: false), .unsigned, .hex])
        t[.inotify_init] = S([])
        t[.inotify_add_watch] = S([.fd, .path, .hex])
        t[.inotify_rm_watch] = S([.fd, .int])
        for call: Syscall in [.setxattr, .lsetxattr] { t[call] = S([.path, .string, .bytesIn(count: 3), .unsigned, .hex]) }
        t[.fsetxattr] = S([.fd, .string, .bytesIn(count: 3), .unsigned, .hex])
        for call: Syscall in [.getxattr, .lgetxattr] { t[call] = S([.path, .string, .bytesOut, .unsigned]) }
        t[.fgetxattr] = S([.fd, .string, .bytesOut, .unsigned])
        for call: Syscall in [.listxattr, .llistxattr] { t[call] = S([.path, .pointer, .unsigned]) }
        t[.flistxattr] = S([.fd, .pointer, .unsigned])
        for call: Syscall in [.removexattr, .lremovexattr] { t[call] = S([.path, .string]) }
        t[.fremovexattr] = S([.fd, .string])
        t[.sched_getparam] = S([.int, .pointer])
        t[.sched_setparam] = S([.int, .pointer])
        t[.sched_setscheduler] = S([.int, .int, .pointer])
        t[.sched_getscheduler] = S([.int])
        t[.sched_get_priority_max] = S([.int])
        t[.sched_get_priority_min] = S([.int])
        t[.sched_rr_get_interval] = S([.int, .pointer])
        t[.sched_rr_get_interval_time64] = S([.int, .pointer])
        for call: Syscall in [.setuid, .setuid32, .setgid, .setgid32, .setfsuid, .setfsuid32, .setfsgid, .setfsgid32] { t[call] = S([.int]) }
        for call: Syscall in [.setreuid, .setreuid32, .setregid, .setregid32] { t[call] = S([.int, .int]) }
        for call: Syscall in [.setresuid, .setresuid32, .setresgid, .setresgid32] { t[call] = S([.int, .int, .int]) }
        t[.setgroups] = S([.int, .pointer])
        t[.setgroups32] = S([.int, .pointer])
        t[.capget] = S([.pointer, .pointer])
        t[.capset] = S([.pointer, .pointer])
        t[.chroot] = S([.path])
        t[.fallocate] = S([.fd, .hex, .offset64, .offset64])
        t[.sendfile] = S([.fd, .fd, .pointer, .unsigned])
        t[.tee] = S([.fd, .fd, .unsigned, .hex])
        t[.vmsplice] = S([.fd, .pointer, .unsigned, .hex])
        t[.copy_file_range] = S([.fd, .pointer, .fd, .pointer, .unsigned, .hex])
        t[.arm_sync_file_range] = S([.fd, .hex, .offset64, .offset64])
        t[.readahead] = S([.fd, .offset64, .unsigned])
        t[.arm_fadvise64_64] = S([.fd, .int, .offset64, .offset64])
        t[.syncfs] = S([.fd])
        t[.truncate] = S([.path, .int])
        t[.mlock2] = S([.pointer, .unsigned, .hex])
        t[.close_range] = S([.unsigned, .unsigned, .hex])
        t[.mknod] = S([.path, .mode, .hex])
        t[.mknodat] = S([.dirfd, .path, .mode, .hex])
        t[.utimes] = S([.path, .pointer])
        t[.futimesat] = S([.dirfd, .path, .pointer])
        return t
    }()
}
