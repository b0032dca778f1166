// Turns `.decode` text into a `Spec`, collecting every error with its line instead of stopping
// at the first. Two passes: `width` and `%` definitions first, so patterns may use fields
// defined further down.

extension Spec {
    /// Parses and checks a spec: syntax, names, widths, same-name argument lists, overlaps.
    public static func parse(_ text: String) throws(SpecErrors) -> Spec {
        var parser = Parser(lines: Parser.splitLines(text))
        parser.parseHeaderAndFields()
        // Without a valid width every pattern's bit count would be reported as wrong.
        guard parser.widthIsValid else {
            throw SpecErrors(parser.diagnostics)
        }
        parser.parsePatternsAndGroups()
        parser.checkSharedNames()
        guard parser.diagnostics.isEmpty else { throw SpecErrors(parser.sortedDiagnostics) }
        let spec = Spec(width: parser.width, fields: parser.fieldOrder, patterns: parser.patterns,
                        root: parser.stack[0].group)
        let overlaps = OverlapChecker(spec: spec).check()
        guard overlaps.isEmpty else { throw SpecErrors(overlaps) }
        return spec
    }
}

struct Parser {
    /// A line without its comment, split on blanks; `number` counts from 1.
    struct Line {
        var number: Int
        var tokens: [Substring]
    }

    struct OpenGroup {
        var group: Group
        var closer: Substring
        /// Pattern lines seen inside, including ones with errors (an empty-group error would
        /// only repeat those).
        var lineCount = 0
    }

    let lines: [Line]
    var diagnostics: [Diagnostic] = []
    var width = 32
    /// The first line is a good `width` line.
    var widthIsValid = false
    var fields: [Substring: Field] = [:]
    var fieldOrder: [Field] = []
    /// `%` names whose definition had an error: uses are not reported again.
    var badFields: Set<Substring> = []
    var patterns: [Pattern] = []
    /// stack[0] is the top level, which is never closed.
    var stack: [OpenGroup] = [OpenGroup(group: Group(kind: .disjoint, line: 0), closer: "")]

    init(lines: [Line]) {
        self.lines = lines
    }

    static func splitLines(_ text: String) -> [Line] {
        var result: [Line] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let tokens = code.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if !tokens.isEmpty {
                result.append(Line(number: index + 1, tokens: tokens))
            }
        }
        return result
    }

    /// By line; errors of one line in the order they were found.
    var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    mutating func error(_ line: Int, _ message: String, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(line: line, message, notes: notes))
    }

    // MARK: Pass 1: width and % definitions

    mutating func parseHeaderAndFields() {
        guard let first = lines.first else {
            error(1, "empty spec: expected `width 16` or `width 32`, then pattern lines")
            return
        }
        for line in lines {
            if line.tokens[0] == "width" {
                if line.number != first.number {
                    error(line.number, "`width` must be the first line (it is already set at line \(first.number))")
                } else {
                    parseWidth(line)
                }
            } else if line.tokens[0].hasPrefix("%") {
                parseFieldDefinition(line)
            }
        }
        if first.tokens[0] != "width" {
            error(first.number, "the first line must be `width 16` or `width 32`")
        }
    }

    mutating func parseWidth(_ line: Line) {
        guard line.tokens.count == 2, let value = Int(line.tokens[1]), value == 16 || value == 32 else {
            error(line.number, "expected `width 16` or `width 32`")
            return
        }
        width = value
        widthIsValid = true
    }

    /// `%name seg...` where a segment is `pos:len` or `pos:slen` (s only on the first).
    mutating func parseFieldDefinition(_ line: Line) {
        let name = line.tokens[0].dropFirst()
        let errorsBefore = diagnostics.count
        defer {
            if diagnostics.count > errorsBefore && fields[name] == nil { badFields.insert(name) }
        }
        if let problem = SwiftNames.problem(with: name, what: "field name") {
            error(line.number, problem)
            return
        }
        if let previous = fields[name] {
            error(line.number, "field %\(name) is already defined",
                  notes: [.init(line: previous.line, message: "%\(name) is defined here")])
            return
        }
        guard line.tokens.count >= 2 else {
            error(line.number, "field %\(name) needs at least one segment `pos:len` (bit 0 is the least significant)")
            return
        }
        var segments: [FieldSegment] = []
        var isSigned = false
        for (index, token) in line.tokens.dropFirst().enumerated() {
            guard let parsed = parseSegment(token) else {
                error(line.number, "bad segment '\(token)' in %\(name): expected `pos:len` or `pos:slen`")
                return
            }
            if parsed.signed {
                guard index == 0 else {
                    error(line.number, "in %\(name), only the first (most significant) segment may be "
                          + "signed; `s` sign-extends the whole field")
                    return
                }
                isSigned = true
            }
            let segment = FieldSegment(position: parsed.position, length: parsed.length)
            guard segment.length >= 1, segment.position + segment.length <= width else {
                error(line.number, "segment '\(token)' of %\(name) does not fit in a \(width)-bit word")
                return
            }
            segments.append(segment)
        }
        let field = Field(name: String(name), segments: segments, isSigned: isSigned, line: line.number)
        guard field.width <= 32 else {
            error(line.number, "%\(name) is \(field.width) bits wide; a field holds at most 32")
            return
        }
        fields[name] = field
        fieldOrder.append(field)
    }

    func parseSegment(_ token: Substring) -> (position: Int, length: Int, signed: Bool)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let position = Int(parts[0]), position >= 0 else { return nil }
        let signed = parts[1].hasPrefix("s")
        guard let length = Int(signed ? parts[1].dropFirst() : parts[1]) else { return nil }
        return (position, length, signed)
    }
}
