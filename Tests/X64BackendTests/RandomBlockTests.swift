// The differential fuzzer: thousands of random blocks (Generator/BlockGenerator.swift) from a
// fixed seed, each run on both backends as generated and again after Passes.optimize, under
// the default MXCSR and other rounding and flush modes, alternating this host's code-generation
// features with the baseline ones. MIRAGE_FUZZ_ITERATIONS sets the block count (default 2000),
// MIRAGE_FUZZ_SEED the seed.

import Foundation
import IR
import IRPasses
import Testing
import TestTools

@Suite("JIT vs interpreter: random blocks")
struct RandomBlockTests {
    static let shards = 4
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var iterations: Int { environment["MIRAGE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2000 }
    static var seed: UInt64 { environment["MIRAGE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x6d69_7261_6765 }

    /// Default MXCSR most of the time; rounding down, up, toward zero, and FTZ+DAZ otherwise.
    static func mxcsr(_ rng: inout SplitMix64) -> UInt32 {
        switch rng.below(10) {
        case 0: 0x5f80
        case 1: 0x7f80
        case 2: 0x9fc0
        case 3: 0x3f80
        default: 0x1f80
        }
    }

    @Test("random blocks agree, before and after Passes.optimize", arguments: 0..<shards)
    func randomBlocks(shard: Int) {
        let variants = HostCPU.variants.map { Differential(features: $0) }
        var failures: [String] = []
        var generatorErrors: [String] = []
        for i in stride(from: shard, to: Self.iterations, by: Self.shards) {
            let d = variants[i % variants.count]
            let blockSeed = Self.seed &+ UInt64(i) &* 0x9e37_79b9_7f4a_7c15
            var generator = BlockGenerator(seed: blockSeed, clobberHelper: d.arena.clobberHelper)
            let block = generator.generate()
            let problems = block.verify()
            if !problems.isEmpty {
                generatorErrors.append("block \(i) does not verify: \(problems.prefix(3))\n\(block.text())")
                if generatorErrors.count >= 2 { break }
                continue
            }
            var rng = SplitMix64(seed: blockSeed ^ 0xfeed)
            let image = BlockGenerator.image(&rng)
            let mxcsr = Self.mxcsr(&rng)
            if let report = d.compare(block, image, mxcsr: mxcsr, plantLookup: rng.chance(75)) {
                failures.append("random block \(i) (MIRAGE_FUZZ_SEED=\(Self.seed)):\n\(report)")
            }
            var optimized = block
            Passes.optimize(&optimized)
            if optimized.verify().isEmpty, let report = d.compare(optimized, image, mxcsr: mxcsr) {
                failures.append("random block \(i) after Passes.optimize (MIRAGE_FUZZ_SEED=\(Self.seed)):\n\(report)\noriginal:\n\(block.text())")
            }
            if failures.count >= 3 { break }
        }
        #expect(generatorErrors.isEmpty, "\(generatorErrors.joined(separator: "\n\n"))")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}
