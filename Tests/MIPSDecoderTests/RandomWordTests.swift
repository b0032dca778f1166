// Random words against objdump: words drawn from the opcode spaces the specs decode (a fixed
// pattern's bits with random don't-care and random fixed-bit flips) are written as `.word`s,
// assembled for each byte order and disassembled with `objdump -d -M no-aliases`. A word our
// decoders accept must print as the mnemonic MnemonicTable expects; a word they reject must not
// print as a mnemonic some accepted word printed as (unless objdump reads it as an ASE's form).

import Foundation
import Testing
import TestTools

@Suite("MIPS decoders against objdump on random words")
struct RandomWordTests {
    static let count = 20_000

    /// The random words, reproducibly: each pattern's fixed bits with random others, and one
    /// fixed bit in four flipped.
    static func words() -> [UInt32] {
        var random = SplitMix64(seed: 0x4D49_5053)
        let patterns = DecodeSpec.allCases.flatMap(\.patterns)
        var out: [UInt32] = []
        while out.count < count {
            let p = patterns[Int(random.next() % UInt64(patterns.count))]
            var word = p.value | (UInt32(truncatingIfNeeded: random.next()) & ~p.mask)
            if random.next() % 4 == 0 {
                let bit = UInt32(1) << UInt32(random.next() % 32)
                if p.mask & bit != 0 { word ^= bit }
            }
            out.append(word)
        }
        return out
    }

    /// objdump's (mnemonic, operands) for each word, for one byte order.
    static func disassemble(_ words: [UInt32], prefix: String) throws -> [UInt32: (String, String)] {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("mips-random-\(getpid())-\(prefix)")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = ".text\n" + words.map { ".word 0x" + String($0, radix: 16) }.joined(separator: "\n") + "\n"
        try source.write(to: directory.appendingPathComponent("r.s"), atomically: false, encoding: .utf8)
        _ = try Tools.run(prefix + "as", ["-mips32r2", "-mfp64", "-o", "r.o", "r.s"], in: directory)
        let listing = try Tools.run(prefix + "objdump", ["-d", "-M", "no-aliases", "r.o"], in: directory)
        var result: [UInt32: (String, String)] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[0].last == ":",
                  let word = UInt32(fields[1].trimmingCharacters(in: .whitespaces), radix: 16) else { continue }
            let operands = fields.count > 3 ? String(fields[3]) : ""
            result[word] = (fields[2].trimmingCharacters(in: .whitespaces), operands)
        }
        return result
    }

    /// A word our decoders reject may still print as one of our mnemonics when objdump reads
    /// it as an ASE's form of that instruction: the DSP ASE's accumulator forms of MADD, MULT,
    /// MFHI and the rest name an accumulator $ac1-$ac3 in bits the base ISA spells as zero.
    static func aseForm(_ operands: String) -> Bool {
        operands.contains("$ac")
    }

    @Test("random words decode as objdump reads them", .enabled(if: Corpus.toolsAvailable, CorpusTests.reason),
          arguments: Corpus.prefixes)
    func randomWordsAgree(prefix: String) throws {
        let words = Self.words()
        let objdump = try Self.disassemble(words, prefix: prefix)
        var failures: [String] = []
        var accepted: Set<String> = []
        var rejected: [(UInt32, String, String)] = []
        for word in Set(words).sorted() {
            guard let (mnemonic, operands) = objdump[word] else {
                failures.append("\(hex(word)): not in objdump's listing")
                continue
            }
            if let path = MIPSDispatch.decode(word) {
                accepted.insert(mnemonic)
                if !MnemonicTable.accepts(path, mnemonic: mnemonic) {
                    failures.append("\(hex(word)) \(path.text) expects \(MnemonicTable.mnemonics(for: path)); objdump: \(mnemonic) \(operands)")
                }
            } else {
                rejected.append((word, mnemonic, operands))
            }
        }
        for (word, mnemonic, operands) in rejected where accepted.contains(mnemonic) && !Self.aseForm(operands) {
            failures.append("\(hex(word)) reserved here; objdump: \(mnemonic) \(operands)")
        }
        for failure in failures.prefix(40) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty, "\(failures.count) random words disagree with objdump")
    }
}
