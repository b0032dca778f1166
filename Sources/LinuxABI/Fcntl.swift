// fcntl(2) commands and what each one's third argument is. On 32-bit ARM, F_GETLK/F_SETLK/
// F_SETLKW (5/6/7) take the 32-bit-offset struct flock and F_GETLK64/F_SETLK64/F_SETLKW64
// (12/13/14, asm-generic/fcntl.h for __BITS_PER_LONG == 32) take struct flock64; both kinds
// become the x86-64 host's F_GETLK/F_SETLK/F_SETLKW, whose struct flock has 64-bit offsets.
// The argument kind tells LinuxUser which guest layout to marshal.
import Glibc

/// What an fcntl command's third argument and result mean.
public enum FcntlArgument: Sendable, Equatable {
    /// No argument; the result is a plain number (F_GETFD, F_GETOWN, F_GETPIPE_SZ, ...).
    case none
    /// An integer passed through unchanged (F_DUPFD's lowest fd, F_SETFD's FD_CLOEXEC, ...).
    case integer
    /// Guest open flags, translated through `openFlags` (F_SETFL).
    case openFlags
    /// No argument; the result is host open flags, untranslated through `openFlags` (F_GETFL).
    case returnsOpenFlags
    /// A signal number, translated through `signals` (F_SETSIG).
    case signal
    /// No argument; the result is a host signal number (F_GETSIG).
    case returnsSignal
    /// A guest pointer to a lock record of this layout (`.flock` or `.flock64`); F_GETLK-type
    /// commands write it back.
    case lock(StructKind)
    /// A guest pointer to struct f_owner_ex.
    case ownerEx
    /// A guest pointer to a u64 (read/write hints).
    case pointerToUInt64
    /// A guest pointer to two uid_t (F_GETOWNER_UIDS).
    case ownerUIDs
}

/// One fcntl command.
public struct FcntlCommand: TranslatedConstant {
    public var name: StaticString
    public var guest: UInt32
    public var host: UInt32
    public var argument: FcntlArgument

    public init(_ name: StaticString, _ guest: UInt32, _ host: some BinaryInteger, _ argument: FcntlArgument) {
        self.name = name
        self.guest = guest
        self.host = UInt32(truncatingIfNeeded: host)
        self.argument = argument
    }
}

extension AsmGeneric {
    /// The commands every guest numbers as asm-generic/fcntl.h and linux/fcntl.h do (MIPS's
    /// fcntl.h defines its own lock and owner commands, then includes asm-generic's for these).
    /// Host values Glibc does not export without _GNU_SOURCE are the x86-64 kernel's numbers
    /// (F_LINUX_SPECIFIC_BASE is 1024 everywhere).
    static let sharedFcntlCommands: [FcntlCommand] = [
        .init("F_DUPFD", 0, F_DUPFD, .integer),
        .init("F_GETFD", 1, F_GETFD, .none),
        .init("F_SETFD", 2, F_SETFD, .integer),
        .init("F_GETFL", 3, F_GETFL, .returnsOpenFlags),
        .init("F_SETFL", 4, F_SETFL, .openFlags),
        .init("F_SETSIG", 10, 10 as UInt32, .signal),
        .init("F_GETSIG", 11, 11 as UInt32, .returnsSignal),
        .init("F_SETOWN_EX", 15, 15 as UInt32, .ownerEx),
        .init("F_GETOWN_EX", 16, 16 as UInt32, .ownerEx),
        .init("F_GETOWNER_UIDS", 17, 17 as UInt32, .ownerUIDs),
        // Open file description locks take struct flock64 through fcntl64, which is how the
        // guest's C library calls them (through plain fcntl a 32-bit kernel reads struct flock).
        .init("F_OFD_GETLK", 36, 36 as UInt32, .lock(.flock64)),
        .init("F_OFD_SETLK", 37, 37 as UInt32, .lock(.flock64)),
        .init("F_OFD_SETLKW", 38, 38 as UInt32, .lock(.flock64)),
        .init("F_SETLEASE", 1024, 1024 as UInt32, .integer),
        .init("F_GETLEASE", 1025, 1025 as UInt32, .none),
        .init("F_NOTIFY", 1026, 1026 as UInt32, .integer),
        .init("F_CANCELLK", 1029, 1029 as UInt32, .none),
        .init("F_DUPFD_CLOEXEC", 1030, F_DUPFD_CLOEXEC, .integer),
        .init("F_SETPIPE_SZ", 1031, 1031 as UInt32, .integer),
        .init("F_GETPIPE_SZ", 1032, 1032 as UInt32, .none),
        .init("F_ADD_SEALS", 1033, 1033 as UInt32, .integer),
        .init("F_GET_SEALS", 1034, 1034 as UInt32, .none),
        .init("F_GET_RW_HINT", 1035, 1035 as UInt32, .pointerToUInt64),
        .init("F_SET_RW_HINT", 1036, 1036 as UInt32, .pointerToUInt64),
        .init("F_GET_FILE_RW_HINT", 1037, 1037 as UInt32, .pointerToUInt64),
        .init("F_SET_FILE_RW_HINT", 1038, 1038 as UInt32, .pointerToUInt64),
    ]

    /// struct flock's l_type (asm-generic/fcntl.h; x86-64 the same).
    static let lockTypes = ConstantTable<Constant>([
        .init("F_RDLCK", 0, F_RDLCK),
        .init("F_WRLCK", 1, F_WRLCK),
        .init("F_UNLCK", 2, F_UNLCK),
    ])
}

extension ARMEABI {
    static let fcntlCommands = ConstantTable<FcntlCommand>(lockAndOwnerCommands + AsmGeneric.sharedFcntlCommands)

    /// asm-generic/fcntl.h's for a 32-bit arch (ARM's fcntl.h moves only open flags).
    private static let lockAndOwnerCommands: [FcntlCommand] = [
        .init("F_GETLK", 5, F_GETLK, .lock(.flock)),
        .init("F_SETLK", 6, F_SETLK, .lock(.flock)),
        .init("F_SETLKW", 7, F_SETLKW, .lock(.flock)),
        .init("F_SETOWN", 8, F_SETOWN, .integer),
        .init("F_GETOWN", 9, F_GETOWN, .none),
        .init("F_GETLK64", 12, F_GETLK, .lock(.flock64)),
        .init("F_SETLK64", 13, F_SETLK, .lock(.flock64)),
        .init("F_SETLKW64", 14, F_SETLKW, .lock(.flock64)),
    ]
}
