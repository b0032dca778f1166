// Every word translates to IR that verifies, in every mode: random words (half of them from
// the decoders' own patterns, so most decode) as a block's first instruction, followed by a
// random word that a branch takes as its delay slot. No assembler needed.

@testable import GuestMIPS
import IR
import MIPSDecoder
import Testing
import TestTools

/// Two words of code in host memory.
struct WordPair: CodeSource {
    var words: [UInt32]
    let base: UInt64 = 0x1_0000

    func fetch16(_ address: UInt64) -> UInt16? { nil }
    func fetch32(_ address: UInt64) -> UInt32? {
        guard address >= base, address < base + UInt64(4 * words.count), address & 3 == 0 else { return nil }
        return words[Int((address - base) / 4)]
    }
}

@Suite struct TranslationFuzzTests {
    @Test(arguments: 0..<16)
    func randomWordsVerify(modeBits: Int) {
        let mode = MIPSMode(rawValue: UInt32(modeBits))
        var rng = SplitMix64(seed: 0xf00d &+ UInt64(modeBits))
        let patterns = MIPSPatternsForFuzzing.all
        var frontend = MIPSFrontend()
        var failures = 0
        for _ in 0..<6000 {
            func word() -> UInt32 {
                if rng.chance(50) { return UInt32(truncatingIfNeeded: rng.next()) }
                let p = rng.pick(patterns)
                return p.value | UInt32(truncatingIfNeeded: rng.next()) & ~p.mask
            }
            // Words as the host reads them: swapped for a big-endian guest.
            let pair = [word(), word()].map { mode.contains(.bigEndian) ? $0.byteSwapped : $0 }
            let block = frontend.translate(BlockKey(pc: 0x1_0000, flags: mode.rawValue), code: WordPair(words: pair), maxInstructions: 8)
            let problems = block.verify()
            if !problems.isEmpty && failures < 5 {
                failures += 1
                Issue.record("mode \(modeBits) words \(pair.map { String($0, radix: 16) }): \(problems)\n\(block.text())")
            }
        }
    }
}

enum MIPSPatternsForFuzzing {
    static let all = MIPS32Patterns.all + MIPS32FPUPatterns.all
}
