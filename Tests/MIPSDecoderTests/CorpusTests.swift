// Every instruction objdump decodes in the corpus (see Corpus.swift) must decode with our
// decoders to the mnemonic objdump prints (MnemonicTable) with the registers it prints, and the
// corpus must exercise every pattern of both specs.

import Testing

@Suite("MIPS decoders against objdump")
struct CorpusTests {
    static let reason: Comment = "needs Debian's MIPS cross tools (mips-linux-gnu-gcc, mipsel-linux-gnu-gcc and their binutils)"

    @Test("every word objdump decodes decodes to objdump's mnemonic", .enabled(if: Corpus.toolsAvailable, reason))
    func corpusAgreesWithObjdump() throws {
        let entries = try Corpus.entries.get()
        #expect(entries.count > 5_000, "the corpus is suspiciously small")
        var failures: [String] = []
        for entry in entries {
            guard let path = MIPSDispatch.decode(entry.word) else {
                failures.append("\(hex(entry.word)) undecoded; objdump: \(entry.text) (\(entry.source))")
                continue
            }
            if !MnemonicTable.accepts(path, mnemonic: entry.mnemonic) {
                failures.append("\(hex(entry.word)) \(path.text) expects \(MnemonicTable.mnemonics(for: path)); objdump: \(entry.text)")
            }
        }
        for failure in failures.prefix(40) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty, "\(failures.count) of \(entries.count) corpus words disagree with objdump")
    }

    @Test("register fields name the registers objdump prints", .enabled(if: Corpus.toolsAvailable, reason))
    func registerFieldsAgreeWithObjdump() throws {
        let entries = try Corpus.entries.get()
        var failures: [String] = []
        for entry in entries {
            guard let path = MIPSDispatch.decode(entry.word) else { continue }
            let words = RegisterCheck.operandWords(entry.operands)
            for (field, name) in RegisterCheck.registers(path) where !words.contains(name) {
                if RegisterCheck.implied(field: field, name: name, mnemonic: entry.mnemonic) { continue }
                failures.append("\(hex(entry.word)) \(path.text): \(field) = \(name) is not in objdump's \(entry.text)")
            }
        }
        for failure in failures.prefix(40) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty, "\(failures.count) register fields disagree with objdump")
    }

    @Test("the corpus exercises every pattern of both specs", .enabled(if: Corpus.toolsAvailable, reason))
    func corpusCoversEveryPattern() throws {
        let entries = try Corpus.entries.get()
        var seen: [DecodeSpec: Set<String>] = [:]
        for entry in entries {
            for step in MIPSDispatch.decode(entry.word)?.steps ?? [] {
                seen[step.spec, default: []].insert(step.pattern)
            }
        }
        for spec in DecodeSpec.allCases {
            let missing = Set(spec.patterns.map(\.name)).subtracting(seen[spec] ?? [])
            #expect(missing.isEmpty, "\(spec.rawValue).decode patterns with no corpus word: \(missing.sorted())")
        }
    }

    @Test("every compiled program adds words of its own", .enabled(if: Corpus.toolsAvailable, reason))
    func corpusHasEveryBuild() throws {
        let sources = Set(try Corpus.entries.get().map(\.source))
        for (_, file) in Corpus.disassembled where file.hasPrefix("c-") {
            #expect(sources.contains(file), "no word comes only from \(file)")
        }
    }
}

/// A word as objdump prints it.
func hex(_ word: UInt32) -> String {
    let digits = String(word, radix: 16)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
