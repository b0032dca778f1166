// Random straight-line ARM and Thumb instruction sequences, as assembly text, for the
// backend-agreement fuzzer. One sequence exercises one instruction class; every line is one
// instruction, so a batch of sequences assembles in one assembler run and splits back by
// instruction sizes. Registers: r0-r9, r12 and r14 are general; r11 is the base of a 16 KiB
// scratch buffer (kept 8-aligned: writeback offsets are multiples of 8) and r10 a small index
// into it, both only read by ordinary instructions; sp and pc are never operands.

import TestTools

enum InstructionClass: String, CaseIterable, CustomStringConvertible {
    case dataProcessing, multiply, loadStore, bitField, extend, conditional, vfp
    case statusRegister, memoryOther, vfpMemory, vfpMove
    var description: String { rawValue }
}

struct ARMSequenceGenerator {
    let thumb: Bool
    var rng: SplitMix64
    /// Whether FPSCR writes may set FZ.
    var flushToZero = true
    /// Single precision only in S0-S31 and double only in D16-D31, so no value is read back
    /// through the other precision's view of its bits.
    var separateBanks = false

    static let general = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14]
    /// Readable: the general registers and the scratch base and index.
    static let readable = general + [10, 11]
    static let conditions = Reference.conditionNames

    init(thumb: Bool, seed: UInt64) {
        self.thumb = thumb
        rng = SplitMix64(seed: seed)
    }

    /// An FPSCR RMode: RN, RP, RM or RZ.
    static func roundingMode(_ rng: inout SplitMix64) -> UInt32 { UInt32(rng.fuzzBelow(4)) }

    /// A sequence of `length` instructions of `kind`, one per line.
    mutating func sequence(_ kind: InstructionClass, length: Int) -> [String] {
        var lines: [String] = []
        while lines.count < length {
            switch kind {
            case .conditional:
                lines += thumb ? itBlock() : [instruction(rng.fuzzPick(Self.conditionalKinds), cond: condition())]
            default:
                // A32 instructions are conditional now and then outside the conditional class too.
                let cond = !thumb && rng.fuzzChance(15) ? condition() : ""
                lines += group(kind, cond: cond)
            }
        }
        return lines
    }

    static let conditionalKinds: [InstructionClass] = [.dataProcessing, .multiply, .loadStore, .bitField, .extend, .vfp,
                                                       .statusRegister, .memoryOther, .vfpMemory, .vfpMove]

    mutating func condition() -> String { rng.fuzzPick(Self.conditions) }

    /// One or more lines for `kind`: most classes give one instruction, some a short group that
    /// belongs together (an exclusive pair, a compare and its flag transfer, an FPSCR write).
    mutating func group(_ kind: InstructionClass, cond: String) -> [String] {
        if cond.isEmpty {
            switch (kind, rng.fuzzBelow(100)) {
            case (.loadStore, 0..<8): return exclusivePair()
            case (.loadStore, 8..<12): return [rng.fuzzChance(50) ? "setend be" : "setend le"]
            case (.vfp, 0..<10): return compareAndTransfer()
            case (.vfp, 10..<14), (.vfpMove, 0..<5): return fpscrWrite()
            default: break
            }
        }
        switch kind {
        case .statusRegister: return statusGroup(cond: cond)
        case .memoryOther: return memoryOtherGroup(cond: cond)
        case .vfpMemory: return vfpMemoryGroup(cond: cond)
        case .vfpMove: return vfpMoveGroup(cond: cond)
        default: return [instruction(kind, cond: cond)]
        }
    }

    /// "it<mask> <cond>" and 1-4 instructions with the matching conditions.
    mutating func itBlock() -> [String] {
        let cond = rng.fuzzBelow(Self.conditions.count)
        let inverse = cond ^ 1
        let slots = 1 + rng.fuzzBelow(4)
        var mask = ""
        var conds = [Self.conditions[cond]]
        for _ in 1..<slots {
            let then = rng.fuzzChance(50)
            mask += then ? "t" : "e"
            conds.append(Self.conditions[then ? cond : inverse])
        }
        return ["it\(mask) \(Self.conditions[cond])"] + conds.map { instruction(rng.fuzzPick(Self.conditionalKinds), cond: $0) }
    }

    mutating func instruction(_ kind: InstructionClass, cond: String) -> String {
        switch kind {
        case .dataProcessing: dataProcessing(cond)
        case .multiply: multiply(cond)
        case .loadStore: loadStore(cond)
        case .bitField: bitField(cond)
        case .extend: extend(cond)
        case .vfp: vfp(cond)
        case .conditional: dataProcessing(cond)
        case .statusRegister: statusRegister(cond)
        case .memoryOther: memoryOther(cond)
        case .vfpMemory: vfpMemory(cond)
        case .vfpMove: vfpMove(cond)
        }
    }

    // MARK: Operands

    mutating func rd() -> String { "r\(rng.fuzzPick(Self.general))" }
    mutating func rn() -> String { "r\(rng.fuzzPick(Self.readable))" }
    /// Two different general registers.
    mutating func pair() -> (String, String) {
        let a = rng.fuzzPick(Self.general)
        var b = rng.fuzzPick(Self.general)
        while b == a { b = rng.fuzzPick(Self.general) }
        return ("r\(a)", "r\(b)")
    }

    /// A modified immediate valid in both A32 and T32: 0-255, or an 8-bit value with its top bit
    /// set shifted left by an even amount up to 24.
    mutating func modifiedImmediate() -> UInt32 {
        if rng.fuzzChance(40) { return UInt32(rng.fuzzBelow(256)) }
        let byte = UInt32(0x80 | rng.fuzzBelow(128))
        return byte << UInt32(2 * rng.fuzzBelow(13))
    }

    /// ", <shift> #n" or ", rrx" or "" for a register operand.
    mutating func immediateShift() -> String {
        switch rng.fuzzBelow(6) {
        case 0: ""
        case 1: ", lsl #\(rng.fuzzBelow(32))"
        case 2: ", lsr #\(1 + rng.fuzzBelow(32))"
        case 3: ", asr #\(1 + rng.fuzzBelow(32))"
        case 4: ", ror #\(1 + rng.fuzzBelow(31))"
        default: ", rrx"
        }
    }
}

extension SplitMix64 {
    mutating func fuzzBelow(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func fuzzChance(_ percent: Int) -> Bool { fuzzBelow(100) < percent }
    mutating func fuzzPick<T>(_ items: [T]) -> T { items[fuzzBelow(items.count)] }
}
