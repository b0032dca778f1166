// Random MIPS instruction sequences, as assembly text, for the backend-agreement fuzzer. One
// sequence exercises one instruction class; every line is one instruction (a line may carry a
// `1:` label), so a batch of sequences assembles in one assembler run and splits back into
// words. $20 is the base of a 16 KiB scratch buffer and $21 a small index into it; both are
// only read. Branches go forward only (to the next `1:`, and the last line always has one),
// so every sequence ends.

import TestTools

enum InstructionClass: String, CaseIterable, CustomStringConvertible, Sendable {
    case alu, shift, multiply, loadStore, bits, branch, trap, fpu
    var description: String { rawValue }
}

struct MIPSSequenceGenerator {
    var rng: SplitMix64

    /// Registers written and read; $20 and $21 are only read.
    static let general: [Int] = Array(1...19) + [22, 23, 24, 25, 26, 27, 28, 29, 30, 31]
    static let readable = general + [0, 20, 21]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func d() -> String { "$\(rng.pick(Self.general))" }
    mutating func r() -> String { "$\(rng.pick(Self.readable))" }
    mutating func simm() -> Int { rng.pick([0, 1, -1, 0x7fff, -0x8000, rng.below(65536) - 32768]) }
    mutating func uimm() -> Int { rng.pick([0, 1, 0xffff, 0x8000, rng.below(65536)]) }

    /// A sequence of `length` instructions of `kind`, one per line, ending with a `1:` label.
    mutating func sequence(_ kind: InstructionClass, length: Int) -> [String] {
        var lines: [String] = []
        while lines.count < length {
            lines += group(kind)
        }
        lines.append("1: nop")
        // Labels now and then, so forward branches land at different distances.
        for i in lines.indices.dropLast() where rng.chance(15) && !lines[i].hasPrefix("1:") {
            lines[i] = "1: " + lines[i]
        }
        return lines
    }

    mutating func group(_ kind: InstructionClass) -> [String] {
        switch kind {
        case .alu: return [alu()]
        case .shift: return [shift()]
        case .multiply: return [multiply()]
        case .loadStore: return rng.chance(10) ? linkedPair() : [loadStore()]
        case .bits: return [bits()]
        case .branch:
            // A branch and its slot (never a branch), or an ordinary instruction.
            if rng.chance(40) { return [branch(), rng.chance(50) ? alu() : loadStore()] }
            return [rng.chance(50) ? alu() : multiply()]
        case .trap: return [rng.chance(30) ? trap() : alu()]
        case .fpu:
            if rng.chance(10) { return [fpuBranch(), fpu()] }
            return [fpu()]
        }
    }

    mutating func alu() -> String {
        switch rng.below(4) {
        case 0:
            let op = rng.pick(["addu", "subu", "and", "or", "xor", "nor", "slt", "sltu", "movz", "movn", "add", "sub", "mul"])
            return "\(op) \(d()), \(r()), \(r())"
        case 1:
            let op = rng.pick(["addiu", "slti", "sltiu", "addi"])
            return "\(op) \(d()), \(r()), \(simm())"
        case 2:
            let op = rng.pick(["andi", "ori", "xori"])
            return "\(op) \(d()), \(r()), \(uimm())"
        default:
            return rng.chance(50) ? "lui \(d()), \(uimm())" : "movt \(d()), \(r()), $fcc\(rng.below(8))"
        }
    }

    mutating func shift() -> String {
        if rng.chance(50) {
            return "\(rng.pick(["sll", "srl", "sra", "rotr"])) \(d()), \(r()), \(rng.below(32))"
        }
        return "\(rng.pick(["sllv", "srlv", "srav", "rotrv"])) \(d()), \(r()), \(r())"
    }

    mutating func multiply() -> String {
        switch rng.below(3) {
        case 0: return "\(rng.pick(["mult", "multu", "madd", "maddu", "msub", "msubu"])) \(r()), \(r())"
        case 1: return "\(rng.pick(["div", "divu"])) $0, \(r()), \(r())"
        default: return rng.pick(["mfhi \(d())", "mflo \(d())", "mthi \(r())", "mtlo \(r())"])
        }
    }

    mutating func loadStore() -> String {
        let op = rng.pick(["lb", "lbu", "lh", "lhu", "lw", "lwl", "lwr", "sb", "sh", "sw", "swl", "swr"])
        let offset = rng.chance(70) ? rng.below(0x3ff0) & ~3 : rng.below(0x3ff0)
        let destination = op.hasPrefix("l") ? d() : r()
        return "\(op) \(destination), \(offset)($20)"
    }

    mutating func linkedPair() -> [String] {
        let offset = rng.below(0x1000) * 4
        let value = d()
        return ["ll \(value), \(offset)($20)", "addiu \(value), \(value), \(simm())", "sc \(value), \(offset)($20)"]
    }

    mutating func bits() -> String {
        switch rng.below(4) {
        case 0:
            let pos = rng.below(32), size = 1 + rng.below(32 - pos)
            return "ext \(d()), \(r()), \(pos), \(size)"
        case 1:
            let pos = rng.below(32), size = 1 + rng.below(32 - pos)
            return "ins \(d()), \(r()), \(pos), \(size)"
        default:
            return "\(rng.pick(["wsbh", "seb", "seh", "clz", "clo"])) \(d()), \(r())"
        }
    }

    mutating func branch() -> String {
        let likely = rng.chance(30) ? "l" : ""
        switch rng.below(3) {
        case 0: return "\(rng.pick(["beq", "bne"]))\(likely) \(r()), \(r()), 1f"
        case 1: return "\(rng.pick(["blez", "bgtz", "bltz", "bgez"]))\(likely) \(r()), 1f"
        default: return "\(rng.pick(["bltzal", "bgezal"]))\(likely) \(r()), 1f"
        }
    }

    /// An FPU register: any for singles and words, even for doubles (legal in both FR modes).
    mutating func f(_ double: Bool) -> String { "$f\(double ? 2 * rng.below(16) : rng.below(32))" }

    mutating func fpu() -> String {
        let double = rng.chance(50)
        let fmt = double ? "d" : "s"
        switch rng.below(12) {
        case 0, 1:
            let op = rng.pick(["add", "sub", "mul", "div"])
            return "\(op).\(fmt) \(f(double)), \(f(double)), \(f(double))"
        case 2:
            let op = rng.pick(["sqrt", "abs", "neg", "mov", "recip", "rsqrt"])
            return "\(op).\(fmt) \(f(double)), \(f(double))"
        case 3:
            let op = rng.pick(["madd", "msub", "nmadd", "nmsub"])
            return "\(op).\(fmt) \(f(double)), \(f(double)), \(f(double)), \(f(double))"
        case 4:
            let cond = rng.pick(["f", "un", "eq", "ueq", "olt", "ult", "ole", "ule", "sf", "ngle", "seq", "ngl", "lt", "nge", "le", "ngt"])
            return "c.\(cond).\(fmt) $fcc\(rng.below(8)), \(f(double)), \(f(double))"
        case 5:
            let op = rng.pick(["round.w", "trunc.w", "ceil.w", "floor.w", "cvt.w"])
            return "\(op).\(fmt) \(f(false)), \(f(double))"
        case 6:
            return rng.chance(50) ? "cvt.d.s \(f(true)), \(f(false))" : "cvt.s.d \(f(false)), \(f(true))"
        case 7:
            return rng.chance(50) ? "cvt.\(fmt).w \(f(double)), \(f(false))" : "\(rng.pick(["movt", "movf"])).\(fmt) \(f(double)), \(f(double)), $fcc\(rng.below(8))"
        case 8:
            return "\(rng.pick(["movz", "movn"])).\(fmt) \(f(double)), \(f(double)), \(r())"
        case 9:
            let offset = rng.below(0x800) * 8
            return double ? "\(rng.pick(["ldc1", "sdc1"])) \(f(true)), \(offset)($20)" : "\(rng.pick(["lwc1", "swc1"])) \(f(false)), \(offset)($20)"
        case 10:
            return rng.pick(["mfc1 \(d()), \(f(false))", "mtc1 \(r()), \(f(false))", "mfhc1 \(d()), \(f(true))", "mthc1 \(r()), \(f(true))"])
        default:
            // FCSR: a rounding mode, flush to zero now and then; or a read of it.
            return rng.chance(50) ? "cfc1 \(d()), $31" : "ctc1 \(r()), $31"
        }
    }

    mutating func fpuBranch() -> String {
        "\(rng.pick(["bc1t", "bc1f", "bc1tl", "bc1fl"])) $fcc\(rng.below(8)), 1f"
    }

    mutating func trap() -> String {
        if rng.chance(50) {
            return "\(rng.pick(["teq", "tne", "tge", "tgeu", "tlt", "tltu"])) \(r()), \(r()), \(rng.below(1024))"
        }
        return "\(rng.pick(["teqi", "tnei", "tgei", "tgeiu", "tlti", "tltiu"])) \(r()), \(simm())"
    }
}
