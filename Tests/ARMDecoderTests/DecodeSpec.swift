// The six generated ARM decoders behind one enum, and the dispatch a translator does between
// them: A32 words with cond == 1111 go to A32Uncond; the `VFP`, `NEON_dp` and `NEON_ls` patterns
// hand the word on to the VFP and NEON decoders (T32 NEON words rewritten into the A32 form).

import ARMDecoder

/// The instruction stream a word comes from, as objdump tells them apart.
enum InstructionSet: String, CaseIterable, Sendable {
    case a32 = "A32", t16 = "T16", t32 = "T32"

    /// Whether a Thumb halfword starts a 32-bit instruction (top five bits 11101, 11110, 11111).
    static func isThumb32Prefix(_ halfword: UInt32) -> Bool {
        let top = (halfword >> 11) & 0x1F
        return top == 0b11101 || top == 0b11110 || top == 0b11111
    }
}

/// One `.decode` spec and its generated decoder.
enum DecodeSpec: String, CaseIterable, Sendable {
    case a32 = "A32", a32Uncond = "A32Uncond", t16 = "T16", t32 = "T32", vfp = "VFP", neon = "NEON"

    /// Every pattern line of the spec (from the generated `XPatterns`).
    var patterns: [(name: String, mask: UInt32, value: UInt32, line: Int)] {
        switch self {
        case .a32: A32Patterns.all
        case .a32Uncond: A32UncondPatterns.all
        case .t16: T16Patterns.all
        case .t32: T32Patterns.all
        case .vfp: VFPPatterns.all
        case .neon: NEONPatterns.all
        }
    }

    /// The bits a word of this spec has.
    var width: Int { self == .t16 ? 16 : 32 }

    /// The describer's text for `word` ("NAME field=value ..."), or nil when no pattern matches.
    func describe(_ word: UInt32) -> String? {
        switch self {
        case .a32: var d = A32Describer(); return A32Decoder.decode(word, &d) ? d.text : nil
        case .a32Uncond: var d = A32UncondDescriber(); return A32UncondDecoder.decode(word, &d) ? d.text : nil
        case .t16: var d = T16Describer(); return T16Decoder.decode(word, &d) ? d.text : nil
        case .t32: var d = T32Describer(); return T32Decoder.decode(word, &d) ? d.text : nil
        case .vfp: var d = VFPDescriber(); return VFPDecoder.decode(word, &d) ? d.text : nil
        case .neon: var d = NEONDescriber(); return NEONDecoder.decode(word, &d) ? d.text : nil
        }
    }

    /// The name of the pattern `word` decodes to in this spec alone (no dispatch).
    func patternName(_ word: UInt32) -> String? {
        describe(word).map { text in String(text.prefix { $0 != " " }) }
    }
}

/// A word decoded through the dispatch chain: every (spec, pattern) it passed through, the last
/// one naming the instruction.
struct DecodePath: Sendable {
    var steps: [(spec: DecodeSpec, pattern: String)] = []
    /// The describer's text of the last step ("NAME field=value ...").
    var text = ""
    var final: (spec: DecodeSpec, pattern: String)? { steps.last }

    /// The fields of the last step by name (the describer prints fields of up to 4 bits in
    /// decimal, which is all the register numbers).
    var fields: [String: UInt32] {
        var result: [String: UInt32] = [:]
        for token in text.split(separator: " ").dropFirst() {
            let parts = token.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = UInt32(parts[1]) { result[String(parts[0])] = value }
        }
        return result
    }
}

enum ARMDispatch {
    /// The A32 form of a T32 Advanced SIMD data-processing word: 111U 1111 -> 1111 001U.
    static func neonDataProcessingA32Form(ofT32 word: UInt32) -> UInt32 {
        0xF200_0000 | ((word >> 28) & 1) << 24 | (word & 0x00FF_FFFF)
    }

    /// The A32 form of a T32 element/structure load/store word: 1111 1001 -> 1111 0100.
    static func neonLoadStoreA32Form(ofT32 word: UInt32) -> UInt32 {
        0xF400_0000 | (word & 0x00FF_FFFF)
    }

    /// Decodes `word` from `set` the way the translator does; nil when it is undefined (no
    /// pattern matches, or the decoder a dispatch pattern hands it to matches nothing).
    static func decode(_ word: UInt32, in set: InstructionSet) -> DecodePath? {
        var path = DecodePath()
        let first: DecodeSpec
        switch set {
        case .a32: first = word >> 28 == 0xF ? .a32Uncond : .a32
        case .t16: first = .t16
        case .t32: first = .t32
        }
        guard let text = first.describe(word) else { return nil }
        let name = String(text.prefix { $0 != " " })
        path.steps.append((first, name))
        path.text = text
        let next: (DecodeSpec, UInt32)?
        switch (set, name) {
        case (_, "VFP"): next = (.vfp, word)
        case (.a32, "NEON_dp"), (.a32, "NEON_ls"): next = (.neon, word)
        case (.t32, "NEON_dp"): next = (.neon, neonDataProcessingA32Form(ofT32: word))
        case (.t32, "NEON_ls"): next = (.neon, neonLoadStoreA32Form(ofT32: word))
        default: next = nil
        }
        if let (spec, inner) = next {
            guard let innerText = spec.describe(inner) else { return nil }
            path.steps.append((spec, String(innerText.prefix { $0 != " " })))
            path.text = innerText
        }
        return path
    }
}
