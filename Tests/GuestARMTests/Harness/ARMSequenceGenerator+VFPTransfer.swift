// Sequence-generator classes for VFP memory access and moves: VLDR/VSTR, VLDM/VSTM in every
// addressing form, VPUSH/VPOP (A8.8.332-A8.8.335, A8.8.367-A8.8.370), VMOV between core
// registers and scalars, one double or two singles (A8.8.340-A8.8.345), and VCVTB/VCVTT
// between half and single precision (A8.8.307). Addresses stay in the scratch window around
// r11; writeback moves r11 by multiples of 8.

extension ARMSequenceGenerator {
    // MARK: Loads and stores

    mutating func vfpMemory(_ cond: String) -> String {
        let load = rng.fuzzChance(50)
        let double = rng.fuzzChance(50)
        switch rng.fuzzBelow(5) {
        case 0, 1:
            let offset = 4 * (rng.fuzzBelow(511) - 255)
            return "\(load ? "vldr" : "vstr")\(cond) \(double ? d() : s()), [r11, #\(offset)]"
        default:
            let op = load ? "vldm" : "vstm"
            let mode = rng.fuzzBelow(3)  // ia, ia!, db!
            let writeBack = mode != 0
            let list: String
            if double {
                let count = 1 + rng.fuzzBelow(rng.fuzzChance(70) ? 4 : 16)
                let first = rng.fuzzBelow(33 - count)
                list = count == 1 ? "d\(first)" : "d\(first)-d\(first + count - 1)"
            } else {
                // An even number of singles when r11 is written back, to keep it 8-aligned.
                var count = 1 + rng.fuzzBelow(rng.fuzzChance(70) ? 6 : 32)
                if writeBack && count % 2 == 1 { count = count == 31 ? 30 : count + 1 }
                if count > 32 { count = 32 }
                let first = rng.fuzzBelow(33 - count)
                list = count == 1 ? "s\(first)" : "s\(first)-s\(first + count - 1)"
            }
            return "\(op)\(mode == 2 ? "db" : "ia")\(cond) r11\(writeBack ? "!" : ""), {\(list)}"
        }
    }

    /// A load or store, or (unconditional) VPUSH/VPOP with sp pointed into the window for a
    /// moment: the sequences do not own sp, so it is kept in r12 and put back.
    mutating func vfpMemoryGroup(cond: String) -> [String] {
        guard cond.isEmpty, rng.fuzzChance(20) else { return [vfpMemory(cond)] }
        var ops: [String] = []
        for _ in 0..<(1 + rng.fuzzBelow(2)) {
            let double = rng.fuzzChance(50)
            let count = 1 + rng.fuzzBelow(double ? 8 : 16)
            let first = rng.fuzzBelow(33 - count)
            let r = double ? "d" : "s"
            // Pushes of an odd number of singles are followed by a pop of as many, or not at all.
            ops.append("\(rng.fuzzChance(50) ? "vpush" : "vpop") {\(r)\(first)\(count > 1 ? "-\(r)\(first + count - 1)" : "")}")
        }
        return ["mov r12, sp", "mov sp, r11"] + ops + ["mov sp, r12", "mov r12, #0"]
    }

    // MARK: Moves and half precision

    mutating func vfpMove(_ cond: String) -> String {
        let (a, b) = pair()
        switch rng.fuzzBelow(8) {
        // The 8- and 16-bit scalars are Advanced SIMD, which the assembler will not make conditional.
        case 0:  // core register to scalar
            let (size, lanes) = cond.isEmpty ? rng.fuzzPick([(32, 2), (16, 4), (8, 8)]) : (32, 2)
            return "vmov\(cond).\(size) d\(rng.fuzzBelow(32))[\(rng.fuzzBelow(lanes))], \(rn())"
        case 1, 2:  // scalar to core register
            let (type, lanes) = cond.isEmpty ? rng.fuzzPick([("32", 2), ("s16", 4), ("u16", 4), ("s8", 8), ("u8", 8)]) : ("32", 2)
            return "vmov\(cond).\(type) \(rd()), d\(rng.fuzzBelow(32))[\(rng.fuzzBelow(lanes))]"
        case 3:  // two core registers and a double
            return rng.fuzzChance(50) ? "vmov\(cond) \(d()), \(rn()), \(rn())" : "vmov\(cond) \(a), \(b), \(d())"
        case 4:  // two core registers and two consecutive singles
            let n = rng.fuzzBelow(31)
            return rng.fuzzChance(50) ? "vmov\(cond) s\(n), s\(n + 1), \(rn()), \(rn())" : "vmov\(cond) \(a), \(b), s\(n), s\(n + 1)"
        default:
            let half = rng.fuzzPick(["vcvtb", "vcvtt"])
            return rng.fuzzChance(50) ? "\(half)\(cond).f32.f16 \(s()), \(s())" : "\(half)\(cond).f16.f32 \(s()), \(s())"
        }
    }

    static let halves: [UInt32] = [0x3c00, 0x7c00, 0xfc00, 0x7e00, 0x7d00, 0xfe01, 0x0001, 0x03ff, 0x0400, 0x7bff, 0x8000,
                                   0x8001, 0x3555, 0x7fff, 0x0000]
    static let singlesForHalf: [UInt32] = [0x477f_e000, 0x477f_f000, 0x477f_efff, 0x3880_0000, 0x3380_0000, 0x3300_0000,
                                           0x3300_0001, 0x387f_f000, 0x3f80_1000, 0x3f80_3000, 0xc77f_f000, 0x7fa0_0001,
                                           0x7fc1_2345, 0x0000_0001, 0x4780_0000, 0x477f_ffff]

    /// A move, or a value made for half precision moved into an S register and converted.
    mutating func vfpMoveGroup(cond: String) -> [String] {
        guard cond.isEmpty, rng.fuzzChance(30) else { return [vfpMove(cond)] }
        let r = rd()
        let toHalf = rng.fuzzChance(50)
        let value = toHalf ? rng.fuzzPick(Self.singlesForHalf)
            : rng.fuzzPick(Self.halves) | (rng.fuzzChance(50) ? rng.fuzzPick(Self.halves) << 16 : UInt32(rng.fuzzBelow(65536)) << 16)
        let n = rng.fuzzBelow(32)
        let half = rng.fuzzPick(["vcvtb", "vcvtt"])
        return ["movw \(r), #\(value & 0xffff)", "movt \(r), #\(value >> 16)", "vmov s\(n), \(r)",
                toHalf ? "\(half).f16.f32 \(s()), s\(n)" : "\(half).f32.f16 \(s()), s\(n)"]
    }
}
