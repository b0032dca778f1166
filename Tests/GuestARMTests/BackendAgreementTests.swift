// The interpreter and the x86-64 JIT agree on random ARM and Thumb instruction sequences, one
// instruction class at a time (Harness/ARMSequenceGenerator*.swift), compared over the whole
// guest state, the scratch memory and the FP exception flags (Harness/BackendAgreement.swift).
// A bounded run (MIRAGE_FUZZ_ITERATIONS sequences in all, default 2000) is part of the suite;
// set it higher for a long run, MIRAGE_FUZZ_SEED for another seed.

import Foundation
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BackendAgreementTests {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var iterations: Int { environment["MIRAGE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2000 }
    static var seed: UInt64 { environment["MIRAGE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xa4a4 }
    static let batch = 20

    /// The machine code of each sequence: one assembler run per batch, split by instruction
    /// sizes; a batch that fails is assembled sequence by sequence (nil for those that fail).
    static func assemble(_ sequences: [[String]], thumb: Bool) -> [[UInt8]?] {
        let lines = sequences.flatMap { $0 }
        if let instructions = try? Assembler.instructions(lines, thumb: thumb) {
            var out: [[UInt8]?] = []
            var i = 0
            for s in sequences {
                out.append(instructions[i..<i + s.count].flatMap { $0 })
                i += s.count
            }
            return out
        }
        return sequences.map { try? Assembler.assemble($0.joined(separator: "\n"), thumb: thumb) }
    }

    @Test("random sequences agree on both backends", arguments: InstructionClass.allCases, [false, true])
    func sequences(kind: InstructionClass, thumb: Bool) {
        let count = max(1, Self.iterations / (InstructionClass.allCases.count * 2))
        let classSeed = Self.seed &+ UInt64(InstructionClass.allCases.firstIndex(of: kind)!) &* 1000 &+ (thumb ? 500 : 0)
        var generator = ARMSequenceGenerator(thumb: thumb, seed: classSeed)
        let jit = JITRunner()
        var failures: [String] = []
        var unassembled: [[String]] = []
        var done = 0
        while done < count && failures.count < 3 {
            let n = min(Self.batch, count - done)
            let sequences = (0..<n).map { _ in generator.sequence(kind, length: 3 + generator.rng.fuzzBelow(14)) }
            let codes = Self.assemble(sequences, thumb: thumb)
            for (k, lines) in sequences.enumerated() {
                guard let code = codes[k] else {
                    unassembled.append(lines)
                    continue
                }
                let seed = classSeed &+ UInt64(done + k) &* 0x9e37_79b9
                let maxInstructions = [64, 64, 64, 5, 2][Int(seed % 5)]
                if let report = BackendAgreement.check(lines, code: code, thumb: thumb, seed: seed,
                                                       maxInstructions: maxInstructions, jit: jit) {
                    failures.append(report)
                    if failures.count >= 3 { break }
                }
            }
            done += n
        }
        // The generator should write valid assembly; a few rejected lines are tolerated.
        #expect(unassembled.count * 20 <= count, "\(unassembled.count) of \(count) sequences did not assemble, e.g.:\n\(unassembled.prefix(3).map { $0.joined(separator: "\n") }.joined(separator: "\n--\n"))")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}
