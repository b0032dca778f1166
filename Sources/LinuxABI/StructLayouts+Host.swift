// The x86-64 host's kernel struct layouts: what LinuxUser gets back from raw host syscalls that
// Glibc has no struct for (statx, statfs, sysinfo, epoll_event) or whose kernel form differs from
// Glibc's (termios, sigaction, sigset_t). Converting is then one transcode from this layout to
// the guest's. Facts from the host gcc over /usr/include's uapi headers; LinuxABITests builds
// Tests/LinuxABITests/Layouts/layouts.c natively and compares.

extension StructLayouts {
    /// The host (x86-64) kernel's layouts.
    public static let host = StructLayouts(merging: fixedWidth, x86_64)

    /// The host's own: 64-bit long and pointers, signed char; epoll_event packed.
    private static let x86_64 = StructLayouts([
        .stat: StructLayout("stat", size: 144, alignment: 8, [
            Field("st_dev", 0, 8),
            Field("st_ino", 8, 8),
            Field("st_nlink", 16, 8),
            Field("st_mode", 24, 4),
            Field("st_uid", 28, 4),
            Field("st_gid", 32, 4),
            Field("st_rdev", 40, 8),
            Field("st_size", 48, 8, signed: true),
            Field("st_blksize", 56, 8, signed: true),
            Field("st_blocks", 64, 8, signed: true),
            Field("st_atime", 72, 8),
            Field("st_atime_nsec", 80, 8),
            Field("st_mtime", 88, 8),
            Field("st_mtime_nsec", 96, 8),
            Field("st_ctime", 104, 8),
            Field("st_ctime_nsec", 112, 8),
        ]),
        .timespec: StructLayout("timespec", size: 16, alignment: 8, [
            Field("tv_sec", 0, 8, signed: true),
            Field("tv_nsec", 8, 8, signed: true),
        ]),
        .timeval: StructLayout("timeval", size: 16, alignment: 8, [
            Field("tv_sec", 0, 8, signed: true),
            Field("tv_usec", 8, 8, signed: true),
        ]),
        .iovec: StructLayout("iovec", size: 16, alignment: 8, [
            Field("iov_base", 0, 8),
            Field("iov_len", 8, 8),
        ]),
        .utsname: .newUtsname(signedChars: true),
        .rlimit: StructLayout("rlimit", size: 16, alignment: 8, [
            Field("rlim_cur", 0, 8),
            Field("rlim_max", 8, 8),
        ]),
        .termios: AsmGeneric.termiosLayout,
        .termio: StructLayout("termio", size: 18, alignment: 2, [
            Field("c_iflag", 0, 2),
            Field("c_oflag", 2, 2),
            Field("c_cflag", 4, 2),
            Field("c_lflag", 6, 2),
            Field("c_line", 8, 1),
            Field("c_cc", 9, 1, count: 8),
        ]),
        .sigaction: StructLayout("sigaction", size: 32, alignment: 8, [
            Field("sa_handler", 0, 8),
            Field("sa_flags", 8, 8),
            Field("sa_restorer", 16, 8),
            Field("sa_mask.sig", 24, 8),
        ]),
        .sigset: StructLayout("sigset_t", size: 8, alignment: 8, [
            Field("sig", 0, 8),
        ]),
        .stack: StructLayout("stack_t", size: 24, alignment: 8, [
            Field("ss_sp", 0, 8),
            Field("ss_flags", 8, 4, signed: true),
            Field("ss_size", 16, 8),
        ]),
        .sysinfo: StructLayout("sysinfo", size: 112, alignment: 8, [
            Field("uptime", 0, 8, signed: true),
            Field("loads", 8, 8, count: 3),
            Field("totalram", 32, 8),
            Field("freeram", 40, 8),
            Field("sharedram", 48, 8),
            Field("bufferram", 56, 8),
            Field("totalswap", 64, 8),
            Field("freeswap", 72, 8),
            Field("procs", 80, 2),
            Field("totalhigh", 88, 8),
            Field("freehigh", 96, 8),
            Field("mem_unit", 104, 4),
        ]),
        .tms: StructLayout("tms", size: 32, alignment: 8, [
            Field("tms_utime", 0, 8, signed: true),
            Field("tms_stime", 8, 8, signed: true),
            Field("tms_cutime", 16, 8, signed: true),
            Field("tms_cstime", 24, 8, signed: true),
        ]),
        .epollEvent: StructLayout("epoll_event", size: 12, alignment: 1, [
            Field("events", 0, 4),
            Field("data", 4, 8),
        ]),
        .statfs: StructLayout("statfs", size: 120, alignment: 8, [
            Field("f_type", 0, 8, signed: true),
            Field("f_bsize", 8, 8, signed: true),
            Field("f_blocks", 16, 8, signed: true),
            Field("f_bfree", 24, 8, signed: true),
            Field("f_bavail", 32, 8, signed: true),
            Field("f_files", 40, 8, signed: true),
            Field("f_ffree", 48, 8, signed: true),
            Field("f_fsid.val", 56, 4, count: 2, signed: true),
            Field("f_namelen", 64, 8, signed: true),
            Field("f_frsize", 72, 8, signed: true),
            Field("f_flags", 80, 8, signed: true),
            Field("f_spare", 88, 8, count: 4, signed: true),
        ]),
        .rusage: StructLayout("rusage", size: 144, alignment: 8, [
            Field("ru_utime.tv_sec", 0, 8, signed: true),
            Field("ru_utime.tv_usec", 8, 8, signed: true),
            Field("ru_stime.tv_sec", 16, 8, signed: true),
            Field("ru_stime.tv_usec", 24, 8, signed: true),
            Field("ru_maxrss", 32, 8, signed: true),
            Field("ru_ixrss", 40, 8, signed: true),
            Field("ru_idrss", 48, 8, signed: true),
            Field("ru_isrss", 56, 8, signed: true),
            Field("ru_minflt", 64, 8, signed: true),
            Field("ru_majflt", 72, 8, signed: true),
            Field("ru_nswap", 80, 8, signed: true),
            Field("ru_inblock", 88, 8, signed: true),
            Field("ru_oublock", 96, 8, signed: true),
            Field("ru_msgsnd", 104, 8, signed: true),
            Field("ru_msgrcv", 112, 8, signed: true),
            Field("ru_nsignals", 120, 8, signed: true),
            Field("ru_nvcsw", 128, 8, signed: true),
            Field("ru_nivcsw", 136, 8, signed: true),
        ]),
        .flock: StructLayout("flock", size: 32, alignment: 8, [
            Field("l_type", 0, 2, signed: true),
            Field("l_whence", 2, 2, signed: true),
            Field("l_start", 8, 8, signed: true),
            Field("l_len", 16, 8, signed: true),
            Field("l_pid", 24, 4, signed: true),
        ]),
    ])
}
