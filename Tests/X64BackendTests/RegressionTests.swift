// Disagreements the fuzzer once found between the backends, each reduced to its smallest block and
// kept as a regression test. Every test expects the reference result (the interpreter's, or
// IEEE's where the interpreter itself was wrong).

import IR
import Testing

@Suite("Fixed backend disagreements")
struct RegressionTests {
    /// Runs the JIT alone and returns the state word at `offset`.
    static func jitWord(_ d: Differential, _ block: Block, _ image: GuestImage, _ offset: Int) -> UInt64 {
        _ = d.runJITOnly(block, image)
        return d.jit.stateBytes.load64(offset)
    }

    @Test("load.i32 u64 keeps the value's upper half in the register")
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

    @Test("cmpxchg ignores the alignment bit")
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

    @Test("a successful u32le cmpxchg.i64 returns the expected value's upper half")
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

    @Test("cmpxchg ignores its displacement")
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

    @Test("an f32 helper argument carries stale bits above bit 31")
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

    @Test("fsetcond uno/ord raise ucomis's flags on both backends: IE for a signalling NaN, DE for a subnormal")
    func unorderedFlags() {
        let d = Differential()
        for cond in [FloatCondition.uno, .ord] {
            let block = Kernel.block(inputs: [.f32, .f32]) { b, v in b.fsetcond(cond, v[0], v[1]) }
            for (other, flags): (UInt64, UInt32) in [(0x7f80_0001, 0x1), (0x0000_0001, 0x2)] {
                let jit = d.runJITOnly(block, Kernel.image([0, other]))
                #expect(jit.mxcsr & 0x3f == flags)
                let interpreted = d.runInterpreterOnly(block, Kernel.image([0, other]))
                #expect(interpreted.mxcsr & 0x3f == flags)
                #expect(d.compare(block, Kernel.image([0, other])) == nil)
            }
        }
    }

    @Test("fsqrt of a negative subnormal: the interpreter raises denormal too")
    func squareRootFlags() {
        let d = Differential()
        let block = Kernel.block(inputs: [.f64]) { b, v in b.unary(.fsqrt, v[0]) }
        let out = d.runInterpreterOnly(block, Kernel.image([0x8000_0000_0000_0001]))
        #expect(out.mxcsr & 0x3f == 0x1)
        #expect(d.compare(block, Kernel.image([0x8000_0000_0000_0001])) == nil)
    }

    @Test("unsigned 0 converts to -0.0 when rounding down")
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

    @Test("a value first defined inside a loop is clobbered before the loop's exit on the next iteration")
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
