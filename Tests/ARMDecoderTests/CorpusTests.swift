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

    @Test("register fields name the core registers objdump prints", .enabled(if: Corpus.toolsAvailable, reason))
    func registerFieldsAgreeWithObjdump() throws {
        let entries = try Corpus.entries.get()
        var failures: [String] = []
        for entry in entries {
            guard let path = ARMDispatch.decode(entry.word, in: entry.set), let final = path.final,
                  final.spec != .vfp, final.spec != .neon, !RegisterCheck.skipped.contains(final.pattern),
                  entry.mnemonic != "nop" else { continue }
            let operands = RegisterCheck.registerNames(in: entry.text)
            for (field, number) in RegisterCheck.coreRegisters(path, set: entry.set) {
                // push and pop print only the register list; the base register is SP.
                if field == "Rn", number == 13, entry.mnemonic.hasPrefix("push") || entry.mnemonic.hasPrefix("pop") { continue }
                if RegisterCheck.names(number).isDisjoint(with: operands) {
                    failures.append("\(entry.set.rawValue) \(hex(entry.word, entry.set)) \(path.text): \(field) is not in objdump's \(entry.text)")
                }
            }
        }
        for failure in failures.prefix(40) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty, "\(failures.count) register fields disagree with objdump")
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

/// Which fields of a decoded word are core register numbers, and the names objdump gives them.
enum RegisterCheck {
    static let fieldNames = ["Rd", "Rn", "Rm", "Rt", "Rt2", "Rs", "Ra", "RdHi", "RdLo", "Rdn", "Rdm"]
    /// Coprocessor transfers print registers objdump may rename (APSR_nzcv for PC).
    static let skipped: Set<String> = ["MCR", "MRC", "MCRR", "MRRC", "MCR2", "MRC2", "MCRR2", "MRRC2"]

    /// The register fields of the last step, with the T16 high-register bits (D, N, DN) added.
    static func coreRegisters(_ path: DecodePath, set: InstructionSet) -> [(String, UInt32)] {
        let fields = path.fields
        var result: [(String, UInt32)] = []
        for name in fieldNames {
            guard var number = fields[name] else { continue }
            if set == .t16 {
                if name == "Rdn", let high = fields["DN"] { number |= high << 3 }
                if name == "Rd", let high = fields["D"] { number |= high << 3 }
                if name == "Rn", let high = fields["N"] { number |= high << 3 }
            }
            result.append((name, number))
        }
        return result
    }

    /// objdump's names for core register `number`.
    static func names(_ number: UInt32) -> Set<String> {
        let aliases = [10: "sl", 11: "fp", 12: "ip", 13: "sp", 14: "lr", 15: "pc"]
        var result: Set<String> = ["r\(number)"]
        if let alias = aliases[Int(number)] { result.insert(alias) }
        return result
    }

    /// The register-like words of objdump's text, before any comment.
    static func registerNames(in text: String) -> Set<String> {
        let code = text.split(separator: "@", maxSplits: 1).first ?? ""
        var names: Set<String> = []
        var word = ""
        for character in code + " " {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                if !word.isEmpty { names.insert(word) }
                word = ""
            }
        }
        return names
    }
}
