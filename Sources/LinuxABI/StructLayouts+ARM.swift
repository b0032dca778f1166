// ARM EABI struct layouts (armhf: 32-bit long and pointers, 8-byte-aligned long long, unsigned
// char) that are ARM's own or asm-generic's for a 32-bit arch; the ones every arch or every
// 32-bit guest shares are in StructLayouts+Common.swift and StructLayouts+Common32.swift. Facts
// from arm-linux-gnueabihf-gcc over the kernel uapi headers of Debian's
// linux-libc-dev-armhf-cross 6.1; Tests/LinuxABITests/Layouts/layouts.c prints them and
// LinuxABITests compares every number with its output.

extension ARMEABI {
    static let layouts = StructLayouts([
        .stat64: StructLayout("stat64", size: 104, alignment: 8, [
            Field("st_dev", 0, 8),
            Field("__pad0", 8, 1, count: 4),
            Field("__st_ino", 12, 4),
            Field("st_mode", 16, 4),
            Field("st_nlink", 20, 4),
            Field("st_uid", 24, 4),
            Field("st_gid", 28, 4),
            Field("st_rdev", 32, 8),
            Field("__pad3", 40, 1, count: 4),
            Field("st_size", 48, 8, signed: true),
            Field("st_blksize", 56, 4),
            Field("st_blocks", 64, 8),
            Field("st_atime", 72, 4),
            Field("st_atime_nsec", 76, 4),
            Field("st_mtime", 80, 4),
            Field("st_mtime_nsec", 84, 4),
            Field("st_ctime", 88, 4),
            Field("st_ctime_nsec", 92, 4),
            Field("st_ino", 96, 8),
        ]),
        .utsname: .newUtsname(signedChars: false),
        .termios: AsmGeneric.termiosLayout,
        .sigaction: StructLayout("sigaction", size: 20, alignment: 4, [
            Field("sa_handler", 0, 4),
            Field("sa_flags", 4, 4),
            Field("sa_restorer", 8, 4),
            Field("sa_mask.sig", 12, 4, count: 2),
        ]),
        .oldSigaction: StructLayout("old_sigaction", size: 16, alignment: 4, [
            Field("sa_handler", 0, 4),
            Field("sa_mask", 4, 4),
            Field("sa_flags", 8, 4),
            Field("sa_restorer", 12, 4),
        ]),
        .sigset: StructLayout("sigset_t", size: 8, alignment: 4, [
            Field("sig", 0, 4, count: 2),
        ]),
        .stack: StructLayout("stack_t", size: 12, alignment: 4, [
            Field("ss_sp", 0, 4),
            Field("ss_flags", 4, 4, signed: true),
            Field("ss_size", 8, 4),
        ]),
        .siginfo: StructLayout("siginfo_t", size: 128, alignment: 4, [
            Field("si_signo", 0, 4, signed: true),
            Field("si_errno", 4, 4, signed: true),
            Field("si_code", 8, 4, signed: true),
            Field("_sifields", 12, 4, count: 29),
        ]),
        .statfs64: StructLayout("statfs64", size: 84, alignment: 4, [
            Field("f_type", 0, 4),
            Field("f_bsize", 4, 4),
            Field("f_blocks", 8, 8),
            Field("f_bfree", 16, 8),
            Field("f_bavail", 24, 8),
            Field("f_files", 32, 8),
            Field("f_ffree", 40, 8),
            Field("f_fsid.val", 48, 4, count: 2, signed: true),
            Field("f_namelen", 56, 4),
            Field("f_frsize", 60, 4),
            Field("f_flags", 64, 4),
            Field("f_spare", 68, 4, count: 4),
        ]),
        .flock: StructLayout("flock", size: 16, alignment: 4, [
            Field("l_type", 0, 2, signed: true),
            Field("l_whence", 2, 2, signed: true),
            Field("l_start", 4, 4, signed: true),
            Field("l_len", 8, 4, signed: true),
            Field("l_pid", 12, 4, signed: true),
        ]),
    ])
}
