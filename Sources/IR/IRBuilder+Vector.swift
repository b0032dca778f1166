// The typed constructors of the v128 ops (Documentation/IR.md, "Vectors").

/// The lanes of a v128 op: their size, as the op's aux holds it (log2 of the bytes).
public enum LaneSize: UInt8, Sendable, CaseIterable {
    case i8 = 0, i16 = 1, i32 = 2, i64 = 3

    @inlinable public var bits: Int { 8 << Int(rawValue) }
    /// Lanes in 128 bits.
    @inlinable public var count: Int { 16 >> Int(rawValue) }
}

extension IRBuilder {
    /// Every lane = the low lane bits of `scalar` (an i32, or an i64 for 64-bit lanes).
    @inlinable public mutating func vdup(_ lanes: LaneSize, _ scalar: Value) -> Value {
        emitResult(.vdup, .v128, a: scalar, aux: lanes.rawValue)
    }
    /// `vector` with lane `index` replaced by the low lane bits of `scalar`.
    @inlinable public mutating func vinsert(_ lanes: LaneSize, _ vector: Value, lane index: Int, _ scalar: Value) -> Value {
        emitResult(.vinsert, .v128, a: vector, b: scalar, imm: UInt64(index), aux: lanes.rawValue)
    }
    /// Lane `index` of `vector`, zero-extended to `type` (i32; i64 for 64-bit lanes).
    @inlinable public mutating func vextract(_ lanes: LaneSize, _ vector: Value, lane index: Int, as type: IRType) -> Value {
        emitResult(.vextract, type, a: vector, imm: UInt64(index), aux: lanes.rawValue)
    }
    /// A bitwise op (vand, vor, vxor, vandc) or a lane op (vadd ... vcmpgtu) on two v128s.
    @inlinable public mutating func vector(_ opcode: Opcode, _ lanes: LaneSize, _ a: Value, _ b: Value) -> Value {
        emitResult(opcode, .v128, a: a, b: b, aux: lanes.rawValue)
    }
    @inlinable public mutating func vbitwise(_ opcode: Opcode, _ a: Value, _ b: Value) -> Value {
        emitResult(opcode, .v128, a: a, b: b)
    }
    /// vfadd, vfsub, vfmul on 32-bit float lanes; the exception flags go to the i32 state word
    /// at `flagsOffset`.
    @inlinable public mutating func vfloat(_ opcode: Opcode, _ a: Value, _ b: Value, flagsOffset: Int) -> Value {
        emitResult(opcode, .v128, a: a, b: b, imm: UInt64(flagsOffset), aux: LaneSize.i32.rawValue)
    }
}

extension IRBuilder {
    /// vfadde, vfsube, vfmule, vfdive on 32-bit (`.i32`) or 64-bit (`.i64`) float lanes.
    @inlinable public mutating func vfloatLanes(_ opcode: Opcode, _ lanes: LaneSize, _ a: Value, _ b: Value,
                                                nans rule: NaNRule) -> Value {
        emitResult(opcode, .v128, a: a, b: b, aux: lanes.rawValue | rule.rawValue << 2)
    }
    /// The lane masks of a float comparison (oeq, une, uno or ord) on float lanes.
    @inlinable public mutating func vfcmp(_ cond: FloatCondition, _ lanes: LaneSize, _ a: Value, _ b: Value) -> Value {
        emitResult(.vfcmp, .v128, a: a, b: b, aux: lanes.rawValue | cond.rawValue << 2)
    }
    /// An i32: 1 when a & b has any bit set.
    @inlinable public mutating func vtest(_ a: Value, _ b: Value) -> Value {
        emitResult(.vtest, .i32, a: a, b: b)
    }
    /// The bytes of `a` picked by the indices in `indices` (vshuffle).
    @inlinable public mutating func vshuffle(_ a: Value, _ indices: Value) -> Value {
        emitResult(.vshuffle, .v128, a: a, b: indices)
    }
}

extension MemOp {
    /// 16 bytes into or out of a v128 (bit 5); the size field then gives the alignment the
    /// alignment bit asks for (1, 2, 4 or 8 bytes).
    @inlinable public static func v128(alignment: Int = 1, aligned: Bool = false) -> MemOp {
        MemOp(rawValue: MemOp(size: alignment, aligned: aligned).rawValue | 32)
    }
    @inlinable public var isVector: Bool { rawValue & 32 != 0 }
}
