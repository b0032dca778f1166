// MIPS o32 struct layouts of files (32-bit long and pointers, 8-byte aligned long long, like
// ARM EABI, but signed char); the ones every arch or every 32-bit guest shares, times and
// resources among them, are in StructLayouts+Common.swift and StructLayouts+Common32.swift.
// Facts from mips-linux-gnu-gcc over the kernel uapi headers of Debian's
// linux-libc-dev-mips-cross 6.1 (mipsel-linux-gnu-gcc gives the same numbers; only the byte
// order differs). Tests/LinuxABITests/Layouts/layouts.c prints them and LinuxABITests
// compares. MIPS's own: stat64 (IRIX's, with 32-bit st_dev/st_rdev and padding
// after them, signed times, st_blksize after the times), statfs and statfs64 (32-bit f_type,
// f_frsize third, f_bavail after f_ffree), and struct flock (l_sysid and four words of padding
// after l_pid, where the 6.1 uapi header and so the kernel put them; glibc's own struct flock
// has l_sysid first, but glibc turns every lock call into an F_*LK64 one with flock64).

extension MIPSO32 {
    static let layouts = StructLayouts([
        .stat64: StructLayout("stat64", size: 104, alignment: 8, [
            Field("st_dev", 0, 4),
            Field("st_pad0", 4, 4, count: 3),
            Field("st_ino", 16, 8),
            Field("st_mode", 24, 4),
            Field("st_nlink", 28, 4),
            Field("st_uid", 32, 4),
            Field("st_gid", 36, 4),
            Field("st_rdev", 40, 4),
            Field("st_pad1", 44, 4, count: 3),
            Field("st_size", 56, 8, signed: true),
            Field("st_atime", 64, 4, signed: true),
            Field("st_atime_nsec", 68, 4),
            Field("st_mtime", 72, 4, signed: true),
            Field("st_mtime_nsec", 76, 4),
            Field("st_ctime", 80, 4, signed: true),
            Field("st_ctime_nsec", 84, 4),
            Field("st_blksize", 88, 4),
            Field("st_pad2", 92, 4),
            Field("st_blocks", 96, 8, signed: true),
        ]),
        .utsname: .newUtsname(signedChars: true),
        .statfs: StructLayout("statfs", size: 68, alignment: 4, [
            Field("f_type", 0, 4, signed: true),
            Field("f_bsize", 4, 4, signed: true),
            Field("f_frsize", 8, 4, signed: true),
            Field("f_blocks", 12, 4, signed: true),
            Field("f_bfree", 16, 4, signed: true),
            Field("f_files", 20, 4, signed: true),
            Field("f_ffree", 24, 4, signed: true),
            Field("f_bavail", 28, 4, signed: true),
            Field("f_fsid.val", 32, 4, count: 2, signed: true),
            Field("f_namelen", 40, 4, signed: true),
            Field("f_flags", 44, 4, signed: true),
            Field("f_spare", 48, 4, count: 5, signed: true),
        ]),
        .statfs64: StructLayout("statfs64", size: 96, alignment: 8, [
            Field("f_type", 0, 4),
            Field("f_bsize", 4, 4),
            Field("f_frsize", 8, 4),
            Field("__pad", 12, 4),
            Field("f_blocks", 16, 8),
            Field("f_bfree", 24, 8),
            Field("f_files", 32, 8),
            Field("f_ffree", 40, 8),
            Field("f_bavail", 48, 8),
            Field("f_fsid.val", 56, 4, count: 2, signed: true),
            Field("f_namelen", 64, 4),
            Field("f_flags", 68, 4),
            Field("f_spare", 72, 4, count: 5),
        ]),
        .flock: StructLayout("flock", size: 36, alignment: 4, [
            Field("l_type", 0, 2, signed: true),
            Field("l_whence", 2, 2, signed: true),
            Field("l_start", 4, 4, signed: true),
            Field("l_len", 8, 4, signed: true),
            Field("l_pid", 12, 4, signed: true),
            Field("l_sysid", 16, 4, signed: true),
            Field("pad", 20, 4, count: 4, signed: true),
        ]),
    ])
}
