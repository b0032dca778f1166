// Reading `objdump -d` listings of MIPS ELF files into corpus entries. objdump prints each
// word as a number (in the file's byte order already undone), so one parser serves both.

enum ObjdumpListing {
    /// The instructions of a listing that objdump decoded, skipping words it prints as data
    /// (`.word`) or as unknown.
    static func entries(listing: String, source: String) throws -> [CorpusEntry] {
        var result: [CorpusEntry] = []
        for line in listing.split(separator: "\n") {
            // "  400264:\t3c1c000b \tlui\tgp,0xb"
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[0].last == ":",
                  UInt32(fields[0].dropLast().drop { $0 == " " }, radix: 16) != nil else { continue }
            let mnemonic = String(fields[2].trimmingSpaces)
            let operands = fields.count > 3 ? String(fields[3].trimmingSpaces) : ""
            if mnemonic.isEmpty || mnemonic.hasPrefix(".") || mnemonic.contains("unknown") { continue }
            let hex = fields[1].trimmingSpaces
            guard hex.count == 8, let word = UInt32(hex, radix: 16) else {
                throw CorpusError(description: "\(source): not one 32-bit word: \(line)")
            }
            result.append(CorpusEntry(word: word, mnemonic: mnemonic, operands: operands, source: source))
        }
        return result
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var trimmed = self
        while trimmed.first == " " { trimmed = trimmed.dropFirst() }
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
