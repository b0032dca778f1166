// Host (x86-64) system call numbers, from the system's own <sys/syscall.h>, as constants
// Swift can see (its importer drops the SYS_* macros, which expand to other macros).
#ifndef CHOST_SYSCALLS_H
#define CHOST_SYSCALLS_H
#include <sys/syscall.h>

enum {
    HOST_SYS_read = SYS_read, HOST_SYS_write = SYS_write, HOST_SYS_readv = SYS_readv, HOST_SYS_writev = SYS_writev,
    HOST_SYS_openat = SYS_openat, HOST_SYS_close = SYS_close, HOST_SYS_lseek = SYS_lseek,
    HOST_SYS_pread64 = SYS_pread64, HOST_SYS_pwrite64 = SYS_pwrite64,
    HOST_SYS_preadv = SYS_preadv, HOST_SYS_pwritev = SYS_pwritev,
    HOST_SYS_fstat = SYS_fstat, HOST_SYS_newfstatat = SYS_newfstatat, HOST_SYS_statx = SYS_statx,
    HOST_SYS_getdents64 = SYS_getdents64, HOST_SYS_readlinkat = SYS_readlinkat, HOST_SYS_getcwd = SYS_getcwd,
    HOST_SYS_chdir = SYS_chdir, HOST_SYS_fchdir = SYS_fchdir, HOST_SYS_faccessat = SYS_faccessat,
    HOST_SYS_faccessat2 = SYS_faccessat2, HOST_SYS_mkdirat = SYS_mkdirat, HOST_SYS_unlinkat = SYS_unlinkat,
    HOST_SYS_renameat2 = SYS_renameat2, HOST_SYS_linkat = SYS_linkat, HOST_SYS_symlinkat = SYS_symlinkat,
    HOST_SYS_fchmod = SYS_fchmod, HOST_SYS_fchmodat = SYS_fchmodat, HOST_SYS_fchown = SYS_fchown,
    HOST_SYS_fchownat = SYS_fchownat, HOST_SYS_umask = SYS_umask, HOST_SYS_truncate = SYS_truncate,
    HOST_SYS_ftruncate = SYS_ftruncate, HOST_SYS_fsync = SYS_fsync, HOST_SYS_fdatasync = SYS_fdatasync,
    HOST_SYS_utimensat = SYS_utimensat, HOST_SYS_mknodat = SYS_mknodat,
    HOST_SYS_fcntl = SYS_fcntl, HOST_SYS_ioctl = SYS_ioctl, HOST_SYS_flock = SYS_flock,
    HOST_SYS_dup = SYS_dup, HOST_SYS_dup3 = SYS_dup3, HOST_SYS_pipe2 = SYS_pipe2,
    HOST_SYS_sched_yield = SYS_sched_yield, HOST_SYS_getpid = SYS_getpid, HOST_SYS_gettid = SYS_gettid,
    HOST_SYS_getppid = SYS_getppid, HOST_SYS_getuid = SYS_getuid, HOST_SYS_geteuid = SYS_geteuid,
    HOST_SYS_getgid = SYS_getgid, HOST_SYS_getegid = SYS_getegid, HOST_SYS_getpgid = SYS_getpgid,
    HOST_SYS_getsid = SYS_getsid, HOST_SYS_setpgid = SYS_setpgid, HOST_SYS_setsid = SYS_setsid,
    HOST_SYS_getgroups = SYS_getgroups, HOST_SYS_getresuid = SYS_getresuid, HOST_SYS_getresgid = SYS_getresgid,
    HOST_SYS_getrandom = SYS_getrandom, HOST_SYS_clock_gettime = SYS_clock_gettime,
    HOST_SYS_clock_getres = SYS_clock_getres, HOST_SYS_clock_nanosleep = SYS_clock_nanosleep,
    HOST_SYS_nanosleep = SYS_nanosleep, HOST_SYS_gettimeofday = SYS_gettimeofday,
    HOST_SYS_prlimit64 = SYS_prlimit64, HOST_SYS_kill = SYS_kill, HOST_SYS_tgkill = SYS_tgkill,
    HOST_SYS_rt_sigqueueinfo = SYS_rt_sigqueueinfo, HOST_SYS_rt_tgsigqueueinfo = SYS_rt_tgsigqueueinfo,
    HOST_SYS_poll = SYS_poll, HOST_SYS_ppoll = SYS_ppoll, HOST_SYS_sysinfo = SYS_sysinfo,
    HOST_SYS_times = SYS_times, HOST_SYS_getrusage = SYS_getrusage, HOST_SYS_getpriority = SYS_getpriority,
    HOST_SYS_sched_getaffinity = SYS_sched_getaffinity, HOST_SYS_statfs = SYS_statfs,
    HOST_SYS_fstatfs = SYS_fstatfs, HOST_SYS_madvise = SYS_madvise, HOST_SYS_memfd_create = SYS_memfd_create,
    HOST_SYS_wait4 = SYS_wait4, HOST_SYS_pselect6 = SYS_pselect6, HOST_SYS_prctl = SYS_prctl,
    HOST_SYS_futex = SYS_futex, HOST_SYS_msync = SYS_msync, HOST_SYS_mincore = SYS_mincore,
    HOST_SYS_eventfd2 = SYS_eventfd2, HOST_SYS_getcpu = SYS_getcpu, HOST_SYS_personality = SYS_personality,
    HOST_SYS_sync = SYS_sync, HOST_SYS_fallocate = SYS_fallocate, HOST_SYS_close_range = SYS_close_range,
    HOST_SYS_rt_sigprocmask = SYS_rt_sigprocmask, HOST_SYS_rt_sigsuspend = SYS_rt_sigsuspend,
    HOST_SYS_rt_sigtimedwait = SYS_rt_sigtimedwait, HOST_SYS_setitimer = SYS_setitimer, HOST_SYS_getitimer = SYS_getitimer,
    HOST_SYS_preadv2 = SYS_preadv2, HOST_SYS_pwritev2 = SYS_pwritev2,
    HOST_SYS_pidfd_open = SYS_pidfd_open, HOST_SYS_pidfd_send_signal = SYS_pidfd_send_signal,
    HOST_SYS_pidfd_getfd = SYS_pidfd_getfd, HOST_SYS_ioprio_set = SYS_ioprio_set, HOST_SYS_ioprio_get = SYS_ioprio_get,
    HOST_SYS_membarrier = SYS_membarrier, HOST_SYS_setpriority = SYS_setpriority,
};

#endif
