// Which spec names can become Swift identifiers in the generated code unchanged.

enum SwiftNames {
    /// Words that cannot be a method or parameter name without backticks. Rejected rather than
    /// escaped, so generated code reads like hand-written code.
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript",
        "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw",
        "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self",
        "Self", "super", "throws", "true", "try", "Type", "Protocol", "some", "any", "_",
    ]

    /// Method names taken by a member of the generated describer (`init` is a keyword above).
    static let reservedMethodNames: Set<String> = ["text"]

    /// ASCII identifier: a letter or `_`, then letters, digits, `_`.
    static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isIdentifierHead(first) else { return false }
        return text.utf8.allSatisfy { isIdentifierHead($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    private static func isIdentifierHead(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Nil when `name` is usable, else why not.
    static func problem(with name: Substring, what: String) -> String? {
        if !isIdentifier(name) {
            return "\(what) '\(name)' is not an identifier (letters, digits, _; not starting with a digit)"
        }
        if reserved.contains(String(name)) {
            return "\(what) '\(name)' is a Swift keyword; pick another name"
        }
        return nil
    }
}
