// Every pattern of every spec is reachable: a word made of its fixed bits and random
// don't-care bits decodes to it, or to a pattern listed earlier that also matches the word
// (an earlier member of its overlap group, such as LDR_lit before LDR_imm).

import Testing
import TestTools

@Suite("ARM decode patterns")
struct ReachabilityTests {
    @Test("every pattern is reachable", arguments: DecodeSpec.allCases)
    func everyPatternIsReachable(spec: DecodeSpec) {
        var random = SplitMix64(seed: 0x5EED_0000 &+ UInt64(spec.rawValue.utf8.count))
        let patterns = spec.patterns
        let widthMask: UInt32 = spec.width == 16 ? 0xFFFF : 0xFFFF_FFFF
        for pattern in patterns {
            for _ in 0..<64 {
                let word = (pattern.value | (UInt32(truncatingIfNeeded: random.next()) & ~pattern.mask)) & widthMask
                guard let name = spec.patternName(word) else {
                    Issue.record("\(spec.rawValue) \(pattern.name) (line \(pattern.line)): \(hex(word)) decodes to nothing")
                    break
                }
                if name == pattern.name { continue }
                let shadowed = patterns.contains { other in
                    other.name == name && other.line < pattern.line && word & other.mask == other.value
                }
                if !shadowed {
                    Issue.record("\(spec.rawValue) \(pattern.name) (line \(pattern.line)): \(hex(word)) decodes to \(name)")
                    break
                }
            }
        }
    }

    @Test("pattern tables list each spec's patterns in line order", arguments: DecodeSpec.allCases)
    func patternTablesAreOrdered(spec: DecodeSpec) {
        let lines = spec.patterns.map(\.line)
        #expect(lines == lines.sorted())
        #expect(spec.patterns.allSatisfy { $0.value & ~$0.mask == 0 })
    }
}

