// Memory addresses: base + index*scale + disp32, index*scale + disp32 with no base, an absolute
// disp32, or RIP-relative (to a displacement or a label). How each shape becomes ModRM, SIB and
// displacement bytes is Assembler+Encoding.swift's business.

/// The index multiplier of a SIB byte (its top two bits).
public enum Scale: UInt8, Sendable {
    case x1 = 0, x2, x4, x8

    /// 1, 2, 4 or 8.
    public var factor: Int { 1 << Int(rawValue) }
}

public struct Address: Hashable, Sendable {
    /// A register number 0-15, or `Address.noBase`, or `Address.ripBase`.
    let base: UInt8
    /// A register number 0-15 (never 4, rsp), or `Address.noIndex`.
    let index: UInt8
    public let scale: Scale
    /// Added to the address; for RIP-relative forms, from the end of the instruction (for a
    /// label, added to the label's distance).
    public let displacement: Int32
    /// For `rip(_:_:)` with a label: its id.
    let label: UInt32

    static let noBase: UInt8 = 0x10
    static let ripBase: UInt8 = 0x11
    static let noIndex: UInt8 = 0x10
    static let noLabel = UInt32.max

    init(base: UInt8, index: UInt8, scale: Scale, displacement: Int32, label: UInt32 = Address.noLabel) {
        self.base = base
        self.index = index
        self.scale = scale
        self.displacement = displacement
        self.label = label
    }

    /// `[base + displacement]`.
    public init(_ base: GPR, _ displacement: Int32 = 0) {
        self.init(base: base.index, index: Address.noIndex, scale: .x1, displacement: displacement)
    }

    /// `[base + index*scale + displacement]`. rsp cannot be an index (SIB index 100 means none).
    public init(_ base: GPR, _ index: GPR, _ scale: Scale = .x1, _ displacement: Int32 = 0) {
        precondition(index != .rsp, "rsp cannot be an index register")
        self.init(base: base.index, index: index.index, scale: scale, displacement: displacement)
    }

    /// `[index*scale + displacement]`, no base: always a 4-byte displacement.
    public init(index: GPR, _ scale: Scale, _ displacement: Int32 = 0) {
        precondition(index != .rsp, "rsp cannot be an index register")
        self.init(base: Address.noBase, index: index.index, scale: scale, displacement: displacement)
    }

    /// `[displacement]`: an absolute address in the low or high 2 GiB (sign-extended).
    public static func absolute(_ address: Int32) -> Address {
        Address(base: noBase, index: noIndex, scale: .x1, displacement: address)
    }

    /// `[rip + displacement]`, counted from the end of the instruction.
    public static func rip(_ displacement: Int32) -> Address {
        Address(base: ripBase, index: noIndex, scale: .x1, displacement: displacement)
    }

    /// `[rip + (label - end of instruction) + addend]`: the label's address, plus `addend`.
    public static func rip(_ label: Label, _ addend: Int32 = 0) -> Address {
        Address(base: ripBase, index: noIndex, scale: .x1, displacement: addend, label: label.id)
    }

    /// The base register; nil for RIP-relative and no-base forms.
    public var baseRegister: GPR? { base < 16 ? GPR(unchecked: base) : nil }
    /// The index register, if any.
    public var indexRegister: GPR? { index < 16 ? GPR(unchecked: index) : nil }
    public var isRIPRelative: Bool { base == Address.ripBase }
    /// The label of a `rip(label)` address.
    public var ripLabel: Label? { label == Address.noLabel ? nil : Label(id: label) }

    /// REX.B's register: the base's number, 0 when there is none.
    var baseCode: UInt8 { base < 16 ? base : 0 }
    /// REX.X's register: the index's number, 0 when there is none.
    var indexCode: UInt8 { index < 16 ? index : 0 }
}
