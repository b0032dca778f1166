// Media instructions: parallel add/subtract, saturation, SEL, USAD8 (ARM ARM A5.4,
// A6.3.13-16). The byte-lane forms glibc's string functions run (UADD8, USUB8, SADD8, SSUB8,
// SEL) are inline IR; the rest go through helpers.

import IR

/// Prefix of a parallel add/subtract: the helper's code (ARMHelpers.parallel).
enum ParallelPrefix: UInt32 { case s = 1, q = 2, sh = 3, u = 5, uq = 6, uh = 7 }
/// Operation of a parallel add/subtract.
enum ParallelOp: UInt32 { case add16 = 0, asx = 1, sax = 2, sub16 = 3, add8 = 4, sub8 = 7 }

extension Translator {
    mutating func parallel(_ prefix: ParallelPrefix, _ op: ParallelOp, d: UInt32, n: UInt32, m: UInt32) -> Bool {
        if (prefix == .s || prefix == .u) && (op == .add8 || op == .sub8) {
            setReg(d, byteLanes(add: op == .add8, signed: prefix == .s, reg(n), reg(m)))
            return true
        }
        let code = b.const32(prefix.rawValue << 4 | op.rawValue)
        let effects: HelperEffects = prefix == .s || prefix == .u ? .writesState : .pure
        setReg(d, b.call(ARMHelpers.parallel, effects: effects, result: .i32, reg(n), reg(m), code))
        return true
    }

    /// SSAT/USAT Rd, #sat, Rn{, shift}: `bits` is the saturation width.
    mutating func saturate(d: UInt32, n: UInt32, bits: UInt32, unsigned: Bool, shiftType: UInt32, imm5: UInt32) -> Bool {
        let operand = shiftImmediate(reg(n), type: shiftType, imm5: imm5, wantCarry: false).value
        let code = b.const32(bits | (unsigned ? 0x100 : 0))
        setReg(d, b.call(ARMHelpers.saturate, effects: .writesState, result: .i32, operand, b.const32(0), code))
        return true
    }

    mutating func saturate16(d: UInt32, n: UInt32, bits: UInt32, unsigned: Bool) -> Bool {
        let code = b.const32(bits | (unsigned ? 0x100 : 0))
        setReg(d, b.call(ARMHelpers.saturate16, effects: .writesState, result: .i32, reg(n), b.const32(0), code))
        return true
    }

    /// QADD/QSUB/QDADD/QDSUB: Rd = sat(Rm +/- [2 *] Rn).
    mutating func saturatingArithmetic(d: UInt32, n: UInt32, m: UInt32, subtract: Bool, doubling: Bool) -> Bool {
        let code = b.const32((subtract ? 1 : 0) | (doubling ? 2 : 0))
        setReg(d, b.call(ARMHelpers.saturatingArithmetic, effects: .writesState, result: .i32, reg(m), reg(n), code))
        return true
    }

    /// [SU]ADD8 / [SU]SUB8: four independent byte additions or subtractions (carries do not cross
    /// lanes), and GE[i] = lane i's true sum or difference is >= 0 (unsigned add: it carried out).
    /// Bit-parallel: the low 7 bits of each lane add without crossing, bit 7 is fixed up by xor,
    /// and each lane's carry (or no-borrow) out of bit 7 comes from the full-adder identities.
    mutating func byteLanes(add: Bool, signed: Bool, _ x: Value, _ y: Value) -> Value {
        let high = b.const32(0x8080_8080), low = b.const32(0x7f7f_7f7f)
        let result: Value, carries: Value
        if add {
            result = b.xor(b.add(b.and(x, low), b.and(y, low)), b.and(b.xor(x, y), high))
            // carry out = x&y | (x|y) & ~r
            carries = b.or(b.and(x, y), b.andc(b.or(x, y), result))
        } else {
            result = b.xor(b.sub(b.or(x, high), b.and(y, low)), b.andc(high, b.xor(x, y)))
            // no borrow out = x&~y | (x|~y) & ~r
            carries = b.or(b.andc(x, y), b.andc(b.orc(x, y), result))
        }
        // Signed: GE is the complement of the 9-bit true result's sign x7 ^ y7' ^ carry7, where
        // y' = ~y for a subtraction: ~(x ^ y ^ c) for add, (x ^ y) ^ c for subtract.
        var ge = carries
        if signed { ge = add ? b.not(b.xor(b.xor(x, y), carries)) : b.xor(b.xor(x, y), carries) }
        // Bits 7, 15, 23, 31 -> GE[3:0]: one multiply gathers them at bits 21-24.
        let gathered = b.shri(b.mul(b.shri(b.and(ge, high), 7), b.const32(0x0020_4081)), 21)
        b.storeState(ARMState.ge, b.andi(gathered, 0xf))
        return result
    }

    /// SEL: each result byte from Rn where its GE bit is set, else from Rm. The GE nibble is
    /// spread to bits 0, 8, 16, 24 by one multiply and widened to byte masks by another.
    mutating func selectBytes(d: UInt32, n: UInt32, m: UInt32) -> Bool {
        let ge = b.loadState(.i32, ARMState.ge)
        let mask = b.mul(b.and(b.mul(ge, b.const32(0x0020_4081)), b.const32(0x0101_0101)), b.const32(0xff))
        let x = reg(n), y = reg(m)
        setReg(d, b.xor(y, b.and(b.xor(x, y), mask)))
        return true
    }

    /// USAD8/USADA8.
    mutating func sumAbsoluteDifferences(d: UInt32, n: UInt32, m: UInt32, a: UInt32?) -> Bool {
        var r = b.call(ARMHelpers.usad8, effects: .pure, result: .i32, reg(n), reg(m))
        if let a { r = b.add(r, reg(a)) }
        setReg(d, r)
        return true
    }
}
