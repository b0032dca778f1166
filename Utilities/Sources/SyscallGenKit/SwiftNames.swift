// How table names become Swift names: case identifiers keep the kernel's spelling (backticked
// when Swift reserves the word), and a table stem becomes the prefix of its enum.

public enum SwiftNames {
    /// Words Swift reserves in declarations, statements and expressions; as enum cases they need
    /// backticks. Contextual keywords (`open`, `get`, `set`, ...) are legal identifiers.
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
        "init", "inout", "internal", "let", "operator", "private", "precedencegroup", "protocol",
        "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false",
        "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]

    /// The identifier for a syscall case, as written in a declaration or after a dot.
    public static func caseIdentifier(_ name: String) -> String {
        reserved.contains(name) ? "`\(name)`" : name
    }

    /// Arch spellings as DESIGN.md writes them; other stems are capitalized. A stem may name the
    /// ABI after the arch (`mips-o32.tbl`: MIPS's o32 numbering, the one 32-bit MIPS guests use).
    static let knownPrefixes: [String: String] = [
        "arm": "ARM", "aarch64": "AArch64", "mips": "MIPS", "mips-o32": "MIPS", "ppc": "PPC",
        "ppc32": "PPC32", "x86_64": "X86_64", "i386": "I386",
    ]

    /// `arm` -> `ARMSyscalls`, `mips-o32` -> `MIPSSyscalls`; an unknown stem's dash-separated
    /// words are capitalized and joined (`foo-bar` -> `FooBarSyscalls`).
    public static func tableTypeName(stem: String) -> String {
        if let known = knownPrefixes[stem] { return known + "Syscalls" }
        let words = stem.split(separator: "-")
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Syscalls"
    }
}
