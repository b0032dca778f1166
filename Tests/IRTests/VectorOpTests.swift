// v128 values and the lane ops (Documentation/IR.md, "Vectors"): each op pinned on values
// worked out by hand, the standard-mode float lanes on their edges, and what the verifier
// rejects.

import Glibc
import IR
import IRInterpreter
import Testing
import TestTools

@Suite("Vectors")
struct VectorOpTests {
    /// Runs `build` over v128 inputs at state 0 and 16; returns the v128 result (stored at 64)
    /// as (low, high), and the flags word at 96 with inexact added when the run raised it in
    /// the FP environment (where the vector float ops put it).
    static func run(_ a: (UInt64, UInt64), _ b: (UInt64, UInt64), scalar: UInt64 = 0, scalarType: IRType = .i32,
                    _ build: (inout IRBuilder, Value, Value, Value) -> Value) -> (UInt64, UInt64, flags: UInt32) {
        let m = Machine()
        m.setState64(0, a.0); m.setState64(8, a.1); m.setState64(16, b.0); m.setState64(24, b.1)
        m.setState64(32, scalar)
        var builder = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        builder.insnStart(0x1000)
        let x = builder.loadState(.v128, 0), y = builder.loadState(.v128, 16), s = builder.loadState(scalarType, 32)
        let r = build(&builder, x, y, s)
        if builder.type(of: r) == .v128 { builder.storeState(64, r) } else { builder.storeState(64, builder.zextIfNeeded(r)) }
        builder.exitTB(.yield)
        feclearexcept(0x3d)  // FE_ALL_EXCEPT on x86-64
        m.run(builder.finish(guestSize: 4, instructionCount: 1))
        let inexact = fetestexcept(0x20) != 0 ? VectorFloatFlags.inexact : 0  // FE_INEXACT
        feclearexcept(0x3d)  // FE_ALL_EXCEPT on x86-64
        return (m.state64(64), m.state64(72), m.state32(96) | inexact)
    }

    @Test("bitwise ops on all 128 bits")
    func bitwise() {
        let a = (UInt64(0xff00_ff00_1234_5678), UInt64(0x0f0f_0f0f_ffff_0000)), b = (UInt64(0x0ff0_0ff0_ffff_0000), UInt64(0xffff_0000_0f0f_0f0f))
        #expect(Self.run(a, b) { bb, x, y, _ in bb.vbitwise(.vand, x, y) }.0 == 0x0f00_0f00_1234_0000)
        #expect(Self.run(a, b) { bb, x, y, _ in bb.vbitwise(.vor, x, y) }.1 == 0xffff_0f0f_ffff_0f0f)
        #expect(Self.run(a, b) { bb, x, y, _ in bb.vbitwise(.vxor, x, y) }.0 == 0xf0f0_f0f0_edcb_5678)
        let andc = Self.run(a, b) { bb, x, y, _ in bb.vbitwise(.vandc, x, y) }
        #expect(andc.0 == 0xf000_f000_0000_5678 && andc.1 == 0x0000_0f0f_f0f0_0000)
    }

    @Test("add, sub, mul wrap within each lane")
    func arithmetic() {
        let ones = (UInt64(0xffff_ffff_ffff_ffff), UInt64(0x7fff_ffff_ffff_ffff)), one = (UInt64(0x0101_0101_0101_0101), UInt64(1))
        // 8-bit lanes: 0xff + 1 = 0 in each byte, no carry into the next.
        #expect(Self.run(ones, one) { b, x, y, _ in b.vector(.vadd, .i8, x, y) }.0 == 0)
        #expect(Self.run(ones, one) { b, x, y, _ in b.vector(.vadd, .i64, x, y) } == (0x0101_0101_0101_0100, 0x8000_0000_0000_0000, 0))
        #expect(Self.run(one, ones) { b, x, y, _ in b.vector(.vsub, .i16, x, y) }.0 == 0x0102_0102_0102_0102)
        let p = (UInt64(0x0003_8000_0000_0010), UInt64(0xffff_ffff_0001_0000)), q = (UInt64(0x0005_0002_0000_0010), UInt64(0x0000_0002_0000_0003))
        #expect(Self.run(p, q) { b, x, y, _ in b.vector(.vmul, .i16, x, y) }.0 == 0x000f_0000_0000_0100)
        #expect(Self.run(p, q) { b, x, y, _ in b.vector(.vmul, .i32, x, y) }.1 == 0xffff_fffe_0003_0000)
    }

    @Test("compares give lane masks: equal, signed and unsigned greater")
    func compares() {
        let a = (UInt64(0x80ff_0001_7f00_0000), UInt64(0)), b = (UInt64(0x0001_0001_8000_0000), UInt64(0))
        #expect(Self.run(a, b) { bb, x, y, _ in bb.vector(.vcmpeq, .i16, x, y) }.0 == 0x0000_ffff_0000_ffff)
        #expect(Self.run(a, b) { bb, x, y, _ in bb.vector(.vcmpgt, .i8, x, y) }.0 == 0x0000_0000_ff00_0000)
        #expect(Self.run(a, b) { bb, x, y, _ in bb.vector(.vcmpgtu, .i8, x, y) }.0 == 0xffff_0000_0000_0000)
        #expect(Self.run(a, a) { bb, x, y, _ in bb.vector(.vcmpeq, .i64, x, y) } == (~0, ~0, 0))
    }

    @Test("dup, insert and extract move lanes")
    func lanes() {
        let a = (UInt64(0x0706_0504_0302_0100), UInt64(0x0f0e_0d0c_0b0a_0908))
        #expect(Self.run(a, a, scalar: 0x1234_56ab) { b, _, _, s in b.vdup(.i8, s) } == (0xabab_abab_abab_abab, 0xabab_abab_abab_abab, 0))
        #expect(Self.run(a, a, scalar: 0x1234_56ab) { b, _, _, s in b.vdup(.i16, s) }.1 == 0x56ab_56ab_56ab_56ab)
        #expect(Self.run(a, a, scalar: 0xdead_beef_0000_0001, scalarType: .i64) { b, _, _, s in b.vdup(.i64, s) }.1 == 0xdead_beef_0000_0001)
        #expect(Self.run(a, a, scalar: 0xffff_ffaa) { b, x, _, s in b.vinsert(.i8, x, lane: 9, s) }.1 == 0x0f0e_0d0c_0b0a_aa08)
        #expect(Self.run(a, a, scalar: 0x1234_5678) { b, x, _, s in b.vinsert(.i32, x, lane: 1, s) }.0 == 0x1234_5678_0302_0100)
        #expect(Self.run(a, a) { b, x, _, _ in b.vextract(.i8, x, lane: 13, as: .i32) }.0 == 0x0d)
        #expect(Self.run(a, a) { b, x, _, _ in b.vextract(.i16, x, lane: 7, as: .i32) }.0 == 0x0f0e)
        #expect(Self.run(a, a) { b, x, _, _ in b.vextract(.i64, x, lane: 1, as: .i64) }.0 == 0x0f0e_0d0c_0b0a_0908)
    }

    @Test("float lanes: rounding, flush to zero, default NaN, flags")
    func floats() {
        func lanes(_ l: [UInt32]) -> (UInt64, UInt64) { (UInt64(l[0]) | UInt64(l[1]) << 32, UInt64(l[2]) | UInt64(l[3]) << 32) }
        // 1 + 2^-24 (inexact, ties to even), subnormal + 1 (input flushed: IDC), 1 + quiet NaN, sNaN + 1.
        let a = lanes([0x3f80_0000, 0x0000_0001, 0x3f80_0000, 0x7f80_0001]), b = lanes([0x3380_0000, 0x3f80_0000, 0xffc0_1234, 0x3f80_0000])
        let r = Self.run(a, b) { bb, x, y, _ in bb.vfloat(.vfadd, x, y, flagsOffset: 96) }
        #expect(r.0 == 0x3f80_0000_3f80_0000 && r.1 == 0x7fc0_0000_7fc0_0000)
        #expect(r.flags == VectorFloatFlags.inexact | VectorFloatFlags.inputDenormal | VectorFloatFlags.invalid)
        // 2^-100 * 2^-30 is exactly 2^-130, tiny: zero and underflow without inexact.
        let t = Self.run(lanes([0x0d80_0000, 0, 0, 0]), lanes([0x3080_0000, 0, 0, 0])) { bb, x, y, _ in bb.vfloat(.vfmul, x, y, flagsOffset: 96) }
        #expect(t.0 == 0 && t.flags == VectorFloatFlags.underflow)
        // max - (-max) overflows to infinity; inf - inf is invalid.
        let o = Self.run(lanes([0x7f7f_ffff, 0x7f80_0000, 0, 0]), lanes([0xff7f_ffff, 0x7f80_0000, 0, 0])) { bb, x, y, _ in
            bb.vfloat(.vfsub, x, y, flagsOffset: 96)
        }
        #expect(o.0 == 0x7fc0_0000_7f80_0000)
        #expect(o.flags == VectorFloatFlags.overflow | VectorFloatFlags.inexact | VectorFloatFlags.invalid)
    }

    @Test("16-byte memory and state moves")
    func moves() {
        let m = Machine()
        m.setBytes(0x100, (0..<16).map { UInt8($0) })
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        let address = b.const32(0x100)
        let v = b.load(.v128(), .v128, address: address)
        b.store(.v128(), address: address, offset: 0x21, b.mov(v))
        b.storeState(8, v)
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 4, instructionCount: 1))
        #expect(m.bytes(0x121, 16) == (0..<16).map { UInt8($0) })
        #expect(m.state64(8) == 0x0706_0504_0302_0100 && m.state64(16) == 0x0f0e_0d0c_0b0a_0908)
    }

    @Test("an aligned v128 access checks the MemOp's alignment, not 16")
    func alignment() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        let address = b.const32(0x108)
        _ = b.load(.v128(alignment: 8, aligned: true), .v128, address: address)
        let odd = b.const32(0x10c)
        _ = b.load(.v128(alignment: 8, aligned: true), .v128, address: odd)
        b.exitTB(.yield)
        #expect(m.run(b.finish(guestSize: 4, instructionCount: 1)) == .exit(.alignmentFault, payload: 0x10c))
    }

    @Test("the verifier rejects bad lanes and v128 where it cannot go")
    func verifier() {
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        let v = b.loadState(.v128, 0), x = b.loadState(.i32, 16)
        _ = b.vector(.vmul, .i8, v, v)
        _ = b.vector(.vcmpgt, .i64, v, v)
        _ = b.vinsert(.i32, v, lane: 4, x)
        _ = b.vdup(.i64, x)
        _ = b.binary(.add, v, v)
        b.emit(Op(.load, .v128, dst: b.newValue(.v128), a: x, aux: MemOp.u64.rawValue))
        b.exitTB(.yield)
        let errors = b.finish(guestSize: 4, instructionCount: 1).verify()
        for i in 2...7 { #expect(errors.contains { $0.hasPrefix("op \(i) ") }, "op \(i): \(errors)") }
        #expect(!errors.contains { $0.hasPrefix("op 0 ") || $0.hasPrefix("op 1 ") || $0.hasPrefix("op 8 ") })
    }
}

extension IRBuilder {
    /// An i32 result widened so the test reads 8 bytes of state.
    mutating func zextIfNeeded(_ v: Value) -> Value { type(of: v) == .i32 ? zext(v) : v }
}
