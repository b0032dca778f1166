// Running binutils' objdump over assembled bytes (`-D -b binary -mi386:x86-64 -M intel`) and
// taking its lines apart: offset, mnemonic, operands. Tests that need it skip with a message
// when it is not installed.

import Foundation
import TestTools

enum Objdump {
    /// The objdump to use: `$OBJDUMP`, else the first on PATH; nil when there is none.
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["OBJDUMP"], FileManager.default.isExecutableFile(atPath: explicit) {
            return explicit
        }
        for directory in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/objdump"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { path != nil }

    struct Line {
        var offset: Int
        /// `add`, `lock cmpxchg`, `movabs`.
        var mnemonic: String
        /// Top-level comma-separated operands, comments (`# 0x...`) removed.
        var operands: [String]
        var text: String
    }

    /// Disassembles `code` and returns one line per instruction, by offset.
    static func disassemble(_ code: [UInt8]) throws -> [Int: Line] {
        guard let path else { return [:] }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("x64asm-\(UUID().uuidString).bin")
        try Data(code).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try Tools.run(path, ["-D", "-b", "binary", "-mi386:x86-64", "-M", "intel", "--insn-width=16", file.path])
        var lines: [Int: Line] = [:]
        for raw in output.split(separator: "\n") {
            if let line = parse(String(raw)) { lines[line.offset] = line }
        }
        return lines
    }

    /// `   1a:\t48 83 c0 fb \tadd    rax,0xfffffffffffffffb` -> Line.
    static func parse(_ raw: String) -> Line? {
        let columns = raw.split(separator: "\t", omittingEmptySubsequences: false)
        guard columns.count >= 3 else { return nil }
        let address = columns[0].trimmingCharacters(in: .whitespaces)
        guard address.hasSuffix(":"), let offset = Int(address.dropLast(), radix: 16) else { return nil }
        var text = columns[2...].joined(separator: "\t")
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        text = text.trimmingCharacters(in: .whitespaces)
        var words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        var mnemonic = words.first ?? ""
        if mnemonic == "lock", words.count > 1 {
            words = words[1].split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
            mnemonic = "lock " + (words.first ?? "")
        }
        let operandText = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        let operands = operandText.isEmpty ? [] : operandText.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return Line(offset: offset, mnemonic: mnemonic, operands: operands, text: text)
    }
}

/// A memory operand as objdump prints it, taken apart so that equivalent spellings compare
/// equal: `DWORD PTR [rbx+rcx*8-0x8]`, `QWORD PTR ds:0x10`, `[rip+0x10]`.
struct MemoryText: Equatable, CustomStringConvertible {
    var size: String
    var base: String
    var index: String
    var scale: Int
    var displacement: Int64

    init(size: String, base: String, index: String, scale: Int, displacement: Int64) {
        self.size = size
        self.base = base
        self.index = index
        self.scale = index.isEmpty ? 1 : scale
        self.displacement = displacement
    }

    init?(parsing text: String) {
        var rest = Substring(text)
        size = ""
        for keyword in ["BYTE", "WORD", "DWORD", "QWORD", "XMMWORD"] where rest.hasPrefix(keyword + " PTR ") {
            size = keyword
            rest = rest.dropFirst(keyword.count + 5)
        }
        base = ""
        index = ""
        scale = 1
        displacement = 0
        if rest.hasPrefix("ds:") {
            guard let value = UInt64(rest.dropFirst(3).dropFirst(2), radix: 16) else { return nil }
            displacement = Int64(bitPattern: value)
            return
        }
        guard rest.hasPrefix("["), rest.hasSuffix("]") else { return nil }
        rest = rest.dropFirst().dropLast()
        // Terms with their signs: rbx, +rcx*8, -0x8.
        var terms: [(sign: Int64, text: Substring)] = []
        var start = rest.startIndex
        var sign: Int64 = 1
        for position in rest.indices where rest[position] == "+" || rest[position] == "-" {
            if position > start { terms.append((sign, rest[start..<position])) }
            sign = rest[position] == "-" ? -1 : 1
            start = rest.index(after: position)
        }
        terms.append((sign, rest[start...]))
        for (sign, term) in terms {
            if term.hasPrefix("0x") {
                guard let value = UInt64(term.dropFirst(2), radix: 16) else { return nil }
                displacement &+= sign &* Int64(bitPattern: value)
            } else if let star = term.firstIndex(of: "*") {
                index = String(term[..<star])
                scale = Int(term[term.index(after: star)...]) ?? 0
            } else {
                base = String(term)
            }
        }
    }

    var description: String {
        let text = size.isEmpty ? "[" : size + " PTR ["
        var parts: [String] = []
        if !base.isEmpty { parts.append(base) }
        if !index.isEmpty { parts.append("\(index)*\(scale)") }
        parts.append(String(displacement))
        return text + parts.joined(separator: "+") + "]"
    }
}
