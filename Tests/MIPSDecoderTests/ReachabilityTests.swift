// Every pattern of both specs is reachable: a word made of its fixed bits and random
// don't-care bits decodes to it (the MIPS specs have no overlap groups, so nothing may shadow
// it), and the tables are in line order.

import Testing
import TestTools

@Suite("MIPS decode patterns")
struct ReachabilityTests {
    @Test("every pattern is reachable", arguments: DecodeSpec.allCases)
    func everyPatternIsReachable(spec: DecodeSpec) {
        var random = SplitMix64(seed: 0x5EED_0000 &+ UInt64(spec.rawValue.utf8.count))
        for pattern in spec.patterns {
            for _ in 0..<64 {
                let word = pattern.value | (UInt32(truncatingIfNeeded: random.next()) & ~pattern.mask)
                let name = spec.patternName(word)
                if name != pattern.name {
                    Issue.record("\(spec.rawValue) \(pattern.name) (line \(pattern.line)): \(hex(word)) decodes to \(name ?? "nothing")")
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

    /// The COP1 and COP1X patterns of the main spec cover exactly the FPU spec's opcodes.
    @Test func fpuSpaceIsHandedOver() {
        for pattern in DecodeSpec.fpu.patterns {
            let opcode = pattern.value >> 26
            #expect(opcode == 0b010001 || opcode == 0b010011, "\(pattern.name) is outside COP1/COP1X")
            let name = DecodeSpec.mips32.patternName(pattern.value)
            #expect(name == (opcode == 0b010001 ? "COP1" : "COP1X"))
        }
    }

    /// Words the manual reserves decode to nothing: CACHE, COP0, COP2, fields spelled as zero.
    @Test func reservedWordsDecodeToNothing() {
        let reserved: [UInt32] = [
            0xbc85_0000,  // cache 5, 0(a0)
            0x4080_6000,  // mtc0 zero, $12
            0x4200_0018,  // eret
            0x4800_0000,  // COP2
            0x0085_2010 | 1 << 21,  // mfhi with rs != 0
            0x00a4_2042 | 1 << 22,  // srl with bit 22 set
            0x7c05_2020 | 3 << 6,  // BSHFL op 00011
            0x4600_0018,  // COP1 fmt S function 011000 (reserved in R2)
            0x46c0_0000,  // add.ps: paired single is not decoded
        ]
        for word in reserved {
            #expect(MIPSDispatch.decode(word) == nil, "\(hex(word)) decodes to \(MIPSDispatch.decode(word)?.text ?? "")")
        }
    }
}

