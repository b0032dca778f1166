// Comparisons, select, branches and labels.

import IR
import IRInterpreter
import Testing
import TestTools

enum ConditionReference {
    static func holds(_ c: Condition, _ a: UInt64, _ b: UInt64, bits: Int) -> Bool {
        if bits == 32 {
            let x = UInt32(truncatingIfNeeded: a), y = UInt32(truncatingIfNeeded: b)
            return holds(c, x, y, Int32(bitPattern: x), Int32(bitPattern: y))
        }
        return holds(c, a, b, Int64(bitPattern: a), Int64(bitPattern: b))
    }
    static func holds<U: FixedWidthInteger, S: Comparable>(_ c: Condition, _ x: U, _ y: U, _ sx: S, _ sy: S) -> Bool {
        switch c {
        case .eq: x == y
        case .ne: x != y
        case .lt: sx < sy
        case .le: sx <= sy
        case .gt: sx > sy
        case .ge: sx >= sy
        case .ltu: x < y
        case .leu: x <= y
        case .gtu: x > y
        case .geu: x >= y
        case .tstne: x & y != 0
        case .tsteq: x & y == 0
        }
    }
}

@Suite("Comparisons, select and branches")
struct ControlFlowTests {
    @Test("setcond: every condition on both widths", arguments: Condition.allCases, [IRType.i32, .i64])
    func setcond(_ cond: Condition, _ type: IRType) {
        let k = Kernel(inputs: [type, type], result: .i32) { b, v in b.setcond(cond, v[0], v[1]) }
        for (a, c) in Operands.pairs(bits: type.bits, seed: UInt64(cond.rawValue), randomCount: 500) {
            let expected: UInt64 = ConditionReference.holds(cond, a, c, bits: type.bits) ? 1 : 0
            #expect(k(a, c) == expected, "\(cond) \(type.name) 0x\(String(a, radix: 16)) 0x\(String(c, radix: 16))")
        }
    }

    @Test("setcond on i32 ignores nothing but the low 32 bits: -1 < 0 signed, > 0 unsigned")
    func setcondSignedness() {
        let lt = Kernel(inputs: [.i32, .i32], result: .i32) { b, v in b.setcond(.lt, v[0], v[1]) }
        let ltu = Kernel(inputs: [.i32, .i32], result: .i32) { b, v in b.setcond(.ltu, v[0], v[1]) }
        #expect(lt(0xffff_ffff, 0) == 1)
        #expect(ltu(0xffff_ffff, 0) == 0)
        let tst = Kernel(inputs: [.i64, .i64], result: .i32) { b, v in b.setcond(.tstne, v[0], v[1]) }
        #expect(tst(0x1_0000_0000, 0x1_0000_0000) == 1)
        #expect(tst(0x1_0000_0000, 0xffff_ffff) == 0)
    }

    @Test("Condition.inverted holds exactly when the condition does not")
    func inverted() {
        var rng = SplitMix64(seed: 3)
        for c in Condition.allCases {
            #expect(c.inverted.inverted == c)
            for _ in 0..<200 {
                let a = rng.operand(bits: 64), b = rng.operand(bits: 64)
                for bits in [32, 64] { #expect(c.holds(a, b, bits: bits) != c.inverted.holds(a, b, bits: bits)) }
            }
        }
    }

    @Test("brcond: every condition branches exactly when setcond is 1", arguments: Condition.allCases)
    func brcond(_ cond: Condition) {
        for type in [IRType.i32, .i64] {
            // v = 0; brcond L0; v = 1; L0: store v
            let k = Kernel(inputs: [type, type], result: .i32) { b, v in
                let r = b.const32(0)
                let l = b.newLabel()
                b.brcond(cond, v[0], v[1], l)
                b.assign(r, constant: 1)
                b.label(l)
                return r
            }
            for (a, c) in Operands.pairs(bits: type.bits, seed: 40 + UInt64(cond.rawValue), randomCount: 200) {
                let taken = ConditionReference.holds(cond, a, c, bits: type.bits)
                #expect(k(a, c) == (taken ? 0 : 1))
            }
        }
    }

    @Test("select: a != 0 picks b, else c; any result type",
          arguments: [IRType.i32, .i64, .f32, .f64])
    func select(_ type: IRType) {
        let k = Kernel(inputs: [.i32, type, type], result: type) { b, v in b.select(v[0], v[1], v[2]) }
        let x: UInt64 = type.bits == 32 ? 0x1234_5678 : 0x1234_5678_9abc_def0
        let y: UInt64 = type.bits == 32 ? 0x8765_4321 : 0x0fed_cba9_8765_4321
        #expect(k(1, x, y) == x)
        #expect(k(0x8000_0000, x, y) == x)
        #expect(k(0, x, y) == y)
    }

    @Test("br forward skips ops; label is a no-op when fallen into")
    func forwardBranch() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let skip = b.newLabel(), join = b.newLabel()
        b.br(skip)
        b.storeState(0, b.const32(0xbad))
        b.label(skip)
        b.storeState(4, b.const32(0x600d))
        b.label(join)
        b.storeState(8, b.const32(0x600e))
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 0, instructionCount: 0))
        #expect(m.state32(0) == 0)
        #expect(m.state32(4) == 0x600d)
        #expect(m.state32(8) == 0x600e)
    }

    @Test("a backward branch loops: sum of 1...100 is 5050")
    func loop() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let sum = b.const32(0), i = b.const32(1), limit = b.const32(100)
        let top = b.newLabel()
        b.label(top)
        b.assign(sum, b.add(sum, i))
        b.assign(i, b.addi(i, 1))
        b.brcond(.leu, i, limit, top)
        b.storeState(0, sum)
        b.storeState(4, i)
        b.exitTB(.yield)
        #expect(m.run(b.finish(guestSize: 0, instructionCount: 0)) == .exit(.yield, payload: 0))
        #expect(m.state32(0) == 5050)
        #expect(m.state32(4) == 101)
    }

    @Test("a loop with a forward exit and an unconditional back edge (i64 counter)")
    func loopWithBreak() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let product = b.const64(1), n = b.const64(20), one = b.const64(1)
        let top = b.newLabel(), done = b.newLabel()
        b.label(top)
        b.brcond(.eq, n, one, done)
        b.assign(product, b.mul(product, n))
        b.assign(n, b.sub(n, one))
        b.br(top)
        b.label(done)
        b.storeState(0, product)
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 0, instructionCount: 0))
        #expect(m.state64(0) == 2_432_902_008_176_640_000)  // 20!
    }
}
