// The interpreter and the x86-64 JIT (on the optimized IR) agree on random MIPS instruction
// sequences, one instruction class at a time (Harness/MIPSSequenceGenerator.swift), in both
// byte orders, compared over the whole guest state, the scratch memory and the FP exception
// flags (Harness/BackendAgreement.swift). A bounded run (MIRAGE_FUZZ_ITERATIONS sequences in
// all, default 2000) is part of the suite; set it higher for a long run, MIRAGE_FUZZ_SEED for
// another seed.

import Foundation
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BackendAgreementTests {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var iterations: Int { environment["MIRAGE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2000 }
    static var seed: UInt64 { environment["MIRAGE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x4d49 }
    static let batch = 20

    /// The machine code of each sequence: one assembler run per batch, split into words
    /// (label-only prefixes take no space); a batch that fails is assembled sequence by
    /// sequence (nil for those that fail).
    static func assemble(_ sequences: [[String]], bigEndian: Bool) -> [[UInt8]?] {
        let lines = sequences.flatMap { $0 }
        if let instructions = try? Assembler.instructions(lines, bigEndian: bigEndian) {
            var out: [[UInt8]?] = []
            var i = 0
            for s in sequences {
                out.append(instructions[i..<i + s.count].flatMap { $0 })
                i += s.count
            }
            return out
        }
        return sequences.map { try? Assembler.assemble($0.joined(separator: "\n"), bigEndian: bigEndian) }
    }

    @Test("random sequences agree on both backends", arguments: InstructionClass.allCases, byteOrders)
    func sequences(kind: InstructionClass, bigEndian: Bool) {
        let count = max(1, Self.iterations / (InstructionClass.allCases.count * 2))
        let classSeed = Self.seed &+ UInt64(InstructionClass.allCases.firstIndex(of: kind)!) &* 1000 &+ (bigEndian ? 500 : 0)
        var generator = MIPSSequenceGenerator(seed: classSeed)
        let jit = JITRunner()
        var failures: [String] = []
        var unassembled: [[String]] = []
        var done = 0
        var ranToTheEnd = 0
        while done < count && failures.count < 3 {
            let n = min(Self.batch, count - done)
            let sequences = (0..<n).map { _ in generator.sequence(kind, length: 3 + generator.rng.below(14)) }
            let codes = Self.assemble(sequences, bigEndian: bigEndian)
            for (k, lines) in sequences.enumerated() {
                guard let code = codes[k] else {
                    unassembled.append(lines)
                    continue
                }
                let seed = classSeed &+ UInt64(done + k) &* 0x9e37_79b9
                let maxInstructions = [64, 64, 64, 5, 2][Int(seed % 5)]
                let (end, report) = BackendAgreement.check(lines, code: code, bigEndian: bigEndian, seed: seed,
                                                           maxInstructions: maxInstructions, jit: jit)
                if end == .left { ranToTheEnd += 1 }
                if let report {
                    failures.append(report)
                    if failures.count >= 3 { break }
                }
            }
            done += n
        }
        // The generator should write valid assembly; a few rejected lines are tolerated.
        #expect(unassembled.count * 20 <= count, "\(unassembled.count) of \(count) sequences did not assemble, e.g.:\n\(unassembled.prefix(3).map { $0.joined(separator: "\n") }.joined(separator: "\n--\n"))")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
        // Most sequences must run to their end, or the fuzzer tests little but exits. (Overflows
        // and strict-alignment address errors end some early; the trap class traps often.)
        #expect(kind == .trap || ranToTheEnd * 2 >= done, "only \(ranToTheEnd) of \(done) sequences ran to their end")
    }
}
