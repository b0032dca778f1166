// One parsed `syscall-tables/<arch>.tbl`: `NUMBER NAME` lines, `#` comments, blank lines.
// Numbers are decimal or 0x-hex (ARM's private calls live at 0x0f0000 and up).

/// A syscall table for one guest ABI, in file order.
public struct SyscallTable: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var number: UInt32
        public var name: String
        public init(number: UInt32, name: String) {
            self.number = number
            self.name = name
        }
    }

    /// The file's stem: `arm` for `arm.tbl`.
    public var stem: String
    public var entries: [Entry]

    public init(stem: String, entries: [Entry]) {
        self.stem = stem
        self.entries = entries
    }

    /// Parses a table's text. Every malformed line, duplicate name and duplicate number is an
    /// error naming the line, so a bad table never produces half a Swift file. Works on bytes:
    /// the tables are ASCII, and Character-level splitting would cost more than the rest of a run.
    public init(stem: String, text: String) throws(SyscallTableError) {
        self.stem = stem
        self.entries = []
        var seenNames: [String: Int] = [:]
        var seenNumbers: [UInt32: Int] = [:]
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.prefix { $0 != UInt8(ascii: "#") }
            let words = line.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
                .map { Substring($0) }
            if words.isEmpty { continue }
            guard words.count == 2 else {
                throw SyscallTableError(line: lineNumber, message: "expected `NUMBER NAME`, found \(words.count) words")
            }
            guard let number = Self.parseNumber(words[0]) else {
                throw SyscallTableError(line: lineNumber, message: "bad number `\(words[0])`")
            }
            let name = String(words[1])
            guard Self.isValidName(name) else {
                throw SyscallTableError(line: lineNumber, message: "bad name `\(name)`: use [a-z0-9_], not starting with a digit")
            }
            if let first = seenNames[name] {
                throw SyscallTableError(line: lineNumber, message: "name `\(name)` already on line \(first)")
            }
            if let first = seenNumbers[number] {
                throw SyscallTableError(line: lineNumber, message: "number \(number) already on line \(first)")
            }
            seenNames[name] = lineNumber
            seenNumbers[number] = lineNumber
            entries.append(Entry(number: number, name: name))
        }
    }

    static func parseNumber(_ word: Substring) -> UInt32? {
        if word.hasPrefix("0x") || word.hasPrefix("0X") {
            return UInt32(word.dropFirst(2), radix: 16)
        }
        return UInt32(word, radix: 10)
    }

    /// Kernel syscall names are lower-case C identifiers; anything else is a typo in the table.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}

/// A table line the parser rejected.
public struct SyscallTableError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
    public var description: String { "line \(line): \(message)" }
}
