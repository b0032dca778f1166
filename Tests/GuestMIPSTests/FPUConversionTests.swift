// FPU conversions (MIPS32 Vol. II-A: CVT.*, ROUND/TRUNC/CEIL/FLOOR.W/L) on both backends:
// rounding by the instruction or by FCSR.RM, the invalid results of both NaN encodings, the
// FR=1-only L format, and NaN payloads between the formats.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct FPUConversionTests {
    /// The integer the manual's rounding gives, or nil when the value does not fit in `bits`.
    static func rounded(_ x: Double, _ rule: FloatingPointRoundingRule, bits: Int) -> Int64? {
        guard !x.isNaN else { return nil }
        let r = x.rounded(rule)
        let limit = Double(sign: .plus, exponent: bits - 1, significand: 1)
        guard r >= -limit, r < limit else { return nil }
        return Int64(r)
    }

    static let values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, -0.5, 2147483647.4, 2147483647.5, -2147483648.6,
                                    -2147483648.4, 3e9, -3e9, 9.3e18, -9.3e18, 1e300, .infinity, -.infinity, .nan]

    @Test(arguments: Backend.allCases, [false, true])
    func toWord(backend: Backend, nan2008: Bool) throws {
        let m = try GuestMachine("""
            round.w.d $f0, $f10
            trunc.w.d $f1, $f10
            ceil.w.d $f2, $f10
            floor.w.d $f3, $f10
            cvt.w.d $f4, $f10
            round.l.d $f6, $f10
            trunc.l.d $f8, $f10
            """, mode: nan2008 ? [.fr, .nan2008] : .fr)
        for x in Self.values {
            m.restart()
            m.state.fcsr = 3  // RM: toward minus infinity, for cvt.w
            m.state[fpr64: 10] = x.bitPattern
            let run = m.run(on: backend)
            #expect(run.end == .left)
            let rules: [FloatingPointRoundingRule] = [.toNearestOrEven, .towardZero, .up, .down, .down]
            var anyInvalid = false
            for (register, rule) in rules.enumerated() {
                let expected: UInt32
                if let v = Self.rounded(x, rule, bits: 32) {
                    expected = UInt32(truncatingIfNeeded: v)
                } else {
                    anyInvalid = true
                    expected = !nan2008 ? 0x7fff_ffff : x.isNaN ? 0 : x < 0 ? 0x8000_0000 : 0x7fff_ffff
                }
                #expect(m.state[fpr32: register] == expected, "\(backend) nan2008=\(nan2008) \(rule) \(x)")
            }
            for (register, rule) in [(6, FloatingPointRoundingRule.toNearestOrEven), (8, .towardZero)] {
                let expected: UInt64
                if let v = Self.rounded(x, rule, bits: 64) {
                    expected = UInt64(bitPattern: v)
                } else {
                    expected = !nan2008 ? 0x7fff_ffff_ffff_ffff : x.isNaN ? 0 : x < 0 ? 1 << 63 : 0x7fff_ffff_ffff_ffff
                }
                #expect(m.state[fpr64: register] == expected, "\(backend) nan2008=\(nan2008) .l \(rule) \(x)")
            }
            if anyInvalid { #expect(run.mxcsr & 1 != 0, "invalid for \(x)") }
        }
    }

    @Test(arguments: Backend.allCases, [MIPSMode.fr, []])
    func fromIntegersAndBetweenFormats(backend: Backend, mode: MIPSMode) throws {
        let long = mode.contains(.fr)
        let m = try GuestMachine("cvt.s.w $f0, $f1\ncvt.d.w $f2, $f1\ncvt.s.d $f4, $f6\ncvt.d.s $f8, $f5" + (long ? "\ncvt.d.l $f10, $f12\ncvt.s.l $f14, $f12\ncvt.l.s $f16, $f5" : ""), mode: mode)
        for (i, d, s) in [(Int32(-7), 1.0 / 3.0, Float(2.5)), (Int32.max, 1e300, -0.1), (16_777_217, -0.0, 3e38)] {
            m.restart()
            m.state[fpr32: 1] = UInt32(bitPattern: i)
            m.state[fpr64: 6] = d.bitPattern
            m.state[fpr32: 5] = s.bitPattern
            if long { m.state[fpr64: 12] = UInt64(bitPattern: Int64(i) * 3_000_000_001) }
            m.runToEnd(on: backend)
            #expect(m.state[fpr32: 0] == Float(i).bitPattern)
            #expect(m.state[fpr64: 2] == Double(i).bitPattern)
            #expect(m.state[fpr32: 4] == Float(d).bitPattern)
            #expect(m.state[fpr64: 8] == Double(s).bitPattern)
            if long {
                let l = Int64(i) * 3_000_000_001
                #expect(m.state[fpr64: 10] == Double(l).bitPattern)
                #expect(m.state[fpr32: 14] == Float(l).bitPattern)
                if abs(s) < 1e18 { #expect(m.state[fpr64: 16] == UInt64(bitPattern: Int64(s.rounded(.toNearestOrEven)))) }
            }
        }
    }

    /// The L format needs FR=1; an odd double register in FR=0 is reserved.
    @Test(arguments: Backend.allCases)
    func frZeroRestrictions(backend: Backend) throws {
        for source in ["cvt.d.l $f0, $f2", "trunc.l.d $f0, $f2", "cvt.l.s $f0, $f1", "add.d $f1, $f2, $f4", "ldc1 $f3, 0($4)", "mfhc1 $4, $f3"] {
            let m = try GuestMachine(source)
            guard case .exit(.undefined, _) = m.run(on: backend).end else {
                Issue.record("\(source) in FR=0 must be reserved")
                continue
            }
            let fr = try GuestMachine(source, mode: .fr)
            fr[4] = GuestMachine.dataBase
            #expect(fr.run(on: backend).end == .left, "\(source) in FR=1")
        }
    }

    /// CVT.S.D and CVT.D.S: legacy NaNs become the default NaN; NaN2008 ones keep a quiet NaN's
    /// payload (top bits) and silence signalling ones.
    @Test(arguments: Backend.allCases, [false, true])
    func nanConversions(backend: Backend, nan2008: Bool) throws {
        let m = try GuestMachine("cvt.s.d $f0, $f2\ncvt.d.s $f4, $f1", mode: nan2008 ? [.fr, .nan2008] : .fr)
        let cases: [(UInt64, UInt32, UInt32, UInt64, UInt32, UInt64)] = [
            // (double in, legacy single out, 2008 single out, ...) and (single in, legacy double out, 2008 double out)
            (0x7ff7_ffff_ffff_ffff, 0x7fbf_ffff, 0x7fff_ffff, 0x7ff7_ffff_ffff_ffff, 0x7fbf_ffff, 0x7ff7_ffff_e000_0000),
            (0xfff8_0000_0000_0000, 0x7fbf_ffff, 0xffc0_0000, 0x7ff7_ffff_ffff_ffff, 0xffc0_0000, 0xfff8_0000_0000_0000),
        ]
        for (dIn, sLegacy, s2008, _, sIn, _) in cases {
            m.restart()
            m.state[fpr64: 2] = dIn
            m.state[fpr32: 1] = sIn
            m.runToEnd(on: backend)
            #expect(m.state[fpr32: 0] == (nan2008 ? s2008 : sLegacy), "cvt.s.d 0x\(String(dIn, radix: 16))")
        }
        m.restart()
        m.state[fpr32: 1] = 0x7fbf_ffff
        m.state[fpr64: 2] = 0x3ff0_0000_0000_0000
        let run = m.run(on: backend)
        #expect(m.state[fpr64: 4] == (nan2008 ? 0x7fff_ffff_e000_0000 : 0x7ff7_ffff_ffff_ffff), "cvt.d.s of 0x7fbfffff")
        // A quiet NaN of the encoding raises nothing (0x7fbfffff is legacy-quiet, 2008-signalling).
        #expect((run.mxcsr & 1 != 0) == nan2008, "invalid flag of cvt.d.s 0x7fbfffff")
    }
}
