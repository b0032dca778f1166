// Every instruction objdump decodes in the corpus (see Corpus.swift) must decode with our
// decoders to a pattern whose mnemonics (MnemonicTable) include objdump's, and the corpus must
// exercise every pattern of every spec.

import Testing

@Suite("ARM decoders against objdump")
struct CorpusTests {
    static let reason: Comment = "needs Debian's ARM cross tools (arm-linux-gnueabihf-gcc, -objdump, -readelf)"

    @Test("every word objdump decodes decodes to a pattern with objdump's mnemonic", .enabled(if: Corpus.toolsAvailable, reason))
    func corpusAgreesWithObjdump() throws {
        let entries = try Corpus.entries.get()
        #expect(entries.count > 10_000, "the corpus is suspiciously small")
        var failures: [String] = []
        for entry in entries {
            guard let path = ARMDispatch.decode(entry.word, in: entry.set), let final = path.final else {
                failures.append("\(entry.set.rawValue) \(hex(entry.word, entry.set)) undecoded; objdump: \(entry.text)")
                continue
            }
            if !MnemonicTable.accepts(pattern: final.pattern, mnemonic: entry.mnemonic) {
                failures.append("\(entry.set.rawValue) \(hex(entry.word, entry.set)) \(final.spec.rawValue).\(final.pattern); objdump: \(entry.text)")
            }
        }
        for failure in failures.prefix(40) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty, "\(failures.count) of \(entries.count) corpus words disagree with objdump")
    }

    @Test("the corpus exercises every pattern of every spec", .enabled(if: Corpus.toolsAvailable, reason))
    func corpusCoversEveryPattern() throws {
        let entries = try Corpus.entries.get()
        var seen: [DecodeSpec: Set<String>] = [:]
        for entry in entries {
            for step in ARMDispatch.decode(entry.word, in: entry.set)?.steps ?? [] {
                seen[step.spec, default: []].insert(step.pattern)
            }
        }
        for spec in DecodeSpec.allCases {
            let missing = Set(spec.patterns.map(\.name)).subtracting(seen[spec] ?? [])
            #expect(missing.isEmpty, "\(spec.rawValue).decode patterns with no corpus word: \(missing.sorted())")
        }
    }
}

/// A word in hex as objdump prints it: 4 digits for T16, 8 otherwise.
func hex(_ word: UInt32, _ set: InstructionSet = .a32) -> String {
    let digits = String(word, radix: 16)
    return String(repeating: "0", count: max(0, (set == .t16 ? 4 : 8) - digits.count)) + digits
}
