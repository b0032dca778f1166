// The shifter operand: immediate shifts, register-controlled shifts, and the modified
// immediates of A32 and Thumb (ARM ARM A5.2.4, A6.3.2, A8.4 "Shifts applied to a register").

import IR

/// A second operand and the carry it produces (nil: the C flag is unchanged).
struct ShiftedOperand {
    var value: Value
    var carry: Value?
}

enum ShiftType: UInt32 {
    case lsl = 0, lsr = 1, asr = 2, ror = 3
}

extension Translator {
    /// ARMExpandImm_C: a rotated 8-bit immediate.
    mutating func armExpandImm(_ imm12: UInt32, wantCarry: Bool) -> ShiftedOperand {
        let rotation = (imm12 >> 8) * 2
        let value = (imm12 & 0xff).rotatedRight(by: rotation)
        let carry: Value? = wantCarry && rotation != 0 ? b.const32(value >> 31) : nil
        return ShiftedOperand(value: b.const32(value), carry: carry)
    }

    /// ThumbExpandImm_C on the 12 bits i:imm3:imm8.
    mutating func thumbExpandImm(_ imm12: UInt32, wantCarry: Bool) -> ShiftedOperand {
        let value = ThumbImmediate.expand(imm12)
        let carry: Value? = wantCarry && imm12 >> 10 != 0 ? b.const32(value >> 31) : nil
        return ShiftedOperand(value: b.const32(value), carry: carry)
    }

    /// Shift_C with an immediate shift as DecodeImmShift(type, imm5) gives it.
    mutating func shiftImmediate(_ x: Value, type: UInt32, imm5: UInt32, wantCarry: Bool) -> ShiftedOperand {
        switch ShiftType(rawValue: type & 3) ?? .lsl {
        case .lsl:
            if imm5 == 0 { return ShiftedOperand(value: x, carry: nil) }
            let carry = wantCarry ? b.extract(x, position: Int(32 - imm5), length: 1) : nil
            return ShiftedOperand(value: b.shli(x, UInt64(imm5)), carry: carry)
        case .lsr:
            let n = imm5 == 0 ? 32 : imm5
            let carry = wantCarry ? b.extract(x, position: Int(n - 1), length: 1) : nil
            return ShiftedOperand(value: n == 32 ? b.const32(0) : b.shri(x, UInt64(n)), carry: carry)
        case .asr:
            let n = imm5 == 0 ? 32 : imm5
            let carry = wantCarry ? b.extract(x, position: Int(n - 1), length: 1) : nil
            return ShiftedOperand(value: b.sari(x, UInt64(min(n, 31))), carry: carry)
        case .ror:
            if imm5 == 0 {  // RRX
                let c = carryFlag()
                let value = b.or(b.shri(x, 1), b.shli(c, 31))
                let carry = wantCarry ? b.andi(x, 1) : nil
                return ShiftedOperand(value: value, carry: carry)
            }
            let value = b.rotri(x, UInt64(imm5))
            let carry = wantCarry ? b.extract(x, position: Int(imm5 - 1), length: 1) : nil
            return ShiftedOperand(value: value, carry: carry)
        }
    }

    /// Shift_C by the bottom byte of a register (0-255), as register-shifted-register forms and
    /// the Thumb shift instructions do.
    mutating func shiftRegister(_ x: Value, type: UInt32, amount rs: Value, wantCarry: Bool) -> ShiftedOperand {
        let n = b.andi(rs, 0xff)
        let zero = b.const32(0)
        let kind = ShiftType(rawValue: type & 3) ?? .lsl
        if kind == .ror {
            let value = b.rotr(x, n)
            guard wantCarry else { return ShiftedOperand(value: value, carry: nil) }
            // n == 0: C unchanged; otherwise bit 31 of the result.
            let carry = b.select(b.setcond(.eq, n, zero), carryFlag(), b.shri(value, 31))
            return ShiftedOperand(value: value, carry: carry)
        }
        // Shift in 64 bits with the count clamped to 40, which gives every count >= 33 the same
        // result as 33..255 and leaves the carry in a fixed bit.
        let forty = b.const32(40)
        let clamped = b.zext(b.select(b.setcond(.gtu, n, forty), forty, n))
        var value: Value
        var carryBit: Value?
        switch kind {
        case .lsl:
            let wide = b.shl(b.zext(x), clamped)
            value = b.trunc(wide)
            if wantCarry { carryBit = b.trunc(b.extract(wide, position: 32, length: 1)) }
        case .lsr:
            let wide = b.shr(b.shli(b.zext(x), 1), clamped)
            value = b.trunc(b.shri(wide, 1))
            if wantCarry { carryBit = b.trunc(b.andi(wide, 1)) }
        default:  // asr
            let wide = b.sar(b.shli(b.sext(x), 1), clamped)
            value = b.trunc(b.shri(wide, 1))
            if wantCarry { carryBit = b.trunc(b.andi(wide, 1)) }
        }
        guard let carryBit else { return ShiftedOperand(value: value, carry: nil) }
        let carry = b.select(b.setcond(.eq, n, zero), carryFlag(), carryBit)
        return ShiftedOperand(value: value, carry: carry)
    }
}

/// ThumbExpandImm (A6.3.2), a pure function so the disassembler can use it too.
public enum ThumbImmediate {
    public static func expand(_ imm12: UInt32) -> UInt32 {
        let imm8 = imm12 & 0xff
        if imm12 >> 10 == 0 {
            switch (imm12 >> 8) & 3 {
            case 0: return imm8
            case 1: return imm8 << 16 | imm8
            case 2: return imm8 << 24 | imm8 << 8
            default: return imm8 << 24 | imm8 << 16 | imm8 << 8 | imm8
            }
        }
        let unrotated = 0x80 | (imm12 & 0x7f)
        return unrotated.rotatedRight(by: imm12 >> 7)
    }
}

extension UInt32 {
    @inline(__always) func rotatedRight(by n: UInt32) -> UInt32 {
        let s = n & 31
        return s == 0 ? self : (self >> s) | (self << (32 - s))
    }
}
