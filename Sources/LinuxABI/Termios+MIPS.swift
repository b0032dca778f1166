// MIPS terminal settings (arch/mips/include/uapi/asm/termbits.h and termios.h): SVR4's c_lflag
// and c_cc order and modem-line bits, against x86-64's asm-generic ones. Those headers define
// every bit and slot themselves, so the rows that equal asm-generic's stay here too: each table
// reads as its header does.

extension MIPSO32 {
    static let termios = TermiosABI(
        inputFlags: .unchanged,
        outputFlags: .unchanged,
        controlFlags: .unchanged,
        localFlags: FlagTable([
            .init("ISIG", 0x1, 0x1 as UInt32), .init("ICANON", 0x2, 0x2 as UInt32),
            .init("XCASE", 0x4, 0x4 as UInt32), .init("ECHO", 0x8, 0x8 as UInt32),
            .init("ECHOE", 0x10, 0x10 as UInt32), .init("ECHOK", 0x20, 0x20 as UInt32),
            .init("ECHONL", 0x40, 0x40 as UInt32), .init("NOFLSH", 0x80, 0x80 as UInt32),
            .init("IEXTEN", 0x100, 0x8000 as UInt32), .init("ECHOCTL", 0x200, 0x200 as UInt32),
            .init("ECHOPRT", 0x400, 0x400 as UInt32), .init("ECHOKE", 0x800, 0x800 as UInt32),
            .init("FLUSHO", 0x2000, 0x1000 as UInt32), .init("PENDIN", 0x4000, 0x4000 as UInt32),
            .init("TOSTOP", 0x8000, 0x100 as UInt32), .init("EXTPROC", 0x1_0000, 0x1_0000 as UInt32),
        ]),
        controlCharacters: ConstantTable([
            .init("VINTR", 0, 0 as UInt32), .init("VQUIT", 1, 1 as UInt32), .init("VERASE", 2, 2 as UInt32),
            .init("VKILL", 3, 3 as UInt32), .init("VMIN", 4, 6 as UInt32), .init("VTIME", 5, 5 as UInt32),
            .init("VEOL2", 6, 16 as UInt32), .init("VSWTC", 7, 7 as UInt32), .init("VSTART", 8, 8 as UInt32),
            .init("VSTOP", 9, 9 as UInt32), .init("VSUSP", 10, 10 as UInt32),
            .init("VREPRINT", 12, 12 as UInt32), .init("VDISCARD", 13, 13 as UInt32),
            .init("VWERASE", 14, 14 as UInt32), .init("VLNEXT", 15, 15 as UInt32),
            .init("VEOF", 16, 4 as UInt32), .init("VEOL", 17, 11 as UInt32),
        ]),
        modemLines: FlagTable([
            .init("TIOCM_LE", 0x1, 0x1 as UInt32), .init("TIOCM_DTR", 0x2, 0x2 as UInt32),
            .init("TIOCM_RTS", 0x4, 0x4 as UInt32), .init("TIOCM_ST", 0x10, 0x8 as UInt32),
            .init("TIOCM_SR", 0x20, 0x10 as UInt32), .init("TIOCM_CTS", 0x40, 0x20 as UInt32),
            .init("TIOCM_CAR", 0x100, 0x40 as UInt32), .init("TIOCM_RNG", 0x200, 0x80 as UInt32),
            .init("TIOCM_DSR", 0x400, 0x100 as UInt32), .init("TIOCM_OUT1", 0x2000, 0x2000 as UInt32),
            .init("TIOCM_OUT2", 0x4000, 0x4000 as UInt32), .init("TIOCM_LOOP", 0x8000, 0x8000 as UInt32),
        ]))
}
