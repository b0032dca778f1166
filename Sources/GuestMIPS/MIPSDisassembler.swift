// Guest instruction text for `-d in_asm`: the generated describers of the same decoders the
// translator uses, so what is printed is what was decoded.

import MIPSDecoder

public enum MIPSDisassembler {
    /// `word` is an instruction word (already in the CPU's byte order).
    public static func describe(_ word: UInt32) -> String {
        var d = MIPS32Describer()
        guard MIPS32Decoder.decode(word, &d) else { return "reserved" }
        guard d.text == "COP1" || d.text == "COP1X" else { return d.text }
        var f = MIPS32FPUDescriber()
        return MIPS32FPUDecoder.decode(word, &f) ? f.text : "reserved"
    }
}
