// `<prefix>Patterns.swift`: every pattern line's mask, value and line, so tests can check
// that each line is reachable through the decoder.

extension Emitter {
    func patternsFile() -> GeneratedFile {
        var out = header + "\n"
        out += """
            /// Every pattern line of the spec in source (priority) order: the visitor method it calls,
            /// the bits it tests and their values, and its line in the spec.
            public enum \(prefix)Patterns {
                public static let all: [(name: String, mask: UInt32, value: UInt32, line: Int)] = [

            """
        for pattern in spec.patterns {
            out += "        (\"\(pattern.name)\", \(word(pattern.mask)), \(word(pattern.value)), \(pattern.line)),\n"
        }
        out += "    ]\n}\n"
        return GeneratedFile(name: prefix + "Patterns.swift", contents: out)
    }
}
