// The loop vectorizer (IRPasses, Passes+Vectorize.swift): loops shaped as the ARM and MIPS
// translators make them (ARM's multiply-add with its cold tininess test, MIPS's big-endian
// multiply-add with its NaN test, single-precision, 32-bit and big-endian 16-bit integer
// loops, two that count their iterations apart from their pointers, up and down, one that
// sums and xors) leave the same memory, guest state, exit and MXCSR flags with their vector copy, on
// the JIT (with its NaN traps, as the engine runs) and on the interpreter, as the scalar loop
// does on the interpreter. The arrays overlap at every distance up to a pass, the lengths
// leave every remainder, and the elements are special values in every lane: NaNs, infinities,
// zeros, subnormals, and products that round up to the smallest normal. (The one departure
// allowed: leaving the loop by a NaN test, flags of that pass's later lanes may be raised.)

import CHost
import IR
import IRInterpreter
import IRPasses
import Testing
import TestBackends
import TestTools

@Suite("IRPasses + JIT: vectorized loops")
struct VectorizedLoopTests {
    static let exitRequest = 1016, stateSize = 1024, memorySize = 64 * 1024
    /// State: b at 0, c at 4, a at 8, c's end at 12, the loop-invariant k at 32 (f64), 40 (f32)
    /// and 44 (i32); fields the loop writes at 48 and 56.
    static let kOffset64 = 32, kOffset32 = 40, kOffsetInt = 44

    enum Shape: CaseIterable {
        case armMultiplyAdd, mipsMultiplyAdd, singles, integers, halfwords, counted, countedDown, reductions

        var element: Int {
            switch self {
            case .armMultiplyAdd, .mipsMultiplyAdd: 8
            case .singles, .integers, .counted, .countedDown, .reductions: 4
            case .halfwords: 2
            }
        }
    }

    /// Raises Underflow, as ARM's tininess helper does for a result tiny before rounding.
    static let tiny: HelperFunction = { _, _, _, _ in
        chost_set_mxcsr(chost_get_mxcsr() | 0x10)
        return 0
    }

    static func block(_ shape: Shape) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        let head = b.newLabel(), stop = b.newLabel(), nan = b.newLabel()
        b.label(head)
        b.insnStart(0x1000)
        let e = UInt32(shape.element)
        switch shape {
        case .armMultiplyAdd:
            // c[j] += k * b[j], as VFP's vldmia, vldr, vmla, vstmia.
            let bp = b.loadState(.i32, 0)
            let x = b.load(.u64, .f64, address: bp)
            b.storeState(0, b.add(bp, b.const32(8)))
            let cp = b.loadState(.i32, 4)
            let y = b.load(.u64, .f64, address: cp)
            b.insnStart(0x1004)
            let k = b.loadState(.f64, kOffset64)
            let p = b.floatBinary(.fmul, x, k, nans: .firstNaN)
            let bits = b.bitcast(p, to: .i64)
            let resume = b.newLabel()
            let o = b.or(b.binary(.rotl, bits, b.const64(12)), b.const64(0x800))
            b.brcond(.ne, o, b.const64(0x801), resume, hint: .coldFallThrough)
            b.call(tiny, effects: [.floatFlags, .rare], result: nil, x, k)
            b.label(resume)
            let s = b.floatBinary(.fadd, y, p, nans: .firstNaN)
            b.storeState(48, x)
            b.storeState(56, s)
            b.store(.u64, address: cp, s)
            b.storeState(4, b.add(cp, b.const32(8)))
        case .mipsMultiplyAdd:
            // c[j] = b[j] + k * c[j] on big-endian doubles, the pointers advanced first, and
            // the NaN test before the store (its slow path leaves).
            let bp = b.add(b.loadState(.i32, 0), b.const32(8))
            b.storeState(0, bp)
            let x = b.load(MemOp.u64.withBigEndian(true), .f64, address: bp, offset: 0xffff_fff8)
            let cp = b.add(b.loadState(.i32, 4), b.const32(8))
            b.storeState(4, cp)
            let y = b.load(MemOp.u64.withBigEndian(true), .f64, address: cp, offset: 0xffff_fff8)
            let s = b.floatBinary(.fadd, b.floatBinary(.fmul, b.loadState(.f64, kOffset64), y, nans: .unspecified), x,
                                  nans: .unspecified)
            b.brcond(.ne, b.fsetcond(.uno, s, s), b.const32(0), nan)
            b.store(MemOp.u64.withBigEndian(true), address: cp, offset: 0xffff_fff8, s)
        case .singles:
            // c[i] = a[i] * b[i] + c[i] * k, NaN-tested.
            let ap = b.loadState(.i32, 8), bp = b.loadState(.i32, 0), cp = b.loadState(.i32, 4)
            let p = b.floatBinary(.fmul, b.load(.u32, .f32, address: ap), b.load(.u32, .f32, address: bp), nans: .unspecified)
            let q = b.floatBinary(.fmul, b.load(.u32, .f32, address: cp), b.loadState(.f32, kOffset32), nans: .unspecified)
            let s = b.floatBinary(.fadd, p, q, nans: .unspecified)
            b.brcond(.eq, b.fsetcond(.ord, s, s), b.const32(0), nan)
            b.store(.u32, address: cp, s)
            for offset in [8, 0, 4] { b.storeState(offset, b.add(b.loadState(.i32, offset), b.const32(4))) }
        case .integers:
            // c[i] = a[i] * b[i] + (c[i] ^ a[i]) - k.
            let ap = b.loadState(.i32, 8), bp = b.loadState(.i32, 0), cp = b.loadState(.i32, 4)
            let x = b.load(.u32, .i32, address: ap)
            let v = b.add(b.mul(x, b.load(.u32, .i32, address: bp)), b.xor(b.load(.u32, .i32, address: cp), x))
            b.store(.u32, address: cp, b.sub(v, b.loadState(.i32, kOffsetInt)))
            for offset in [8, 0, 4] { b.storeState(offset, b.add(b.loadState(.i32, offset), b.const32(4))) }
        case .halfwords:
            // h[i] = (h[i] + (g[i] << 1) + g[i] * 3) & k on big-endian halfwords (lhu, sh).
            let bp = b.loadState(.i32, 0), cp = b.loadState(.i32, 4)
            let g = b.load(MemOp.u16.withBigEndian(true), .i32, address: bp)
            let h = b.load(MemOp.u16.withBigEndian(true), .i32, address: cp)
            let twice = b.add(b.shl(g, b.const32(1)), h)
            let v = b.and(b.add(twice, b.mul(g, b.const32(3))), b.loadState(.i32, kOffsetInt))
            b.store(MemOp.u16.withBigEndian(true), address: cp, v)
            for offset in [0, 4] { b.storeState(offset, b.add(b.loadState(.i32, offset), b.const32(2))) }
        case .reductions:
            // sum += a[i] * b[i] (state 48) and x ^= a[i] (52) over words; no store.
            let ap = b.loadState(.i32, 8), bp = b.loadState(.i32, 0)
            let x = b.load(.u32, .i32, address: ap), y = b.load(.u32, .i32, address: bp)
            b.storeState(48, b.add(b.loadState(.i32, 48), b.mul(x, y)))
            b.storeState(52, b.xor(x, b.loadState(.i32, 52)))
            for offset in [8, 0, 4] { b.storeState(offset, b.add(b.loadState(.i32, offset), b.const32(4))) }
        case .counted:
            // c[i] = a[i] + b[i] with a counter (state 16) up from 0 to n (state 20), the one
            // compared.
            let ap = b.loadState(.i32, 8), bp = b.loadState(.i32, 0), cp = b.loadState(.i32, 4)
            b.store(.u32, address: cp, b.add(b.load(.u32, .i32, address: ap), b.load(.u32, .i32, address: bp)))
            for offset in [8, 0, 4] { b.storeState(offset, b.add(b.loadState(.i32, offset), b.const32(4))) }
            b.storeState(16, b.add(b.loadState(.i32, 16), b.const32(1)))
        case .countedDown:
            // c[i] = a[i] ^ b[i] as ARM's post-indexed ldr/str and subs/bne translate: each
            // pointer's new value computed before its access and written after it, the counter
            // copied before subs and the copy compared with 1.
            var written: [(Int, Value)] = []
            func postIndexed(_ offset: Int) -> Value {
                let p = b.loadState(.i32, offset)
                written.append((offset, b.add(p, b.const32(4))))
                return p
            }
            let x = b.load(.u32, .i32, address: postIndexed(8)), y = b.load(.u32, .i32, address: postIndexed(0))
            b.store(.u32, address: postIndexed(4), b.xor(x, y))
            for (offset, value) in written { b.storeState(offset, value) }
            let old = b.mov(b.loadState(.i32, 16))
            b.storeState(16, b.sub(old, b.const32(1)))
            b.brcond(.ne, b.loadState(.i32, exitRequest), b.const32(0), stop)
            b.brcond(.ne, old, b.const32(1), head)
        }
        if shape != .countedDown {
            b.brcond(.ne, b.loadState(.i32, exitRequest), b.const32(0), stop)
            let (counter, limit) = shape == .counted ? (16, 20) : (4, 12)
            b.brcond(.ne, b.loadState(.i32, counter), b.loadState(.i32, limit), head)
        }
        b.exitTB(.yield)
        b.label(stop)
        b.exitTB(.exitRequest)
        b.label(nan)
        b.exitTB(.undefined, payload: UInt64(e))
        return b.finish(guestSize: 8, instructionCount: 2)
    }

    static func optimized(_ block: Block, vectorizing: Bool) -> Block {
        var o = Optimizer()
        o.volatileFields = UInt64(exitRequest)..<UInt64(exitRequest + 4)
        o.vectorizesLoops = vectorizing
        var out = block
        o.optimize(&out, preciseFaults: false)
        return out
    }

    /// Doubles and singles that matter: NaNs (quiet, signalling, both signs), infinities,
    /// zeros, subnormals, the smallest normal and its neighbours, and ordinary values.
    static let doubles: [UInt64] = [
        0x7ff8_0000_0000_0001, 0xfff4_0000_0000_0002, 0x7ff0_0000_0000_0000, 0xfff0_0000_0000_0000, 0, 1 << 63,
        0x0000_0000_0000_0001, 0x000f_ffff_ffff_ffff, 0x0010_0000_0000_0000, 0x0010_0000_0000_0001,
        0x3fdf_ffff_ffff_fffe, 0x3ff8_0000_0000_0000, 0xc004_0000_0000_0000, 0x7fef_ffff_ffff_ffff,
    ]
    static let singles: [UInt32] = [
        0x7fc0_0001, 0xffa0_0002, 0x7f80_0000, 0xff80_0000, 0, 0x8000_0000, 1, 0x007f_ffff, 0x0080_0000,
        0x3eff_fffe, 0x3fc0_0000, 0xc020_0000, 0x7f7f_ffff,
    ]
    /// k values: ordinary, one whose products with 0x3fdffffffffffffe round up to the smallest
    /// normal (2^-1022 (1 - 2^-104) before rounding), an infinity, a NaN.
    static let ks: [UInt64] = [0x3ff8_0000_0000_0000, 0x0020_0000_0000_0001, 0x7ff0_0000_0000_0000, 0x7ff8_0000_0000_0000]

    struct Case {
        var n: Int
        /// c's start relative to b's, in elements (nil: apart).
        var overlap: Int?
        var seed: UInt64
        var k: UInt64
    }

    static func cases(_ shape: Shape) -> [Case] {
        var out: [Case] = []
        var rng = SplitMix64(seed: 0x5eed_0000 + UInt64(shape.element))
        for n in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 33] {
            for overlap in [nil, 0, 1, -1, 2, -2, 3, -3, 4, -4, 8] as [Int?] {
                out.append(Case(n: n, overlap: overlap, seed: rng.next(), k: ks[Int(rng.next() % UInt64(ks.count))]))
            }
        }
        return out
    }

    /// The state and memory a case starts from.
    static func image(_ shape: Shape, _ c: Case) -> (state: [UInt8], memory: [UInt8]) {
        var rng = SplitMix64(seed: c.seed)
        var memory = [UInt8](repeating: 0, count: memorySize)
        let e = shape.element
        // Misaligned by a random element so passes cross every 16-byte phase.
        let bBase = 0x1000 + Int(rng.next() % 4) * e
        let cBase = c.overlap.map { bBase + $0 * e } ?? 0x3000 + Int(rng.next() % 4) * e
        let aBase = 0x5000 + Int(rng.next() % 4) * e
        for i in 0..<(0x6000 / e) {
            let word: UInt64
            switch shape.element {
            case 8:
                word = rng.next() % 3 == 0 ? doubles[Int(rng.next() % UInt64(doubles.count))]
                    : 0x3fe0_0000_0000_0000 | rng.next() >> 14
            case 4 where shape == .singles:
                word = UInt64(rng.next() % 3 == 0 ? singles[Int(rng.next() % UInt64(singles.count))]
                    : 0x3f00_0000 | UInt32(truncatingIfNeeded: rng.next() >> 41))
            default:
                word = rng.next()
            }
            for byte in 0..<e { memory[0x1000 + i * e + byte] = UInt8(truncatingIfNeeded: word >> UInt64(8 * byte)) }
        }
        var state = [UInt8](repeating: 0, count: stateSize)
        func set32(_ offset: Int, _ v: UInt32) { for i in 0..<4 { state[offset + i] = UInt8(truncatingIfNeeded: v >> UInt32(8 * i)) } }
        func set64(_ offset: Int, _ v: UInt64) { for i in 0..<8 { state[offset + i] = UInt8(truncatingIfNeeded: v >> UInt64(8 * i)) } }
        set32(0, UInt32(bBase))
        set32(4, UInt32(cBase))
        set32(8, UInt32(aBase))
        set32(12, UInt32(cBase + c.n * e))
        set32(16, shape == .countedDown ? UInt32(c.n) : 0)
        set32(48, UInt32(truncatingIfNeeded: c.seed))
        set32(52, UInt32(truncatingIfNeeded: c.seed >> 32))
        set32(20, UInt32(c.n))
        set64(kOffset64, c.k)
        set32(kOffset32, UInt32(truncatingIfNeeded: c.k >> 32))
        set32(kOffsetInt, shape == .halfwords ? 0xfff7 : UInt32(truncatingIfNeeded: c.k))
        return (state, memory)
    }

    struct Result: Equatable {
        var outcome: BlockOutcome
        var flags: UInt32
        var state: [UInt8]
        var memory: [UInt8]
    }

    static func run(_ block: Block, _ image: (state: [UInt8], memory: [UInt8]), on backend: Backend, runner: JITRunner,
                    rounding: UInt32) -> Result {
        let state = UnsafeMutableRawPointer.allocate(byteCount: stateSize, alignment: 16)
        let memory = UnsafeMutableRawPointer.allocate(byteCount: memorySize + 16, alignment: 16)
        defer { state.deallocate(); memory.deallocate() }
        image.state.withUnsafeBytes { state.copyMemory(from: $0.baseAddress!, byteCount: stateSize) }
        image.memory.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: memorySize) }
        // The JIT with invalid unmasked (its NaN traps); the interpreter computes the rule.
        let saved = chost_get_mxcsr()
        chost_set_mxcsr((backend == .jit ? 0x1f00 : 0x1f80) | rounding << 13)
        let outcome = backend.run(block, runner: runner, state: state, memory: memory)
        let flags = chost_get_mxcsr() & 0x3f
        chost_set_mxcsr(saved)
        return Result(outcome: outcome, flags: flags,
                      state: [UInt8](UnsafeRawBufferPointer(start: state, count: 64)),
                      memory: [UInt8](UnsafeRawBufferPointer(start: memory + 0x1000, count: 0x6000)))
    }

    @Test("each shape gets a vector loop", arguments: Shape.allCases)
    func vectorizes(_ shape: Shape) {
        let vectorized = Self.optimized(Self.block(shape), vectorizing: true)
        #expect(vectorized.verify() == [])
        let vectorOps: Set<Opcode> = [.vfmule, .vfadde, .vmul, .vadd, .vxor]  // every shape has one
        #expect(vectorized.ops.contains { vectorOps.contains($0.opcode) }, "\(vectorized.text())")
        #expect(!Self.optimized(Self.block(shape), vectorizing: false).ops.contains { $0.type == .v128 })
    }

    @Test("vector loop = scalar loop: memory, state, exit, flags", arguments: Shape.allCases)
    func agrees(_ shape: Shape) {
        let runner = JITRunner(exitRequestOffset: Self.exitRequest)
        let scalar = Self.optimized(Self.block(shape), vectorizing: false)
        let vectorized = Self.optimized(Self.block(shape), vectorizing: true)
        var failures = 0
        for c in Self.cases(shape) {
            let image = Self.image(shape, c)
            for rounding: UInt32 in [0, 3] {
                let expected = Self.run(scalar, image, on: .interpreter, runner: runner, rounding: rounding)
                for backend in Backend.allCases {
                    var got = Self.run(vectorized, image, on: backend, runner: runner, rounding: rounding)
                    // Leaving by the NaN test, a pass's later lanes may have raised their flags
                    // before the scalar loop stopped short of them (Passes+Vectorize.swift): only
                    // more flags, never fewer.
                    if got.outcome == .exit(.undefined, payload: UInt64(shape.element)) && got.outcome == expected.outcome
                        && got.flags & expected.flags == expected.flags {
                        got.flags = expected.flags
                    }
                    if got != expected && failures < 3 {
                        failures += 1
                        let firstByte = got.memory.indices.first { got.memory[$0] != expected.memory[$0] }.map { 0x1000 + $0 }
                        Issue.record("""
                            \(shape) on the \(backend), n \(c.n), overlap \(c.overlap.map(String.init) ?? "none"), \
                            k 0x\(String(c.k, radix: 16)), rounding \(rounding): outcome \(got.outcome) vs \(expected.outcome), \
                            flags 0x\(String(got.flags, radix: 16)) vs 0x\(String(expected.flags, radix: 16)), \
                            state \(got.state == expected.state ? "same" : "differs"), first memory difference at \
                            \(firstByte.map { "0x" + String($0, radix: 16) } ?? "none")
                            """)
                    }
                }
            }
        }
    }
}
