// Guest instruction text for `-d in_asm`: the generated describers of the same decoders the
// translator uses, so what is printed is what was decoded.

import ARMDecoder

public enum ARMDisassembler {
    /// `word` is an A32 word, a T16 halfword (size 2) or a T32 word (first halfword high).
    public static func describe(_ word: UInt32, size: UInt32, thumb: Bool) -> String {
        if !thumb {
            if word >> 28 == 0xf {
                var d = A32UncondDescriber()
                guard A32UncondDecoder.decode(word, &d) else { return "undefined" }
                return refine(d.text, word)
            }
            var d = A32Describer()
            guard A32Decoder.decode(word, &d) else { return "undefined" }
            return refine(d.text, word)
        }
        if size == 2 {
            var d = T16Describer()
            return T16Decoder.decode(word, &d) ? d.text : "undefined"
        }
        var d = T32Describer()
        guard T32Decoder.decode(word, &d) else { return "undefined" }
        switch d.text {
        case "NEON_dp": return neon(0xf200_0000 | (word >> 28 & 1) << 24 | word & 0x00ff_ffff)
        case "NEON_ls": return neon(0xf400_0000 | word & 0x00ff_ffff)
        default: return refine(d.text, word)
        }
    }

    /// The coprocessor-space patterns that hand over to the VFP and NEON decoders.
    static func refine(_ text: String, _ word: UInt32) -> String {
        switch text {
        case "VFP":
            var d = VFPDescriber()
            return VFPDecoder.decode(word, &d) ? d.text : "undefined"
        case "NEON_dp", "NEON_ls":
            return neon(word)
        default:
            return text
        }
    }

    static func neon(_ word: UInt32) -> String {
        var d = NEONDescriber()
        return NEONDecoder.decode(word, &d) ? d.text : "undefined"
    }
}
