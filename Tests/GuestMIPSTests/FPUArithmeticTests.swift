// FPU arithmetic (MIPS32 Vol. II-A: ADD/SUB/MUL/DIV/SQRT/ABS/NEG/MOV/RECIP/RSQRT.fmt and the
// COP1X multiply-adds) in both FR modes, on both backends: IEEE results in each FCSR rounding
// mode against Swift on the host, and the MIPS NaN rules of both encodings (NaNRules).

import CHost
@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct FPUArithmeticTests {
    static let singles: [Float] = [1.5, -2.25, 3.0e38, 0x1p-140, 0.1, -0.0, 7, 1.0 / 3.0, .infinity]
    static let doubles: [Double] = [1.5, -2.25, 1.0e308, 0x1p-1074, 0.1, -0.0, 7, 1.0 / 3.0, -.infinity]

    /// Swift's result under the MXCSR of `fcsr` (RM and FS), as the guest's must be.
    static func host<T>(_ fcsr: UInt32, _ body: () -> T) -> T {
        let saved = chost_get_mxcsr()
        chost_set_mxcsr(MIPSHelpers.mxcsr(for: fcsr))
        defer { chost_set_mxcsr(saved) }
        return body()
    }

    @Test(arguments: Backend.allCases, [MIPSMode.fr, []])
    func singleAndDouble(backend: Backend, mode: MIPSMode) throws {
        let m = try GuestMachine("""
            add.s $f6, $f2, $f4
            sub.s $f7, $f2, $f4
            mul.s $f8, $f2, $f4
            div.s $f9, $f2, $f4
            sqrt.s $f10, $f2
            add.d $f12, $f14, $f16
            sub.d $f18, $f14, $f16
            mul.d $f20, $f14, $f16
            div.d $f22, $f14, $f16
            sqrt.d $f24, $f14
            """, mode: mode)
        for rm: UInt32 in 0..<4 {
            for (x, y) in zip(Self.singles, Self.singles.reversed()) {
                let (dx, dy) = (Double(x) * 1.0000001, Double(y) * 3.3)
                m.restart()
                m.state.fcsr = rm
                m.state[fpr32: 2] = x.bitPattern
                m.state[fpr32: 4] = y.bitPattern
                m.state[fpr64: 14] = dx.bitPattern
                m.state[fpr64: 16] = dy.bitPattern
                m.runToEnd(on: backend)
                let expected: [UInt32] = Self.host(rm) { [(x + y).bitPattern, (x - y).bitPattern, (x * y).bitPattern, (x / y).bitPattern] }
                let got = [6, 7, 8, 9].map { m.state[fpr32: $0] }
                #expect(got == expected || (x.isNaN || y.isNaN), "\(backend) RM \(rm) \(x) \(y)")
                if x >= 0 { #expect(m.state[fpr32: 10] == Self.host(rm) { x.squareRoot().bitPattern }) }
                let expectedD: [UInt64] = Self.host(rm) { [(dx + dy).bitPattern, (dx - dy).bitPattern, (dx * dy).bitPattern, (dx / dy).bitPattern] }
                #expect([12, 18, 20, 22].map { m.state[fpr64: $0] } == expectedD, "\(backend) RM \(rm) \(dx) \(dy)")
                if dx >= 0 { #expect(m.state[fpr64: 24] == Self.host(rm) { dx.squareRoot().bitPattern }) }
            }
        }
    }

    /// ABS, NEG and MOV move bits (NaNs included); RECIP and RSQRT are 1 / x and 1 / sqrt(x).
    @Test(arguments: Backend.allCases)
    func signsAndReciprocals(backend: Backend) throws {
        let m = try GuestMachine("abs.s $f1, $f0\nneg.s $f2, $f0\nmov.s $f3, $f0\nrecip.d $f4, $f6\nrsqrt.d $f8, $f6\nneg.d $f10, $f6", mode: .fr)
        for bits: UInt32 in [0x3fc0_0000, 0xbf80_0000, 0x7fbf_ffff, 0xffc0_0001, 0x8000_0000] {
            m.restart()
            m.state[fpr32: 0] = bits
            m.state[fpr64: 6] = 2.0.bitPattern
            m.runToEnd(on: backend)
            #expect(m.state[fpr32: 1] == bits & 0x7fff_ffff)
            #expect(m.state[fpr32: 2] == bits ^ 0x8000_0000)
            #expect(m.state[fpr32: 3] == bits)
            #expect(m.state[fpr64: 4] == 0.5.bitPattern)
            #expect(m.state[fpr64: 8] == (1 / 2.0.squareRoot()).bitPattern)
            #expect(m.state[fpr64: 10] == (-2.0).bitPattern)
        }
    }

    /// MADD/MSUB/NMADD/NMSUB: the product rounded, then the sum.
    @Test(arguments: Backend.allCases, [MIPSMode.fr, []])
    func multiplyAdd(backend: Backend, mode: MIPSMode) throws {
        let m = try GuestMachine("madd.d $f0, $f2, $f4, $f6\nmsub.d $f8, $f2, $f4, $f6\nnmadd.s $f10, $f12, $f14, $f16\nnmsub.s $f11, $f12, $f14, $f16", mode: mode)
        let (r, s, t): (Double, Double, Double) = (1e16, 1.0 + 0x1p-52, 1.0 + 0x1p-52)
        m.state[fpr64: 2] = r.bitPattern
        m.state[fpr64: 4] = s.bitPattern
        m.state[fpr64: 6] = t.bitPattern
        let (a, b, c): (Float, Float, Float) = (0.5, 3.0, 1.0 / 3.0)
        m.state[fpr32: 16] = a.bitPattern
        m.state[fpr32: 12] = b.bitPattern
        m.state[fpr32: 14] = c.bitPattern
        m.runToEnd(on: backend)
        #expect(m.state[fpr64: 0] == (s * t + r).bitPattern, "fd = fs * ft + fr, unfused")
        #expect(m.state[fpr64: 8] == (s * t - r).bitPattern)
        // nmadd.s fd, fr, fs, ft: fr = $f12 (b), fs = $f14 (c), ft = $f16 (a).
        #expect(m.state[fpr32: 10] == (-(c * a + b)).bitPattern)
        #expect(m.state[fpr32: 11] == (-(c * a - b)).bitPattern)
    }

    // MARK: NaNs

    /// (operands, legacy result, NaN2008 result, invalid under legacy?, under 2008?) for add.s.
    /// Legacy NaN results are always the default NaN (qemu's default-NaN mode).
    static let nanCases: [(UInt32, UInt32, UInt32, UInt32, Bool, Bool)] = [
        // A quiet NaN of the encoding propagates (2008); a signalling one is silenced.
        (0x7fbf_0001, 0x3f80_0000, 0x7fbf_ffff, 0x7fff_0001, false, true),
        (0x7fc0_1234, 0x3f80_0000, 0x7fbf_ffff, 0x7fc0_1234, true, false),
        (0x3f80_0000, 0xffc0_0005, 0x7fbf_ffff, 0xffc0_0005, true, false),
        // Signalling over quiet, then the first operand.
        (0x7fa0_0000, 0x7fe0_0000, 0x7fbf_ffff, 0x7fe0_0000, true, true),
        (0x7f90_0000, 0x7fa0_0000, 0x7fbf_ffff, 0x7fd0_0000, false, true),
        // An invalid operation gives the default NaN.
        (0x7f80_0000, 0xff80_0000, 0x7fbf_ffff, 0x7fc0_0000, true, true),
    ]

    @Test("legacy quiet NaNs raise no invalid, and do not take back an earlier one", arguments: Backend.allCases)
    func legacyQuietInvalid(backend: Backend) throws {
        // Two operations on a legacy quiet NaN: no invalid at all.
        let quiet = try GuestMachine("add.s $f0, $f1, $f2\nmul.d $f4, $f6, $f8\nc.eq.s $fcc1, $f1, $f2\ncvt.d.s $f10, $f1",
                                     mode: .fr)
        quiet.state[fpr32: 1] = 0x7fbf_0001
        quiet.state[fpr32: 2] = 0x3f80_0000
        quiet.state[fpr64: 6] = 0x7ff7_0000_0000_0001
        quiet.state[fpr64: 8] = Double(2).bitPattern
        let run = quiet.run(on: backend)
        #expect(run.end == .left)
        #expect(run.mxcsr & 1 == 0, "\(backend): no invalid")
        #expect(quiet.state.fcsr & (1 << 6 | 1 << 16) == 0)
        // inf - inf is invalid; the quiet default NaN it gives, added next, keeps that invalid.
        let kept = try GuestMachine("sub.s $f3, $f5, $f5\nadd.s $f0, $f3, $f2", mode: .fr)
        kept.state[fpr32: 5] = 0x7f80_0000
        kept.state[fpr32: 2] = 0x3f80_0000
        #expect(kept.run(on: backend).mxcsr & 1 != 0, "\(backend): the earlier invalid stays")
        // Once FCSR was read (the flag folded into it), a quiet NaN raises nothing new.
        let folded = try GuestMachine("sub.s $f3, $f5, $f5\ncfc1 $6, $31\nadd.s $f0, $f3, $f2\ncfc1 $7, $31", mode: .fr)
        folded.state[fpr32: 5] = 0x7f80_0000
        folded.state[fpr32: 2] = 0x3f80_0000
        let after = folded.run(on: backend)
        #expect(folded[6] & (1 << 6 | 1 << 16) == 1 << 6 | 1 << 16, "\(backend): FCSR 0x\(String(folded[6], radix: 16))")
        #expect(folded[7] & (1 << 6) != 0)
        #expect(after.mxcsr & 1 == 0, "\(backend): no new invalid")
    }

    @Test(arguments: Backend.allCases, [false, true])
    func nanResults(backend: Backend, nan2008: Bool) throws {
        let m = try GuestMachine("add.s $f0, $f1, $f2", mode: nan2008 ? [.fr, .nan2008] : .fr)
        for (x, y, legacy, ieee, invalidLegacy, invalid2008) in Self.nanCases {
            m.restart()
            m.state[fpr32: 1] = x
            m.state[fpr32: 2] = y
            let run = m.run(on: backend)
            #expect(run.end == .left)
            #expect(m.state[fpr32: 0] == (nan2008 ? ieee : legacy), "\(backend) nan2008=\(nan2008) 0x\(String(x, radix: 16)) + 0x\(String(y, radix: 16))")
            // Invalid is raised exactly when MIPS raises it: not for a quiet NaN of the
            // encoding, though SSE takes a legacy quiet NaN for a signalling one.
            #expect((run.mxcsr & 1 != 0) == (nan2008 ? invalid2008 : invalidLegacy),
                    "\(backend) nan2008=\(nan2008) invalid for 0x\(String(x, radix: 16)) + 0x\(String(y, radix: 16))")
        }
        let d = try GuestMachine("div.d $f0, $f2, $f2\nsqrt.d $f4, $f6", mode: nan2008 ? [.fr, .nan2008] : .fr)
        d.state[fpr64: 2] = 0
        d.state[fpr64: 6] = (-1.0).bitPattern
        d.runToEnd(on: backend)
        let defaultNaN: UInt64 = nan2008 ? 0x7ff8_0000_0000_0000 : 0x7ff7_ffff_ffff_ffff
        #expect(d.state[fpr64: 0] == defaultNaN && d.state[fpr64: 4] == defaultNaN)
    }

    /// The rules themselves, for doubles too.
    @Test func nanRules() {
        let legacy = NaNRules(double: true, nan2008: false), ieee = NaNRules(double: true, nan2008: true)
        #expect(legacy.isQuiet(0x7ff7_ffff_ffff_ffff) && legacy.isSignalling(0x7ff8_0000_0000_0000))
        #expect(ieee.isSignalling(0x7ff7_ffff_ffff_ffff) && ieee.isQuiet(0x7ff8_0000_0000_0000))
        #expect(!legacy.isNaN(0x7ff0_0000_0000_0000) && !ieee.isNaN(0xfff0_0000_0000_0000))
        #expect(legacy.result([0x3ff0_0000_0000_0000, 0x7ff8_0000_0000_0001]) == (0x7ff7_ffff_ffff_ffff, true))
        #expect(legacy.result([0x7ff0_0000_0000_0001, 0x3ff0_0000_0000_0000]) == (0x7ff7_ffff_ffff_ffff, false))
        #expect(ieee.result([0x7ff8_0000_0000_0001, 0x7ff0_0000_0000_0002]) == (0x7ff8_0000_0000_0002, true))
        #expect(ieee.result([0x7ff8_0000_0000_0001, 0x3ff0_0000_0000_0000]) == (0x7ff8_0000_0000_0001, false))
    }
}
