// The instruction classes of the sequence generator. Each returns one line of unified syntax,
// with `cond` after the mnemonic (and its S); only forms that assemble in both instruction sets
// are used, unless the line is made for one of them (`thumb`).

extension ARMSequenceGenerator {
    // MARK: Data processing (A8.8: every operation, shift and flag setting)

    mutating func dataProcessing(_ cond: String) -> String {
        var ops = ["and", "eor", "sub", "rsb", "add", "adc", "sbc", "orr", "bic"]
        ops.append(thumb ? "orn" : "rsc")
        let s = rng.fuzzChance(50) ? "s" : ""
        switch rng.fuzzBelow(10) {
        case 0..<4:  // three operands, register with an immediate shift
            return "\(rng.fuzzPick(ops))\(s)\(cond) \(rd()), \(rn()), \(rn())\(immediateShift())"
        case 4..<6:  // three operands, immediate
            return "\(rng.fuzzPick(ops))\(s)\(cond) \(rd()), \(rn()), #\(modifiedImmediate())"
        case 6:  // compare and test
            let op = rng.fuzzPick(["tst", "teq", "cmp", "cmn"])
            return rng.fuzzChance(50) ? "\(op)\(cond) \(rn()), \(rn())\(immediateShift())"
                : "\(op)\(cond) \(rn()), #\(modifiedImmediate())"
        case 7:  // moves
            let op = rng.fuzzPick(["mov", "mvn"])
            if rng.fuzzChance(40) { return "\(op)\(s)\(cond) \(rd()), #\(modifiedImmediate())" }
            if op == "mvn" || !thumb { return "\(op)\(s)\(cond) \(rd()), \(rn())\(immediateShift())" }
            return "\(op)\(s)\(cond)\(thumb ? ".w" : "") \(rd()), \(rn())"
        case 8:  // shift instructions, by an immediate or a register
            let op = rng.fuzzPick(["lsl", "lsr", "asr", "ror"])
            if rng.fuzzChance(50) { return "\(op)\(s)\(cond) \(rd()), \(rn()), \(rn())" }
            let n = op == "lsl" || op == "ror" ? 1 + rng.fuzzBelow(31) : 1 + rng.fuzzBelow(32)
            return "\(op)\(s)\(cond) \(rd()), \(rn()), #\(n)"
        default:
            if !thumb {  // A32 register-shifted register
                let shift = rng.fuzzPick(["lsl", "lsr", "asr", "ror"])
                if rng.fuzzChance(25) {
                    return "\(rng.fuzzPick(["tst", "teq", "cmp", "cmn"]))\(cond) \(rn()), \(rn()), \(shift) \(rn())"
                }
                return "\(rng.fuzzPick(ops))\(s)\(cond) \(rd()), \(rn()), \(rn()), \(shift) \(rn())"
            }
            return "rrx\(s)\(cond) \(rd()), \(rn())"
        }
    }

    // MARK: Multiplies (A8.8: MUL ... SMMLS, UMAAL, SDIV/UDIV)

    mutating func multiply(_ cond: String) -> String {
        let s = !thumb && rng.fuzzChance(40) ? "s" : ""
        let xy = rng.fuzzPick(["bb", "bt", "tb", "tt"])
        let x = rng.fuzzChance(50) ? "x" : ""
        let r = rng.fuzzChance(50) ? "r" : ""
        let (lo, hi) = pair()
        switch rng.fuzzBelow(14) {
        case 0: return "mul\(s)\(cond) \(rd()), \(rn()), \(rn())"
        case 1: return "mla\(s)\(cond) \(rd()), \(rn()), \(rn()), \(rn())"
        case 2: return "mls\(cond) \(rd()), \(rn()), \(rn()), \(rn())"
        case 3: return "\(rng.fuzzPick(["umull", "smull", "umlal", "smlal"]))\(s)\(cond) \(lo), \(hi), \(rn()), \(rn())"
        case 4: return "umaal\(cond) \(lo), \(hi), \(rn()), \(rn())"
        case 5: return "smul\(xy)\(cond) \(rd()), \(rn()), \(rn())"
        case 6: return "smla\(xy)\(cond) \(rd()), \(rn()), \(rn()), \(rn())"
        case 7: return "\(rng.fuzzPick(["smulwb", "smulwt"]))\(cond) \(rd()), \(rn()), \(rn())"
        case 8: return "\(rng.fuzzPick(["smlawb", "smlawt"]))\(cond) \(rd()), \(rn()), \(rn()), \(rn())"
        case 9: return "smlal\(xy)\(cond) \(lo), \(hi), \(rn()), \(rn())"
        case 10:
            let op = rng.fuzzPick(["smuad", "smusd"])
            return rng.fuzzChance(50) ? "\(op)\(x)\(cond) \(rd()), \(rn()), \(rn())"
                : "\(rng.fuzzPick(["smlad", "smlsd"]))\(x)\(cond) \(rd()), \(rn()), \(rn()), \(rn())"
        case 11: return "\(rng.fuzzPick(["smlald", "smlsld"]))\(x)\(cond) \(lo), \(hi), \(rn()), \(rn())"
        case 12:
            return rng.fuzzChance(40) ? "smmul\(r)\(cond) \(rd()), \(rn()), \(rn())"
                : "\(rng.fuzzPick(["smmla", "smmls"]))\(r)\(cond) \(rd()), \(rn()), \(rn()), \(rn())"
        default: return "\(rng.fuzzPick(["sdiv", "udiv"]))\(cond) \(rd()), \(rn()), \(rn())"
        }
    }

    // MARK: Loads and stores on the scratch buffer (r11 base, r10 index)

    /// Offsets a word or byte access may take in both instruction sets: -255...255.
    mutating func offset() -> Int { rng.fuzzBelow(511) - 255 }
    /// Writeback offsets keep r11 8-aligned.
    mutating func writebackOffset() -> Int { 8 * (rng.fuzzBelow(63) - 31) }

    mutating func loadStore(_ cond: String) -> String {
        let load = rng.fuzzChance(55)
        let kinds = load ? ["", "b", "h", "sb", "sh"] : ["", "b", "h"]
        let kind = rng.fuzzPick(kinds)
        let op = (load ? "ldr" : "str") + kind + cond
        let rt = rd()
        switch rng.fuzzBelow(10) {
        case 0..<3: return "\(op) \(rt), [r11, #\(offset())]"
        case 3: return "\(op) \(rt), [r11, #\(writebackOffset())]!"
        case 4: return "\(op) \(rt), [r11], #\(writebackOffset())"
        case 5:
            if thumb { return "\(op) \(rt), [r11, r10, lsl #\(rng.fuzzBelow(4))]" }
            if kind.isEmpty || kind == "b" { return "\(op) \(rt), [r11, \(rng.fuzzChance(30) ? "-" : "")r10, lsl #\(rng.fuzzBelow(3))]" }
            return "\(op) \(rt), [r11, \(rng.fuzzChance(30) ? "-" : "")r10]"
        case 6:  // doubleword: A32 wants an even first register and its successor
            let (t, t2) = doublewordRegisters()
            return "\(load ? "ldrd" : "strd")\(cond) \(t), \(t2), [r11, #\(8 * (rng.fuzzBelow(63) - 31))]"
        case 7, 8:  // multiple
            var list = Set<Int>()
            for _ in 0..<(1 + rng.fuzzBelow(6)) { list.insert(rng.fuzzPick(Self.general)) }
            if list.count < 2 { list.insert(list.contains(0) ? 1 : 0) }
            let registers = list.sorted().map { "r\($0)" }.joined(separator: ", ")
            let mode = thumb ? rng.fuzzPick(["ia", "db"]) : rng.fuzzPick(["ia", "ib", "da", "db"])
            return "\(load ? "ldm" : "stm")\(mode)\(cond) r11, {\(registers)}"
        default:
            return "\(op) \(rt), [r11, #\(offset())]"
        }
    }

    mutating func doublewordRegisters() -> (String, String) {
        if thumb { return pair() }
        let t = rng.fuzzPick([0, 2, 4, 6, 8])
        return ("r\(t)", "r\(t + 1)")
    }

    /// A load-exclusive and a store-exclusive of the same size at the base (sometimes only the
    /// store, which then fails, or a CLREX between them).
    mutating func exclusivePair() -> [String] {
        if rng.fuzzChance(25) {
            let (t, t2) = doublewordRegisters()
            let (u, u2) = doublewordRegisters()
            var status = rd()
            while ["\(status)"].contains(where: { $0 == u || $0 == u2 }) { status = rd() }
            return ["ldrexd \(t), \(t2), [r11]"] + (rng.fuzzChance(20) ? ["clrex"] : [])
                + ["strexd \(status), \(u), \(u2), [r11]"]
        }
        let size = rng.fuzzPick(["", "b", "h"])
        let (status, value) = pair()
        var target = rd()
        while target == status { target = rd() }
        let first = rng.fuzzChance(80) ? ["ldrex\(size) \(target), [r11]"] : []
        return first + ["strex\(size) \(status), \(value), [r11]"]
    }

    // MARK: Bit fields, saturation, packing, parallel arithmetic, byte reversal

    mutating func bitField(_ cond: String) -> String {
        let lsb = rng.fuzzBelow(32)
        let width = 1 + rng.fuzzBelow(32 - lsb)
        switch rng.fuzzBelow(13) {
        case 0: return "bfi\(cond) \(rd()), \(rn()), #\(lsb), #\(width)"
        case 1: return "bfc\(cond) \(rd()), #\(lsb), #\(width)"
        case 2: return "\(rng.fuzzPick(["ubfx", "sbfx"]))\(cond) \(rd()), \(rn()), #\(lsb), #\(width)"
        case 3: return "\(rng.fuzzPick(["clz", "rbit", "rev", "rev16", "revsh"]))\(cond) \(rd()), \(rn())"
        case 4:
            let shift = rng.fuzzChance(50) ? "" : rng.fuzzChance(50) ? ", lsl #\(rng.fuzzBelow(32))" : ", asr #\(1 + rng.fuzzBelow(31))"
            return rng.fuzzChance(50) ? "usat\(cond) \(rd()), #\(rng.fuzzBelow(32)), \(rn())\(shift)"
                : "ssat\(cond) \(rd()), #\(1 + rng.fuzzBelow(32)), \(rn())\(shift)"
        case 5:
            return rng.fuzzChance(50) ? "usat16\(cond) \(rd()), #\(rng.fuzzBelow(16)), \(rn())"
                : "ssat16\(cond) \(rd()), #\(1 + rng.fuzzBelow(16)), \(rn())"
        case 6: return "\(rng.fuzzPick(["qadd", "qsub", "qdadd", "qdsub"]))\(cond) \(rd()), \(rn()), \(rn())"
        case 7, 8:
            let op = rng.fuzzPick(["s", "u", "q", "uq", "sh", "uh"]) + rng.fuzzPick(["add16", "add8", "sub16", "sub8", "asx", "sax"])
            return "\(op)\(cond) \(rd()), \(rn()), \(rn())"
        case 9: return "sel\(cond) \(rd()), \(rn()), \(rn())"
        case 10:
            return rng.fuzzChance(50) ? "pkhbt\(cond) \(rd()), \(rn()), \(rn()), lsl #\(rng.fuzzBelow(32))"
                : "pkhtb\(cond) \(rd()), \(rn()), \(rn()), asr #\(1 + rng.fuzzBelow(32))"
        case 11: return "\(rng.fuzzPick(["movw", "movt"]))\(cond) \(rd()), #\(rng.fuzzBelow(65536))"
        default:
            return rng.fuzzChance(50) ? "usad8\(cond) \(rd()), \(rn()), \(rn())" : "usada8\(cond) \(rd()), \(rn()), \(rn()), \(rn())"
        }
    }

    // MARK: Extends (A8.8: SXTB ... UXTAH, with rotations)

    mutating func extend(_ cond: String) -> String {
        let rotation = rng.fuzzPick(["", ", ror #8", ", ror #16", ", ror #24"])
        let kind = rng.fuzzPick(["b", "h", "b16"])
        let sign = rng.fuzzPick(["s", "u"])
        if rng.fuzzChance(50) { return "\(sign)xt\(kind)\(cond) \(rd()), \(rn())\(rotation)" }
        return "\(sign)xta\(kind)\(cond) \(rd()), \(rn()), \(rn())\(rotation)"
    }

    // MARK: VFP arithmetic, comparisons, conversions, transfers

    mutating func s() -> String { "s\(rng.fuzzBelow(32))" }
    mutating func d() -> String { separateBanks ? "d\(16 + rng.fuzzBelow(16))" : "d\(rng.fuzzBelow(32))" }

    static let vfpImmediates = ["1.0", "0.5", "-2.0", "31.0", "0.125", "-0.1875", "10.0", "-1.5", "2.5", "16.0"]

    mutating func vfp(_ cond: String) -> String {
        let double = rng.fuzzChance(50)
        let t = double ? ".f64" : ".f32"
        func r(_ g: inout ARMSequenceGenerator) -> String { double ? g.d() : g.s() }
        switch rng.fuzzBelow(16) {
        case 0..<4:
            let op = rng.fuzzPick(["vadd", "vsub", "vmul", "vdiv", "vnmul", "vmla", "vmls", "vnmla", "vnmls", "vfma", "vfms", "vfnma", "vfnms"])
            return "\(op)\(cond)\(t) \(r(&self)), \(r(&self)), \(r(&self))"
        case 4, 5:
            return "\(rng.fuzzPick(["vneg", "vabs", "vsqrt", "vmov"]))\(cond)\(t) \(r(&self)), \(r(&self))"
        case 6:
            let op = rng.fuzzPick(["vcmp", "vcmpe"])
            return rng.fuzzChance(70) ? "\(op)\(cond)\(t) \(r(&self)), \(r(&self))" : "\(op)\(cond)\(t) \(r(&self)), #0"
        case 7: return "vmov\(cond)\(t) \(r(&self)), #\(rng.fuzzPick(Self.vfpImmediates))"
        case 8: return double ? "vcvt\(cond).f32.f64 \(s()), \(d())" : "vcvt\(cond).f64.f32 \(d()), \(s())"
        case 9:  // to integer, toward zero or by FPSCR
            let rounding = rng.fuzzChance(40) ? "r" : ""
            return "vcvt\(rounding)\(cond).\(rng.fuzzPick(["s32", "u32"]))\(t) \(s()), \(r(&self))"
        case 10: return "vcvt\(cond)\(t).\(rng.fuzzPick(["s32", "u32"])) \(r(&self)), \(s())"
        case 11:  // fixed point, in place
            let reg = r(&self)
            let small = rng.fuzzChance(50)
            let type = rng.fuzzPick(["s", "u"]) + (small ? "16" : "32")
            let bits = 1 + rng.fuzzBelow(small ? 16 : 32)
            return rng.fuzzChance(50) ? "vcvt\(cond).\(type)\(t) \(reg), \(reg), #\(bits)" : "vcvt\(cond)\(t).\(type) \(reg), \(reg), #\(bits)"
        case 12:
            return rng.fuzzChance(50) ? "vmov\(cond) \(s()), \(rn())" : "vmov\(cond) \(rd()), \(s())"
        case 13:
            let (a, b) = pair()
            return rng.fuzzChance(50) ? "vmov\(cond) \(d()), \(rn()), \(rn())" : "vmov\(cond) \(a), \(b), \(d())"
        case 14: return "vmrs\(cond) \(rd()), fpscr"
        default:
            return "\(rng.fuzzPick(["vmov", "vneg"]))\(cond).f64 \(d()), \(d())"
        }
    }

    /// A comparison and its transfer to the APSR, then something conditional on it.
    mutating func compareAndTransfer() -> [String] {
        let double = rng.fuzzChance(50)
        let t = double ? ".f64" : ".f32"
        let a = double ? d() : s(), b = double ? d() : s()
        var lines = ["\(rng.fuzzPick(["vcmp", "vcmpe"]))\(t) \(a), \(b)", "vmrs APSR_nzcv, fpscr"]
        let cond = condition()
        if thumb { lines.append("it \(cond)") }
        lines.append("mov\(cond) \(rd()), #\(rng.fuzzBelow(256))")
        return lines
    }

    /// FPSCR control bits from a core register: rounding mode, flush-to-zero, default NaN; now
    /// and then a random word, whose trap enables and reserved bits must read back as zero.
    /// (Not bit 19, FZ16 to qemu-arm's ARMv8.2 CPU, UNK/SBZP in ARMv7 (A2.5.3); nor Len and
    /// Stride, which make VFP data processing UNDEFINED.)
    mutating func fpscrWrite() -> [String] {
        var value = Self.roundingMode(&rng) << 22 | (flushToZero && rng.fuzzChance(30) ? 1 << 24 : 0) | (rng.fuzzChance(30) ? 1 << 25 : 0)
        if rng.fuzzChance(30) {
            value = UInt32(truncatingIfNeeded: rng.next()) & ~(1 << 19 | 0x37 << 16) & (flushToZero ? ~0 : ~(1 << 24))
        }
        let r = rd()
        return ["movw \(r), #\(value & 0xffff)", "movt \(r), #\(value >> 16)", "vmsr fpscr, \(r)"]
    }
}
