// The syscall table: one row per call Mirage implements, from the generic `Syscall` name to
// its implementation. Numbers are per guest (LinuxABI); everything here is written once for
// all guests. A call not listed returns ENOSYS and, with `-d unimp`, says so.

import CHost
import Glibc
import Host
import LinuxABI

extension SyscallContext {
    /// Runs `call`; nil when Mirage does not implement it.
    mutating func dispatch(_ call: Syscall, machine: String) -> SyscallResult? {
        switch call {
        // Files and descriptors
        case .read: return read()
        case .write: return write()
        case .readv: return vectored(write: false, hostCall: HOST_SYS_readv)
        case .writev: return vectored(write: true, hostCall: HOST_SYS_writev)
        case .pread64: return pread64()
        case .pwrite64: return pwrite64()
        case .open: return open(dirfd: AT_FDCWD, pathArg: 0, flagsArg: 1, modeArg: 2)
        case .openat: return open(dirfd: abi.translateDirectoryFD(int(0)), pathArg: 1, flagsArg: 2, modeArg: 3)
        case .creat: return pathCall(HOST_SYS_openat, [cwd, pathSlot, Int(O_CREAT | O_WRONLY | O_TRUNC), Int(arg(1) & 0o7777)], pathArg: 0)
        case .close: return close()
        case .lseek: return lseek()
        case ._llseek: return llseek()
        case .dup: return dup()
        case .dup2: return dup2()
        case .dup3: return dup3()
        case .pipe: return pipe(flagsArg: nil)
        case .pipe2: return pipe(flagsArg: 1)
        case .fcntl, .fcntl64: return fcntl64()
        case .ioctl: return ioctl()
        case .fsync: return forward(Host.guestSyscall(HOST_SYS_fsync, Int(int(0))))
        case .fdatasync: return forward(Host.guestSyscall(HOST_SYS_fdatasync, Int(int(0))))
        case .ftruncate64: return forward(Host.guestSyscall(HOST_SYS_ftruncate, Int(int(0)), Int(bitPattern: UInt(pair(2)))))
        case .ftruncate: return forward(Host.guestSyscall(HOST_SYS_ftruncate, Int(int(0)), Int(arg(1) & 0xffff_ffff)))
        case .truncate64: return pathCall(HOST_SYS_truncate, [pathSlot, Int(bitPattern: UInt(pair(2)))], pathArg: 0)
        case .fchmod: return forward(Host.guestSyscall(HOST_SYS_fchmod, Int(int(0)), Int(arg(1) & 0o7777)))
        case .fchown32, .fchown: return forward(Host.guestSyscall(HOST_SYS_fchown, Int(int(0)), Int(int(1)), Int(int(2))))
        case .flock: return forward(Host.guestSyscall(HOST_SYS_flock, Int(int(0)), Int(int(1))))
        case .umask: return forward(Host.guestSyscall(HOST_SYS_umask, Int(arg(0) & 0o777)))
        case .sync: return forward(Host.guestSyscall(HOST_SYS_sync))

        // Names and metadata
        case .stat64: return stat64(dirfd: AT_FDCWD, pathArg: 0, bufferArg: 1, flags: 0)
        case .lstat64: return stat64(dirfd: AT_FDCWD, pathArg: 0, bufferArg: 1, flags: AT_SYMLINK_NOFOLLOW)
        case .fstat64: return stat64(dirfd: int(0), pathArg: nil, bufferArg: 1, flags: 0)
        case .fstatat64: return fstatat64()
        case .statx: return statx()
        case .getdents64: return getdents64Cookies()
        case .readlink: return readlink(dirfd: AT_FDCWD, pathArg: 0, bufferArg: 1, sizeArg: 2)
        case .readlinkat: return readlink(dirfd: abi.translateDirectoryFD(int(0)), pathArg: 1, bufferArg: 2, sizeArg: 3)
        case .getcwd: return getcwd()
        case .chdir: return pathCall(HOST_SYS_chdir, [pathSlot], pathArg: 0)
        case .fchdir: return forward(Host.guestSyscall(HOST_SYS_fchdir, Int(int(0))))
        case .access: return pathCall(HOST_SYS_faccessat, [cwd, pathSlot, Int(int(1))], pathArg: 0)
        case .faccessat: return pathCall(HOST_SYS_faccessat, [dirfd(0), pathSlot, Int(int(2))], pathArg: 1)
        case .faccessat2: return pathCall(HOST_SYS_faccessat2, [dirfd(0), pathSlot, Int(int(2)), atFlags(3)], pathArg: 1)
        case .mkdir: return pathCall(HOST_SYS_mkdirat, [cwd, pathSlot, Int(arg(1) & 0o7777)], pathArg: 0)
        case .mkdirat: return pathCall(HOST_SYS_mkdirat, [dirfd(0), pathSlot, Int(arg(2) & 0o7777)], pathArg: 1)
        case .rmdir: return pathCall(HOST_SYS_unlinkat, [cwd, pathSlot, Int(AT_REMOVEDIR)], pathArg: 0)
        case .unlink: return pathCall(HOST_SYS_unlinkat, [cwd, pathSlot, 0], pathArg: 0)
        case .unlinkat: return pathCall(HOST_SYS_unlinkat, [dirfd(0), pathSlot, atFlags(2)], pathArg: 1)
        case .chmod: return pathCall(HOST_SYS_fchmodat, [cwd, pathSlot, Int(arg(1) & 0o7777)], pathArg: 0)
        case .fchmodat: return pathCall(HOST_SYS_fchmodat, [dirfd(0), pathSlot, Int(arg(2) & 0o7777)], pathArg: 1)
        case .chown32, .chown: return pathCall(HOST_SYS_fchownat, [cwd, pathSlot, Int(int(1)), Int(int(2)), 0], pathArg: 0)
        case .lchown32, .lchown: return pathCall(HOST_SYS_fchownat, [cwd, pathSlot, Int(int(1)), Int(int(2)), Int(AT_SYMLINK_NOFOLLOW)], pathArg: 0)
        case .fchownat: return pathCall(HOST_SYS_fchownat, [dirfd(0), pathSlot, Int(int(2)), Int(int(3)), atFlags(4)], pathArg: 1)
        case .rename: return twoPathCall(HOST_SYS_renameat2, before: [cwd], firstPath: 0, middle: [cwd], secondPath: 1, after: [0])
        case .renameat: return twoPathCall(HOST_SYS_renameat2, before: [dirfd(0)], firstPath: 1, middle: [dirfd(2)], secondPath: 3, after: [0])
        case .renameat2: return twoPathCall(HOST_SYS_renameat2, before: [dirfd(0)], firstPath: 1, middle: [dirfd(2)], secondPath: 3, after: [Int(int(4))])
        case .link: return twoPathCall(HOST_SYS_linkat, before: [cwd], firstPath: 0, middle: [cwd], secondPath: 1, after: [0])
        case .linkat: return twoPathCall(HOST_SYS_linkat, before: [dirfd(0)], firstPath: 1, middle: [dirfd(2)], secondPath: 3, after: [atFlags(4)])
        case .symlink: return twoPathCall(HOST_SYS_symlinkat, before: [], firstPath: 0, middle: [cwd], secondPath: 1, after: [])
        case .symlinkat: return twoPathCall(HOST_SYS_symlinkat, before: [], firstPath: 0, middle: [dirfd(1)], secondPath: 2, after: [])

        // Memory
        case .brk: return brk()
        case .mmap2: return mmap2()
        case .munmap: return munmap()
        case .mprotect: return mprotect()
        case .mremap: return mremap()
        case .madvise: return madvise()

        // Process
        case .exit: return exitThread()
        case .exit_group: exitGroup()
        case .getpid: return simple(HOST_SYS_getpid)
        case .gettid: return simple(HOST_SYS_gettid)
        case .getppid: return simple(HOST_SYS_getppid)
        case .getuid32, .getuid: return simple(HOST_SYS_getuid)
        case .geteuid32, .geteuid: return simple(HOST_SYS_geteuid)
        case .getgid32, .getgid: return simple(HOST_SYS_getgid)
        case .getegid32, .getegid: return simple(HOST_SYS_getegid)
        case .getresuid32, .getresuid: return getres(HOST_SYS_getresuid)
        case .getresgid32, .getresgid: return getres(HOST_SYS_getresgid)
        case .getgroups32, .getgroups: return getgroups()
        case .getpgid: return forward(Host.guestSyscall(HOST_SYS_getpgid, Int(int(0))))
        case .getpgrp: return forward(Host.guestSyscall(HOST_SYS_getpgid, 0))
        case .getsid: return forward(Host.guestSyscall(HOST_SYS_getsid, Int(int(0))))
        case .setpgid: return forward(Host.guestSyscall(HOST_SYS_setpgid, Int(int(0)), Int(int(1))))
        case .setsid: return simple(HOST_SYS_setsid)
        case .set_tid_address: return setTIDAddress()
        case .set_robust_list: return setRobustList()
        case .rseq: return nil
        case .uname: return uname(machine: machine)
        case .getrandom: return getrandom()
        case .prlimit64: return prlimit64()
        case .ugetrlimit: return ugetrlimit()
        case .setrlimit: return setrlimit()
        case .sched_yield: return simple(HOST_SYS_sched_yield)
        case .sched_getaffinity: return schedGetaffinity()
        case .sysinfo: return sysinfo()
        case .getpriority: return forward(Host.guestSyscall(HOST_SYS_getpriority, Int(int(0)), Int(int(1))))

        // Child processes
        case .clone: return clone()
        case .fork, .vfork: return fork()
        case .execve: return execve()
        case .wait4: return wait4()

        // Miscellany
        case .futex: return futex(.timespec)
        case .futex_time64: return futex(.kernelTimespec)
        case .statfs64: return statfs64(path: true)
        case .fstatfs64: return statfs64(path: false)
        case .prctl: return prctl()
        case .sigaltstack: return sigaltstack()
        case .getcpu: return getcpu()
        case .personality: return arg(0) == 0xffff_ffff || arg(0) == 0 ? 0 : fail(EINVAL)
        case .msync, .mlock, .munlock: return memoryHint()
        case .mincore: return mincore()
        case .mlockall, .munlockall: return 0

        // Waiting on descriptors
        case .poll: return poll()
        case .ppoll: return ppoll(.timespec)
        case .ppoll_time64: return ppoll(.kernelTimespec)
        case ._newselect: return select()
        case .pselect6: return pselect6(.timespec)
        case .pselect6_time64: return pselect6(.kernelTimespec)

        // Time
        case .clock_gettime: return clockGet(HOST_SYS_clock_gettime, .timespec)
        case .clock_gettime64: return clockGet(HOST_SYS_clock_gettime, .kernelTimespec)
        case .clock_getres: return clockGet(HOST_SYS_clock_getres, .timespec)
        case .clock_getres_time64: return clockGet(HOST_SYS_clock_getres, .kernelTimespec)
        case .gettimeofday: return gettimeofday()
        case .nanosleep: return nanosleep()
        case .clock_nanosleep: return clockNanosleep(.timespec)
        case .clock_nanosleep_time64: return clockNanosleep(.kernelTimespec)
        case .times: return times()
        case .utimensat: return utimensat(.timespec)
        case .utimensat_time64: return utimensat(.kernelTimespec)
        case .getrusage: return getrusage()

        // Signals
        case .rt_sigaction: return rtSigaction()
        case .rt_sigprocmask: return rtSigprocmask()
        case .sigprocmask: return sigprocmask()
        case .rt_sigpending: return sigpending(wide: true)
        case .sigpending: return sigpending(wide: false)
        case .rt_sigsuspend: return sigsuspend(.wide)
        case .sigsuspend: return sigsuspend(.narrow)
        case .pause: return sigsuspend(.current)
        case .rt_sigtimedwait: return sigtimedwait(.timespec)
        case .rt_sigtimedwait_time64: return sigtimedwait(.kernelTimespec)
        case .setitimer: return setitimer()
        case .getitimer: return getitimer()
        case .kill: return sendSignal(pid: int(0), tid: nil, signal: int(1))
        case .tgkill: return sendSignal(pid: int(0), tid: int(1), signal: int(2))
        case .tkill: return sendSignal(pid: getpid(), tid: int(0), signal: int(1))
        case .rt_sigqueueinfo: return queueSignal(pid: int(0), tid: nil, signal: int(1), infoArg: 2)
        case .rt_tgsigqueueinfo: return queueSignal(pid: int(0), tid: int(1), signal: int(2), infoArg: 3)

        default:
            return nil
        }
    }
}
