// Turns `.rows` text into a `RowSpec`, collecting every error with its line instead of stopping
// at the first. Each row is parsed in three columns (instruction, encoding, flags), then
// checked as a whole by `RowChecker`.

extension RowSpec {
    /// Parses and checks a spec: syntax of each column, then operands against the encoding.
    public static func parse(_ text: String) throws(SpecErrors) -> RowSpec {
        var diagnostics: [Diagnostic] = []
        var sections: [Section] = []
        var names: Set<String> = []
        // Per section: its line and how many row lines it has, good or not (a section whose
        // rows all have errors is not reported empty as well).
        var sectionLines: [(line: Int, rows: Int)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let code = (raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingBlanks()
            if code.isEmpty { continue }
            if code.hasPrefix("[") {
                guard code.hasSuffix("]"), code.count > 2 else {
                    diagnostics.append(Diagnostic(line: line, "a section line is `[Name]`"))
                    continue
                }
                let name = String(code.dropFirst().dropLast())
                if !isSectionName(name) {
                    diagnostics.append(Diagnostic(line: line, "section name '\(name)' must be letters and digits, starting with a capital"))
                } else if !names.insert(name).inserted {
                    diagnostics.append(Diagnostic(line: line, "section '\(name)' appears twice"))
                }
                sections.append(Section(name: name, rows: []))
                sectionLines.append((line, 0))
                continue
            }
            guard !sections.isEmpty else {
                diagnostics.append(Diagnostic(line: line, "a row before the first `[Section]` line"))
                continue
            }
            sectionLines[sectionLines.count - 1].rows += 1
            switch RowParser.parse(code, line: line) {
            case .success(let row): sections[sections.count - 1].rows.append(row)
            case .failure(let errors): diagnostics += errors.diagnostics
            }
        }
        for (section, lines) in zip(sections, sectionLines) where lines.rows == 0 {
            diagnostics.append(Diagnostic(line: lines.line, "section '\(section.name)' has no rows"))
        }
        guard diagnostics.isEmpty else { throw SpecErrors(diagnostics) }
        return RowSpec(sections: sections)
    }

    static func isSectionName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
}

enum RowParser {
    static func parse(_ code: Substring, line: Int) -> Result<Row, SpecErrors> {
        let columns = code.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingBlanks() }
        guard columns.count == 2 || columns.count == 3 else {
            return .failure(SpecErrors([Diagnostic(line: line, "a row is `INSTRUCTION | ENCODING` or `INSTRUCTION | ENCODING | FLAGS`")]))
        }
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String) { diagnostics.append(Diagnostic(line: line, message)) }

        let (mnemonic, operands) = parseInstruction(columns[0], fail: fail)
        let encodingTokens = columns[1].split(whereSeparator: { $0 == " " || $0 == "\t" })
        let encoding = parseEncoding(encodingTokens, fail: fail)
        var unsignedImmediates = false
        var default64 = false
        if columns.count == 3 {
            for flag in columns[2].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                switch flag {
                case "uimm": unsignedImmediates = true
                case "d64": default64 = true
                default: fail("unknown flag '\(flag)' (flags: uimm, d64)")
                }
            }
        }
        guard diagnostics.isEmpty else { return .failure(SpecErrors(diagnostics)) }
        let row = Row(line: line, mnemonic: mnemonic, operands: operands, encoding: encoding,
                      encodingText: encodingTokens.joined(separator: " "),
                      unsignedImmediates: unsignedImmediates, default64: default64)
        let problems = RowChecker.problems(row)
        guard problems.isEmpty else { return .failure(SpecErrors(problems.map { Diagnostic(line: line, $0) })) }
        return .success(row)
    }

    /// `LOCK CMPXCHG m32, r32` -> ("LOCK CMPXCHG", [.memory(32), .gpr(32)]).
    static func parseInstruction(_ text: Substring, fail: (String) -> Void) -> (String, [Operand]) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var mnemonicWords: [Substring] = []
        var rest = words[...]
        while let word = rest.first, isMnemonicWord(word) {
            mnemonicWords.append(word)
            rest = rest.dropFirst()
        }
        if mnemonicWords.isEmpty {
            fail("the instruction column starts with a mnemonic in capitals")
        } else if mnemonicWords.count == 2 && mnemonicWords[0] != "LOCK" || mnemonicWords.count > 2 {
            fail("a mnemonic is one word, or LOCK and one word")
        } else if mnemonicWords.last == "LOCK" {
            fail("LOCK needs the mnemonic it locks")
        }
        var operands: [Operand] = []
        let operandText = rest.joined(separator: " ")
        if !operandText.isEmpty {
            for item in operandText.split(separator: ",", omittingEmptySubsequences: false) {
                let spelled = item.trimmingBlanks()
                if let operand = parseOperand(spelled) {
                    operands.append(operand)
                } else {
                    fail("unknown operand '\(spelled)'")
                }
            }
        }
        return (mnemonicWords.joined(separator: " "), operands)
    }

    /// Capitals and digits, optionally ending in `cc`; not an operand (`CL`).
    static func isMnemonicWord(_ word: Substring) -> Bool {
        guard word != "CL" else { return false }
        let body = word.hasSuffix("cc") ? word.dropLast(2) : word
        guard let first = body.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return body.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    static func parseOperand(_ text: Substring) -> Operand? {
        func width(after prefix: String, allowed: [Int]) -> Int? {
            guard text.hasPrefix(prefix), let value = Int(text.dropFirst(prefix.count)), allowed.contains(value) else { return nil }
            return value
        }
        switch text {
        case "CL": return .cl
        case "1": return .one
        case "m": return .memory(nil)
        default: break
        }
        if let w = width(after: "r/m", allowed: [8, 16, 32, 64]) { return .gprOrMemory(w) }
        if let w = width(after: "r", allowed: [8, 16, 32, 64]) { return .gpr(w) }
        if let w = width(after: "m", allowed: [8, 16, 32, 64, 128]) { return .memory(w) }
        if let w = width(after: "imm", allowed: [8, 16, 32, 64]) { return .immediate(w) }
        if let w = width(after: "rel", allowed: [8, 32]) { return .relative(w) }
        // xmm, xmm1 ... xmm4, each optionally /m32, /m64, /m128.
        guard text.hasPrefix("xmm") else { return nil }
        var rest = text.dropFirst(3)
        if let digit = rest.first, ("1"..."4").contains(digit) { rest = rest.dropFirst() }
        if rest.isEmpty { return .xmm }
        guard rest.hasPrefix("/m"), let w = Int(rest.dropFirst(2)), [32, 64, 128].contains(w) else { return nil }
        return .xmmOrMemory(w)
    }

    static func parseEncoding(_ tokens: [Substring], fail: (String) -> Void) -> Encoding {
        var encoding = Encoding()
        for (position, token) in tokens.enumerated() {
            let seenOpcode = !encoding.opcode.isEmpty
            switch token {
            case "NP":
                if position != 0 { fail("NP comes first") }
                continue
            case "REX.W":
                if seenOpcode || encoding.rexW { fail("REX.W comes once, after the prefixes and before the opcode") }
                encoding.rexW = true
                continue
            case "/r", "/0", "/1", "/2", "/3", "/4", "/5", "/6", "/7":
                if !seenOpcode || encoding.modRM != nil || !encoding.trailing.isEmpty {
                    fail("'\(token)' comes once, right after the opcode")
                }
                encoding.modRM = token == "/r" ? .register : .digit(Int(token.dropFirst()) ?? 0)
                continue
            case "ib", "iw", "id", "io", "cb", "cd":
                if !seenOpcode { fail("'\(token)' comes after the opcode") }
                let bytes = ["b": 1, "w": 2, "d": 4, "o": 8][token.dropFirst()] ?? 1
                encoding.trailing.append(Encoding.Trailing(bytes: bytes, isCodeOffset: token.hasPrefix("c")))
                continue
            default:
                break
            }
            // A hex byte, possibly with an addend.
            let parts = token.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0].count == 2, let byte = UInt8(parts[0], radix: 16), parts[0].uppercased() == parts[0] else {
                fail("unknown encoding token '\(token)'")
                continue
            }
            if encoding.modRM != nil || !encoding.trailing.isEmpty || encoding.addend != .none {
                fail("opcode byte '\(token)' after the ModRM, an immediate or an added register")
                continue
            }
            let isPrefix = !seenOpcode && !encoding.rexW && [0x66, 0xF2, 0xF3, 0xF0].contains(byte)
            if isPrefix && parts.count == 1 {
                if encoding.prefixes.contains(byte) { fail("prefix \(parts[0]) twice") }
                encoding.prefixes.append(byte)
                continue
            }
            encoding.opcode.append(byte)
            if parts.count == 2 {
                switch parts[1] {
                case "rb": encoding.addend = .register(8)
                case "rw": encoding.addend = .register(16)
                case "rd": encoding.addend = .register(32)
                case "ro": encoding.addend = .register(64)
                case "cc": encoding.addend = .condition
                default: fail("unknown addend '+\(parts[1])' (rb, rw, rd, ro, cc)")
                }
            }
        }
        if encoding.opcode.isEmpty { fail("no opcode byte") }
        if encoding.opcode.count > 3 { fail("more than three opcode bytes") }
        if encoding.prefixes.count > 2 { fail("more than two prefixes") }
        return encoding
    }
}

extension Substring {
    func trimmingBlanks() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
