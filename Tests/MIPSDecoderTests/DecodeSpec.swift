// The two generated MIPS decoders behind one enum, and the dispatch a translator does between
// them: the COP1 and COP1X patterns of MIPS32.decode hand the whole word to MIPS32FPU.decode.

import MIPSDecoder

/// One `.decode` spec and its generated decoder.
enum DecodeSpec: String, CaseIterable, Sendable {
    case mips32 = "MIPS32", fpu = "MIPS32FPU"

    /// Every pattern line of the spec (from the generated `XPatterns`).
    var patterns: [(name: String, mask: UInt32, value: UInt32, line: Int)] {
        switch self {
        case .mips32: MIPS32Patterns.all
        case .fpu: MIPS32FPUPatterns.all
        }
    }

    /// The describer's text for `word` ("NAME field=value ..."), or nil when no pattern matches.
    func describe(_ word: UInt32) -> String? {
        switch self {
        case .mips32: var d = MIPS32Describer(); return MIPS32Decoder.decode(word, &d) ? d.text : nil
        case .fpu: var d = MIPS32FPUDescriber(); return MIPS32FPUDecoder.decode(word, &d) ? d.text : nil
        }
    }

    /// The name of the pattern `word` decodes to in this spec alone (no dispatch).
    func patternName(_ word: UInt32) -> String? {
        describe(word).map { text in String(text.prefix { $0 != " " }) }
    }
}

/// A word decoded through the dispatch: every (spec, pattern) it passed through, the last one
/// naming the instruction.
struct DecodePath: Sendable {
    var steps: [(spec: DecodeSpec, pattern: String)] = []
    /// The describer's text of the last step ("NAME field=value ...").
    var text = ""
    var final: (spec: DecodeSpec, pattern: String)? { steps.last }

    /// The fields of the last step by name. The describer prints fields wider than 4 bits in
    /// hex ("rs=0x1f") and signed ones with a sign; both are read here.
    var fields: [String: Int64] {
        var result: [String: Int64] = [:]
        for token in text.split(separator: " ").dropFirst() {
            let parts = token.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            var digits = Substring(parts[1])
            var sign: Int64 = 1
            if digits.first == "-" { sign = -1; digits = digits.dropFirst() }
            if digits.first == "+" { digits = digits.dropFirst() }
            let value: Int64? = digits.hasPrefix("0x") ? Int64(digits.dropFirst(2), radix: 16) : Int64(digits)
            if let value { result[String(parts[0])] = sign * value }
        }
        return result
    }
}

enum MIPSDispatch {
    /// Decodes `word` the way the translator does; nil when it is reserved (no pattern
    /// matches, or the FPU decoder matches nothing for a COP1/COP1X word).
    static func decode(_ word: UInt32) -> DecodePath? {
        var path = DecodePath()
        guard let text = DecodeSpec.mips32.describe(word) else { return nil }
        let name = String(text.prefix { $0 != " " })
        path.steps.append((.mips32, name))
        path.text = text
        if name == "COP1" || name == "COP1X" {
            guard let inner = DecodeSpec.fpu.describe(word) else { return nil }
            path.steps.append((.fpu, String(inner.prefix { $0 != " " })))
            path.text = inner
        }
        return path
    }
}
