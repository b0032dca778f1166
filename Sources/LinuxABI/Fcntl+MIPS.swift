// MIPS o32 open flags and fcntl commands (arch/mips/include/uapi/asm/fcntl.h). The flags below
// O_DIRECTORY are SVR4's bits, all different from x86-64's; O_DIRECTORY and up are
// asm-generic's, which x86-64 shares. The lock commands are SVR4's numbers too: F_GETLK is 14
// (F_SETLK and F_SETLKW keep 6 and 7), the flock64 ones 33-35, and F_SETOWN/F_GETOWN are
// swapped to 24/23. MIPS's 32-bit struct flock adds l_sysid and four words of padding; the
// lock types are asm-generic's.
import Glibc

extension MIPSO32 {
    static let openFlags = FlagTable([
        .init("O_WRONLY", 0x1, O_WRONLY),
        .init("O_RDWR", 0x2, O_RDWR),
        .init("O_APPEND", 0x8, O_APPEND),
        .init("O_DSYNC", 0x10, O_DSYNC),
        .init("O_NONBLOCK", 0x80, O_NONBLOCK),
        .init("O_CREAT", 0x100, O_CREAT),
        .init("O_TRUNC", 0x200, O_TRUNC),
        .init("O_EXCL", 0x400, O_EXCL),
        .init("O_NOCTTY", 0x800, O_NOCTTY),
        .init("FASYNC", 0x1000, FASYNC),
        .init("O_LARGEFILE", 0x2000, 0o100000 as UInt32),        // x86-64 kernel value
        .init("__O_SYNC", 0x4000, 0o4000000 as UInt32),          // x86-64 kernel value; O_SYNC = __O_SYNC|O_DSYNC
        .init("O_DIRECT", 0x8000, 0o40000 as UInt32),            // x86-64 kernel value
        .init("O_DIRECTORY", 0o200000, O_DIRECTORY),
        .init("O_NOFOLLOW", 0o400000, O_NOFOLLOW),
        .init("O_NOATIME", 0o1000000, 0o1000000 as UInt32),      // x86-64 kernel value
        .init("O_CLOEXEC", 0o2000000, O_CLOEXEC),
        .init("O_PATH", 0o10000000, 0o10000000 as UInt32),       // x86-64 kernel value
        .init("__O_TMPFILE", 0o20000000, 0o20000000 as UInt32),  // x86-64 kernel value; O_TMPFILE = __O_TMPFILE|O_DIRECTORY
    ])

    static let fcntlCommands = ConstantTable<FcntlCommand>(lockAndOwnerCommands + AsmGeneric.sharedFcntlCommands)

    /// SVR4's numbers.
    private static let lockAndOwnerCommands: [FcntlCommand] = [
        .init("F_SETLK", 6, F_SETLK, .lock(.flock)),
        .init("F_SETLKW", 7, F_SETLKW, .lock(.flock)),
        .init("F_GETLK", 14, F_GETLK, .lock(.flock)),
        .init("F_GETOWN", 23, F_GETOWN, .none),
        .init("F_SETOWN", 24, F_SETOWN, .integer),
        .init("F_GETLK64", 33, F_GETLK, .lock(.flock64)),
        .init("F_SETLK64", 34, F_SETLK, .lock(.flock64)),
        .init("F_SETLKW64", 35, F_SETLKW, .lock(.flock64)),
    ]
}
