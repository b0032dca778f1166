// Layouts every 32-bit guest shares: structs of longs, pointers and size_t (4 bytes each) with
// no arch-specific declaration, on ABIs that align long long to 8 (ARM EABI, MIPS o32,
// PowerPC). ARM's and MIPS's tables take `common32` whole, beside `fixedWidth`; each arch
// keeps its own stat64, statfs, flock, termios and signal structs. Facts from
// arm-linux-gnueabihf-gcc, mips-linux-gnu-gcc and mipsel-linux-gnu-gcc over the uapi headers
// of Debian's linux-libc-dev cross packages 6.1; Tests/LinuxABITests/Layouts/layouts.c prints
// them and LinuxABITests compares every number for each guest.

extension StructLayouts {
    /// The same on every 32-bit guest (the x86-64 host's are twice as wide).
    static let common32 = StructLayouts([
        .timespec: StructLayout("timespec", size: 8, alignment: 4, [
            Field("tv_sec", 0, 4, signed: true),
            Field("tv_nsec", 4, 4, signed: true),
        ]),
        .timeval: StructLayout("timeval", size: 8, alignment: 4, [
            Field("tv_sec", 0, 4, signed: true),
            Field("tv_usec", 4, 4, signed: true),
        ]),
        .iovec: StructLayout("iovec", size: 8, alignment: 4, [
            Field("iov_base", 0, 4),
            Field("iov_len", 4, 4),
        ]),
        .rlimit: StructLayout("rlimit", size: 8, alignment: 4, [
            Field("rlim_cur", 0, 4),
            Field("rlim_max", 4, 4),
        ]),
        .sysinfo: StructLayout("sysinfo", size: 64, alignment: 4, [
            Field("uptime", 0, 4, signed: true),
            Field("loads", 4, 4, count: 3),
            Field("totalram", 16, 4),
            Field("freeram", 20, 4),
            Field("sharedram", 24, 4),
            Field("bufferram", 28, 4),
            Field("totalswap", 32, 4),
            Field("freeswap", 36, 4),
            Field("procs", 40, 2),
            Field("totalhigh", 44, 4),
            Field("freehigh", 48, 4),
            Field("mem_unit", 52, 4),
        ]),
        .tms: StructLayout("tms", size: 16, alignment: 4, [
            Field("tms_utime", 0, 4, signed: true),
            Field("tms_stime", 4, 4, signed: true),
            Field("tms_cutime", 8, 4, signed: true),
            Field("tms_cstime", 12, 4, signed: true),
        ]),
        // Not packed, as the x86-64 host's is: data at 8.
        .epollEvent: StructLayout("epoll_event", size: 16, alignment: 8, [
            Field("events", 0, 4),
            Field("data", 8, 8),
        ]),
        .rusage: StructLayout("rusage", size: 72, alignment: 4, [
            Field("ru_utime.tv_sec", 0, 4, signed: true),
            Field("ru_utime.tv_usec", 4, 4, signed: true),
            Field("ru_stime.tv_sec", 8, 4, signed: true),
            Field("ru_stime.tv_usec", 12, 4, signed: true),
            Field("ru_maxrss", 16, 4, signed: true),
            Field("ru_ixrss", 20, 4, signed: true),
            Field("ru_idrss", 24, 4, signed: true),
            Field("ru_isrss", 28, 4, signed: true),
            Field("ru_minflt", 32, 4, signed: true),
            Field("ru_majflt", 36, 4, signed: true),
            Field("ru_nswap", 40, 4, signed: true),
            Field("ru_inblock", 44, 4, signed: true),
            Field("ru_oublock", 48, 4, signed: true),
            Field("ru_msgsnd", 52, 4, signed: true),
            Field("ru_msgrcv", 56, 4, signed: true),
            Field("ru_nsignals", 60, 4, signed: true),
            Field("ru_nvcsw", 64, 4, signed: true),
            Field("ru_nivcsw", 68, 4, signed: true),
        ]),
    ])
}
