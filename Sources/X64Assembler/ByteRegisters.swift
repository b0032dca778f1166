// Byte registers. Encoding numbers 4-7 mean ah, ch, dh, bh without a REX prefix and spl, bpl,
// sil, dil with one, so a byte register carries which it needs in its code: the encoder emits
// a REX for spl..dil even when no other bit asks for one, and traps if ah..bh would get one.

/// Flags in a register code above the register number (bits 0-3).
enum RegisterCode {
    /// ah, ch, dh, bh: the instruction must not have a REX prefix.
    static let forbidsREX: UInt8 = 0x10
    /// spl, bpl, sil, dil: the instruction must have a REX prefix, even an empty 0x40.
    static let needsREX: UInt8 = 0x20
}

/// The low byte of a general register (`al` ... `r15b`), or one of the legacy high bytes
/// (`ah`, `ch`, `dh`, `bh`: bits 8-15 of rax, rcx, rdx, rbx).
public struct GPR8: Hashable, Sendable, CustomStringConvertible {
    /// The register number (ah..bh: 4-7) and the `RegisterCode` flags.
    let code: UInt8

    /// The low byte of `register`.
    public init(_ register: GPR) {
        let index = register.index
        code = (4...7).contains(index) ? index | RegisterCode.needsREX : index
    }

    init(code: UInt8) { self.code = code }

    public static let al = GPR8(code: 0), cl = GPR8(code: 1), dl = GPR8(code: 2), bl = GPR8(code: 3)
    public static let spl = GPR8(code: 4 | RegisterCode.needsREX), bpl = GPR8(code: 5 | RegisterCode.needsREX)
    public static let sil = GPR8(code: 6 | RegisterCode.needsREX), dil = GPR8(code: 7 | RegisterCode.needsREX)
    public static let r8b = GPR8(code: 8), r9b = GPR8(code: 9), r10b = GPR8(code: 10), r11b = GPR8(code: 11)
    public static let r12b = GPR8(code: 12), r13b = GPR8(code: 13), r14b = GPR8(code: 14), r15b = GPR8(code: 15)
    public static let ah = GPR8(code: 4 | RegisterCode.forbidsREX), ch = GPR8(code: 5 | RegisterCode.forbidsREX)
    public static let dh = GPR8(code: 6 | RegisterCode.forbidsREX), bh = GPR8(code: 7 | RegisterCode.forbidsREX)

    /// ah, ch, dh or bh.
    public var isHighByte: Bool { code & RegisterCode.forbidsREX != 0 }

    /// The register this byte belongs to (ah: rax).
    public var qword: GPR { GPR(unchecked: isHighByte ? code & 3 : code & 15) }

    public var description: String {
        let number = Int(code & 15)
        if isHighByte { return ["ah", "ch", "dh", "bh"][number - 4] }
        return number < 8 ? ["al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"][number] : "r\(number)b"
    }
}
