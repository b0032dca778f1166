// Every VFP conversion (A8.8.306-A8.8.312): between precisions, floating point to and from
// 32-bit integers (VCVT rounds toward zero, VCVTR by FPSCR.RMode), to and from fixed point
// with 16- and 32-bit operands, and half precision in either half (VCVTB/VCVTT). The model is
// FPToFixed/FixedToFP: exact scaling by 2^fbits, rounding, saturation, NaN to 0, and the
// result sign- or zero-extended to the register's width.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct VFPConversionTests {
    enum Rounding { case zero, nearest, plus, minus }

    /// FPToFixed(x, size, fbits, unsigned, rounding) as a signed 64-bit value.
    static func toFixed(_ x: Double, bits: Int, fraction: Int, unsigned: Bool, _ r: Rounding) -> Int64 {
        if x.isNaN { return 0 }
        let scaled = x * Double(sign: .plus, exponent: fraction, significand: 1)
        let rounded: Double = switch r {
        case .zero: scaled.rounded(.towardZero)
        case .nearest: scaled.rounded(.toNearestOrEven)
        case .plus: scaled.rounded(.up)
        case .minus: scaled.rounded(.down)
        }
        let lo: Double = unsigned ? 0 : -Double(sign: .plus, exponent: bits - 1, significand: 1)
        let hi: Double = unsigned ? Double(sign: .plus, exponent: bits, significand: 1) - 1
            : Double(sign: .plus, exponent: bits - 1, significand: 1) - 1
        return Int64(min(max(rounded, lo), hi))
    }

    static let values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, -0.5, 1, -1, 2.7, -2.7, 100.25, -100.75,
                                   2_147_483_647.5, 2_147_483_648, -2_147_483_648.5, 4_294_967_295.5, 4_294_967_296,
                                   1e20, -1e20, .infinity, -.infinity, .nan, 65535.9, 32767.5, -32768.5, 1e-30]

    /// VCVT to and from 32-bit integers, both precisions, both signednesses.
    @Test(arguments: [false, true])
    func integerConversions(thumb: Bool) throws {
        let toInt = ["vcvt.s32.f64 s0, d1", "vcvt.u32.f64 s0, d1", "vcvt.s32.f32 s0, s2", "vcvt.u32.f32 s0, s2"]
        for (line, bytes) in zip(toInt, try Assembler.instructions(toInt, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            let double = line.hasSuffix("d1"), unsigned = line.contains("u32")
            for v in Self.values {
                m.restart()
                m.setS(1, 0x5555_5555)
                if double { m.setDouble(1, v) } else { m.setFloat(2, Float(v)) }
                m.runToEnd()
                let x = double ? v : Double(Float(v))
                let want = UInt32(truncatingIfNeeded: Self.toFixed(x, bits: 32, fraction: 0, unsigned: unsigned, .zero))
                #expect(m.s(0) == want, "\(line) \(v)")
                #expect(m.s(1) == 0x5555_5555, "\(line): only s0 written")
            }
        }
        let fromInt = ["vcvt.f64.s32 d0, s2", "vcvt.f64.u32 d0, s2", "vcvt.f32.s32 s0, s2", "vcvt.f32.u32 s0, s2"]
        for (line, bytes) in zip(fromInt, try Assembler.instructions(fromInt, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            let double = line.contains("f64"), unsigned = line.contains("u32")
            for i: UInt32 in [0, 1, 0xffff_ffff, 0x8000_0000, 0x7fff_ffff, 16_777_217, 0x1234_5679] {
                m.restart()
                m.setS(2, i)
                m.runToEnd()
                let exact = unsigned ? Double(i) : Double(Int32(bitPattern: i))
                if double {
                    #expect(m.double(0) == exact, "\(line) 0x\(String(i, radix: 16))")
                } else {
                    let want = unsigned ? Float(i) : Float(Int32(bitPattern: i))
                    #expect(m.float(0) == want, "\(line) 0x\(String(i, radix: 16))")
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func precisionConversions(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("vcvt.f64.f32 d0, s2\nvcvt.f32.f64 s6, d2", thumb: thumb), thumb: thumb)
        for v in Self.values where !v.isNaN {
            m.restart()
            m.setFloat(2, Float(v))
            m.setDouble(2, v)
            m.runToEnd()
            #expect(m.double(0) == Double(Float(v)), "\(v) to double")
            #expect(m.float(6).bitPattern == Float(v).bitPattern, "\(v) to single")
        }
    }

    /// VCVTR rounds by FPSCR.RMode (RN, RP, RM, RZ). (The translator asks ftoi for
    /// nearestEven; this holds because the interpreter's nearest-even rounding follows the host
    /// MXCSR, which VMSR/the engine set from FPSCR.)
    @Test(arguments: [false, true])
    func roundingByFPSCR(thumb: Bool) throws {
        let lines = ["vcvtr.s32.f64 s0, d1", "vcvtr.u32.f64 s0, d1", "vcvtr.s32.f32 s0, s2"]
        for (line, bytes) in zip(lines, try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            for (mode, rounding) in [(UInt32(0), Rounding.nearest), (1, .plus), (2, .minus), (3, .zero)] {
                for v in [2.5, 2.7, -2.5, -2.7, 3.5, 0.5, -0.5] {
                    m.restart()
                    m.state.fpscr = mode << 22
                    if line.hasSuffix("d1") { m.setDouble(1, v) } else { m.setFloat(2, Float(v)) }
                    m.runToEnd()
                    let want = Self.toFixed(v, bits: 32, fraction: 0, unsigned: line.contains("u32"), rounding)
                    #expect(m.s(0) == UInt32(truncatingIfNeeded: want), "\(line) \(v) RMode \(mode)")
                }
            }
        }
    }

    /// VCVTR with the default FPSCR (round to nearest even).
    @Test(arguments: [false, true])
    func roundToNearestByDefault(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("vcvtr.s32.f64 s0, d1", thumb: thumb), thumb: thumb)
        for v in [2.5, 3.5, -2.5, 2.7, -2.7, 0.5] {
            m.restart()
            m.setDouble(1, v)
            m.runToEnd()
            #expect(Int32(bitPattern: m.s(0)) == Int32(v.rounded(.toNearestOrEven)), "\(v)")
        }
    }

    /// Floating point to fixed point, in place.
    static func fixedCases() -> [(String, Bool, Bool, Int, Int)] {
        // (line, double, unsigned, size, fraction bits)
        var c: [(String, Bool, Bool, Int, Int)] = []
        for (t, unsigned, size) in [("s16", false, 16), ("u16", true, 16), ("s32", false, 32), ("u32", true, 32)] {
            for fraction in size == 16 ? [1, 4, 16] : [1, 16, 32] {
                c.append(("vcvt.\(t).f64 d0, d0, #\(fraction)", true, unsigned, size, fraction))
                c.append(("vcvt.\(t).f32 s0, s0, #\(fraction)", false, unsigned, size, fraction))
            }
        }
        return c
    }

    static let fixedValues: [Double] = [0, 0.5, -0.5, 1.25, -1.25, 0.999, -0.999, 3.14159, -3.14159, 100.5, -100.5,
                                        40000, -40000, 1e10, -1e10, .nan, .infinity, -.infinity, 1.0 / 65536]

    @Test(arguments: [false, true])
    func toFixedPoint(thumb: Bool) throws {
        let cases = Self.fixedCases()
        for ((line, double, unsigned, size, fraction), bytes) in zip(cases, try Assembler.instructions(cases.map(\.0), thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            for v in Self.fixedValues {
                m.restart()
                m.setD(0, 0xaaaa_aaaa_aaaa_aaaa)
                if double { m.setDouble(0, v) } else { m.setFloat(0, Float(v)) }
                m.runToEnd()
                let x = double ? v : Double(Float(v))
                let fixed = Self.toFixed(x, bits: size, fraction: fraction, unsigned: unsigned, .zero)
                let what = "\(line) \(v)"
                if double {
                    // D[d] = the result sign- or zero-extended to 64 bits.
                    #expect(m.d(0) == UInt64(bitPattern: fixed), "\(what)")
                } else {
                    // S[d] = the result sign- or zero-extended to 32 bits.
                    #expect(m.s(0) == UInt32(truncatingIfNeeded: fixed), "\(what)")
                    #expect(m.s(1) == 0xaaaa_aaaa, "\(what): s1 untouched")
                }
            }
        }
    }

    /// D[d] = SignExtend(result, 64) for the signed double forms (A8.8.309).
    @Test(arguments: [false, true])
    func toFixedPointSignExtendsDoubles(thumb: Bool) throws {
        let lines = ["vcvt.s32.f64 d0, d0, #16", "vcvt.s16.f64 d0, d0, #4"]
        for (line, bytes) in zip(lines, try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            m.setDouble(0, -1.5)
            m.runToEnd()
            let want: UInt64 = line.contains("s32") ? UInt64(bitPattern: -98304) : UInt64(bitPattern: -24)
            #expect(m.d(0) == want, "\(line)")
        }
    }

    /// Fixed point to floating point, in place: the operand is the low 16 or 32 bits.
    @Test(arguments: [false, true])
    func fromFixedPoint(thumb: Bool) throws {
        // The same shapes as fixedCases, the other way: vcvt.f64.s16 d0, d0, #n and so on.
        let cases = Self.fixedCases()
        let lines = cases.map { c in
            let t = "\(c.2 ? "u" : "s")\(c.3)"
            return c.1 ? "vcvt.f64.\(t) d0, d0, #\(c.4)" : "vcvt.f32.\(t) s0, s0, #\(c.4)"
        }
        let patterns: [UInt64] = [0, 1, 0xffff, 0x8000, 0x7fff, 0xffff_ffff, 0x8000_0000, 0x1234_5678,
                                  0xdead_beef_0001_8000, 0x7fff_ffff]
        for ((line, c), bytes) in zip(zip(lines, cases), try Assembler.instructions(lines, thumb: thumb)) {
            let (_, double, unsigned, size, fraction) = c
            let m = GuestMachine(code: bytes, thumb: thumb)
            for p in patterns {
                m.restart()
                if double { m.setD(0, p) } else { m.setS(0, UInt32(truncatingIfNeeded: p)) }
                m.runToEnd()
                let low = p & (size == 16 ? 0xffff : 0xffff_ffff)
                let integer: Double = unsigned ? Double(low)
                    : size == 16 ? Double(Int16(truncatingIfNeeded: low)) : Double(Int32(truncatingIfNeeded: low))
                let want = integer / Double(sign: .plus, exponent: fraction, significand: 1)
                if double {
                    #expect(m.double(0) == want, "\(line) 0x\(String(p, radix: 16))")
                } else {
                    #expect(m.float(0) == Float(want), "\(line) 0x\(String(p, radix: 16))")
                }
            }
        }
    }

    /// VCVTB/VCVTT: half precision in the bottom or top half of an S register.
    @Test(arguments: [false, true])
    func halfPrecision(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            vcvtb.f16.f32 s0, s2
            vcvtt.f16.f32 s0, s3
            vcvtb.f32.f16 s4, s5
            vcvtt.f32.f16 s6, s5
            """, thumb: thumb), thumb: thumb)
        let cases: [(Float, Float)] = [(1.0, -2.0), (0.5, 65504), (1e-5, 1e10), (-0.0, 0.333)]
        for (a, b) in cases {
            m.restart()
            m.setS(0, 0)
            m.setFloat(2, a)
            m.setFloat(3, b)
            m.setS(5, UInt32(Float16(a).bitPattern) | UInt32(Float16(b).bitPattern) << 16)
            m.runToEnd()
            #expect(m.s(0) == UInt32(Float16(a).bitPattern) | UInt32(Float16(b).bitPattern) << 16, "\(a), \(b)")
            #expect(m.float(4) == Float(Float16(a)))
            #expect(m.float(6) == Float(Float16(b)))
        }
    }
}
