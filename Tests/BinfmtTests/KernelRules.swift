// The kernel's rules for a binfmt_misc registration string (fs/binfmt_misc.c, create_entry,
// and Documentation/admin-guide/binfmt-misc.rst), as an independent parser the tests hold
// Mirage's lines to.

enum KernelRules {
    struct Entry {
        var name: String
        var type: Character
        var offset: Int
        var magic: [UInt8]
        var mask: [UInt8]?
        var interpreter: String
        var flags: String
    }

    struct Rejected: Error, CustomStringConvertible {
        var description: String
    }

    /// The register file accepts at most this many bytes (MAX_REGISTER_LENGTH).
    static let maxLength = 1920
    /// The bytes of the file the kernel has read when it matches magic (BINPRM_BUF_SIZE).
    static let bufferSize = 256

    static func parse(_ line: String) throws -> Entry {
        var text = Array(line.utf8)
        if text.last == UInt8(ascii: "\n") { text.removeLast() }
        guard text.count >= 11, text.count <= maxLength else { throw Rejected(description: "length \(text.count)") }
        let delimiter = text[0]
        let fields = text.dropFirst().split(separator: delimiter, omittingEmptySubsequences: false)
        guard fields.count == 7 else { throw Rejected(description: "\(fields.count) fields, not 7") }
        let name = String(decoding: fields[0], as: UTF8.self)
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/") else { throw Rejected(description: "name '\(name)'") }
        guard fields[1].count == 1, let type = String(decoding: fields[1], as: UTF8.self).first, type == "M" || type == "E" else {
            throw Rejected(description: "type")
        }
        let offsetText = String(decoding: fields[2], as: UTF8.self)
        guard offsetText.allSatisfy(\.isNumber) else { throw Rejected(description: "offset '\(offsetText)'") }
        let offset = Int(offsetText) ?? 0
        guard !fields[3].contains(0) else { throw Rejected(description: "NUL in magic") }
        let magic = try unescape(Array(fields[3]))
        guard !magic.isEmpty, magic.count + offset <= bufferSize else { throw Rejected(description: "magic size \(magic.count)") }
        var mask: [UInt8]?
        if !fields[4].isEmpty {
            mask = try unescape(Array(fields[4]))
            guard mask?.count == magic.count else { throw Rejected(description: "mask size differs from magic's") }
        }
        let interpreter = String(decoding: fields[5], as: UTF8.self)
        guard !interpreter.isEmpty else { throw Rejected(description: "no interpreter") }
        let flags = String(decoding: fields[6], as: UTF8.self)
        guard flags.allSatisfy({ "POCF".contains($0) }) else { throw Rejected(description: "flags '\(flags)'") }
        return Entry(name: name, type: type, offset: offset, magic: magic, mask: mask, interpreter: interpreter, flags: flags)
    }

    /// The kernel's string_unescape with ESCAPE_HEX: \xHH (one or two hex digits) is a byte,
    /// anything else stands for itself.
    static func unescape(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"), let high = hex(bytes[i + 2]) {
                if i + 3 < bytes.count, let low = hex(bytes[i + 3]) {
                    out.append(high << 4 | low)
                    i += 4
                } else {
                    out.append(high)
                    i += 3
                }
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// Whether the kernel would send a file starting with `header` to this entry.
    static func matches(_ entry: Entry, _ header: [UInt8]) -> Bool {
        guard header.count >= entry.offset + entry.magic.count else { return false }
        for i in entry.magic.indices {
            let m = entry.mask?[i] ?? 0xff
            if header[entry.offset + i] & m != entry.magic[i] & m { return false }
        }
        return true
    }
}
