// Reading `objdump -d` listings and `readelf -sW` symbol tables of ARM ELF files into corpus
// entries. The mapping symbols ($a, $t, $d, or $a.<n> ...) mark where ARM code, Thumb code and
// data start; each listed word belongs to the last one at or below its address.

enum ObjdumpListing {
    enum Mode: Sendable { case arm, thumb, data }

    /// The mapping symbols of a `readelf -sW` table, sorted by address.
    static func mappingSymbols(_ table: String) -> [(address: UInt32, mode: Mode)] {
        var symbols: [(address: UInt32, mode: Mode)] = []
        for line in table.split(separator: "\n") {
            // "   28: 00010138     0 NOTYPE  LOCAL  DEFAULT    2 $d"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 8, let address = UInt32(fields[1], radix: 16) else { continue }
            let name = fields[7]
            guard name.count == 2 || name.dropFirst(2).first == ".", name.first == "$" else { continue }
            switch name.dropFirst().first {
            case "a": symbols.append((address, .arm))
            case "t": symbols.append((address, .thumb))
            case "d": symbols.append((address, .data))
            default: continue
            }
        }
        return symbols.sorted { $0.address < $1.address }
    }

    /// The mode in force at `address`: the last mapping symbol at or below it.
    static func mode(at address: UInt32, in symbols: [(address: UInt32, mode: Mode)]) -> Mode? {
        var low = 0, high = symbols.count
        while low < high {
            let middle = (low + high) / 2
            if symbols[middle].address <= address { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : symbols[low - 1].mode
    }

    /// The instructions of a listing that objdump decoded, skipping data (`.word` and other
    /// directives), UNDEFINED words and words it calls UNPREDICTABLE.
    static func entries(listing: String, mappingSymbols symbols: [(address: UInt32, mode: Mode)]) throws -> [CorpusEntry] {
        var result: [CorpusEntry] = []
        for line in listing.split(separator: "\n") {
            // "   101c2:\tee1d 4f70 \tmrc\t15, 0, r4, cr13, cr0, {3}"
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[0].last == ":",
                  let address = UInt32(fields[0].dropLast().drop { $0 == " " }, radix: 16) else { continue }
            let mnemonic = String(fields[2].trimmingSpaces)
            let operands = fields.count > 3 ? String(fields[3]) : ""
            if mnemonic.isEmpty || mnemonic.hasPrefix(".") || mnemonic.contains("undefined")
                || line.contains("UNDEFINED") || line.contains("UNPREDICTABLE") { continue }
            let hex = fields[1].split(separator: " ")
            let text = "\(mnemonic) \(operands)"
            switch mode(at: address, in: symbols) {
            case .arm?:
                guard hex.count == 1, hex[0].count == 8, let word = UInt32(hex[0], radix: 16) else {
                    throw CorpusError(description: "ARM word not 8 hex digits at \(String(address, radix: 16)): \(line)")
                }
                result.append(CorpusEntry(set: .a32, word: word, mnemonic: mnemonic, text: text))
            case .thumb?:
                let halfwords = hex.compactMap { $0.count == 4 ? UInt32($0, radix: 16) : nil }
                guard halfwords.count == hex.count, halfwords.count == 1 || halfwords.count == 2 else {
                    throw CorpusError(description: "Thumb code not in halfwords at \(String(address, radix: 16)): \(line)")
                }
                let wide = InstructionSet.isThumb32Prefix(halfwords[0])
                guard wide == (halfwords.count == 2) else {
                    throw CorpusError(description: "Thumb width disagrees with the first halfword at \(String(address, radix: 16)): \(line)")
                }
                if wide {
                    result.append(CorpusEntry(set: .t32, word: halfwords[0] << 16 | halfwords[1], mnemonic: mnemonic, text: text))
                } else {
                    result.append(CorpusEntry(set: .t16, word: halfwords[0], mnemonic: mnemonic, text: text))
                }
            case .data?, nil:
                continue
            }
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
