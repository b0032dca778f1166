// VFP NaN results as the ARM Architecture Reference Manual has them (A2.7.3 "NaN handling and
// the Default NaN": FPProcessNaN, FPProcessNaNs, FPDefaultNaN, FPSCR.DN), on both backends:
// the JIT runs the arithmetic on SSE with Invalid Operation unmasked and fixes the rare
// trapping instruction up (CHost FloatTraps.c); the interpreter applies NaNRule.firstNaN.
// (The qemu-arm sequence oracle, QEMUSequenceTests, checks the same on random sequences.)

@testable import GuestARM
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct VFPNaNTests {
    static let defaultNaN32: UInt32 = 0x7fc0_0000
    static let defaultNaN64: UInt64 = 0x7ff8_0000_0000_0000
    static let inf32: UInt32 = 0x7f80_0000, one32: UInt32 = 0x3f80_0000
    static let quiet32: UInt32 = 0xffc1_2345, signalling32: UInt32 = 0x7f81_2345

    /// s0 after `line` from s1 = a, s2 = b (and FPSCR), on each backend, with FPSCR.IOC.
    static func single(_ line: String, _ a: UInt32, _ b: UInt32, fpscr: UInt32 = 0, thumb: Bool) throws -> [(Backend, UInt32, Bool)] {
        let code = try Assembler.assemble(line, thumb: thumb)
        let jit = JITRunner()
        return Backend.allCases.map { backend in
            let m = GuestMachine(code: code, thumb: thumb)
            m.state.fpscr = fpscr
            m.setS(0, 0x1234_5678)
            m.setS(1, a)
            m.setS(2, b)
            let run = m.run(on: backend, jit: jit)
            #expect(run.end == .left && run.error == nil, "\(backend): \(run)")
            let ioc = (m.state.fpscr | ARMHelpers.cumulativeFlags(run.mxcsr)) & 1 != 0
            return (backend, m.s(0), ioc)
        }
    }

    @Test("invalid operations give the positive default NaN and raise IOC", arguments: [false, true])
    func invalid(thumb: Bool) throws {
        let zero: UInt32 = 0, minusOne: UInt32 = 0xbf80_0000
        for (line, a, b) in [("vdiv.f32 s0, s1, s2", zero, zero), ("vsub.f32 s0, s1, s2", Self.inf32, Self.inf32),
                             ("vmul.f32 s0, s1, s2", zero, Self.inf32), ("vadd.f32 s0, s1, s2", Self.inf32, Self.inf32 | 1 << 31),
                             ("vsqrt.f32 s0, s2", zero, minusOne), ("vdiv.f32 s0, s1, s2", Self.inf32, Self.inf32)] {
            for (backend, result, ioc) in try Self.single(line, a, b, thumb: thumb) {
                #expect(result == Self.defaultNaN32, "\(backend) \(line): 0x\(String(result, radix: 16))")
                #expect(ioc, "\(backend) \(line): IOC")
            }
        }
    }

    @Test("NaN operands: the first signalling one quieted, else the first quiet one", arguments: [false, true])
    func propagation(thumb: Bool) throws {
        let cases: [(UInt32, UInt32, UInt32, Bool)] = [
            (Self.quiet32, Self.one32, Self.quiet32, false),
            (Self.one32, Self.quiet32, Self.quiet32, false),
            (Self.quiet32, 0x7fc0_0001, Self.quiet32, false),
            (Self.quiet32, Self.signalling32, Self.signalling32 | 0x0040_0000, true),  // x86 would give op1
            (Self.signalling32, Self.quiet32, Self.signalling32 | 0x0040_0000, true),
            (Self.one32, Self.signalling32, Self.signalling32 | 0x0040_0000, true),
        ]
        for line in ["vadd.f32 s0, s1, s2", "vmul.f32 s0, s1, s2", "vdiv.f32 s0, s1, s2"] {
            for (a, b, want, wantIOC) in cases {
                for (backend, result, ioc) in try Self.single(line, a, b, thumb: thumb) {
                    #expect(result == want, "\(backend) \(line) 0x\(String(a, radix: 16)), 0x\(String(b, radix: 16)): 0x\(String(result, radix: 16))")
                    #expect(ioc == wantIOC, "\(backend) \(line): IOC")
                }
            }
        }
    }

    @Test("FPSCR.DN: every NaN result is the default NaN; VNMUL negates it after", arguments: [false, true])
    func defaultNaNMode(thumb: Bool) throws {
        let dn: UInt32 = 1 << 25
        for (line, a, b, want) in [("vadd.f32 s0, s1, s2", Self.quiet32, Self.one32, Self.defaultNaN32),
                                   ("vmul.f32 s0, s1, s2", Self.signalling32, Self.one32, Self.defaultNaN32),
                                   ("vsqrt.f32 s0, s2", 0, Self.quiet32, Self.defaultNaN32),
                                   ("vnmul.f32 s0, s1, s2", Self.quiet32, Self.one32, Self.defaultNaN32 | 1 << 31),
                                   ("vmla.f32 s0, s1, s2", Self.one32, Self.one32, Self.one32)] {
            for (backend, result, _) in try Self.single(line, a, b, fpscr: dn, thumb: thumb) {
                // vmla: s0 = 0x12345678 + 1 * 1, no NaN.
                let expected = line.hasPrefix("vmla") ? Float(bitPattern: 0x1234_5678).addingProduct(1, 1).bitPattern : want
                #expect(result == expected, "\(backend) \(line): 0x\(String(result, radix: 16))")
            }
        }
        // Without DN the same quiet NaN goes through.
        for (backend, result, _) in try Self.single("vadd.f32 s0, s1, s2", Self.quiet32, Self.one32, thumb: thumb) {
            #expect(result == Self.quiet32, "\(backend)")
        }
    }

    @Test("double precision: 0/0 and inf - inf", arguments: [false, true])
    func double(thumb: Bool) throws {
        let code = try Assembler.assemble("vdiv.f64 d0, d1, d1\nvsub.f64 d3, d2, d2\nvcvt.f32.f64 s8, d0", thumb: thumb)
        let jit = JITRunner()
        for backend in Backend.allCases {
            let m = GuestMachine(code: code, thumb: thumb)
            m.setD(1, 0)
            m.setD(2, 0x7ff0_0000_0000_0000)
            _ = m.run(on: backend, jit: jit)
            #expect(m.d(0) == Self.defaultNaN64, "\(backend) 0/0: 0x\(String(m.d(0), radix: 16))")
            #expect(m.d(3) == Self.defaultNaN64, "\(backend) inf - inf: 0x\(String(m.d(3), radix: 16))")
            #expect(m.s(8) == Self.defaultNaN32, "\(backend) to single: 0x\(String(m.s(8), radix: 16))")
        }
    }
}
