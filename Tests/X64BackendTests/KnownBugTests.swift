// Disagreements between the backends, each reduced to its smallest block. Every test expects the
// reference result (the interpreter's, or IEEE's where the interpreter itself is wrong) and is
// disabled until the backend at fault is fixed; the other suites skip exactly these cases, and
// say so where they do.

import IR
import Testing

@Suite("Known backend disagreements")
struct KnownBugTests {
    /// Runs the JIT alone and returns the state word at `offset`.
    static func jitWord(_ d: Differential, _ block: Block, _ image: GuestImage, _ offset: Int) -> UInt64 {
        _ = d.runJITOnly(block, image)
        return d.jit.stateBytes.load64(offset)
    }

    @Test("load.i32 u64 keeps the value's upper half in the register",
          .disabled("JIT bug: Lowering+Memory load of size 8 into an i32 is a 64-bit mov; the i32 must be zero-extended"))
    func loadU64IntoI32() {
        // v1 = load.i32 u64le [0x100]; its bits then reach a helper argument and a 64-bit
        // conversion. The interpreter keeps the low half only.
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let v = b.load(.u64, .i32, address: b.const32(0x100))
        b.call(Helpers.identity, effects: .all, result: nil, v)
        b.storeState(512, b.itof(v, to: .f64, signed: false))
        b.exitTB(.yield)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var image = GuestImage.patterned
        image.setMemory(0x100, [0x88, 0x77, 0x66, 0x85, 0x44, 0x33, 0x22, 0x11])
        let d = Differential()
        #expect(Self.jitWord(d, block, image, Helpers.recordOffset) == 0x8566_7788)
        #expect(d.jit.stateBytes.load64(512) == Double(0x8566_7788 as UInt32).bitPattern)
        #expect(d.compare(block, image) == nil)
    }

    @Test("cmpxchg ignores the alignment bit",
          .disabled("JIT bug: Lowering+Memory cmpxchg has no checkAlignment; an unaligned .al access must exit alignmentFault untouched"))
    func cmpxchgAlignment() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let old = b.cmpxchg(MemOp(size: 4, aligned: true), address: b.const32(0x101), expected: b.loadState(.i32, 0),
                            new: b.const32(0x77))
        b.storeState(512, old)
        b.exitTB(.yield)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var image = GuestImage.patterned
        image.setMemory(0x101, [0x11, 0x22, 0x33, 0x44])
        image.set32(0, 0x4433_2211)
        let d = Differential()
        let out = d.runJITOnly(block, image)
        #expect(out.exit == .exit(.exit(.alignmentFault, payload: 0x101)))
        let untouched = d.jit.memoryBytes == image.memory
        #expect(untouched)
        #expect(d.compare(block, image) == nil)
    }

    @Test("a successful u32le cmpxchg.i64 returns the expected value's upper half",
          .disabled("JIT bug: Lowering+Memory loads the i64 expected value into rax; a successful 32-bit lock cmpxchg leaves rax's upper half alone; zero-extend eax after it"))
    func cmpxchg32Success() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let old = b.cmpxchg(.u32, address: b.const32(0x100), expected: b.const64(0xaaaa_bbbb_4433_2211), new: b.const64(0x55))
        b.storeState(512, old)
        b.exitTB(.yield)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var image = GuestImage.patterned
        image.setMemory(0x100, [0x11, 0x22, 0x33, 0x44])
        let d = Differential()
        #expect(Self.jitWord(d, block, image, 512) == 0x4433_2211)
        #expect(d.compare(block, image) == nil)
    }

    @Test("cmpxchg ignores its displacement",
          .disabled("JIT bug: Lowering+Memory cmpxchg addresses [r14 + a] and drops op.imm; IR.md defines ea = a + imm for cmpxchg too (the builder always uses 0)"))
    func cmpxchgDisplacement() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let r = b.newValue(.i32)
        b.emit(Op(.cmpxchg, .i32, dst: r, a: b.const32(0x100), b: b.const32(0), c: b.const32(0x77), imm: 0x10,
                  aux: MemOp.u32.rawValue))
        b.storeState(512, r)
        b.exitTB(.yield)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var image = GuestImage.patterned
        image.setMemory(0x110, [0x10, 0x20, 0x30, 0x40])
        let d = Differential()
        #expect(Self.jitWord(d, block, image, 512) & 0xffff_ffff == 0x4030_2010)
        #expect(d.compare(block, image) == nil)
    }

    @Test("an f32 helper argument carries stale bits above bit 31",
          .disabled("JIT bug: f32 values live in XMM registers whose bits 32-63 are whatever the last scalar op left (sqrtss, cvtsd2ss, addss... write only the low 32; a call result is movq'd whole); callHelper passes them with movq. Clear the upper half (movd) for f32 arguments"))
    func f32HelperArgument() {
        let d = Differential()
        var image = GuestImage.patterned
        image.set64(0, Double(1.5).bitPattern)
        image.set32(16, Float(4).bitPattern)
        // An f32 computed by sqrtss into the scratch xmm15, which still holds 3.0 (f64) above.
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.f64, 0)
        b.storeState(8, b.binary(.fadd, x, x))
        b.call(Helpers.identity, effects: .all, result: nil, b.unary(.fsqrt, b.loadState(.f32, 16)))
        b.exitTB(.yield)
        let computed = b.finish(guestSize: 0, instructionCount: 0)
        #expect(Self.jitWord(d, computed, image, Helpers.recordOffset) == 0x4000_0000)
        #expect(d.compare(computed, image) == nil)
        // A helper's f32 result, passed on with the bits the helper returned above bit 31.
        var c = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let h = c.call(Helpers.mix, effects: .all, result: .f32, c.loadState(.i32, 16))
        c.call(Helpers.identity, effects: .all, result: nil, h)
        c.exitTB(.yield)
        let returned = c.finish(guestSize: 0, instructionCount: 0)
        #expect(Self.jitWord(d, returned, image, Helpers.recordOffset) >> 32 == 0)
        #expect(d.compare(returned, image) == nil)
    }

    @Test("fsetcond uno/ord raise flags on signalling NaNs and subnormals in the JIT only",
          .disabled("Disagreement: Lowering+Float compares with ucomiss/ucomisd (invalid on SNaN, denormal on subnormals); the interpreter tests isNaN and raises nothing. The interpreter is the reference here, though ucomis is what every other fsetcond does in both"))
    func unorderedFlags() {
        let d = Differential()
        for cond in [FloatCondition.uno, .ord] {
            let block = Kernel.block(inputs: [.f32, .f32]) { b, v in b.fsetcond(cond, v[0], v[1]) }
            for other: UInt64 in [0x7f80_0001, 0x0000_0001] {
                let out = d.runJITOnly(block, Kernel.image([0, other]))
                #expect(out.mxcsr & 0x3f == 0)
                #expect(d.compare(block, Kernel.image([0, other])) == nil)
            }
        }
    }

    @Test("fsqrt of a negative subnormal: the interpreter raises denormal too",
          .disabled("Interpreter bug: in a debug build FloatOps' squareRoot() calls libm sqrt, whose errno check (x < 0) is a ucomisd that adds the denormal flag; sqrtsd (the JIT, and -O builds) raises invalid only"))
    func squareRootFlags() {
        let d = Differential()
        let block = Kernel.block(inputs: [.f64]) { b, v in b.unary(.fsqrt, v[0]) }
        let out = d.runInterpreterOnly(block, Kernel.image([0x8000_0000_0000_0001]))
        #expect(out.mxcsr & 0x3f == 0x1)
        #expect(d.compare(block, Kernel.image([0x8000_0000_0000_0001])) == nil)
    }

    @Test("unsigned 0 converts to -0.0 when rounding down",
          .disabled("Interpreter bug: Double(UInt32)/Double(UInt64) lower to (2^52 + x) - 2^52, which is -0 for x = 0 under round-down; IEEE gives +0. The JIT's i32 path (cvtsi2sd) is right; its u64 path calls ReferenceHelpers.unsigned64ToFloat and is wrong the same way"))
    func unsignedZeroRoundingDown() {
        let d = Differential()
        for from in [IRType.i32, .i64] {
            let block = Kernel.block(inputs: [from]) { b, v in b.itof(v[0], to: .f64, signed: false) }
            _ = d.runInterpreterOnly(block, Kernel.image([0]), mxcsr: 0x3f80)
            #expect(d.interpreter.stateBytes.load64(Kernel.resultOffset) == 0, "from \(from.name)")
            let c = d.prepare(block)
            _ = d.runJIT(c, Kernel.image([0]), mxcsr: 0x3f80, lookupKey: nil)
            c.prepared.deallocate()
            #expect(d.jit.stateBytes.load64(Kernel.resultOffset) == 0, "from \(from.name)")
        }
    }

    @Test("a value first defined inside a loop is clobbered before the loop's exit on the next iteration",
          .disabled("JIT bug: Liveness stretches intervals over a backward branch only for values defined before the loop's label; v5 below is live from the back edge through L0 to the exit, and its register is reused by v2"))
    func loopCarriedLiveness() {
        // v0 counts down from 3; v5 = 7 * v0 each iteration; the exit at the top reads the v5 of
        // the last iteration (7). The JIT gives v5's register to v2 (computed at the top).
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let top = b.newLabel(), out = b.newLabel()
        let n = b.loadState(.i32, 0)
        b.label(top)
        let t = b.loadState(.i32, 16)
        b.storeState(32, b.add(t, t))
        b.brcond(.eq, n, b.const32(0), out)
        let x = b.muli(n, 7)
        b.assign(n, b.sub(n, b.const32(1)))
        b.br(top)
        b.label(out)
        b.storeState(512, x)
        b.exitTB(.yield)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var image = GuestImage.patterned
        image.set32(0, 3)
        image.set32(16, 100)
        let d = Differential()
        #expect(Self.jitWord(d, block, image, 512) & 0xffff_ffff == 7)
        #expect(d.compare(block, image) == nil)
    }
}
