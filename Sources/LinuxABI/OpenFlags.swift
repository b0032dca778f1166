// open(2) flags. ARM's arch/arm/include/uapi/asm/fcntl.h moves four flags away from the
// asm-generic positions x86-64 uses: O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE. Every
// other flag has the same bit. O_RDONLY is 0 and O_ACCMODE a two-bit field, so O_WRONLY and
// O_RDWR are rows of their own bits.
//
// O_LARGEFILE: Glibc on x86-64 defines it as 0 (every file is large), but the x86-64 kernel
// sets 0o100000 in the flags F_GETFL returns, so the host column is the kernel's bit.
import Glibc

extension ARMEABI {
    static let openFlags = FlagTable([
        .init("O_WRONLY", 0o1, O_WRONLY),
        .init("O_RDWR", 0o2, O_RDWR),
        .init("O_CREAT", 0o100, O_CREAT),
        .init("O_EXCL", 0o200, O_EXCL),
        .init("O_NOCTTY", 0o400, O_NOCTTY),
        .init("O_TRUNC", 0o1000, O_TRUNC),
        .init("O_APPEND", 0o2000, O_APPEND),
        .init("O_NONBLOCK", 0o4000, O_NONBLOCK),
        .init("O_DSYNC", 0o10000, O_DSYNC),
        .init("FASYNC", 0o20000, FASYNC),
        .init("O_DIRECTORY", 0o40000, O_DIRECTORY),
        .init("O_NOFOLLOW", 0o100000, O_NOFOLLOW),
        .init("O_DIRECT", 0o200000, 0o40000 as UInt32),          // x86-64 kernel value
        .init("O_LARGEFILE", 0o400000, 0o100000 as UInt32),      // x86-64 kernel value
        .init("O_NOATIME", 0o1000000, 0o1000000 as UInt32),      // x86-64 kernel value
        .init("O_CLOEXEC", 0o2000000, O_CLOEXEC),
        .init("__O_SYNC", 0o4000000, 0o4000000 as UInt32),       // x86-64 kernel value; O_SYNC = __O_SYNC|O_DSYNC
        .init("O_PATH", 0o10000000, 0o10000000 as UInt32),       // x86-64 kernel value
        .init("__O_TMPFILE", 0o20000000, 0o20000000 as UInt32),  // x86-64 kernel value; O_TMPFILE = __O_TMPFILE|O_DIRECTORY
    ])
}
