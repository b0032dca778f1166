// Differential tests of Advanced SIMD data processing against qemu-arm: per instruction class,
// random D0-D15 and FPSCR go through qemu-arm (QEMUOracle) and through Mirage (A32 and
// Thumb); every register and FPSCR must agree. Known disagreements where the manual and
// qemu-arm differ are kept out of the random runs and tested against the manual in
// NEONFloatTests. A long run is one variable away: NEON_QEMU_SCALE=50 multiplies the trials.

import Foundation
import Testing
import TestTools

@Suite(.enabled(if: QEMUOracle.available, QEMUOracle.missing))
struct NEONQEMUTests {
    static let integer = [
        "vshl.s8 q1, q2, q3", "vshl.u16 d0, d1, d2", "vshl.s64 q1, q2, q3", "vqshl.s16 q1, q2, q3", "vqshl.u32 d0, d1, d2",
        "vqshl.s64 d0, d1, d2", "vrshl.s32 q1, q2, q3", "vrshl.u64 d0, d1, d2", "vqrshl.s8 d0, d1, d2", "vqrshl.u64 q1, q2, q3",
        "vshr.s8 q1, q2, #3", "vshr.u64 d0, d1, #64", "vsra.s32 d0, d1, #31", "vrshr.u16 q1, q2, #16", "vrsra.s64 d0, d1, #1",
        "vsri.16 d0, d1, #5", "vsli.32 q1, q2, #7", "vshl.i64 d0, d1, #63", "vqshl.s8 d0, d1, #5", "vqshl.u32 q1, q2, #31",
        "vqshlu.s16 d0, d1, #3", "vqshlu.s64 q1, q2, #40", "vshrn.i32 d0, q2, #9", "vrshrn.i16 d0, q2, #8", "vqshrn.s64 d0, q2, #17",
        "vqrshrn.u32 d0, q2, #3", "vqshrun.s16 d0, q2, #1", "vqrshrun.s64 d0, q2, #32", "vmovl.u8 q1, d6", "vshll.s16 q1, d6, #5",
        "vshll.i32 q1, d6, #32", "vmovn.i64 d0, q2", "vqmovn.s32 d0, q2", "vqmovn.u16 d0, q2", "vqmovun.s64 d0, q2",
        "vqdmulh.s16 q1, q2, q3", "vqrdmulh.s32 d0, d1, d2", "vqdmulh.s32 d0, d1, d9[1]", "vqrdmulh.s16 q1, q2, d5[3]",
        "vaddl.s8 q1, d6, d7", "vaddw.u16 q1, q2, d7", "vsubl.u32 q1, d6, d7", "vsubw.s8 q1, q2, d7", "vaddhn.i16 d0, q2, q3",
        "vraddhn.i64 d0, q2, q3", "vsubhn.i32 d0, q2, q3", "vrsubhn.i16 d0, q2, q3", "vabal.s16 q1, d6, d7", "vabdl.u8 q1, d6, d7",
        "vmlal.u32 q1, d6, d7", "vmlsl.s8 q1, d6, d7", "vqdmlal.s16 q1, d6, d7", "vqdmlsl.s32 q1, d6, d7", "vmull.u16 q1, d6, d7",
        "vmull.p8 q1, d6, d7", "vqdmull.s32 q1, d6, d7", "vmla.i16 q1, q2, d5[2]", "vmls.i32 d0, d1, d11[0]", "vmul.i16 d0, d1, d7[3]",
        "vmlal.s16 q1, d6, d3[1]", "vmlsl.u32 q1, d6, d15[1]", "vmull.s32 q1, d6, d8[0]", "vqdmlal.s16 q1, d6, d4[3]",
        "vqdmlsl.s32 q1, d6, d9[1]", "vqdmull.s16 q1, d6, d2[0]", "vmul.p8 q1, q2, q3",
        "vrev64.8 q1, q2", "vrev64.32 d0, d1", "vrev32.16 q1, q2", "vrev16.8 d0, d1", "vpaddl.s8 q1, q2", "vpaddl.u32 d0, d1",
        "vpadal.u16 q1, q2", "vpadal.s32 d0, d1", "vcls.s8 q1, q2", "vcls.s32 d0, d1", "vqabs.s8 d0, d1", "vqabs.s32 q1, q2",
        "vqneg.s16 q1, q2", "vcgt.s8 d0, d1, #0", "vcge.s16 q1, q2, #0", "vceq.i32 d0, d1, #0", "vcle.s8 q1, q2, #0",
        "vclt.s32 d0, d1, #0", "vabs.s16 d0, d1", "vneg.s8 q1, q2", "vtrn.8 d0, d1", "vtrn.32 q1, q2", "vuzp.8 q1, q2",
        "vuzp.16 d0, d1", "vzip.32 q1, q2", "vzip.8 d0, d1", "vtbl.8 d0, {d8}, d1", "vtbl.8 d0, {d8, d9, d10}, d1",
        "vtbx.8 d0, {d8, d9}, d1", "vtbx.8 d0, {d12, d13, d14, d15}, d1", "vext.8 q1, q2, q3, #11", "vswp d0, d1",
    ]

    static let float = [
        "vadd.f32 q1, q2, q3", "vsub.f32 d0, d1, d2", "vmul.f32 q1, q2, q3", "vmla.f32 d0, d1, d2", "vmls.f32 q1, q2, q3",
        "vfma.f32 q1, q2, q3", "vfms.f32 d0, d1, d2", "vabd.f32 q1, q2, q3", "vpadd.f32 d0, d1, d2", "vmax.f32 q1, q2, q3",
        "vmin.f32 d0, d1, d2", "vpmax.f32 d0, d1, d2", "vpmin.f32 d0, d1, d2", "vceq.f32 q1, q2, q3", "vcge.f32 d0, d1, d2",
        "vcgt.f32 q1, q2, q3", "vacge.f32 d0, d1, d2", "vacgt.f32 q1, q2, q3", "vrecps.f32 q1, q2, q3", "vrsqrts.f32 d0, d1, d2",
        "vmul.f32 q1, q2, d9[1]", "vmla.f32 d0, d1, d3[0]", "vmls.f32 q1, q2, d15[1]",
        "vcgt.f32 q1, q2, #0", "vcge.f32 d0, d1, #0", "vceq.f32 q1, q2, #0", "vcle.f32 d0, d1, #0", "vclt.f32 q1, q2, #0",
        "vabs.f32 q1, q2", "vneg.f32 d0, d1", "vrecpe.f32 q1, q2", "vrsqrte.f32 d0, d1", "vrecpe.u32 q1, q2", "vrsqrte.u32 d0, d1",
        "vcvt.s32.f32 q1, q2", "vcvt.u32.f32 d0, d1", "vcvt.f32.s32 q1, q2", "vcvt.f32.u32 d0, d1", "vcvt.s32.f32 q1, q2, #16",
        "vcvt.u32.f32 d0, d1, #32", "vcvt.f32.s32 q1, q2, #1", "vcvt.f32.u32 d0, d1, #20", "vcvt.f16.f32 d0, q2", "vcvt.f32.f16 q1, d6",
    ]

    /// Runs `instructions` on `perInstruction` random records each through qemu-arm and Mirage.
    static func compare(_ instructions: [String], perInstruction: Int, seed: UInt64, fpscr: @escaping (inout SplitMix64) -> UInt32,
                        operand: @escaping (inout SplitMix64) -> UInt64, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scale = Int(ProcessInfo.processInfo.environment["NEON_QEMU_SCALE"] ?? "") ?? 1
        var rng = SplitMix64(seed: seed &+ UInt64(scale))
        var records: [QEMUOracle.Record] = []
        for i in instructions.indices {
            for _ in 0..<(perInstruction * scale) {
                records.append(QEMUOracle.Record(index: UInt32(i), fpscr: fpscr(&rng), d: (0..<16).map { _ in operand(&rng) }))
            }
        }
        let expected = try QEMUOracle.run(instructions, records)
        for thumb in [false, true] {
            let programs = try Assembler.instructions(instructions, thumb: thumb)
            let machines = programs.map { GuestMachine(code: $0, thumb: thumb) }
            var failures: [Int: Int] = [:]
            for (input, want) in zip(records, expected) {
                let i = Int(input.index)
                let m = machines[i]
                for r in 0..<16 { m.setD(r, input.d[r]) }
                m.state.fpscr = input.fpscr
                m.restart()
                m.runToEnd(sourceLocation: sourceLocation)
                let got = (0..<16).map { m.d($0) }
                if got != want.d || m.fpscrAsRead != want.fpscr {
                    failures[i, default: 0] += 1
                    if failures[i, default: 0] <= 2 {
                        let diff = (0..<16).filter { got[$0] != want.d[$0] }.map {
                            "d\($0): mirage 0x\(String(got[$0], radix: 16)) qemu 0x\(String(want.d[$0], radix: 16)) (in 0x\(String(input.d[$0], radix: 16)))"
                        }
                        let inputs = (0..<16).map { "0x\(String(input.d[$0], radix: 16))" }.joined(separator: ",")
                        Issue.record("\(thumb ? "T32" : "A32") \(instructions[i]): \(diff.joined(separator: "; ")) fpscr mirage 0x\(String(m.fpscrAsRead, radix: 16)) qemu 0x\(String(want.fpscr, radix: 16)) in 0x\(String(input.fpscr, radix: 16)); d = [\(inputs)]",
                                     sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    @Test func integerClasses() throws {
        try Self.compare(Self.integer, perInstruction: 60, seed: 101, fpscr: { rng in rng.next() % 4 == 0 ? 1 << 27 : 0 },
                         operand: NEONRunner.operand)
    }

    /// Float lanes must ignore FPSCR's rounding mode, FZ and DN (the standard FPSCR value), so
    /// FPSCR comes in with random control bits (AHP and the traps excluded).
    @Test func floatClasses() throws {
        try Self.compare(Self.float, perInstruction: 120, seed: 102, fpscr: { rng in UInt32(truncatingIfNeeded: rng.next()) & 0xf3c0_009f },
                         operand: StandardFloatModel.operand)
    }

    /// The half-precision conversions also read FPSCR.AHP (the alternative format: no
    /// infinities or NaNs, exponent 31 is a number).
    @Test func alternativeHalf() throws {
        try Self.compare(["vcvt.f16.f32 d0, q2", "vcvt.f32.f16 q1, d6"], perInstruction: 300, seed: 103,
                         fpscr: { rng in UInt32(truncatingIfNeeded: rng.next()) & 0xf7c0_009f | 1 << 26 },
                         operand: { rng in
                             // NaNs of both signs: an AHP NaN becomes a zero of its sign.
                             rng.next() % 2 == 0 ? StandardFloatModel.operand(&rng) : rng.next() & 0x8fff_ffff_8fff_ffff | 0x3000_0000_3000_0000
                         })
    }
}
