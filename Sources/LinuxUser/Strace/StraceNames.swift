// The symbolic names `-strace` prints for flags and enumerations. Tables that differ between
// guests come from the guest's ABI (LinuxABI: open, mmap, at, sigaction flags, clocks, fcntl
// commands, rlimits, socket types and SOL_SOCKET); the rest are the kernel's uapi values,
// the same on every Linux arch (a guest that renumbers one needs its own rows here).

import LinuxABI

/// Names for values, in the order strace prints them; `zero` names the value 0.
struct StraceTable: Sendable {
    var rows: [(name: String, value: UInt64)]
    var zero: String? = nil

    init(_ rows: [(String, UInt64)], zero: String? = nil) {
        self.rows = rows.map { (name: $0.0, value: $0.1) }
        self.zero = zero
    }

    init(_ table: FlagTable, zero: String? = nil) {
        self.init(table.entries.filter { $0.guest != 0 }.map { ($0.name.description, UInt64($0.guest)) }, zero: zero)
    }

    init<Entry>(_ table: ConstantTable<Entry>) {
        self.init(table.entries.map { ($0.name.description, UInt64($0.guest)) })
    }

    /// The guest value of the row called `name` (0 when there is none).
    func value(_ name: String) -> UInt64 { rows.first { $0.name == name }?.value ?? 0 }
}

/// Flag sets an argument can name.
enum StraceFlags: Sendable {
    case open, prot, map, at, atStatx, mremap, sigaction, sigaltstack
    case access, lock, wait, getrandom, memfd, renameat2, mlockall, timer, statxMask, clone, socketType
    case eventfd, epollCreate, inotifyInit, fdFlags, waitid

    func table(_ abi: GuestABI) -> StraceTable {
        switch self {
        case .open: StraceTable(abi.openFlags)
        case .prot: StraceTable(abi.protFlags, zero: "PROT_NONE")
        case .map: StraceTable(abi.mapFlags)
        case .at: StraceTable(abi.atFlags)
        case .atStatx: StraceTable(abi.atFlags, zero: "AT_STATX_SYNC_AS_STAT")
        case .mremap: StraceTable(abi.mremapFlags)
        case .sigaction: StraceTable(abi.sigactionFlags)
        case .sigaltstack: StraceTable(abi.sigaltstackFlags)
        case .access: StraceTable([("R_OK", 4), ("W_OK", 2), ("X_OK", 1)], zero: "F_OK")
        case .lock: StraceTable([("LOCK_SH", 1), ("LOCK_EX", 2), ("LOCK_NB", 4), ("LOCK_UN", 8)])
        case .wait:
            StraceTable([("WNOHANG", 1), ("WUNTRACED", 2), ("WCONTINUED", 8), ("__WNOTHREAD", 0x2000_0000),
                         ("__WALL", 0x4000_0000), ("__WCLONE", 0x8000_0000)])
        case .getrandom: StraceTable([("GRND_NONBLOCK", 1), ("GRND_RANDOM", 2), ("GRND_INSECURE", 4)])
        case .memfd:
            StraceTable([("MFD_CLOEXEC", 1), ("MFD_ALLOW_SEALING", 2), ("MFD_HUGETLB", 4), ("MFD_NOEXEC_SEAL", 8), ("MFD_EXEC", 0x10)])
        case .renameat2: StraceTable([("RENAME_NOREPLACE", 1), ("RENAME_EXCHANGE", 2), ("RENAME_WHITEOUT", 4)])
        case .mlockall: StraceTable([("MCL_CURRENT", 1), ("MCL_FUTURE", 2), ("MCL_ONFAULT", 4)])
        case .timer: StraceTable([("TIMER_ABSTIME", 1)])
        case .statxMask:
            StraceTable([("STATX_ALL", 0xfff), ("STATX_BASIC_STATS", 0x7ff), ("STATX_TYPE", 1), ("STATX_MODE", 2),
                         ("STATX_NLINK", 4), ("STATX_UID", 8), ("STATX_GID", 0x10), ("STATX_ATIME", 0x20),
                         ("STATX_MTIME", 0x40), ("STATX_CTIME", 0x80), ("STATX_INO", 0x100), ("STATX_SIZE", 0x200),
                         ("STATX_BLOCKS", 0x400), ("STATX_BTIME", 0x800), ("STATX_MNT_ID", 0x1000),
                         ("STATX_DIOALIGN", 0x2000)])
        case .clone: Self.cloneTable
        // SOCK_NONBLOCK, EFD_NONBLOCK, ... are O_NONBLOCK and O_CLOEXEC of the guest.
        case .socketType: Self.openBits(abi, [("SOCK_NONBLOCK", "O_NONBLOCK"), ("SOCK_CLOEXEC", "O_CLOEXEC")])
        case .eventfd:
            StraceTable([("EFD_SEMAPHORE", 1)] + Self.openBits(abi, [("EFD_NONBLOCK", "O_NONBLOCK"), ("EFD_CLOEXEC", "O_CLOEXEC")]).rows.map { ($0.name, $0.value) })
        case .epollCreate: Self.openBits(abi, [("EPOLL_CLOEXEC", "O_CLOEXEC")])
        case .inotifyInit: Self.openBits(abi, [("IN_NONBLOCK", "O_NONBLOCK"), ("IN_CLOEXEC", "O_CLOEXEC")])
        case .fdFlags: StraceTable([("FD_CLOEXEC", 1)])
        case .waitid:
            StraceTable([("WNOHANG", UInt64(WaitID.noHang)), ("WSTOPPED", UInt64(WaitID.stopped)), ("WEXITED", UInt64(WaitID.exited)),
                         ("WCONTINUED", UInt64(WaitID.continued)), ("WNOWAIT", UInt64(WaitID.noWait)), ("__WNOTHREAD", 0x2000_0000),
                         ("__WALL", 0x4000_0000), ("__WCLONE", 0x8000_0000)])
        }
    }

    private static func openBits(_ abi: GuestABI, _ names: [(String, String)]) -> StraceTable {
        let open = StraceTable(abi.openFlags)
        return StraceTable(names.map { ($0.0, open.value($0.1)) }.filter { $0.1 != 0 })
    }

    static let cloneTable = StraceTable([
        ("CLONE_VM", 0x100), ("CLONE_FS", 0x200), ("CLONE_FILES", 0x400), ("CLONE_SIGHAND", 0x800),
        ("CLONE_PIDFD", 0x1000), ("CLONE_PTRACE", 0x2000), ("CLONE_VFORK", 0x4000), ("CLONE_PARENT", 0x8000),
        ("CLONE_THREAD", 0x1_0000), ("CLONE_NEWNS", 0x2_0000), ("CLONE_SYSVSEM", 0x4_0000), ("CLONE_SETTLS", 0x8_0000),
        ("CLONE_PARENT_SETTID", 0x10_0000), ("CLONE_CHILD_CLEARTID", 0x20_0000), ("CLONE_DETACHED", 0x40_0000),
        ("CLONE_UNTRACED", 0x80_0000), ("CLONE_CHILD_SETTID", 0x100_0000), ("CLONE_NEWCGROUP", 0x200_0000),
        ("CLONE_NEWUTS", 0x400_0000), ("CLONE_NEWIPC", 0x800_0000), ("CLONE_NEWUSER", 0x1000_0000),
        ("CLONE_NEWPID", 0x2000_0000), ("CLONE_NEWNET", 0x4000_0000), ("CLONE_IO", 0x8000_0000),
    ])
}

/// Enumerations an argument can name.
enum StraceConstants: Sendable {
    case clock, sigprocmaskHow, rlimit, fcntlCommand
    case whence, madvise, socketFamily, shutdown, priorityWhich, rusageWho, prctl, epollControl, socketLevel, itimer
    case waitIDType

    func table(_ abi: GuestABI) -> StraceTable {
        switch self {
        case .clock: StraceTable(abi.clockIDs)
        case .sigprocmaskHow: StraceTable(abi.sigprocmaskHow)
        case .rlimit: StraceTable(abi.rlimitResources)
        case .fcntlCommand: StraceTable(abi.fcntlCommands)
        case .whence: StraceTable([("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2), ("SEEK_DATA", 3), ("SEEK_HOLE", 4)])
        case .madvise:
            StraceTable([("MADV_NORMAL", 0), ("MADV_RANDOM", 1), ("MADV_SEQUENTIAL", 2), ("MADV_WILLNEED", 3),
                         ("MADV_DONTNEED", 4), ("MADV_FREE", 8), ("MADV_REMOVE", 9), ("MADV_DONTFORK", 10),
                         ("MADV_DOFORK", 11), ("MADV_MERGEABLE", 12), ("MADV_UNMERGEABLE", 13), ("MADV_HUGEPAGE", 14),
                         ("MADV_NOHUGEPAGE", 15), ("MADV_DONTDUMP", 16), ("MADV_DODUMP", 17)])
        case .socketFamily:
            StraceTable([("AF_UNSPEC", 0), ("AF_UNIX", 1), ("AF_INET", 2), ("AF_INET6", 10), ("AF_NETLINK", 16), ("AF_PACKET", 17)])
        case .shutdown: StraceTable([("SHUT_RD", 0), ("SHUT_WR", 1), ("SHUT_RDWR", 2)])
        case .priorityWhich: StraceTable([("PRIO_PROCESS", 0), ("PRIO_PGRP", 1), ("PRIO_USER", 2)])
        case .rusageWho: StraceTable([("RUSAGE_SELF", 0), ("RUSAGE_CHILDREN", 0xffff_ffff), ("RUSAGE_THREAD", 1)])
        case .prctl:
            StraceTable([("PR_SET_PDEATHSIG", 1), ("PR_GET_PDEATHSIG", 2), ("PR_GET_DUMPABLE", 3), ("PR_SET_DUMPABLE", 4),
                         ("PR_SET_NAME", 15), ("PR_GET_NAME", 16), ("PR_SET_SECCOMP", 22), ("PR_CAPBSET_READ", 23),
                         ("PR_SET_CHILD_SUBREAPER", 36), ("PR_GET_CHILD_SUBREAPER", 37), ("PR_SET_NO_NEW_PRIVS", 38),
                         ("PR_GET_NO_NEW_PRIVS", 39), ("PR_SET_VMA", 0x5356_4d41)])
        case .epollControl: StraceTable([("EPOLL_CTL_ADD", 1), ("EPOLL_CTL_DEL", 2), ("EPOLL_CTL_MOD", 3)])
        // SOL_SOCKET is the guest's (MIPS: 0xffff); the protocol levels are the same everywhere.
        case .socketLevel:
            StraceTable([("SOL_IP", 0), ("SOL_SOCKET", UInt64(abi.sockets?.socketLevel.guest ?? 1)), ("SOL_TCP", 6), ("SOL_UDP", 17),
                         ("SOL_IPV6", 41)])
        case .itimer: StraceTable([("ITIMER_REAL", 0), ("ITIMER_VIRTUAL", 1), ("ITIMER_PROF", 2)])
        case .waitIDType:
            StraceTable([("P_ALL", UInt64(WaitID.all)), ("P_PID", UInt64(WaitID.pid)), ("P_PGID", UInt64(WaitID.processGroup)),
                         ("P_PIDFD", UInt64(WaitID.pidfd))])
        }
    }
}

/// futex(2) operations (linux/futex.h; the same on every arch).
enum FutexNames {
    static let commands = ["FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE", "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP",
                           "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI", "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET",
                           "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI", "FUTEX_LOCK_PI2"]
    static let privateFlag: UInt64 = 128
    static let clockRealtime: UInt64 = 256
}
