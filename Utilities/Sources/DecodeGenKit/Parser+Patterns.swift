// Pass 2 of the parser: pattern lines and the `{ }` / `[ ]` group brackets.

extension Parser {
    mutating func parsePatternsAndGroups() {
        for line in lines {
            let head = line.tokens[0]
            if head == "width" || head.hasPrefix("%") { continue }
            switch head {
            case "{", "[", "}", "]":
                guard line.tokens.count == 1 else {
                    error(line.number, "a group bracket '\(head)' must be alone on its line")
                    continue
                }
                if head == "{" || head == "[" {
                    openGroup(head, line: line.number)
                } else {
                    closeGroup(head, line: line.number)
                }
            default:
                stack[stack.count - 1].lineCount += 1
                if let pattern = parsePattern(line) {
                    stack[stack.count - 1].group.members.append(.pattern(patterns.count))
                    patterns.append(pattern)
                }
            }
        }
        while stack.count > 1, let open = stack.popLast() {
            error(open.group.line, "group opened here is never closed (expected '\(open.closer)')")
        }
        if patterns.isEmpty && diagnostics.isEmpty {
            error(lines.last?.number ?? 1, "the spec has no pattern lines")
        }
    }

    mutating func openGroup(_ bracket: Substring, line: Int) {
        let ordered = bracket == "{"
        stack.append(OpenGroup(group: Group(kind: ordered ? .ordered : .disjoint, line: line),
                               closer: ordered ? "}" : "]"))
    }

    mutating func closeGroup(_ bracket: Substring, line: Int) {
        guard stack.count > 1, let open = stack.last else {
            error(line, "'\(bracket)' closes no group")
            return
        }
        guard open.closer == bracket else {
            error(line, "'\(bracket)' does not match the group opened at line \(open.group.line) "
                  + "(expected '\(open.closer)')")
            return
        }
        stack.removeLast()
        stack[stack.count - 1].lineCount += open.lineCount
        if open.lineCount == 0 {
            error(open.group.line, "empty group")
        }
        guard !open.group.members.isEmpty else { return }
        stack[stack.count - 1].group.members.append(.group(open.group))
    }

    /// `NAME bit-tokens... [%field...] [name=value...]`; nil after reporting an error.
    mutating func parsePattern(_ line: Line) -> Pattern? {
        let name = line.tokens[0]
        if let problem = SwiftNames.problem(with: name, what: "pattern name") {
            error(line.number, problem)
            return nil
        }
        if SwiftNames.reservedMethodNames.contains(String(name)) {
            error(line.number, "pattern name '\(name)' is taken by the generated describer; pick another")
            return nil
        }
        var bits = 0
        var mask: UInt32 = 0
        var value: UInt32 = 0
        var inline: [Argument] = []
        var referenced: [Argument] = []
        var constants: [Argument] = []
        var seenExtras = false
        var ok = true
        // A bad bit token makes the bit count meaningless; report only the token.
        var badBits = false

        for token in line.tokens.dropFirst() {
            if token.hasPrefix("%") {
                seenExtras = true
                let fieldName = token.dropFirst()
                guard let field = fields[fieldName] else {
                    if !badFields.contains(fieldName) {
                        error(line.number, "field %\(fieldName) is not defined "
                              + "(define it on a `%\(fieldName) pos:len ...` line)")
                    }
                    ok = false
                    continue
                }
                referenced.append(Argument(name: String(fieldName), source: .reference(field)))
            } else if token.contains("=") {
                seenExtras = true
                guard let constant = parseConstant(token, line: line.number) else {
                    ok = false
                    continue
                }
                constants.append(constant)
            } else if seenExtras {
                error(line.number, "bit token '\(token)' after a %field or constant; bit tokens come first")
                ok = false
                badBits = true
            } else if token.allSatisfy({ "01.-".contains($0) }) {
                for char in token {
                    bits += 1
                    guard bits <= width else { continue }
                    let bit = UInt32(1) << UInt32(width - bits)
                    if char == "0" || char == "1" { mask |= bit }
                    if char == "1" { value |= bit }
                }
            } else if let field = parseInlineField(token, line: line.number, position: width - bits) {
                bits += field.width
                inline.append(Argument(name: field.name, source: .inline(field)))
            } else {
                ok = false
                badBits = true
            }
        }
        if bits != width && !badBits {
            error(line.number, "the bit tokens of \(name) add up to \(bits) bits; the spec's width is \(width)")
            ok = false
        }
        let arguments = inline + referenced + constants
        var seen: Set<String> = []
        for argument in arguments where !seen.insert(argument.name).inserted {
            error(line.number, "\(name) has two arguments named '\(argument.name)'")
            ok = false
        }
        guard ok else { return nil }
        return Pattern(name: String(name), line: line.number, mask: mask, value: value, arguments: arguments)
    }

    /// `name:len` or `name:slen` at bit tokens ending `position` bits above bit 0.
    mutating func parseInlineField(_ token: Substring, line: Int, position: Int) -> Field? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            error(line, "unrecognized token '\(token)': expected bits (0 1 . -), name:len, name:slen, %field or name=value")
            return nil
        }
        if let problem = SwiftNames.problem(with: parts[0], what: "field name") {
            error(line, problem)
            return nil
        }
        let signed = parts[1].hasPrefix("s")
        guard let length = Int(signed ? parts[1].dropFirst() : parts[1]), length >= 1, length <= 32 else {
            error(line, "bad field length in '\(token)': expected name:len or name:slen with len 1...32")
            return nil
        }
        // A field running past bit 0 is reported by the width check of the whole line.
        let segment = FieldSegment(position: max(position - length, 0), length: length)
        return Field(name: String(parts[0]), segments: [segment], isSigned: signed, line: line)
    }

    /// `name=value`, value decimal or 0x hex, fitting in 32 bits.
    mutating func parseConstant(_ token: Substring, line: Int) -> Argument? {
        let parts = token.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            error(line, "bad constant '\(token)': expected name=value")
            return nil
        }
        if let problem = SwiftNames.problem(with: parts[0], what: "constant name") {
            error(line, problem)
            return nil
        }
        let text = parts[1]
        let parsed: UInt32?
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            parsed = UInt32(text.dropFirst(2), radix: 16)
        } else {
            parsed = UInt32(text, radix: 10)
        }
        guard let value = parsed, !text.contains("+") else {
            error(line, "bad value in '\(token)': expected a decimal or 0x hex number below 2^32")
            return nil
        }
        return Argument(name: String(parts[0]), source: .constant(value))
    }

    /// Lines sharing a NAME call one method, so their argument names must agree.
    mutating func checkSharedNames() {
        var first: [String: Pattern] = [:]
        for pattern in patterns {
            guard let earlier = first[pattern.name] else {
                first[pattern.name] = pattern
                continue
            }
            let names = pattern.arguments.map(\.name)
            let earlierNames = earlier.arguments.map(\.name)
            if names != earlierNames {
                error(pattern.line,
                      "\(pattern.name) has arguments (\(names.joined(separator: ", "))) here but "
                      + "(\(earlierNames.joined(separator: ", "))) at line \(earlier.line); "
                      + "lines sharing a name must have the same argument names in the same order",
                      notes: [.init(line: earlier.line, message: "first \(pattern.name) is here")])
            }
        }
    }
}
