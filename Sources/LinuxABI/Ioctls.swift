// ioctl requests Mirage understands, with what each one's argument is. ARM uses
// asm-generic/ioctls.h, as x86-64 does, so the numbers match; MIPS and PowerPC renumber the
// terminal ioctls and their tables will differ in the guest column. Requests not in a table
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
    ])
}
