// The typed constructors of IRBuilder, one per op family.

extension IRBuilder {
    // MARK: Constants and moves

    @inlinable public mutating func constant(_ type: IRType, _ bits: UInt64) -> Value {
        let masked = type.bits == 32 ? bits & 0xffff_ffff : bits
        return emitResult(.const_, type, imm: masked)
    }
    @inlinable public mutating func const32(_ v: UInt32) -> Value { constant(.i32, UInt64(v)) }
    @inlinable public mutating func const64(_ v: UInt64) -> Value { constant(.i64, v) }

    @inlinable public mutating func mov(_ a: Value) -> Value { emitResult(.mov, type(of: a), a: a) }

    /// dst = src for an existing dst (a second assignment: how values merge at labels).
    @inlinable public mutating func assign(_ dst: Value, _ src: Value) {
        emit(Op(.mov, type(of: dst), dst: dst, a: src))
    }
    /// dst = constant for an existing dst.
    @inlinable public mutating func assign(_ dst: Value, constant bits: UInt64) {
        let t = type(of: dst)
        emit(Op(.const_, t, dst: dst, imm: t.bits == 32 ? bits & 0xffff_ffff : bits))
    }

    // MARK: Arithmetic and logic

    @inlinable public mutating func binary(_ opcode: Opcode, _ a: Value, _ b: Value) -> Value {
        emitResult(opcode, type(of: a), a: a, b: b)
    }
    @inlinable public mutating func unary(_ opcode: Opcode, _ a: Value) -> Value {
        emitResult(opcode, type(of: a), a: a)
    }

    @inlinable public mutating func add(_ a: Value, _ b: Value) -> Value { binary(.add, a, b) }
    @inlinable public mutating func sub(_ a: Value, _ b: Value) -> Value { binary(.sub, a, b) }
    @inlinable public mutating func mul(_ a: Value, _ b: Value) -> Value { binary(.mul, a, b) }
    @inlinable public mutating func and(_ a: Value, _ b: Value) -> Value { binary(.and, a, b) }
    @inlinable public mutating func or(_ a: Value, _ b: Value) -> Value { binary(.or, a, b) }
    @inlinable public mutating func xor(_ a: Value, _ b: Value) -> Value { binary(.xor, a, b) }
    @inlinable public mutating func andc(_ a: Value, _ b: Value) -> Value { binary(.andc, a, b) }
    @inlinable public mutating func orc(_ a: Value, _ b: Value) -> Value { binary(.orc, a, b) }
    @inlinable public mutating func shl(_ a: Value, _ b: Value) -> Value { binary(.shl, a, b) }
    @inlinable public mutating func shr(_ a: Value, _ b: Value) -> Value { binary(.shr, a, b) }
    @inlinable public mutating func sar(_ a: Value, _ b: Value) -> Value { binary(.sar, a, b) }
    @inlinable public mutating func rotr(_ a: Value, _ b: Value) -> Value { binary(.rotr, a, b) }
    @inlinable public mutating func not(_ a: Value) -> Value { unary(.not, a) }
    @inlinable public mutating func neg(_ a: Value) -> Value { unary(.neg, a) }

    /// a op constant, the constant in a's type.
    @inlinable public mutating func binary(_ opcode: Opcode, _ a: Value, imm: UInt64) -> Value {
        let k = constant(type(of: a), imm)
        return binary(opcode, a, k)
    }
    @inlinable public mutating func addi(_ a: Value, _ imm: UInt64) -> Value { binary(.add, a, imm: imm) }
    @inlinable public mutating func andi(_ a: Value, _ imm: UInt64) -> Value { binary(.and, a, imm: imm) }
    @inlinable public mutating func ori(_ a: Value, _ imm: UInt64) -> Value { binary(.or, a, imm: imm) }
    @inlinable public mutating func xori(_ a: Value, _ imm: UInt64) -> Value { binary(.xor, a, imm: imm) }
    @inlinable public mutating func shli(_ a: Value, _ imm: UInt64) -> Value { binary(.shl, a, imm: imm) }
    @inlinable public mutating func shri(_ a: Value, _ imm: UInt64) -> Value { binary(.shr, a, imm: imm) }
    @inlinable public mutating func sari(_ a: Value, _ imm: UInt64) -> Value { binary(.sar, a, imm: imm) }
    @inlinable public mutating func rotri(_ a: Value, _ imm: UInt64) -> Value { binary(.rotr, a, imm: imm) }

    // MARK: Bit fields and width changes

    @inlinable public mutating func extract(_ a: Value, position: Int, length: Int) -> Value {
        emitResult(.extract, type(of: a), a: a, imm: UInt64(position | length << 8))
    }
    @inlinable public mutating func sextract(_ a: Value, position: Int, length: Int) -> Value {
        emitResult(.sextract, type(of: a), a: a, imm: UInt64(position | length << 8))
    }
    @inlinable public mutating func deposit(_ a: Value, _ b: Value, position: Int, length: Int) -> Value {
        emitResult(.deposit, type(of: a), a: a, b: b, imm: UInt64(position | length << 8))
    }
    @inlinable public mutating func zext(_ a: Value) -> Value { emitResult(.zext, .i64, a: a) }
    @inlinable public mutating func sext(_ a: Value) -> Value { emitResult(.sext, .i64, a: a) }
    @inlinable public mutating func trunc(_ a: Value) -> Value { emitResult(.trunc, .i32, a: a) }
    @inlinable public mutating func concat(low: Value, high: Value) -> Value { emitResult(.concat, .i64, a: low, b: high) }

    // MARK: Comparisons and control flow

    @inlinable public mutating func setcond(_ cond: Condition, _ a: Value, _ b: Value) -> Value {
        let dst = newValue(.i32)
        emit(Op(.setcond, type(of: a), dst: dst, a: a, b: b, aux: cond.rawValue))
        return dst
    }
    @inlinable public mutating func select(_ c: Value, _ ifTrue: Value, _ ifFalse: Value) -> Value {
        emitResult(.select, type(of: ifTrue), a: c, b: ifTrue, c: ifFalse)
    }
    @inlinable public mutating func brcond(_ cond: Condition, _ a: Value, _ b: Value, _ target: Label,
                                           hint: BranchHint = .none) {
        emit(Op(.brcond, type(of: a), a: a, b: b, imm: UInt64(target.index), aux: cond.rawValue, aux2: hint.rawValue))
    }
    @inlinable public mutating func br(_ target: Label) { emit(Op(.br, .i32, imm: UInt64(target.index))) }
    @inlinable public mutating func label(_ l: Label) { emit(Op(.label, .i32, imm: UInt64(l.index))) }

    // MARK: Memory and state

    @inlinable public mutating func load(_ memop: MemOp, _ type: IRType, address: Value, offset: UInt64 = 0) -> Value {
        emitResult(.load, type, a: address, imm: offset, aux: memop.rawValue)
    }
    @inlinable public mutating func store(_ memop: MemOp, address: Value, offset: UInt64 = 0, _ value: Value) {
        emit(Op(.store, type(of: value), a: address, b: value, imm: offset, aux: memop.rawValue))
    }
    @inlinable public mutating func cmpxchg(_ memop: MemOp, address: Value, expected: Value, new: Value) -> Value {
        emitResult(.cmpxchg, type(of: expected), a: address, b: expected, c: new, aux: memop.rawValue)
    }
    @inlinable public mutating func fence() { emit(Op(.fence, .i32)) }

    @inlinable public mutating func loadState(_ type: IRType, _ offset: Int) -> Value {
        emitResult(.loadState, type, imm: UInt64(offset))
    }
    @inlinable public mutating func storeState(_ offset: Int, _ value: Value) {
        emit(Op(.storeState, type(of: value), a: value, imm: UInt64(offset)))
    }

    /// Calls `helper(state, a, b, c)`; the result has type `result`, or there is none.
    @inlinable @discardableResult
    public mutating func call(_ helper: HelperFunction, effects: HelperEffects, result: IRType?,
                              _ a: Value = .none, _ b: Value = .none, _ c: Value = .none) -> Value {
        let address = UInt64(UInt(bitPattern: unsafeBitCast(helper, to: UnsafeRawPointer.self)))
        let dst = result.map { newValue($0) } ?? .none
        emit(Op(.call, result ?? .i64, dst: dst, a: a, b: b, c: c, imm: address, aux: effects.rawValue))
        return dst
    }

    // MARK: Instruction boundaries and terminals

    /// A guest instruction starts: its pc, and the byte of frontend state besides the pc that
    /// resuming at it needs (ARM: ITSTATE), which a fault restores.
    @inlinable public mutating func insnStart(_ pc: UInt64, resume: UInt8 = 0) { emit(Op(.insnStart, .i32, imm: pc, aux: resume)) }
    @inlinable public mutating func gotoTB(slot: Int) { emit(Op(.gotoTB, .i32, aux: UInt8(slot))) }
    /// An indirect branch to the block with key (pc, flags); `flags` is an i32.
    @inlinable public mutating func lookupAndGoto(pc: Value, flags: Value) { emit(Op(.lookupAndGoto, type(of: pc), a: pc, b: flags)) }
    @inlinable public mutating func exitTB(_ reason: ExitReason, payload: UInt64 = 0) {
        emit(Op(.exitTB, .i32, imm: payload, aux: reason.rawValue))
    }

    // MARK: Floating point

    /// fadd, fsub, fmul or fdiv whose NaN results follow `rule`.
    @inlinable public mutating func floatBinary(_ opcode: Opcode, _ a: Value, _ b: Value, nans rule: NaNRule) -> Value {
        emitResult(opcode, type(of: a), a: a, b: b, aux: rule.rawValue)
    }
    /// fsqrt whose NaN results follow `rule`.
    @inlinable public mutating func fsqrt(_ a: Value, nans rule: NaNRule) -> Value {
        emitResult(.fsqrt, type(of: a), a: a, aux: rule.rawValue)
    }

    @inlinable public mutating func fsetcond(_ cond: FloatCondition, _ a: Value, _ b: Value) -> Value {
        let dst = newValue(.i32)
        emit(Op(.fsetcond, type(of: a), dst: dst, a: a, b: b, aux: cond.rawValue))
        return dst
    }
    @inlinable public mutating func fconvert(_ a: Value, to type: IRType) -> Value { emitResult(.fconvert, type, a: a) }
    @inlinable public mutating func itof(_ a: Value, to type: IRType, signed: Bool) -> Value {
        emitResult(.itof, type, a: a, aux: signed ? 1 : 0)
    }
    /// Float to integer; `rounding` nil rounds by the FP environment's current mode (the
    /// guest's, e.g. ARM VCVTR under FPSCR.RMode).
    @inlinable public mutating func ftoi(_ a: Value, to type: IRType, signed: Bool, rounding: RoundingMode?) -> Value {
        let mode: UInt8 = rounding.map { $0.rawValue << 1 } ?? 8
        return emitResult(.ftoi, type, a: a, aux: (signed ? 1 : 0) | mode)
    }
    @inlinable public mutating func bitcast(_ a: Value, to type: IRType) -> Value { emitResult(.bitcast, type, a: a) }
}
