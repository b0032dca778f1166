// Sequence-generator classes for the status register and the rarer loads and stores: MRS/MSR
// on the APSR (A8.8.109-A8.8.112), LDRT/STRT and their byte and halfword forms (A8.8: the
// unprivileged accesses, which in user mode are ordinary ones), SWP/SWPB (A8.8.229, A32
// only), and the hints PLD/PLDW/PLI (A8.8.126-A8.8.130), which must do nothing and not fault.
// Every address stays inside the scratch window around r11 (kept 8-aligned).

extension ARMSequenceGenerator {
    // MARK: APSR

    mutating func statusRegister(_ cond: String) -> String {
        let fields = rng.fuzzPick(["APSR_nzcvq", "APSR_g", "APSR_nzcvqg"])
        switch rng.fuzzBelow(6) {
        case 0, 1: return "mrs\(cond) \(rd()), apsr"
        case 2, 3: return "msr\(cond) \(fields), \(rn())"
        case 4 where !thumb: return "msr\(cond) \(fields), #\(modifiedImmediate())"
        default:
            // Something that changes flags to read back: a flag-setting compare.
            return "cmp\(cond) \(rn()), \(rn())"
        }
    }

    /// A status-register line, or a hint, which cannot be conditional.
    mutating func statusGroup(cond: String) -> [String] {
        guard cond.isEmpty, rng.fuzzChance(30) else { return [statusRegister(cond)] }
        return [hint()]
    }

    // MARK: Hints

    mutating func hint() -> String {
        let op = rng.fuzzPick(["pld", "pldw", "pli"])
        switch rng.fuzzBelow(3) {
        case 0: return "\(op) [r11, #\(offset())]"
        case 1: return "\(op) [r11, #\(rng.fuzzBelow(4096))]"
        default:
            if thumb { return "\(op) [r11, r10, lsl #\(rng.fuzzBelow(4))]" }
            return "\(op) [r11, \(rng.fuzzChance(30) ? "-" : "")r10, lsl #\(rng.fuzzBelow(4))]"
        }
    }

    // MARK: Unprivileged accesses and swaps

    mutating func unprivileged(_ cond: String) -> String {
        let load = rng.fuzzChance(55)
        let kind = rng.fuzzPick(load ? ["", "b", "h", "sb", "sh"] : ["", "b", "h"])
        let op = (load ? "ldr" : "str") + kind + "t" + cond
        let rt = rd()
        if thumb { return "\(op) \(rt), [r11, #\(rng.fuzzBelow(256))]" }
        // A32: post-indexed only, writing r11 back (by a multiple of 8 to keep it aligned).
        if rng.fuzzChance(60) { return "\(op) \(rt), [r11], #\(writebackOffset())" }
        let sign = rng.fuzzChance(50) ? "-" : ""
        if kind.isEmpty || kind == "b" { return "\(op) \(rt), [r11], \(sign)r10, lsl #1" }
        // The halfword and signed forms take a register without a shift: r10 twice is r10 * 2.
        return rng.fuzzChance(50) ? "\(op) \(rt), [r11], #\(sign)\(8 * rng.fuzzBelow(32))" : "\(op) \(rt), [r11]"
    }

    /// SWP/SWPB Rt, Rt2, [r11] (A32): Rt and Rt2 may be the same register, never the base.
    mutating func swap(_ cond: String) -> String {
        let op = rng.fuzzChance(50) ? "swp" : "swpb"
        return "\(op)\(cond) \(rd()), \(rd()), [r11]"
    }

    mutating func memoryOther(_ cond: String) -> String {
        if !thumb && rng.fuzzChance(30) { return swap(cond) }
        return unprivileged(cond)
    }

    mutating func memoryOtherGroup(cond: String) -> [String] {
        guard cond.isEmpty, rng.fuzzChance(15) else { return [memoryOther(cond)] }
        return [hint()]
    }
}
