// Advanced SIMD single-precision lanes against a model of the manual's "standard FPSCR value"
// (A2.7.3: round to nearest, flush-to-zero on inputs and results, default NaN) built on the
// host's IEEE arithmetic, on random lanes rich in NaNs, infinities, zeros and denormals; and
// directed cases for the cumulative flags, VRECPE/VRSQRTE (A2.8 tables, in the ARMv7 real
// formulation) and the conversions.

import Testing
import TestTools

enum StandardFloatModel {
    static let defaultNaN: UInt32 = 0x7fc0_0000
    static func isNaN(_ x: UInt32) -> Bool { x & 0x7fff_ffff > 0x7f80_0000 }
    /// FPUnpack with FZ: denormals are zeros of their sign.
    static func input(_ x: UInt32) -> Float {
        x & 0x7f80_0000 == 0 ? Float(bitPattern: x & 0x8000_0000) : Float(bitPattern: x)
    }
    /// A result: NaN becomes the default NaN; a denormal result flushes to a zero of its sign.
    static func output(_ f: Float) -> UInt32 {
        if f.isNaN { return defaultNaN }
        if f.isSubnormal { return f.sign == .minus ? 0x8000_0000 : 0 }
        return f.bitPattern
    }
    static func binary(_ a: UInt32, _ b: UInt32, _ f: (Float, Float) -> Float) -> UInt32 {
        if isNaN(a) || isNaN(b) { return defaultNaN }
        return output(f(input(a), input(b)))
    }

    /// Lanes of a float operand: normal values near 1 and across the range, zeros, infinities,
    /// quiet and signaling NaNs, denormals, and values whose products are tiny.
    static func lane(_ rng: inout SplitMix64) -> UInt32 {
        switch rng.next() % 10 {
        case 0: return [0, 0x8000_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0x7f80_0001, 0xffc1_2345, 0x0000_0001, 0x807f_ffff, 0x0080_0000][Int(rng.next() % 10)]
        case 1: return UInt32(truncatingIfNeeded: rng.next()) & 0x807f_ffff | 0x0080_0000 * UInt32(rng.next() % 3)  // tiny normals and denormals
        case 2, 3: return Float(Int(rng.next() % 2001) - 1000).bitPattern / 1 &+ UInt32(rng.next() % 4)
        case 4: return UInt32(truncatingIfNeeded: rng.next()) & 0x80ff_ffff | 0x3f00_0000  // near 1
        default: return UInt32(truncatingIfNeeded: rng.next())
        }
    }
    static func operand(_ rng: inout SplitMix64) -> UInt64 { UInt64(lane(&rng)) | UInt64(lane(&rng)) << 32 }
}

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct NEONFloatTests {
    typealias M = StandardFloatModel

    static func lanewise(_ source: String, quad: Bool, _ f: @escaping (UInt32, UInt32, UInt32) -> UInt32) -> NEONCase {
        // D form: d0, d1, d2; Q form: q2 (d4,d5), q3 (d6,d7), q4 (d8,d9).
        NEONCase(source + (quad ? " q2, q3, q4" : " d0, d1, d2")) { r in
            let input = r
            let (d, n, m) = quad ? (4, 6, 8) : (0, 1, 2)
            for e in 0..<(quad ? 4 : 2) {
                let v = f(UInt32(input.lane(d, e, 32)), UInt32(input.lane(n, e, 32)), UInt32(input.lane(m, e, 32)))
                r.setLane(d, e, 32, UInt64(v))
            }
        }
    }

    static func compare(_ a: UInt32, _ b: UInt32, _ p: (Float, Float) -> Bool) -> UInt32 {
        if M.isNaN(a) || M.isNaN(b) { return 0 }
        return p(M.input(a), M.input(b)) ? ~0 : 0
    }

    static var threeSame: [(String, (UInt32, UInt32, UInt32) -> UInt32)] {
        [
            ("vadd.f32", { _, n, m in M.binary(n, m, +) }),
            ("vsub.f32", { _, n, m in M.binary(n, m, -) }),
            ("vmul.f32", { _, n, m in M.binary(n, m, *) }),
            ("vmla.f32", { d, n, m in M.binary(d, M.binary(n, m, *), +) }),
            ("vmls.f32", { d, n, m in M.binary(d, M.binary(n, m, *) ^ 0x8000_0000, +) }),
            ("vfma.f32", { d, n, m in M.isNaN(d) || M.isNaN(n) || M.isNaN(m) ? M.defaultNaN : M.output(M.input(d).addingProduct(M.input(n), M.input(m))) }),
            ("vfms.f32", { d, n, m in M.isNaN(d) || M.isNaN(n) || M.isNaN(m) ? M.defaultNaN : M.output(M.input(d).addingProduct(-M.input(n), M.input(m))) }),
            ("vabd.f32", { _, n, m in M.binary(n, m, -) & 0x7fff_ffff }),
            ("vmax.f32", { _, n, m in M.binary(n, m) { x, y in x == 0 && y == 0 ? (x.sign == .minus && y.sign == .minus ? -0.0 : 0) : Swift.max(x, y) } }),
            ("vmin.f32", { _, n, m in M.binary(n, m) { x, y in x == 0 && y == 0 ? (x.sign == .minus || y.sign == .minus ? -0.0 : 0) : Swift.min(x, y) } }),
            ("vceq.f32", { _, n, m in compare(n, m, ==) }),
            ("vcge.f32", { _, n, m in compare(n, m, >=) }),
            ("vcgt.f32", { _, n, m in compare(n, m, >) }),
            ("vacge.f32", { _, n, m in compare(n & 0x7fff_ffff, m & 0x7fff_ffff, >=) }),
            ("vacgt.f32", { _, n, m in compare(n & 0x7fff_ffff, m & 0x7fff_ffff, >) }),
            ("vrecps.f32", { _, n, m in
                if M.isNaN(n) || M.isNaN(m) { return M.defaultNaN }
                let (x, y) = (M.input(n), M.input(m))
                if (x.isInfinite && y == 0) || (x == 0 && y.isInfinite) { return Float(2).bitPattern }
                return M.binary(Float(2).bitPattern, M.binary(n, m, *), -)
            }),
        ]
    }

    @Test func threeRegisters() throws {
        let cases = Self.threeSame.flatMap { [Self.lanewise($0.0, quad: false, $0.1), Self.lanewise($0.0, quad: true, $0.1)] }
        try NEONRunner.run(cases, trials: 60, seed: 81, fpscrMask: 0, operands: M.operand)
    }

    /// Pairwise: pairs of Dn to the low half, of Dm to the high half.
    @Test func pairwise() throws {
        let ops: [(String, (UInt32, UInt32) -> UInt32)] = [
            ("vpadd.f32", { M.binary($0, $1, +) }),
            ("vpmax.f32", { M.binary($0, $1) { x, y in x == 0 && y == 0 ? (x.sign == .minus && y.sign == .minus ? -0.0 : 0) : Swift.max(x, y) } }),
            ("vpmin.f32", { M.binary($0, $1) { x, y in x == 0 && y == 0 ? (x.sign == .minus || y.sign == .minus ? -0.0 : 0) : Swift.min(x, y) } }),
        ]
        let cases = ops.map { name, f in
            NEONCase("\(name) d0, d1, d2") { r in
                let input = r
                r.setLane(0, 0, 32, UInt64(f(UInt32(input.lane(1, 0, 32)), UInt32(input.lane(1, 1, 32)))))
                r.setLane(0, 1, 32, UInt64(f(UInt32(input.lane(2, 0, 32)), UInt32(input.lane(2, 1, 32)))))
            }
        }
        try NEONRunner.run(cases, trials: 60, seed: 82, fpscrMask: 0, operands: M.operand)
    }

    /// Two-register forms: compares with zero, VABS, VNEG (sign bit only), conversions.
    @Test func twoRegisters() throws {
        func zero(_ p: @escaping (Float) -> Bool) -> (UInt32) -> UInt32 { { M.isNaN($0) ? 0 : p(M.input($0)) ? ~0 : 0 } }
        func toInt(_ x: UInt32, fraction: Int, unsigned: Bool) -> UInt32 {
            if M.isNaN(x) { return 0 }
            let v = (Double(M.input(x)) * Double(sign: .plus, exponent: fraction, significand: 1)).rounded(.towardZero)
            if unsigned { return v <= 0 ? 0 : v >= 4_294_967_295 ? ~0 : UInt32(v) }
            return v <= -2_147_483_648 ? 0x8000_0000 : v >= 2_147_483_647 ? 0x7fff_ffff : UInt32(bitPattern: Int32(v))
        }
        var ops: [(String, (UInt32) -> UInt32)] = [
            ("vcgt.f32 %d, %m, #0", zero { $0 > 0 }), ("vcge.f32 %d, %m, #0", zero { $0 >= 0 }),
            ("vceq.f32 %d, %m, #0", zero { $0 == 0 }), ("vcle.f32 %d, %m, #0", zero { $0 <= 0 }),
            ("vclt.f32 %d, %m, #0", zero { $0 < 0 }),
            ("vabs.f32 %d, %m", { $0 & 0x7fff_ffff }), ("vneg.f32 %d, %m", { $0 ^ 0x8000_0000 }),
            ("vcvt.s32.f32 %d, %m", { toInt($0, fraction: 0, unsigned: false) }),
            ("vcvt.u32.f32 %d, %m", { toInt($0, fraction: 0, unsigned: true) }),
            ("vcvt.f32.s32 %d, %m", { M.output(Float(Int32(bitPattern: $0))) }),
            ("vcvt.f32.u32 %d, %m", { M.output(Float($0)) }),
        ]
        for f in [1, 16, 32] {
            ops.append(("vcvt.s32.f32 %d, %m, #\(f)", { toInt($0, fraction: f, unsigned: false) }))
            ops.append(("vcvt.u32.f32 %d, %m, #\(f)", { toInt($0, fraction: f, unsigned: true) }))
            ops.append(("vcvt.f32.s32 %d, %m, #\(f)", { M.output(Float(Double(Int32(bitPattern: $0)) / Double(sign: .plus, exponent: f, significand: 1))) }))
            ops.append(("vcvt.f32.u32 %d, %m, #\(f)", { M.output(Float(Double($0) / Double(sign: .plus, exponent: f, significand: 1))) }))
        }
        var cases: [NEONCase] = []
        for (source, f) in ops {
            for quad in [false, true] {
                let text = source.replacingOccurrences(of: "%d", with: quad ? "q1" : "d0").replacingOccurrences(of: "%m", with: quad ? "q2" : "d1")
                cases.append(NEONCase(text) { r in
                    let input = r
                    for e in 0..<(quad ? 4 : 2) { r.setLane(quad ? 2 : 0, e, 32, UInt64(f(UInt32(input.lane(quad ? 4 : 1, e, 32))))) }
                })
            }
        }
        try NEONRunner.run(cases, trials: 50, seed: 83, fpscrMask: 0, operands: M.operand)
    }

    /// VRECPE and VRSQRTE against the ARMv7 pseudocode's real-number formulation
    /// (recip_estimate, recip_sqrt_estimate), float and unsigned.
    @Test func estimates() throws {
        func recipReal(_ a: Double) -> Double {
            let q = (a * 512).rounded(.down)
            let r = 1.0 / ((q + 0.5) / 512.0)
            return (256.0 * r + 0.5).rounded(.down) / 256.0
        }
        func rsqrtReal(_ a: Double) -> Double {
            let r: Double
            if a < 0.5 {
                r = 1.0 / ((((a * 512).rounded(.down)) + 0.5) / 512.0).squareRoot()
            } else {
                r = 1.0 / ((((a * 256).rounded(.down)) + 0.5) / 256.0).squareRoot()
            }
            return (256.0 * r + 0.5).rounded(.down) / 256.0
        }
        func recpe(_ x: UInt32) -> UInt32 {
            if M.isNaN(x) { return M.defaultNaN }
            let f = M.input(x)
            if f.isInfinite { return x & 0x8000_0000 }
            if f == 0 { return x & 0x8000_0000 | 0x7f80_0000 }
            if f.magnitude >= 0x1p126 { return x & 0x8000_0000 }
            // Scaled to [0.5, 1): the estimate's exponent is 253 - exponent.
            let scaled = Double(Float(bitPattern: x & 0x007f_ffff | 0x3f00_0000))
            let e = recipReal(scaled)  // in [1, 2)
            let fraction = UInt32(((e - 1) * 256).rounded()) << 15
            return x & 0x8000_0000 | (253 - (x >> 23 & 0xff)) << 23 | fraction
        }
        func rsqrte(_ x: UInt32) -> UInt32 {
            if M.isNaN(x) { return M.defaultNaN }
            let f = M.input(x)
            if f == 0 { return x & 0x8000_0000 | 0x7f80_0000 }
            if f.sign == .minus { return M.defaultNaN }
            if f.isInfinite { return 0 }
            let exponent = x >> 23 & 0xff
            let scaled = Double(Float(bitPattern: x & 0x007f_ffff | (exponent & 1 == 0 ? 0x3f00_0000 : 0x3e80_0000)))
            let e = rsqrtReal(scaled)
            return ((380 - exponent) / 2) << 23 | UInt32(((e - 1) * 256).rounded()) << 15
        }
        func urecpe(_ x: UInt32) -> UInt32 {
            if x >> 31 == 0 { return ~0 }
            let e = recipReal(Double(x) / 0x1p32)
            return UInt32((e * 0x1p31).rounded())
        }
        func ursqrte(_ x: UInt32) -> UInt32 {
            if x >> 30 == 0 { return ~0 }
            let e = rsqrtReal(Double(x) / 0x1p32)
            return UInt32((e * 0x1p31).rounded())
        }
        let ops: [(String, (UInt32) -> UInt32)] = [("vrecpe.f32", recpe), ("vrsqrte.f32", rsqrte), ("vrecpe.u32", urecpe), ("vrsqrte.u32", ursqrte)]
        let cases = ops.map { name, f in
            NEONCase("\(name) q1, q2") { r in
                let input = r
                for e in 0..<4 { r.setLane(2, e, 32, UInt64(f(UInt32(input.lane(4, e, 32))))) }
            }
        }
        try NEONRunner.run(cases, trials: 100, seed: 84, fpscrMask: 0, operands: M.operand)
        // Known values: the estimate of 1.0 is 511/512 for both.
        let m = GuestMachine(code: try Assembler.assemble("vrecpe.f32 d0, d1\nvrsqrte.f32 d2, d1", thumb: false), thumb: false)
        m.setD(1, 0x3f80_0000_3f80_0000)
        m.runToEnd()
        #expect(m.d(0) == 0x3f7f_8000_3f7f_8000 && m.d(2) == 0x3f7f_8000_3f7f_8000)
    }

    /// The cumulative flags under the standard FPSCR value (A2.7.3, FPProcessException).
    @Test(arguments: [false, true])
    func flags(thumb: Bool) throws {
        // (instruction, Dn lane, Dm lane, expected result lane, expected flag bits)
        let cases: [(String, UInt32, UInt32, UInt32, UInt32)] = [
            ("vadd.f32", 0x7f80_0001, 0x3f80_0000, 0x7fc0_0000, 1 << 0),        // SNaN: IOC, default NaN
            ("vadd.f32", 0x7fc1_0000, 0x3f80_0000, 0x7fc0_0000, 0),             // QNaN: no flag
            ("vadd.f32", 0x0000_0001, 0x3f80_0000, 0x3f80_0000, 1 << 7),        // denormal input: IDC, flushed
            ("vmul.f32", 0x1f80_0000, 0x1f80_0000, 0x0000_0000, 1 << 3),        // 2^-128, tiny: zero, UFC only
            ("vmul.f32", 0x2000_0000, 0xa000_0000, 0x8080_0000, 0),             // -2^-126 exactly: normal
            // 2^-126 * (1 - 2^-24) rounds up to 2^-126, but FPRound flushes on the exponent before
            // rounding (A2.7.4 flush-to-zero): zero and UFC.
            ("vmul.f32", 0x3f7f_ffff, 0x0080_0000, 0x0000_0000, 1 << 3),
            ("vmul.f32", 0x7f00_0000, 0x7f00_0000, 0x7f80_0000, 1 << 2 | 1 << 4), // overflow: OFC, IXC
            ("vadd.f32", 0x3f80_0000, 0x3380_0000, 0x3f80_0000, 1 << 4),        // 1 + 2^-24: inexact, ties to even
            ("vsub.f32", 0x7f80_0000, 0x7f80_0000, 0x7fc0_0000, 1 << 0),        // inf - inf: IOC
            ("vmul.f32", 0x7f80_0000, 0x8000_0000, 0x7fc0_0000, 1 << 0),        // inf * 0: IOC
            ("vceq.f32", 0x7fc0_0000, 0x3f80_0000, 0, 0),                      // quiet compare
            ("vcge.f32", 0x7fc0_0000, 0x3f80_0000, 0, 1 << 0),                 // signaling compare
            ("vmax.f32", 0x8000_0000, 0x0000_0000, 0x0000_0000, 0),
            ("vmin.f32", 0x8000_0000, 0x0000_0000, 0x8000_0000, 0),
            ("vrecps.f32", 0x7f80_0000, 0x0000_0000, 0x4000_0000, 0),          // inf * 0 step: 2.0
            ("vrsqrts.f32", 0x0000_0000, 0xff80_0000, 0x3fc0_0000, 0),         // 0 * inf step: 1.5
            ("vrsqrts.f32", 0x4000_0000, 0x3f80_0000, 0x3f00_0000, 0),         // (3 - 2) / 2
        ]
        let program = try Assembler.instructions(cases.map { "\($0.0) d0, d1, d2" }, thumb: thumb)
        for (c, bytes) in zip(cases, program) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            m.setD(1, UInt64(c.1) * 0x1_0000_0001)
            m.setD(2, UInt64(c.2) * 0x1_0000_0001)
            m.runToEnd()
            #expect(m.d(0) == UInt64(c.3) * 0x1_0000_0001, "\(c.0) 0x\(String(c.1, radix: 16)), 0x\(String(c.2, radix: 16))")
            #expect(m.fpscrAsRead & 0x9f == c.4, "\(c.0) flags 0x\(String(m.fpscrAsRead, radix: 16))")
        }
    }

    /// FPSCR's RMode, FZ and DN do not reach NEON lanes (A2.7.3): under RMode = RZ,
    /// 1 + 1.5 * 2^-24 still rounds to nearest.
    @Test(arguments: [false, true])
    func ignoresFPSCRControl(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("vadd.f32 d0, d1, d2", thumb: thumb), thumb: thumb)
        m.setD(1, 0x3f80_0000_3f80_0000)
        m.setD(2, 0x33c0_0000_b3c0_0000)
        m.state.fpscr = 3 << 22
        m.runToEnd()
        #expect(m.d(0) == 0x3f80_0001_3f7f_fffe)
        #expect(m.fpscrAsRead == 3 << 22 | 1 << 4)
    }

    /// FPSCR.AHP (A2.7.4 "Half-precision floating-point formats", FPSingleToHalf): no NaN or
    /// infinity in the alternative format. A NaN becomes a zero of its sign and an infinity or
    /// an overflow the largest magnitude, each with Invalid Operation; exponent 31 is a number.
    /// (The VFP conversion, VCVTB/VCVTT, does the same: one implementation, VFPConversion; and
    /// qemu-arm gives 0x8000 for a negative NaN too.)
    @Test(arguments: [false, true])
    func alternativeHalfPrecision(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("vcvt.f16.f32 d0, q2\nvcvt.f32.f16 q4, d6", thumb: thumb), thumb: thumb)
        let cases: [(UInt32, UInt16, UInt32)] = [
            (0xffc1_2345, 0x8000, 1 << 0), (0x7f80_0001, 0x0000, 1 << 0), (0xff80_0000, 0xffff, 1 << 0),
            (0xff80_0001, 0x8000, 1 << 0), (0x0000_0001, 0x0000, 1 << 7), (0x8040_0000, 0x8000, 1 << 7),
            (0x47ff_e000, 0x7fff, 0), (0x4800_0000, 0x7fff, 1 << 0), (0x4780_0000, 0x7c00, 0), (0x3f80_0000, 0x3c00, 0),
        ]
        for (single, half, flags) in cases {
            m.setD(4, UInt64(single))
            m.setD(6, 0x7fff_7c00)
            m.state.fpscr = 1 << 26
            m.restart()
            m.runToEnd()
            #expect(UInt16(truncatingIfNeeded: m.d(0)) == half, "0x\(String(single, radix: 16))")
            #expect(m.state.fpscr & 0x9f == flags, "0x\(String(single, radix: 16)) flags")
            // Halves 0x7c00 and 0x7fff are 2^16 and 131008 in the alternative format.
            #expect(m.d(8) == 0x4780_0000 | UInt64(0x47ff_e000) << 32)
        }
    }

    /// VCVT.F16.F32 and VCVT.F32.F16 against the host's IEEE half conversion (round to
    /// nearest even; halves are not flushed, singles are).
    @Test(arguments: [false, true])
    func halfPrecision(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("vcvt.f16.f32 d0, q2\nvcvt.f32.f16 q4, d6", thumb: thumb), thumb: thumb)
        var rng = SplitMix64(seed: 85)
        for _ in 0..<200 {
            let q = (0..<4).map { _ in
                rng.next() % 3 == 0 ? UInt32(truncatingIfNeeded: rng.next()) & 0x8fff_ffff | 0x3000_0000 : M.lane(&rng)
            }
            let h = (0..<4).map { _ in UInt16(truncatingIfNeeded: rng.next()) }
            m.setD(4, UInt64(q[0]) | UInt64(q[1]) << 32)
            m.setD(5, UInt64(q[2]) | UInt64(q[3]) << 32)
            m.setD(6, h.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64($1.offset * 16) })
            m.restart()
            m.runToEnd()
            for e in 0..<4 {
                let want: UInt16 = M.isNaN(q[e]) ? 0x7e00 : Float16(M.input(q[e])).bitPattern
                #expect(UInt16(truncatingIfNeeded: m.d(0) >> UInt64(16 * e)) == want, "f16 of 0x\(String(q[e], radix: 16))")
                let half = Float16(bitPattern: h[e])
                let single: UInt32 = half.isNaN ? 0x7fc0_0000 : Float(half).bitPattern
                #expect(UInt32(truncatingIfNeeded: m.d(8 + e / 2) >> UInt64(32 * (e % 2))) == single, "f32 of 0x\(String(h[e], radix: 16))")
            }
        }
    }
}
