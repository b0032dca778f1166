// One IR operation: a plain value, 32 bytes, no class per op.

public struct Op: Sendable, BitwiseCopyable {
    public var opcode: Opcode
    /// The type of the result (or, for comparisons and stores, of the operands).
    public var type: IRType
    /// Per-opcode: Condition, FloatCondition, MemOp, ExitReason, slot, HelperEffects, flags.
    public var aux: UInt8
    /// Per-opcode second small operand: the source type of conversions.
    public var aux2: UInt8
    public var dst: Value
    public var a: Value
    public var b: Value
    public var c: Value
    /// Constant, state offset, memory displacement, label, helper address, guest pc, field.
    public var imm: UInt64

    @inlinable
    public init(_ opcode: Opcode, _ type: IRType, dst: Value = .none, a: Value = .none, b: Value = .none,
                c: Value = .none, imm: UInt64 = 0, aux: UInt8 = 0, aux2: UInt8 = 0) {
        self.opcode = opcode
        self.type = type
        self.aux = aux
        self.aux2 = aux2
        self.dst = dst
        self.a = a
        self.b = b
        self.c = c
        self.imm = imm
    }

    /// The source operands in order, without the unused slots.
    public var sources: [Value] { [a, b, c].filter { !$0.isNone } }

    /// For extract/sextract/deposit: the field's position and length.
    @inlinable public var fieldPosition: Int { Int(imm & 0xff) }
    @inlinable public var fieldLength: Int { Int((imm >> 8) & 0xff) }
}
