// ioctl requests Mirage understands, with what each one's argument is. ARM uses
// asm-generic/ioctls.h, as x86-64 does, so the numbers match; MIPS (Ioctls+MIPS.swift) and
// PowerPC renumber the terminal ioctls and differ in the guest column. Requests not in a table
// are not passed through blindly: their argument may be a struct whose layout differs.
import Glibc

/// What an ioctl's third argument is.
public enum IoctlArgument: Sendable, Equatable {
    /// No argument (FIOCLEX, TIOCNOTTY).
    case none
    /// An integer passed by value (TCSBRK's duration, TCFLSH's queue selector).
    case integer
    /// A guest pointer to an int the kernel reads (FIONBIO, TIOCSPGRP).
    case intIn
    /// A guest pointer to an int the kernel writes (FIONREAD, TIOCGPGRP).
    case intOut
    /// A guest pointer to a struct of this layout the kernel reads (TCSETS, TIOCSWINSZ).
    case structIn(StructKind)
    /// A guest pointer to a struct of this layout the kernel writes (TCGETS, TIOCGWINSZ).
    case structOut(StructKind)
    /// Open flags passed by value, in the guest's numbering (TIOCGPTPEER).
    case openFlags
    /// A guest pointer to a 64-bit value the kernel writes (FIOQSIZE's loff_t).
    case int64Out
}

/// One ioctl request.
public struct IoctlRequest: TranslatedConstant {
    public var name: StaticString
    public var guest: UInt32
    public var host: UInt32
    public var argument: IoctlArgument

    public init(_ name: StaticString, _ guest: UInt32, _ host: some BinaryInteger, _ argument: IoctlArgument) {
        self.name = name
        self.guest = guest
        self.host = UInt32(truncatingIfNeeded: host)
        self.argument = argument
    }
}

extension AsmGeneric {
    static let ioctls = ConstantTable<IoctlRequest>([
        .init("TCGETS", 0x5401, TCGETS, .structOut(.termios)),
        .init("TCSETS", 0x5402, TCSETS, .structIn(.termios)),
        .init("TCSETSW", 0x5403, TCSETSW, .structIn(.termios)),
        .init("TCSETSF", 0x5404, TCSETSF, .structIn(.termios)),
        .init("TCSBRK", 0x5409, TCSBRK, .integer),
        .init("TCXONC", 0x540A, TCXONC, .integer),
        .init("TCFLSH", 0x540B, TCFLSH, .integer),
        .init("TIOCSCTTY", 0x540E, TIOCSCTTY, .integer),
        .init("TIOCGPGRP", 0x540F, TIOCGPGRP, .intOut),
        .init("TIOCSPGRP", 0x5410, TIOCSPGRP, .intIn),
        .init("TIOCOUTQ", 0x5411, TIOCOUTQ, .intOut),
        .init("TIOCGWINSZ", 0x5413, TIOCGWINSZ, .structOut(.winsize)),
        .init("TIOCSWINSZ", 0x5414, TIOCSWINSZ, .structIn(.winsize)),
        .init("FIONREAD", 0x541B, FIONREAD, .intOut),
        .init("FIONBIO", 0x5421, FIONBIO, .intIn),
        .init("TIOCNOTTY", 0x5422, TIOCNOTTY, .none),
        .init("TIOCGSID", 0x5429, TIOCGSID, .intOut),
        .init("FIONCLEX", 0x5450, FIONCLEX, .none),
        .init("FIOCLEX", 0x5451, FIOCLEX, .none),
        .init("FIOASYNC", 0x5452, FIOASYNC, .intIn),
        .init("TIOCEXCL", 0x540C, 0x540C, .none),
        .init("TIOCNXCL", 0x540D, 0x540D, .none),
        .init("TIOCMGET", 0x5415, 0x5415, .intOut),
        .init("TIOCMBIS", 0x5416, 0x5416, .intIn),
        .init("TIOCMBIC", 0x5417, 0x5417, .intIn),
        .init("TIOCMSET", 0x5418, 0x5418, .intIn),
        .init("TIOCGSOFTCAR", 0x5419, 0x5419, .intOut),
        .init("TIOCSSOFTCAR", 0x541A, 0x541A, .intIn),
        .init("TIOCCONS", 0x541D, 0x541D, .none),
        .init("TIOCPKT", 0x5420, 0x5420, .intIn),
        .init("TIOCSETD", 0x5423, 0x5423, .intIn),
        .init("TIOCGETD", 0x5424, 0x5424, .intOut),
        .init("TCSBRKP", 0x5425, 0x5425, .integer),
        .init("TIOCSBRK", 0x5427, 0x5427, .none),
        .init("TIOCCBRK", 0x5428, 0x5428, .none),
        .init("TIOCGPTN", 0x8004_5430, 0x8004_5430, .intOut),
        .init("TIOCSPTLCK", 0x4004_5431, 0x4004_5431, .intIn),
        .init("TIOCGDEV", 0x8004_5432, 0x8004_5432, .intOut),
        .init("TIOCVHANGUP", 0x5437, 0x5437, .none),
        .init("TIOCGPKT", 0x8004_5438, 0x8004_5438, .intOut),
        .init("TIOCGPTLCK", 0x8004_5439, 0x8004_5439, .intOut),
        .init("TIOCGEXCL", 0x8004_5440, 0x8004_5440, .intOut),
        .init("TIOCGPTPEER", 0x5441, 0x5441, .openFlags),
        .init("FIOQSIZE", 0x545E, 0x5460, .int64Out),  // ARM renumbers this one
        // linux/fs.h. FS_IOC_GETFLAGS/SETFLAGS encode sizeof(long) in the number, so a 32-bit
        // guest's differ from the host's; the kernel reads and writes an int either way.
        .init("FIGETBSZ", 2, 2, .intOut),
        .init("FICLONE", 0x4004_9409, 0x4004_9409, .integer),
        .init("FS_IOC_GETFLAGS", 0x8004_6601, 0x8008_6601, .intOut),
        .init("FS_IOC_SETFLAGS", 0x4004_6602, 0x4008_6602, .intIn),
        .init("FS_IOC_GETVERSION", 0x8004_7601, 0x8008_7601, .intOut),
    ])
}
