// The objdump mnemonic (with -M no-aliases) that a decoded word must print as, computed from
// its pattern and fields: the pattern name lowercased with "_" as "." and the FPU format and
// condition spelled out (ADD_fmt with fmt 17 is add.d, C_cond_fmt with cond 5 and fmt 16 is
// c.ult.s), except where the table below lists objdump's own names.

enum MnemonicTable {
    /// objdump's names for C.cond.fmt's sixteen conditions.
    static let conditions = ["f", "un", "eq", "ueq", "olt", "ult", "ole", "ule",
                             "sf", "ngle", "seq", "ngl", "lt", "nge", "le", "ngt"]

    /// The suffix of a five-bit fmt field.
    static func format(_ fmt: Int64) -> String {
        switch fmt {
        case 16: "s"
        case 17: "d"
        case 20: "w"
        case 21: "l"
        case 22: "ps"
        default: "fmt\(fmt)"
        }
    }

    /// Mnemonics objdump prints for patterns whose name is not its mnemonic.
    static let table: [String: [String]] = [
        // SLL to $0 with sa 5 is PAUSE; NOP, SSNOP and EHB print as sll without aliases.
        "SLL": ["sll", "pause"],
        "ROTR": ["ror", "rotr"], "ROTRV": ["rorv", "rotrv"],
        "JR": ["jr", "jr.hb"], "JALR": ["jalr", "jalr.hb"],
        // SUB and SUBU from $0 print as neg and negu even without aliases.
        "SUBU": ["subu", "negu"], "SUB": ["sub", "neg"],
    ]

    /// The mnemonics `path` may print as.
    static func mnemonics(for path: DecodePath) -> [String] {
        guard let final = path.final else { return [] }
        if let listed = table[final.pattern] { return listed }
        let fields = path.fields
        let name = final.pattern
        if name == "C_cond_fmt", let cond = fields["cond"], let fmt = fields["fmt"] {
            return ["c.\(conditions[Int(cond)]).\(format(fmt))"]
        }
        if name.hasSuffix("_fmt") {
            let base = name.dropLast(4).lowercased().replacingOccurrences(of: "_", with: ".")
            if let fmt = fields["fmt"] { return ["\(base).\(format(fmt))"] }
            if let fmt3 = fields["fmt3"] { return ["\(base).\(fmt3 == 0 ? "s" : fmt3 == 1 ? "d" : "ps")"] }
        }
        return [name.lowercased().replacingOccurrences(of: "_", with: ".")]
    }

    static func accepts(_ path: DecodePath, mnemonic: String) -> Bool {
        mnemonics(for: path).contains(mnemonic)
    }
}

/// Which fields of a decoded word are register numbers, and the names objdump gives them.
enum RegisterCheck {
    static let generalFields = ["rs", "rt", "rd", "base", "index"]
    static let floatFields = ["fs", "ft", "fd", "fr"]
    /// Patterns whose fields of those names are not general or FPU registers: coprocessor
    /// control registers (CFC1, CTC1 fs), hardware registers (RDHWR rd), prefetch hints.
    static let skipped: [String: Set<String>] = [
        "CFC1": ["fs"], "CTC1": ["fs"], "RDHWR": ["rd"],
    ]

    /// Registers objdump leaves out because the mnemonic implies them: negu's $0, pause's,
    /// jalr's $ra link register.
    static func implied(field: String, name: String, mnemonic: String) -> Bool {
        switch (mnemonic, name) {
        case ("negu", "zero"), ("neg", "zero"), ("pause", "zero"): true
        case ("jalr", "ra"), ("jalr.hb", "ra"): field == "rd"
        default: false
        }
    }

    /// objdump's o32 names of the general registers.
    static let generalNames = ["zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
                               "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
                               "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
                               "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra"]

    /// (field, the name objdump must print) for every register field of `path`.
    static func registers(_ path: DecodePath) -> [(String, String)] {
        guard let final = path.final else { return [] }
        let fields = path.fields
        let skip = skipped[final.pattern] ?? []
        var result: [(String, String)] = []
        for name in generalFields where !skip.contains(name) {
            if let n = fields[name] { result.append((name, generalNames[Int(n)])) }
        }
        for name in floatFields where !skip.contains(name) {
            if let n = fields[name] { result.append((name, "$f\(n)")) }
        }
        return result
    }

    /// The register-like words of objdump's operands ("a0,8(a1)" gives a0, 8, a1).
    static func operandWords(_ operands: String) -> Set<String> {
        var words: Set<String> = []
        var word = ""
        for character in operands + " " {
            if character.isLetter || character.isNumber || character == "$" {
                word.append(character)
            } else {
                if !word.isEmpty { words.insert(word) }
                word = ""
            }
        }
        return words
    }
}
