// Single instructions against qemu-mips/qemu-mipsel (Harness/QEMUOracle.swift) on random
// registers with many special values, in the three configurations, on both backends: integer
// HI/LO and Release 2 instructions, and every FPU arithmetic, conversion and compare.
// MIRAGE_QEMU_SCALE multiplies the records per instruction for a long run.

import Foundation
@testable import GuestMIPS
import Testing
import TestTools
import TestBackends

@Suite(.enabled(if: QEMUOracle.available, QEMUOracle.missing))
struct QEMUOracleTests {
    static var scale: Int { ProcessInfo.processInfo.environment["MIRAGE_QEMU_SCALE"].flatMap { Int($0) } ?? 1 }

    static let integer = [
        "div $0, $2, $3", "divu $0, $4, $5", "mult $2, $3", "multu $4, $5", "madd $2, $3", "maddu $4, $5",
        "msub $2, $3", "msubu $4, $5", "mul $6, $2, $3", "clz $6, $2", "clo $7, $3", "ext $6, $2, 3, 9",
        "ins $6, $2, 5, 11", "wsbh $6, $2", "seb $6, $3", "seh $6, $4", "rotr $6, $2, 13", "rotrv $6, $2, $3",
        "srav $6, $2, $3", "slt $6, $2, $3", "sltu $6, $2, $3", "movz $6, $2, $3", "movn $6, $2, $3",
        "sltiu $6, $2, -5", "addu $6, $2, $3", "nor $6, $2, $3", "mthi $2", "mflo $6",
    ]

    /// FPU instructions on even registers (legal in both FR modes); `long` adds the L format.
    static func fpu(long: Bool) -> [String] {
        var list: [String] = []
        for f in ["s", "d"] {
            list += ["add.\(f) $f0, $f2, $f4", "sub.\(f) $f0, $f2, $f4", "mul.\(f) $f0, $f2, $f4", "div.\(f) $f0, $f2, $f4",
                     "sqrt.\(f) $f0, $f2", "abs.\(f) $f0, $f2", "neg.\(f) $f0, $f2", "mov.\(f) $f0, $f2",
                     "recip.\(f) $f0, $f2", "rsqrt.\(f) $f0, $f2",
                     "madd.\(f) $f0, $f2, $f4, $f6", "msub.\(f) $f0, $f2, $f4, $f6",
                     "nmadd.\(f) $f0, $f2, $f4, $f6", "nmsub.\(f) $f0, $f2, $f4, $f6",
                     "cvt.w.\(f) $f0, $f2", "round.w.\(f) $f0, $f2", "trunc.w.\(f) $f0, $f2",
                     "ceil.w.\(f) $f0, $f2", "floor.w.\(f) $f0, $f2", "cvt.\(f).w $f0, $f2",
                     "movt.\(f) $f0, $f2, $fcc1", "movf.\(f) $f0, $f2, $fcc6", "movz.\(f) $f0, $f2, $3", "movn.\(f) $f0, $f2, $3"]
            for cond in ["f", "un", "eq", "ueq", "olt", "ult", "ole", "ule", "sf", "ngle", "seq", "ngl", "lt", "nge", "le", "ngt"] {
                list.append("c.\(cond).\(f) $fcc2, $f2, $f4")
            }
            if long {
                list += ["cvt.l.\(f) $f0, $f2", "round.l.\(f) $f0, $f2", "trunc.l.\(f) $f0, $f2",
                         "ceil.l.\(f) $f0, $f2", "floor.l.\(f) $f0, $f2", "cvt.\(f).l $f0, $f2"]
            }
        }
        list += ["cvt.s.d $f0, $f2", "cvt.d.s $f0, $f2", "mfc1 $6, $f2", "mtc1 $2, $f0", "mfhc1 $6, $f2", "mthc1 $2, $f0"]
        return list
    }

    static let floats32 = BackendAgreement.floats32 + [0x7fbf_ffff, 0x7fc0_0000, 0xffff_ffff, 0x4b80_0001, 0x3eaa_aaab, 0x0040_0000]
    static let floats64 = BackendAgreement.floats64 + [0x7ff7_ffff_ffff_ffff, 0x7ff8_0000_0000_0000, 0xc3e0_0000_0000_0001, 0x4330_0000_0000_0001]

    static func records(count: Int, instructions: Int, seed: UInt64) -> [QEMUOracle.Record] {
        var rng = SplitMix64(seed: seed)
        var out: [QEMUOracle.Record] = []
        for index in 0..<instructions {
            for _ in 0..<count {
                let fcc = UInt32(rng.below(256))
                let fcsr = UInt32(rng.below(4)) | (fcc & 1) << 23 | (fcc >> 1) << 25
                let fpr: [UInt64] = (0..<32).map { _ in
                    switch rng.below(4) {
                    case 0: UInt64(rng.pick(floats32)) | UInt64(rng.pick(floats32)) << 32
                    case 1, 2: rng.pick(floats64)
                    default: rng.next()
                    }
                }
                out.append(QEMUOracle.Record(index: UInt32(index), fcsr: fcsr, hi: rng.word(), lo: rng.word(),
                                             gpr: (0..<14).map { _ in rng.word() }, fpr: fpr))
            }
        }
        return out
    }

    static func compare(_ instructions: [String], _ configuration: QEMUOracle.Configuration, seed: UInt64) throws {
        let inputs = records(count: 24 * scale, instructions: instructions.count, seed: seed)
        let expected = try QEMUOracle.run(instructions, inputs, configuration)
        var failures: [String] = []
        for backend in Backend.allCases {
            for (input, want) in zip(inputs, expected) {
                let instruction = instructions[Int(input.index)]
                let got = try QEMUOracle.mirage(instruction, input, configuration, backend: backend)
                let reference = want
                if got != reference {
                    failures.append("\(configuration) \(backend): \(instruction)\n  input \(describe(input))\n  differs: \(differences(reference, got))")
                    if failures.count >= 10 { break }
                }
            }
        }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }

    /// The fields that differ, as "name qemu/here".
    static func differences(_ a: QEMUOracle.Record, _ b: QEMUOracle.Record) -> String {
        var out: [String] = []
        func hex<T: BinaryInteger>(_ v: T) -> String { String(v, radix: 16) }
        if a.fcsr != b.fcsr { out.append("fcsr \(hex(a.fcsr))/\(hex(b.fcsr))") }
        if a.hi != b.hi { out.append("hi \(hex(a.hi))/\(hex(b.hi))") }
        if a.lo != b.lo { out.append("lo \(hex(a.lo))/\(hex(b.lo))") }
        for r in 0..<14 where a.gpr[r] != b.gpr[r] { out.append("$\(r + 2) \(hex(a.gpr[r]))/\(hex(b.gpr[r]))") }
        for n in 0..<32 where a.fpr[n] != b.fpr[n] { out.append("f\(n) \(hex(a.fpr[n]))/\(hex(b.fpr[n]))") }
        return out.joined(separator: ", ")
    }

    /// The fields of a record that matter for one instruction, briefly.
    static func describe(_ r: QEMUOracle.Record) -> String {
        let fprs = [0, 2, 4, 6].map { "f\($0)=\(String(r.fpr[$0], radix: 16))" }.joined(separator: " ")
        return "fcsr=\(String(r.fcsr, radix: 16)) hi=\(String(r.hi, radix: 16)) lo=\(String(r.lo, radix: 16)) "
            + "$2-$7=\(r.gpr.prefix(6).map { String($0, radix: 16) }) \(fprs)"
    }

    @Test(arguments: QEMUOracle.configurations)
    func integerInstructions(configuration: QEMUOracle.Configuration) throws {
        try Self.compare(Self.integer, configuration, seed: 0x51)
    }

    @Test(arguments: QEMUOracle.configurations)
    func fpuInstructions(configuration: QEMUOracle.Configuration) throws {
        try Self.compare(Self.fpu(long: configuration.fr), configuration, seed: 0x52)
    }
}
