// Terminal settings between guest and host: what TCGETS/TCSETS (struct termios) and TCGETA/
// TCSETA (the older struct termio, 16-bit flag words) carry, and the TIOCM modem-line bits.
// ARM and x86-64 share asm-generic's numbering, so ARM's tables map every value to itself.
// MIPS moves three c_lflag bits (IEXTEN, TOSTOP, FLUSHO), four c_cc slots (VMIN, VEOF, VEOL,
// VEOL2; its c_cc also has 23 slots, not 19) and most modem-line bits. c_iflag, c_oflag and
// c_cflag have the same bits on both, and cross as they are.

public struct TermiosABI: Sendable {
    public let inputFlags: FlagTable
    public let outputFlags: FlagTable
    public let controlFlags: FlagTable
    public let localFlags: FlagTable
    /// The c_cc slots by name (VINTR, VMIN, ...): guest index -> host index.
    public let controlCharacters: ConstantTable<Constant>
    /// TIOCMGET/TIOCMSET/TIOCMBIS/TIOCMBIC's int: TIOCM_DTR, TIOCM_CAR, ...
    public let modemLines: FlagTable

    public init(inputFlags: FlagTable, outputFlags: FlagTable, controlFlags: FlagTable, localFlags: FlagTable,
                controlCharacters: ConstantTable<Constant>, modemLines: FlagTable) {
        self.inputFlags = inputFlags
        self.outputFlags = outputFlags
        self.controlFlags = controlFlags
        self.localFlags = localFlags
        self.controlCharacters = controlCharacters
        self.modemLines = modemLines
    }

    /// A guest termios or termio (read through `guest`, the guest's layout and byte order) as
    /// the host's (written through `host`, zeroed first). Slots the host lacks are dropped.
    public func toHost(_ guest: StructReader, into host: StructWriter) {
        convert(guest, into: host, toHost: true)
    }

    /// The host's termios or termio as the guest's (zeroed first, then filled).
    public func toGuest(_ host: StructReader, into guest: StructWriter) {
        convert(host, into: guest, toHost: false)
    }

    /// Flag words through their tables, c_line as it is, and each named c_cc slot from its
    /// index on one side to its index on the other. termio's 16-bit words keep the low half of
    /// a translated value, as the kernel's termio conversions do. (A MIPS kernel moves only
    /// termio's first 8 c_cc slots; filling the others too keeps a TCGETA-edit-TCSETA round
    /// trip intact.)
    private func convert(_ from: StructReader, into to: StructWriter, toHost: Bool) {
        to.zero()
        let words: [(StaticString, FlagTable)] = [
            ("c_iflag", inputFlags), ("c_oflag", outputFlags), ("c_cflag", controlFlags), ("c_lflag", localFlags),
        ]
        for (name, table) in words {
            guard let value = from.get(name) else { continue }
            let bits = UInt32(truncatingIfNeeded: value)
            to.set(name, UInt64(toHost ? table.translate(bits) : table.untranslate(bits)))
        }
        if let line = from.get("c_line") { to.set("c_line", line & 0xff) }
        guard let source = from.layout.field(named: "c_cc"), let destination = to.layout.field(named: "c_cc") else { return }
        for slot in controlCharacters.entries {
            let (fromIndex, toIndex) = toHost ? (slot.guest, slot.host) : (slot.host, slot.guest)
            guard let value = from.get(source, index: Int(fromIndex)) else { continue }
            to.set(destination, value, index: Int(toIndex))
        }
    }
}

extension FlagTable {
    /// A word each of whose bits means the same to guest and host: c_iflag, c_oflag and c_cflag
    /// on ARM and MIPS (LinuxABITests checks every bit against the host's).
    static let unchanged = FlagTable([], passThrough: 0xffff_ffff)
}

extension AsmGeneric {
    /// asm-generic/termbits.h and termbits-common.h, asm-generic/termios.h's TIOCM_* (x86-64
    /// the same): every row maps a value to itself.
    static let termios = TermiosABI(
        inputFlags: .unchanged,
        outputFlags: .unchanged,
        controlFlags: .unchanged,
        localFlags: FlagTable([
            .init("ISIG", 0x1, 0x1 as UInt32), .init("ICANON", 0x2, 0x2 as UInt32),
            .init("XCASE", 0x4, 0x4 as UInt32), .init("ECHO", 0x8, 0x8 as UInt32),
            .init("ECHOE", 0x10, 0x10 as UInt32), .init("ECHOK", 0x20, 0x20 as UInt32),
            .init("ECHONL", 0x40, 0x40 as UInt32), .init("NOFLSH", 0x80, 0x80 as UInt32),
            .init("TOSTOP", 0x100, 0x100 as UInt32), .init("ECHOCTL", 0x200, 0x200 as UInt32),
            .init("ECHOPRT", 0x400, 0x400 as UInt32), .init("ECHOKE", 0x800, 0x800 as UInt32),
            .init("FLUSHO", 0x1000, 0x1000 as UInt32), .init("PENDIN", 0x4000, 0x4000 as UInt32),
            .init("IEXTEN", 0x8000, 0x8000 as UInt32), .init("EXTPROC", 0x1_0000, 0x1_0000 as UInt32),
        ]),
        controlCharacters: ConstantTable([
            .init("VINTR", 0, 0 as UInt32), .init("VQUIT", 1, 1 as UInt32), .init("VERASE", 2, 2 as UInt32),
            .init("VKILL", 3, 3 as UInt32), .init("VEOF", 4, 4 as UInt32), .init("VTIME", 5, 5 as UInt32),
            .init("VMIN", 6, 6 as UInt32), .init("VSWTC", 7, 7 as UInt32), .init("VSTART", 8, 8 as UInt32),
            .init("VSTOP", 9, 9 as UInt32), .init("VSUSP", 10, 10 as UInt32), .init("VEOL", 11, 11 as UInt32),
            .init("VREPRINT", 12, 12 as UInt32), .init("VDISCARD", 13, 13 as UInt32),
            .init("VWERASE", 14, 14 as UInt32), .init("VLNEXT", 15, 15 as UInt32), .init("VEOL2", 16, 16 as UInt32),
        ]),
        modemLines: FlagTable([
            .init("TIOCM_LE", 0x1, 0x1 as UInt32), .init("TIOCM_DTR", 0x2, 0x2 as UInt32),
            .init("TIOCM_RTS", 0x4, 0x4 as UInt32), .init("TIOCM_ST", 0x8, 0x8 as UInt32),
            .init("TIOCM_SR", 0x10, 0x10 as UInt32), .init("TIOCM_CTS", 0x20, 0x20 as UInt32),
            .init("TIOCM_CAR", 0x40, 0x40 as UInt32), .init("TIOCM_RNG", 0x80, 0x80 as UInt32),
            .init("TIOCM_DSR", 0x100, 0x100 as UInt32), .init("TIOCM_OUT1", 0x2000, 0x2000 as UInt32),
            .init("TIOCM_OUT2", 0x4000, 0x4000 as UInt32), .init("TIOCM_LOOP", 0x8000, 0x8000 as UInt32),
        ]))
}
