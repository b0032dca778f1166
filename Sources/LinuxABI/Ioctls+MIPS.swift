// MIPS ioctl numbers (arch/mips/include/uapi/asm/ioctls.h, asm/ioctl.h): the terminal requests
// follow SVR4 ('t' << 8 and 0x54xx at other places: TCGETS is 0x540D, FIONREAD 0x467F), and
// _IOR/_IOW put the direction in bits 29-31 with read 2 and write 4 (x86-64: bits 30-31, read 2
// write 1), so every sized request differs from the host's too. The kernel's termios has 23
// c_cc slots and SVR4's c_lflag bits: `.termios` and `.termio` arguments convert through
// `GuestABI.termios`, as must TIOCMGET/TIOCMSET/TIOCMBIS/TIOCMBIC's int (`termios.modemLines`).
// TIOCCONS is _IOW on MIPS, but the kernel does not read its argument.
import Glibc

extension MIPSO32 {
    static let ioctls = ConstantTable<IoctlRequest>([
        .init("TCGETS", 0x540D, TCGETS, .structOut(.termios)),
        .init("TCSETS", 0x540E, TCSETS, .structIn(.termios)),
        .init("TCSETSW", 0x540F, TCSETSW, .structIn(.termios)),
        .init("TCSETSF", 0x5410, TCSETSF, .structIn(.termios)),
        .init("TCSBRK", 0x5405, TCSBRK, .integer),
        .init("TCXONC", 0x5406, TCXONC, .integer),
        .init("TCFLSH", 0x5407, TCFLSH, .integer),
        .init("TIOCSCTTY", 0x5480, TIOCSCTTY, .integer),
        .init("TIOCGPGRP", 0x4004_7477, TIOCGPGRP, .intOut),
        .init("TIOCSPGRP", 0x8004_7476, TIOCSPGRP, .intIn),
        .init("TIOCOUTQ", 0x7472, TIOCOUTQ, .intOut),
        .init("TIOCGWINSZ", 0x4008_7468, TIOCGWINSZ, .structOut(.winsize)),
        .init("TIOCSWINSZ", 0x8008_7467, TIOCSWINSZ, .structIn(.winsize)),
        .init("FIONREAD", 0x467F, FIONREAD, .intOut),
        .init("FIONBIO", 0x667E, FIONBIO, .intIn),
        .init("TIOCNOTTY", 0x5471, TIOCNOTTY, .none),
        .init("TIOCGSID", 0x7416, TIOCGSID, .intOut),
        .init("FIONCLEX", 0x6602, FIONCLEX, .none),
        .init("FIOCLEX", 0x6601, FIOCLEX, .none),
        .init("FIOASYNC", 0x667D, FIOASYNC, .intIn),
        .init("TIOCEXCL", 0x740D, 0x540C, .none),
        .init("TIOCNXCL", 0x740E, 0x540D, .none),
        .init("TIOCMGET", 0x741D, 0x5415, .intOut),
        .init("TIOCMBIS", 0x741B, 0x5416, .intIn),
        .init("TIOCMBIC", 0x741C, 0x5417, .intIn),
        .init("TIOCMSET", 0x741A, 0x5418, .intIn),
        .init("TIOCGSOFTCAR", 0x5481, 0x5419, .intOut),
        .init("TIOCSSOFTCAR", 0x5482, 0x541A, .intIn),
        .init("TIOCCONS", 0x8004_7478, 0x541D, .none),
        .init("TIOCPKT", 0x5470, 0x5420, .intIn),
        .init("TIOCSETD", 0x7401, 0x5423, .intIn),
        .init("TIOCGETD", 0x7400, 0x5424, .intOut),
        .init("TCSBRKP", 0x5486, 0x5425, .integer),
        .init("TIOCSBRK", 0x5427, 0x5427, .none),
        .init("TIOCCBRK", 0x5428, 0x5428, .none),
        .init("TIOCGPTN", 0x4004_5430, 0x8004_5430, .intOut),
        .init("TIOCSPTLCK", 0x8004_5431, 0x4004_5431, .intIn),
        .init("TIOCGDEV", 0x4004_5432, 0x8004_5432, .intOut),
        .init("TIOCVHANGUP", 0x5437, 0x5437, .none),
        .init("TIOCGPKT", 0x4004_5438, 0x8004_5438, .intOut),
        .init("TIOCGPTLCK", 0x4004_5439, 0x8004_5439, .intOut),
        .init("TIOCGEXCL", 0x4004_5440, 0x8004_5440, .intOut),
        .init("TIOCGPTPEER", 0x2000_5441, 0x5441, .openFlags),
        .init("FIOQSIZE", 0x667F, 0x5460, .int64Out),
        // linux/fs.h, with MIPS's direction bits.
        .init("FIGETBSZ", 0x2000_0002, 2, .intOut),
        .init("FICLONE", 0x8004_9409, 0x4004_9409, .integer),
        .init("FS_IOC_GETFLAGS", 0x4004_6601, 0x8008_6601, .intOut),
        .init("FS_IOC_SETFLAGS", 0x8004_6602, 0x4008_6602, .intIn),
        .init("FS_IOC_GETVERSION", 0x4004_7601, 0x8008_7601, .intOut),
        // The old struct termio (16-bit flag words; 23 c_cc slots on MIPS, 8 on the host).
        .init("TCGETA", 0x5401, TCGETA, .structOut(.termio)),
        .init("TCSETA", 0x5402, TCSETA, .structIn(.termio)),
        .init("TCSETAW", 0x5403, TCSETAW, .structIn(.termio)),
        .init("TCSETAF", 0x5404, TCSETAF, .structIn(.termio)),
    ])
}
