// Flush-to-zero mode as the ARM Architecture Reference Manual (ARMv7-A/R, DDI 0406C) has it
// and the qemu-arm sequence oracle found Mirage departing from it, on both backends: a flushed
// denormal input raises Input Denormal (FPUnpack, A2.7.8; IDC is FPSCR bit 7); a flushed result
// raises Underflow alone; tininess is decided before rounding (FPRound, A2.7.8), in
// flush-to-zero mode and outside it.

import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct FlushToZeroFindingsTests {
    static let fz: UInt32 = 1 << 24

    /// The end state of `source` from FPSCR `fpscr` and the S registers `s`, on each backend,
    /// with FPSCR as `vmrs r0, fpscr` read it at the end.
    static func run(_ source: String, thumb: Bool, fpscr: UInt32, s: [Int: UInt32]) throws -> [(Backend, GuestMachine)] {
        let code = try Assembler.assemble(source + "\nvmrs r0, fpscr", thumb: thumb)
        let jit = JITRunner()
        return Backend.allCases.map { backend in
            let m = GuestMachine(code: code, thumb: thumb)
            m.state.fpscr = fpscr
            for (n, v) in s { m.setS(n, v) }
            let run = m.run(on: backend, jit: jit)
            #expect(run.end == .left && run.error == nil, "\(backend): \(run)")
            return (backend, m)
        }
    }

    /// Every instruction that unpacks its operands raises IDC for a denormal one under FZ and
    /// computes with a zero; VABS and VNEG do not unpack (FPAbs, FPNeg are bit operations).
    @Test(arguments: [false, true])
    func inputDenormal(thumb: Bool) throws {
        let one: UInt32 = 0x3f80_0000
        // s0 = the smallest single denormal, s1 = 1.0; d1 (s2, s3) = the smallest double denormal.
        let cases: [(String, UInt32)] = [
            ("vadd.f32 s4, s0, s1", 0x80), ("vmul.f32 s4, s0, s1", 0x80), ("vdiv.f32 s4, s1, s0", 0x82),
            ("vsqrt.f32 s4, s0", 0x80), ("vcmp.f32 s0, s1", 0x80), ("vcmp.f32 s0, #0", 0x80),
            ("vcvt.f64.f32 d3, s0", 0x80), ("vcvt.s32.f32 s4, s0", 0x80), ("vcvt.f32.f64 s4, d1", 0x80),
            ("vfma.f32 s4, s0, s1", 0x80), ("vmla.f64 d3, d1, d1", 0x80), ("vcvt.s32.f32 s0, s0, #4", 0x80),
            ("vabs.f32 s4, s0", 0), ("vneg.f32 s4, s0", 0), ("vcvtb.f16.f32 s4, s0", 0x80),
        ]
        for (line, flags) in cases {
            for (backend, m) in try Self.run(line, thumb: thumb, fpscr: Self.fz, s: [0: 1, 1: one, 2: 1, 3: 0, 4: 0, 6: 0, 7: 0]) {
                #expect(m[0] & 0x9f == flags, "\(backend) \(line): FPSCR 0x\(String(m[0], radix: 16))")
            }
        }
    }

    /// A result tiny before rounding is a zero raising Underflow alone (FPRound's flush-to-zero
    /// branch), even where it rounds up to the smallest normal: 2^-100 * 2^-30 = 2^-130, and
    /// 0.5 (1 - 2^-23) * 2^-125 (1 + 2^-23) = 2^-126 (1 - 2^-46), which x86 rounds to 2^-126
    /// and calls inexact but not tiny.
    @Test(arguments: [false, true])
    func tinyResults(thumb: Bool) throws {
        for (a, b) in [(UInt32(0x0d80_0000), UInt32(0x3080_0000)), (0x3eff_fffe, 0x0100_0001), (0xbeff_fffe, 0x0100_0001)] {
            for (backend, m) in try Self.run("vmul.f32 s2, s0, s1", thumb: thumb, fpscr: Self.fz, s: [0: a, 1: b]) {
                #expect(m.s(2) == (a ^ b) & 0x8000_0000, "\(backend) 0x\(String(a, radix: 16)) * 0x\(String(b, radix: 16)): 0x\(String(m.s(2), radix: 16))")
                #expect(m[0] & 0x9f == 0x08, "\(backend): FPSCR 0x\(String(m[0], radix: 16))")
            }
        }
        // Double: 0.5 (1 - 2^-52) * 2^-1021 (1 + 2^-52) = 2^-1022 (1 - 2^-104), rounded up to
        // 2^-1022 (the fused residual decides); 2^-1022 / (1 + 2^-52), a denormal; 2^-1022 (1 -
        // 2^-53) to single, far below single's range.
        let cases: [(String, [Int: UInt32])] = [
            ("vmul.f64 d2, d0, d1", [0: 0xffff_fffe, 1: 0x3fdf_ffff, 2: 1, 3: 0x0020_0000]),
            ("vdiv.f64 d2, d0, d1", [0: 0, 1: 0x0010_0000, 2: 1, 3: 0x3ff0_0000]),
            ("vcvt.f32.f64 s4, d0\nmov r1, #0\nvmov s5, r1", [0: 0, 1: 0x0010_0000]),
        ]
        for (line, registers) in cases {
            for (backend, m) in try Self.run(line, thumb: thumb, fpscr: Self.fz, s: registers) {
                #expect(m.s(4) == 0 && m.s(5) == 0, "\(backend) \(line): 0x\(String(m.s(5), radix: 16)) \(String(m.s(4), radix: 16))")
                #expect(m[0] & 0x9f == 0x08, "\(backend) \(line): FPSCR 0x\(String(m[0], radix: 16))")
            }
        }
    }

    /// Without FZ, tininess is decided before rounding too (FPRound, A2.7.8: "if biased_exp ==
    /// 0 && (error != 0.0 ..."), where x86 decides it after: a product, quotient, fused
    /// multiply-add or double-to-single conversion whose exact value is just below the smallest
    /// normal and rounds up to it raises Underflow and Inexact (ARMHelpers+Underflow). The
    /// expected values come from an exact model of FPRound (rationals), not from Mirage.
    @Test(arguments: [false, true])
    func underflowBeforeRounding(thumb: Bool) throws {
        let up: UInt32 = 1 << 22, down: UInt32 = 2 << 22, zero: UInt32 = 3 << 22
        // (instruction, FPSCR, S registers in, S register out, its value, FPSCR flags)
        let cases: [(String, UInt32, [Int: UInt32], Int, UInt32, UInt32)] = [
            // 0.5 (1 - 2^-23) * 2^-125 (1 + 2^-23) = 2^-126 (1 - 2^-46)
            ("vmul.f32 s2, s0, s1", 0, [0: 0x3eff_fffe, 1: 0x0100_0001], 2, 0x0080_0000, 0x18),
            ("vmul.f32 s2, s0, s1", up, [0: 0x3eff_fffe, 1: 0x0100_0001], 2, 0x0080_0000, 0x18),
            ("vmul.f32 s2, s0, s1", down, [0: 0xbeff_fffe, 1: 0x0100_0001], 2, 0x8080_0000, 0x18),
            ("vmul.f32 s2, s0, s1", zero, [0: 0x3eff_fffe, 1: 0x0100_0001], 2, 0x007f_ffff, 0x18),
            ("vnmul.f32 s2, s0, s1", 0, [0: 0x3eff_fffe, 1: 0x0100_0001], 2, 0x8080_0000, 0x18),
            ("vmla.f32 s2, s0, s1", 0, [0: 0x3eff_fffe, 1: 0x0100_0001, 2: 0], 2, 0x0080_0000, 0x18),
            ("vfma.f32 s2, s0, s1", 0, [0: 0x3eff_fffe, 1: 0x0100_0001, 2: 0], 2, 0x0080_0000, 0x18),
            // Exactly the smallest normal; just above it, rounded down to it.
            ("vmul.f32 s2, s0, s1", 0, [0: 0x3f00_0000, 1: 0x0100_0000], 2, 0x0080_0000, 0),
            ("vmul.f32 s2, s0, s1", 0, [0: 0x0080_0001, 1: 0x3f7f_ffff], 2, 0x0080_0000, 0x10),
            ("vfma.f32 s2, s0, s1", 0, [0: 0x3f00_0000, 1: 0x0100_0000, 2: 0], 2, 0x0080_0000, 0),
            // (1 - 2^-24) / 2^126: a tie, rounded to even, the smallest normal.
            ("vdiv.f32 s2, s0, s1", 0, [0: 0x3f7f_ffff, 1: 0x7e80_0000], 2, 0x0080_0000, 0x18),
            // 0.5 (1 - 2^-52) * 2^-1021 (1 + 2^-52) = 2^-1022 (1 - 2^-104)
            ("vmul.f64 d2, d0, d1", 0, [0: 0xffff_fffe, 1: 0x3fdf_ffff, 2: 1, 3: 0x0020_0000], 5, 0x0010_0000, 0x18),
            ("vfma.f64 d2, d0, d1", 0, [0: 0xffff_fffe, 1: 0x3fdf_ffff, 2: 1, 3: 0x0020_0000, 4: 0, 5: 0], 5, 0x0010_0000, 0x18),
            // (1 - 2^-53) / 2^1022: a tie, rounded to even.
            ("vdiv.f64 d2, d0, d1", 0, [0: 0xffff_ffff, 1: 0x3fef_ffff, 2: 0, 3: 0x7fd0_0000], 5, 0x0010_0000, 0x18),
            // 2^-126 (1 - 2^-25) to single.
            ("vcvt.f32.f64 s4, d0", 0, [0: 0xf000_0000, 1: 0x380f_ffff], 4, 0x0080_0000, 0x18),
        ]
        for (line, fpscr, registers, out, value, flags) in cases {
            for (backend, m) in try Self.run(line, thumb: thumb, fpscr: fpscr, s: registers) {
                #expect(m.s(out) == value, "\(backend) \(line) 0x\(String(fpscr, radix: 16)): 0x\(String(m.s(out), radix: 16))")
                #expect(m[0] & 0x9f == flags, "\(backend) \(line) 0x\(String(fpscr, radix: 16)): FPSCR 0x\(String(m[0], radix: 16))")
            }
        }
    }
}
