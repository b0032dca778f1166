// `<prefix>Decoder.swift`: the visitor protocol, the public entry point and the `%` field
// extractors.

extension Emitter {
    func decoderFile() -> GeneratedFile {
        var out = header + "\n"
        out += """
            /// What `\(decoder)` calls: one method per pattern name. Fields arrive as UInt32 (signed
            /// fields as their two's complement bit pattern). Returning false declines the
            /// encoding: the decoder then tries the next member of the enclosing `{ }` group.
            public protocol \(visitor) {

            """
        for method in VisitorMethod.all(in: spec) {
            out += "    mutating func \(signature(method)) -> Bool\n"
        }
        out += "}\n\n"
        let scope = spec.width == 16 ? " Only the low 16 bits of `word` are examined." : ""
        out += """
            /// The decision tree of the spec; its nodes are the `n<number>` functions in
            /// \(decoder)+Tree*.swift.
            public enum \(decoder) {
                /// Decodes `word` and calls the matching visitor method. Returns the method's result,
                /// or `false` when no pattern matches (an undefined encoding).\(scope)
                public static func decode<V: \(visitor)>(_ word: UInt32, _ visitor: inout V) -> Bool {
                    n0(word, &visitor)
                }

            """
        for field in spec.fields {
            let segments = field.segments.enumerated().map { index, part in
                "\(part.position):\(index == 0 && field.isSigned ? "s" : "")\(part.length)"
            }
            out += "\n    /// %\(field.name) \(segments.joined(separator: " "))\n"
            out += "    static func field_\(field.name)(_ w: UInt32) -> UInt32 {\n"
            for line in extractorBody(field) {
                out += "        \(line)\n"
            }
            out += "    }\n"
        }
        out += "}\n"
        return GeneratedFile(name: decoder + ".swift", contents: out)
    }

    /// `NAME(a: UInt32, b: UInt32)`
    func signature(_ method: VisitorMethod) -> String {
        let parameters = method.parameters.map { "\($0.name): UInt32" }
        return "\(method.name)(\(parameters.joined(separator: ", ")))"
    }
}
