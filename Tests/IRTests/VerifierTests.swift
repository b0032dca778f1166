// The verifier: each rule accepts a well-formed block and rejects one that breaks it.

import IR
import Testing

/// One verifier rule: `good` builds a block the verifier accepts, `bad` one that it rejects with a
/// message containing `message`. Both get a terminal appended unless `terminate` is false.
struct VerifierCase: Sendable, CustomTestStringConvertible {
    let name: String
    let message: String
    var terminate = true
    let good: @Sendable (inout IRBuilder) -> Void
    let bad: @Sendable (inout IRBuilder) -> Void
    var testDescription: String { name }

    func block(_ build: @Sendable (inout IRBuilder) -> Void) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        build(&b)
        if terminate { b.exitTB(.yield) }
        return b.finish(guestSize: 4, instructionCount: 1)
    }
}

extension IRBuilder {
    /// Emits `opcode` of `type` with a fresh result of `resultType` (which may differ, to make bad ops).
    @discardableResult
    mutating func raw(_ opcode: Opcode, _ type: IRType, result resultType: IRType? = nil, a: Value = .none,
                      b: Value = .none, c: Value = .none, imm: UInt64 = 0, aux: UInt8 = 0) -> Value {
        let dst = newValue(resultType ?? type)
        emit(Op(opcode, type, dst: dst, a: a, b: b, c: c, imm: imm, aux: aux))
        return dst
    }
}

let verifierCases: [VerifierCase] = [
    VerifierCase(name: "unknown source value", message: "unknown value",
                 good: { b in _ = b.mov(b.const32(1)) },
                 bad: { b in b.raw(.mov, .i32, a: Value(99)) }),
    VerifierCase(name: "use before definition", message: "used before it is defined",
                 good: { b in let v = b.const32(1); _ = b.mov(v) },
                 bad: { b in let v = b.newValue(.i32); b.raw(.mov, .i32, a: v) }),
    VerifierCase(name: "unknown result value", message: "unknown result",
                 good: { b in _ = b.const32(1) },
                 bad: { b in b.emit(Op(.const_, .i32, dst: Value(99), imm: 1)) }),
    VerifierCase(name: "missing result value", message: "missing result value",
                 good: { b in _ = b.add(b.const32(1), b.const32(2)) },
                 bad: { b in let x = b.const32(1); b.emit(Op(.add, .i32, a: x, b: x)) }),
    VerifierCase(name: "result type must match the op type", message: "result",
                 good: { b in let x = b.const32(1); b.raw(.add, .i32, a: x, b: x) },
                 bad: { b in let x = b.const32(1); b.raw(.add, .i32, result: .i64, a: x, b: x) }),
    VerifierCase(name: "setcond result is i32", message: "expected i32",
                 good: { b in let x = b.const64(1); _ = b.setcond(.eq, x, x) },
                 bad: { b in let x = b.const64(1); b.raw(.setcond, .i64, a: x, b: x) }),
    VerifierCase(name: "integer op on a float type", message: "integer op on f32",
                 good: { b in let x = b.const32(1); _ = b.shl(x, x) },
                 bad: { b in let x = b.constant(.f32, 0); b.raw(.shl, .f32, a: x, b: x) }),
    VerifierCase(name: "binary operand types", message: "operand",
                 good: { b in _ = b.sub(b.const64(1), b.const64(2)) },
                 bad: { b in let x = b.const32(1), y = b.const64(2); b.raw(.sub, .i32, a: x, b: y) }),
    VerifierCase(name: "unary operand type", message: "operand",
                 good: { b in _ = b.unary(.clz, b.const64(1)) },
                 bad: { b in let x = b.const64(1); b.raw(.clz, .i32, a: x) }),
    VerifierCase(name: "bswap64 needs i64", message: "bswap64 needs i64",
                 good: { b in _ = b.unary(.bswap64, b.const64(1)) },
                 bad: { b in let x = b.const32(1); b.raw(.bswap64, .i32, a: x) }),
    VerifierCase(name: "zext/sext operand is i32", message: "expected i32",
                 good: { b in _ = b.sext(b.const32(1)) },
                 bad: { b in let x = b.const64(1); b.raw(.sext, .i64, a: x) }),
    VerifierCase(name: "zext/sext result is i64", message: "extension result must be i64",
                 good: { b in _ = b.zext(b.const32(1)) },
                 bad: { b in let x = b.const32(1); b.raw(.zext, .i32, a: x) }),
    VerifierCase(name: "trunc operand is i64", message: "expected i64",
                 good: { b in _ = b.trunc(b.const64(1)) },
                 bad: { b in let x = b.const32(1); b.raw(.trunc, .i32, a: x) }),
    VerifierCase(name: "trunc result is i32", message: "trunc result must be i32",
                 good: { b in _ = b.trunc(b.const64(1)) },
                 bad: { b in let x = b.const64(1); b.raw(.trunc, .i64, a: x) }),
    VerifierCase(name: "concat halves are i32", message: "half",
                 good: { b in _ = b.concat(low: b.const32(1), high: b.const32(2)) },
                 bad: { b in let x = b.const32(1), y = b.const64(2); b.raw(.concat, .i64, a: x, b: y) }),
    VerifierCase(name: "setcond condition code", message: "bad condition",
                 good: { b in let x = b.const32(1); _ = b.setcond(.tsteq, x, x) },
                 bad: { b in let x = b.const32(1); b.raw(.setcond, .i32, result: .i32, a: x, b: x, aux: 12) }),
    VerifierCase(name: "brcond condition code", message: "bad condition",
                 good: { b in let x = b.const32(1), l = b.newLabel(); b.brcond(.ne, x, x, l); b.label(l) },
                 bad: { b in
                     let x = b.const32(1), l = b.newLabel()
                     b.emit(Op(.brcond, .i32, a: x, b: x, imm: UInt64(l.index), aux: 200)); b.label(l)
                 }),
    VerifierCase(name: "comparison operand types", message: "operand",
                 good: { b in _ = b.setcond(.lt, b.const32(1), b.const32(2)) },
                 bad: { b in let x = b.const32(1), y = b.const64(2); b.raw(.setcond, .i32, a: x, b: y, aux: 2) }),
    VerifierCase(name: "select condition is i32", message: "condition",
                 good: { b in _ = b.select(b.const32(1), b.const64(2), b.const64(3)) },
                 bad: { b in
                     let c = b.const64(1), x = b.const64(2)
                     b.raw(.select, .i64, a: c, b: x, c: x)
                 }),
    VerifierCase(name: "select operands match the op type", message: "operand",
                 good: { b in _ = b.select(b.const32(1), b.constant(.f32, 0), b.constant(.f32, 1)) },
                 bad: { b in
                     let c = b.const32(1), x = b.constant(.f32, 0), y = b.constant(.f64, 0)
                     b.raw(.select, .f32, a: c, b: x, c: y)
                 }),
    VerifierCase(name: "float load size equals the float's size", message: "float load of the wrong size",
                 good: { b in _ = b.load(.u64, .f64, address: b.const32(0)) },
                 bad: { b in _ = b.load(.u32, .f64, address: b.const32(0)) }),
    VerifierCase(name: "store value type", message: "stored value",
                 good: { b in b.store(.u32, address: b.const32(0), b.const32(1)) },
                 bad: { b in
                     let a = b.const32(0), v = b.const64(1)
                     b.emit(Op(.store, .i32, a: a, b: v, aux: MemOp.u32.rawValue))
                 }),
    VerifierCase(name: "cmpxchg value types", message: "new value",
                 good: { b in _ = b.cmpxchg(.u32, address: b.const32(0), expected: b.const32(1), new: b.const32(2)) },
                 bad: { b in
                     let a = b.const32(0), e = b.const32(1), n = b.const64(2)
                     b.raw(.cmpxchg, .i32, a: a, b: e, c: n, aux: MemOp.u32.rawValue)
                 }),
    VerifierCase(name: "store_state value type", message: "stored value",
                 good: { b in b.storeState(0, b.const64(1)) },
                 bad: { b in let v = b.const32(1); b.emit(Op(.storeState, .i64, a: v, imm: 0)) }),
    VerifierCase(name: "float arithmetic on an integer type", message: "float op on i32",
                 good: { b in let x = b.constant(.f32, 0); _ = b.binary(.fmul, x, x) },
                 bad: { b in let x = b.const32(0); b.raw(.fmul, .i32, a: x, b: x) }),
    VerifierCase(name: "float arithmetic operand types", message: "operand",
                 good: { b in let x = b.constant(.f64, 0); _ = b.binary(.fadd, x, x) },
                 bad: { b in let x = b.constant(.f64, 0), y = b.constant(.f32, 0); b.raw(.fadd, .f64, a: x, b: y) }),
    VerifierCase(name: "float unary operand type", message: "operand",
                 good: { b in _ = b.unary(.fsqrt, b.constant(.f64, 0)) },
                 bad: { b in let x = b.constant(.f32, 0); b.raw(.fsqrt, .f64, a: x) }),
    VerifierCase(name: "fsetcond condition code", message: "bad float condition",
                 good: { b in let x = b.constant(.f64, 0); _ = b.fsetcond(.uno, x, x) },
                 bad: { b in let x = b.constant(.f64, 0); b.raw(.fsetcond, .f64, result: .i32, a: x, b: x, aux: 8) }),
    VerifierCase(name: "fsetcond operand types", message: "operand",
                 good: { b in let x = b.constant(.f32, 0); _ = b.fsetcond(.olt, x, x) },
                 bad: { b in
                     let x = b.constant(.f32, 0), y = b.constant(.f64, 0)
                     b.raw(.fsetcond, .f32, result: .i32, a: x, b: y)
                 }),
    VerifierCase(name: "fconvert between the two float types", message: "fconvert between",
                 good: { b in _ = b.fconvert(b.constant(.f32, 0), to: .f64) },
                 bad: { b in _ = b.fconvert(b.constant(.f32, 0), to: .f32) }),
    VerifierCase(name: "itof from an integer to a float", message: "itof from",
                 good: { b in _ = b.itof(b.const64(0), to: .f32, signed: true) },
                 bad: { b in _ = b.itof(b.constant(.f32, 0), to: .f64, signed: true) }),
    VerifierCase(name: "ftoi from a float to an integer", message: "ftoi from",
                 good: { b in _ = b.ftoi(b.constant(.f64, 0), to: .i32, signed: false, rounding: .towardZero) },
                 bad: { b in _ = b.ftoi(b.const32(0), to: .i64, signed: false, rounding: .towardZero) }),
    VerifierCase(name: "bitcast keeps the width", message: "bitcast",
                 good: { b in _ = b.bitcast(b.const64(0), to: .f64) },
                 bad: { b in _ = b.bitcast(b.const32(0), to: .f64) }),
    VerifierCase(name: "bitcast changes the kind", message: "bitcast",
                 good: { b in _ = b.bitcast(b.constant(.f32, 0), to: .i32) },
                 bad: { b in _ = b.bitcast(b.const32(0), to: .i32) }),
    VerifierCase(name: "exit_tb reason", message: "bad exit reason", terminate: false,
                 good: { b in b.exitTB(.alignmentFault) },
                 bad: { b in b.emit(Op(.exitTB, .i32, aux: UInt8(ExitReason.allCases.count))) }),
    VerifierCase(name: "goto_tb slot", message: "slot must be 0 to 3", terminate: false,
                 good: { b in b.gotoTB(slot: 3) },
                 bad: { b in b.gotoTB(slot: 4) }),
    VerifierCase(name: "field length is not zero", message: "field",
                 good: { b in _ = b.extract(b.const32(0), position: 31, length: 1) },
                 bad: { b in _ = b.extract(b.const32(0), position: 3, length: 0) }),
    VerifierCase(name: "field ends inside the type", message: "field",
                 good: { b in _ = b.deposit(b.const64(0), b.const64(1), position: 32, length: 32) },
                 bad: { b in _ = b.sextract(b.const32(0), position: 16, length: 17) }),
    VerifierCase(name: "label index in range", message: "label out of range",
                 good: { b in let l = b.newLabel(); b.label(l) },
                 bad: { b in _ = b.newLabel(); b.emit(Op(.label, .i32, imm: 1)) }),
    VerifierCase(name: "label defined once", message: "label defined twice",
                 good: { b in let l = b.newLabel(), m = b.newLabel(); b.label(l); b.label(m) },
                 bad: { b in let l = b.newLabel(); b.label(l); b.label(l) }),
    VerifierCase(name: "branch target exists", message: "branch to unknown label",
                 good: { b in let l = b.newLabel(); b.br(l); b.label(l) },
                 bad: { b in b.br(Label(3)) }),
    VerifierCase(name: "branch target is defined", message: "never defined",
                 good: { b in let l = b.newLabel(); b.brcond(.eq, b.const32(0), b.const32(0), l); b.label(l) },
                 bad: { b in let l = b.newLabel(); b.brcond(.eq, b.const32(0), b.const32(0), l) }),
    VerifierCase(name: "block ends in a terminal", message: "does not end in a terminal", terminate: false,
                 good: { b in let l = b.newLabel(); b.label(l); b.br(l) },
                 bad: { b in b.storeState(0, b.const32(0)) }),
    VerifierCase(name: "block is not empty", message: "empty block", terminate: false,
                 good: { b in b.lookupAndGoto(pc: b.const32(0), flags: b.const32(0)) },
                 bad: { _ in }),
]

/// Rules the verifier does not check today (see the report / Documentation/IR.md); each `bad`
/// block here is accepted although it is malformed.
let verifierGapCases: [VerifierCase] = [
    VerifierCase(name: "a missing operand", message: "operand",
                 good: { b in let x = b.const32(1); _ = b.add(x, x) },
                 bad: { b in let x = b.const32(1); b.raw(.add, .i32, a: x) }),
    VerifierCase(name: "concat result is i64", message: "concat",
                 good: { b in _ = b.concat(low: b.const32(1), high: b.const32(2)) },
                 bad: { b in let x = b.const32(1); b.raw(.concat, .i32, a: x, b: x) }),
    VerifierCase(name: "integer unary op on a float type", message: "f64",
                 good: { b in _ = b.unary(.popcount, b.const64(1)) },
                 bad: { b in let x = b.constant(.f64, 1); b.raw(.popcount, .f64, a: x) }),
    VerifierCase(name: "setcond on float operands", message: "f32",
                 good: { b in _ = b.setcond(.eq, b.const32(1), b.const32(1)) },
                 bad: { b in let x = b.constant(.f32, 1); b.raw(.setcond, .f32, result: .i32, a: x, b: x) }),
    VerifierCase(name: "float unary op on an integer type", message: "i32",
                 good: { b in _ = b.unary(.fneg, b.constant(.f32, 1)) },
                 bad: { b in let x = b.const32(1); b.raw(.fneg, .i32, a: x) }),
    VerifierCase(name: "memory address is an integer", message: "address",
                 good: { b in _ = b.load(.u32, .i32, address: b.const32(0)) },
                 bad: { b in _ = b.load(.u32, .i32, address: b.constant(.f64, 0)) }),
    VerifierCase(name: "ftoi rounding mode", message: "rounding",
                 good: { b in _ = b.ftoi(b.constant(.f64, 0), to: .i32, signed: true, rounding: .towardZero) },
                 bad: { b in let x = b.constant(.f64, 0); b.raw(.ftoi, .i32, a: x, aux: 1 | 0xf << 1) }),
    VerifierCase(name: "an i32 constant fits in 32 bits", message: "const",
                 good: { b in _ = b.const32(0xffff_ffff) },
                 bad: { b in b.raw(.const_, .i32, imm: 0x1_0000_0000) }),
]

@Suite("Verifier")
struct VerifierTests {
    @Test("each rule accepts a good block and rejects a bad one", arguments: verifierCases)
    func rule(_ c: VerifierCase) {
        let good = c.block(c.good).verify()
        #expect(good == [], "good block rejected")
        let bad = c.block(c.bad).verify()
        #expect(bad.contains { $0.contains(c.message) }, "bad block: \(bad)")
    }

    @Test("the rules added after the first review", arguments: verifierGapCases)
    func gap(_ c: VerifierCase) {
        #expect(c.block(c.good).verify() == [])
        #expect(!c.block(c.bad).verify().isEmpty)
    }

    @Test("a value assigned on every path before a label may be used after it")
    func mergeAtLabel() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.i32, 0), r = b.const32(0), l = b.newLabel()
        b.brcond(.eq, x, r, l)
        b.assign(r, constant: 5)
        b.label(l)
        b.storeState(4, r)
        b.exitTB(.yield)
        #expect(b.finish(guestSize: 0, instructionCount: 0).verify() == [])
    }

    @Test("a block may end in br (a loop that leaves through a terminal inside it)")
    func endsInBranch() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let top = b.newLabel(), out = b.newLabel()
        b.label(top)
        b.brcond(.ne, b.loadState(.i32, 0), b.const32(0), out)
        b.br(top)
        b.label(out)
        b.exitTB(.yield)
        b.br(top)
        #expect(b.finish(guestSize: 0, instructionCount: 0).verify() == [])
    }

    @Test("error messages name the op index and its text")
    func messageFormat() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.const32(1)
        b.raw(.shl, .f32, a: x, b: x)
        b.exitTB(.yield)
        let errors = b.finish(guestSize: 0, instructionCount: 0).verify()
        #expect(errors.first?.hasPrefix("op 1 (v1 = shl.f32 v0, v0): ") == true, "\(errors)")
    }

    @Test("the builder vouches for single definitions only when every value has exactly one")
    func definedOnce() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.i32, 0)
        b.storeState(4, b.add(x, b.const32(1)))
        b.exitTB(.yield)
        let straight = b.finish(guestSize: 0, instructionCount: 0)
        #expect(straight.definedOnce)
        #expect(straight.verify() == [])

        var m = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let v = m.mov(m.const32(1))
        let l = m.newLabel()
        m.brcond(.eq, v, v, l)
        m.assign(v, m.const32(2))
        m.label(l)
        m.exitTB(.yield)
        #expect(!m.finish(guestSize: 0, instructionCount: 0).definedOnce)

        var u = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let later = u.newValue(.i32)
        u.storeState(0, u.const32(3))
        u.assign(later, constant: 4)
        u.exitTB(.yield)
        #expect(!u.finish(guestSize: 0, instructionCount: 0).definedOnce)

        var wrong = straight
        wrong.ops.insert(Op(.const_, .i32, dst: x, imm: 9), at: 1)
        #expect(wrong.verify().contains { $0.contains("marked defined once") })
    }
}
