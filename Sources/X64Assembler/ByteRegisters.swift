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
    @usableFromInline let code: UInt8

    /// The low byte of `register`.
    @inlinable
    public init(_ register: GPR) {
        let index = register.index
        code = index >= 4 && index <= 7 ? index | 0x20 : index  // RegisterCode.needsREX
    }

    @usableFromInline init(code: UInt8) { self.code = code }

    @inlinable public static var al: GPR8 { GPR8(code: 0) }
    @inlinable public static var cl: GPR8 { GPR8(code: 1) }
    @inlinable public static var dl: GPR8 { GPR8(code: 2) }
    @inlinable public static var bl: GPR8 { GPR8(code: 3) }
    @inlinable public static var spl: GPR8 { GPR8(code: 4 | 0x20) }  // RegisterCode.needsREX
    @inlinable public static var bpl: GPR8 { GPR8(code: 5 | 0x20) }  // RegisterCode.needsREX
    @inlinable public static var sil: GPR8 { GPR8(code: 6 | 0x20) }  // RegisterCode.needsREX
    @inlinable public static var dil: GPR8 { GPR8(code: 7 | 0x20) }  // RegisterCode.needsREX
    @inlinable public static var r8b: GPR8 { GPR8(code: 8) }
    @inlinable public static var r9b: GPR8 { GPR8(code: 9) }
    @inlinable public static var r10b: GPR8 { GPR8(code: 10) }
    @inlinable public static var r11b: GPR8 { GPR8(code: 11) }
    @inlinable public static var r12b: GPR8 { GPR8(code: 12) }
    @inlinable public static var r13b: GPR8 { GPR8(code: 13) }
    @inlinable public static var r14b: GPR8 { GPR8(code: 14) }
    @inlinable public static var r15b: GPR8 { GPR8(code: 15) }
    @inlinable public static var ah: GPR8 { GPR8(code: 4 | 0x10) }  // RegisterCode.forbidsREX
    @inlinable public static var ch: GPR8 { GPR8(code: 5 | 0x10) }  // RegisterCode.forbidsREX
    @inlinable public static var dh: GPR8 { GPR8(code: 6 | 0x10) }  // RegisterCode.forbidsREX
    @inlinable public static var bh: GPR8 { GPR8(code: 7 | 0x10) }  // RegisterCode.forbidsREX

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
