// x86-64 syscall numbers of the host calls the socket, event, xattr, scheduling and identity
// syscalls use, which CHostSyscalls.h does not name yet (Glibc does not import SYS_* into
// Swift). Facts from the host's <asm/unistd_64.h>; LinuxUserTests checks each against
// <sys/syscall.h> built by the host compiler.

enum HostCall {
    static let sendfile = 40, socket = 41, connect = 42, accept = 43, sendto = 44, recvfrom = 45
    static let sendmsg = 46, recvmsg = 47, shutdown = 48, bind = 49, listen = 50, getsockname = 51
    static let getpeername = 52, socketpair = 53, setsockopt = 54, getsockopt = 55
    static let setuid = 105, setgid = 106, setreuid = 113, setregid = 114, setgroups = 116
    static let setresuid = 117, setresgid = 119, setfsuid = 122, setfsgid = 123, capget = 125, capset = 126
    static let setpriority = 141, schedSetparam = 142, schedGetparam = 143, schedSetscheduler = 144
    static let schedGetscheduler = 145, schedGetPriorityMax = 146, schedGetPriorityMin = 147
    static let schedRRGetInterval = 148, mlock = 149, munlock = 150, chroot = 161
    static let setxattr = 188, lsetxattr = 189, fsetxattr = 190, getxattr = 191, lgetxattr = 192
    static let fgetxattr = 193, listxattr = 194, llistxattr = 195, flistxattr = 196
    static let removexattr = 197, lremovexattr = 198, fremovexattr = 199
    static let schedSetaffinity = 203, epollWait = 232, epollCtl = 233, waitid = 247
    static let inotifyAddWatch = 254, inotifyRmWatch = 255, splice = 275, tee = 276
    static let syncFileRange = 277, vmsplice = 278, epollPwait = 281, timerfdCreate = 283
    static let timerfdSettime = 286, timerfdGettime = 287, accept4 = 288, signalfd4 = 289
    static let eventfd2 = 290, epollCreate1 = 291, inotifyInit1 = 294, recvmmsg = 299
    static let sendmmsg = 307, mlock2 = 325, copyFileRange = 326, epollPwait2 = 441
    static let closeRange = 436

    /// Name and number of every entry, for the test.
    static let all: [(String, Int)] = [
        ("sendfile", sendfile), ("socket", socket), ("connect", connect), ("accept", accept),
        ("sendto", sendto), ("recvfrom", recvfrom), ("sendmsg", sendmsg), ("recvmsg", recvmsg),
        ("shutdown", shutdown), ("bind", bind), ("listen", listen), ("getsockname", getsockname),
        ("getpeername", getpeername), ("socketpair", socketpair), ("setsockopt", setsockopt),
        ("getsockopt", getsockopt), ("setuid", setuid), ("setgid", setgid), ("setreuid", setreuid),
        ("setregid", setregid), ("setgroups", setgroups), ("setresuid", setresuid),
        ("setresgid", setresgid), ("setfsuid", setfsuid), ("setfsgid", setfsgid), ("capget", capget),
        ("capset", capset), ("setpriority", setpriority), ("sched_setparam", schedSetparam),
        ("sched_getparam", schedGetparam), ("sched_setscheduler", schedSetscheduler),
        ("sched_getscheduler", schedGetscheduler), ("sched_get_priority_max", schedGetPriorityMax),
        ("sched_get_priority_min", schedGetPriorityMin), ("sched_rr_get_interval", schedRRGetInterval),
        ("mlock", mlock), ("munlock", munlock), ("chroot", chroot), ("setxattr", setxattr),
        ("lsetxattr", lsetxattr), ("fsetxattr", fsetxattr), ("getxattr", getxattr),
        ("lgetxattr", lgetxattr), ("fgetxattr", fgetxattr), ("listxattr", listxattr),
        ("llistxattr", llistxattr), ("flistxattr", flistxattr), ("removexattr", removexattr),
        ("lremovexattr", lremovexattr), ("fremovexattr", fremovexattr),
        ("sched_setaffinity", schedSetaffinity), ("epoll_wait", epollWait), ("epoll_ctl", epollCtl),
        ("waitid", waitid), ("inotify_add_watch", inotifyAddWatch), ("inotify_rm_watch", inotifyRmWatch),
        ("splice", splice), ("tee", tee), ("sync_file_range", syncFileRange), ("vmsplice", vmsplice),
        ("epoll_pwait", epollPwait), ("timerfd_create", timerfdCreate), ("timerfd_settime", timerfdSettime),
        ("timerfd_gettime", timerfdGettime), ("accept4", accept4), ("signalfd4", signalfd4),
        ("eventfd2", eventfd2), ("epoll_create1", epollCreate1), ("inotify_init1", inotifyInit1),
        ("recvmmsg", recvmmsg), ("sendmmsg", sendmmsg), ("mlock2", mlock2),
        ("copy_file_range", copyFileRange), ("epoll_pwait2", epollPwait2), ("close_range", closeRange),
    ]
}

extension HostCall {
    static let readahead = 187, fadvise64 = 221, syncfs = 306, schedSetattr = 314, schedGetattr = 315
    static let mknod = 133

    static let more: [(String, Int)] = [
        ("readahead", readahead), ("fadvise64", fadvise64), ("syncfs", syncfs), ("sched_setattr", schedSetattr),
        ("sched_getattr", schedGetattr), ("mknod", mknod),
    ]
}
