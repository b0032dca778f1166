// The ARM ARM's pseudocode functions, written again in plain Swift as the tests' oracle
// (A2.2.1 integer arithmetic, A8.4 shifts, A8.3 conditions, A2.2.1 saturation). They follow
// the manual's definitions directly (wide integers, no tricks) so that they share no code or
// reasoning with the translator.

import TestTools

enum Reference {
    // MARK: Shifts (A8.4.3)

    enum Shift: Int, CaseIterable { case lsl = 0, lsr = 1, asr = 2, ror = 3, rrx = 4 }

    /// Shift_C(value, type, amount, carry_in) for 32-bit values.
    static func shiftC(_ x: UInt32, _ type: Shift, _ amount: Int, carryIn: Bool) -> (UInt32, Bool) {
        if type == .rrx { return ((carryIn ? 0x8000_0000 : 0) | x >> 1, x & 1 != 0) }
        if amount == 0 { return (x, carryIn) }
        switch type {
        case .lsl:
            // extended_x = x : Zeros(shift); result = extended_x<N-1:0>; carry = extended_x<N>
            let extended = amount >= 64 ? 0 : UInt64(x) << UInt64(amount)
            let carry = amount > 32 ? false : (extended >> 32) & 1 != 0
            return (UInt32(truncatingIfNeeded: amount >= 32 ? 0 : extended), carry)
        case .lsr:
            // extended_x = ZeroExtend(x, shift+N); result = extended_x<shift+N-1:shift>; carry = extended_x<shift-1>
            let result = amount >= 32 ? 0 : x >> UInt32(amount)
            let carry = amount > 32 ? false : (x >> UInt32(amount - 1)) & 1 != 0
            return (result, carry)
        case .asr:
            let s = Int64(Int32(bitPattern: x))
            let clamped = min(amount, 63)
            let result = UInt32(truncatingIfNeeded: s >> Int64(clamped))
            let carry = (s >> Int64(min(amount - 1, 63))) & 1 != 0
            return (result, carry)
        case .ror:
            let m = UInt32(amount % 32)
            let result = m == 0 ? x : (x >> m) | (x << (32 - m))
            return (result, result >> 31 != 0)
        case .rrx:
            fatalError("handled above")
        }
    }

    /// DecodeImmShift(type, imm5).
    static func decodeImmShift(_ type: Int, _ imm5: Int) -> (Shift, Int) {
        switch type {
        case 0: return (.lsl, imm5)
        case 1: return (.lsr, imm5 == 0 ? 32 : imm5)
        case 2: return (.asr, imm5 == 0 ? 32 : imm5)
        default: return imm5 == 0 ? (.rrx, 1) : (.ror, imm5)
        }
    }

    // MARK: Arithmetic (A2.2.1)

    /// AddWithCarry(x, y, carry_in) -> (result, carry_out, overflow).
    static func addWithCarry(_ x: UInt32, _ y: UInt32, _ carryIn: Bool) -> (UInt32, Bool, Bool) {
        let unsignedSum = UInt64(x) + UInt64(y) + (carryIn ? 1 : 0)
        let signedSum = Int64(Int32(bitPattern: x)) + Int64(Int32(bitPattern: y)) + (carryIn ? 1 : 0)
        let result = UInt32(truncatingIfNeeded: unsignedSum)
        return (result, UInt64(result) != unsignedSum, Int64(Int32(bitPattern: result)) != signedSum)
    }

    /// NZCV (N in bit 3) of a result with the given carry and overflow.
    static func nzcv(_ result: UInt32, carry: Bool, overflow: Bool) -> UInt32 {
        (result >> 31) << 3 | (result == 0 ? 4 : 0) | (carry ? 2 : 0) | (overflow ? 1 : 0)
    }

    /// SignedSatQ / UnsignedSatQ.
    static func signedSat(_ i: Int64, _ n: Int) -> (Int64, Bool) {
        let hi = (Int64(1) << (n - 1)) - 1, lo = -(Int64(1) << (n - 1))
        return i > hi ? (hi, true) : i < lo ? (lo, true) : (i, false)
    }
    static func unsignedSat(_ i: Int64, _ n: Int) -> (Int64, Bool) {
        let hi = (Int64(1) << n) - 1
        return i > hi ? (hi, true) : i < 0 ? (0, true) : (i, false)
    }

    // MARK: Conditions (A8.3)

    /// ConditionPassed for cond 0-14 and NZCV flags (N in bit 3).
    static func conditionHolds(_ cond: Int, nzcv: UInt32) -> Bool {
        let n = nzcv & 8 != 0, z = nzcv & 4 != 0, c = nzcv & 2 != 0, v = nzcv & 1 != 0
        let base: Bool
        switch cond >> 1 {
        case 0: base = z
        case 1: base = c
        case 2: base = n
        case 3: base = v
        case 4: base = c && !z
        case 5: base = n == v
        case 6: base = n == v && !z
        default: base = true
        }
        return cond & 1 == 1 && cond != 15 && cond != 14 ? !base : base
    }

    static let conditionNames = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"]

    // MARK: Bits

    static func bitReverse(_ x: UInt32) -> UInt32 {
        var r: UInt32 = 0
        for i in 0..<32 where x & (1 << UInt32(i)) != 0 { r |= 1 << UInt32(31 - i) }
        return r
    }
    static func signExtend(_ x: UInt32, bits: Int) -> UInt32 {
        let s = 32 - bits
        return UInt32(bitPattern: Int32(bitPattern: x << UInt32(s)) >> Int32(s))
    }
}

extension SplitMix64 {
    /// A 32-bit operand that hits edges often.
    mutating func word() -> UInt32 {
        switch next() % 4 {
        case 0: return Operands.edges[Int(next() % UInt64(Operands.edges.count))]
        case 1: return UInt32(truncatingIfNeeded: next()) >> UInt32(next() % 32)
        default: return UInt32(truncatingIfNeeded: next())
        }
    }
}

enum Operands {
    static let edges: [UInt32] = [
        0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x1_0000, 0x7fff_ffff, 0x8000_0000,
        0x8000_0001, 0xffff_fffe, 0xffff_ffff, 0x5555_5555, 0xaaaa_aaaa, 0x1234_5678, 0xfedc_ba98,
    ]
}
