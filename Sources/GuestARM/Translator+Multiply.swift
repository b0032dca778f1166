// Multiplies and divides (ARM ARM A8.8: MUL, MLA, MLS, UMULL, UMLAL, SMULL, SMLAL, UMAAL,
// SDIV, UDIV, and the halfword and most-significant-word multiplies).

import IR

extension Translator {
    /// MUL/MLA/MLS: Rd = Rn * Rm (+ Ra, or Ra - product), NZ when `setFlags`.
    mutating func multiply(d: UInt32, n: UInt32, m: UInt32, accumulate a: UInt32?, subtract: Bool = false, setFlags: Bool) {
        var result = b.mul(reg(n), reg(m))
        if let a { result = subtract ? b.sub(reg(a), result) : b.add(result, reg(a)) }
        if setFlags { setNZ(result) }
        setReg(d, result)
    }

    /// UMULL/SMULL/UMLAL/SMLAL: RdHi:RdLo = Rn * Rm (+ RdHi:RdLo).
    mutating func multiplyLong(dLo: UInt32, dHi: UInt32, n: UInt32, m: UInt32, signed: Bool, accumulate: Bool, setFlags: Bool) {
        let x = signed ? b.sext(reg(n)) : b.zext(reg(n))
        let y = signed ? b.sext(reg(m)) : b.zext(reg(m))
        var product = b.mul(x, y)
        if accumulate { product = b.add(product, b.concat(low: reg(dLo), high: reg(dHi))) }
        let lo = b.trunc(product), hi = b.trunc(b.shri(product, 32))
        if setFlags {
            b.storeState(ARMState.nf, hi)
            b.storeState(ARMState.zf, b.or(lo, hi))
        }
        setReg(dLo, lo)
        setReg(dHi, hi)
    }

    /// UMAAL: RdHi:RdLo = Rn * Rm + RdLo + RdHi (unsigned).
    mutating func multiplyAccumulateAccumulate(dLo: UInt32, dHi: UInt32, n: UInt32, m: UInt32) {
        let product = b.mul(b.zext(reg(n)), b.zext(reg(m)))
        let sum = b.add(b.add(product, b.zext(reg(dLo))), b.zext(reg(dHi)))
        setReg(dLo, b.trunc(sum))
        setReg(dHi, b.trunc(b.shri(sum, 32)))
    }

    /// SDIV/UDIV: Rd = Rn / Rm, rounding toward zero; division by zero gives 0 (no trap in
    /// the A profile).
    mutating func divide(d: UInt32, n: UInt32, m: UInt32, signed: Bool) {
        setReg(d, b.binary(signed ? .divs : .divu, reg(n), reg(m)))
    }

    /// The bottom (0) or top (1) halfword of x, sign-extended.
    mutating func half(_ x: Value, top: UInt32) -> Value {
        top != 0 ? b.sari(x, 16) : b.unary(.ext16s, x)
    }

    /// SMUL<x><y>, SMLA<x><y>: Rd = half(Rn) * half(Rm) (+ Ra, setting Q on overflow).
    mutating func multiplyHalves(d: UInt32, n: UInt32, m: UInt32, a: UInt32?, nHigh: UInt32, mHigh: UInt32) {
        let product = b.mul(half(reg(n), top: nHigh), half(reg(m), top: mHigh))
        guard let a else {
            setReg(d, product)
            return
        }
        setReg(d, accumulateSettingQ(product, reg(a)))
    }

    /// x + y, setting Q when the signed 32-bit addition overflows.
    mutating func accumulateSettingQ(_ x: Value, _ y: Value) -> Value {
        let sum = b.add(x, y)
        let overflow = b.andc(b.xor(sum, x), b.xor(x, y))
        let q = b.or(b.loadState(.i32, ARMState.qf), b.shri(overflow, 31))
        b.storeState(ARMState.qf, q)
        return sum
    }

    /// SMULW<y>, SMLAW<y>: Rd = (Rn * half(Rm)) >> 16 (+ Ra, setting Q).
    mutating func multiplyWordHalf(d: UInt32, n: UInt32, m: UInt32, a: UInt32?, mHigh: UInt32) {
        let product = b.mul(b.sext(reg(n)), b.sext(half(reg(m), top: mHigh)))
        let shifted = b.trunc(b.sari(product, 16))
        guard let a else {
            setReg(d, shifted)
            return
        }
        setReg(d, accumulateSettingQ(shifted, reg(a)))
    }

    /// SMMUL, SMMLA, SMMLS (R: rounded): Rd = top word of (Ra << 32 +/- Rn * Rm).
    mutating func multiplyMostSignificant(d: UInt32, n: UInt32, m: UInt32, a: UInt32?, subtract: Bool, round: Bool) {
        var value = b.mul(b.sext(reg(n)), b.sext(reg(m)))
        if let a {
            let acc = b.shli(b.zext(reg(a)), 32)
            value = subtract ? b.sub(acc, value) : b.add(acc, value)
        }
        if round { value = b.addi(value, 0x8000_0000) }
        setReg(d, b.trunc(b.shri(value, 32)))
    }

    /// SMUAD/SMUSD/SMLAD/SMLSD (X: swap Rm's halves): Rd = Rn.lo*Rm.lo +/- Rn.hi*Rm.hi (+ Ra),
    /// computed exactly; Q is set when that exact result does not fit 32 bits.
    mutating func dualMultiply(d: UInt32, n: UInt32, m: UInt32, a: UInt32?, subtract: Bool, exchange: Bool) {
        var mv = reg(m)
        if exchange { mv = b.rotri(mv, 16) }
        let nv = reg(n)
        let p1 = b.sext(b.mul(half(nv, top: 0), half(mv, top: 0)))
        let p2 = b.sext(b.mul(half(nv, top: 1), half(mv, top: 1)))
        var sum = subtract ? b.sub(p1, p2) : b.add(p1, p2)
        if let a { sum = b.add(sum, b.sext(reg(a))) }
        let result = b.trunc(sum)
        let overflow = b.setcond(.ne, sum, b.sext(result))
        b.storeState(ARMState.qf, b.or(b.loadState(.i32, ARMState.qf), overflow))
        setReg(d, result)
    }

    /// SMLALD/SMLSLD and SMLAL<x><y>: RdHi:RdLo += 64-bit products of halves.
    mutating func dualMultiplyLong(dLo: UInt32, dHi: UInt32, n: UInt32, m: UInt32, subtract: Bool, exchange: Bool) {
        var mv = reg(m)
        if exchange { mv = b.rotri(mv, 16) }
        let nv = reg(n)
        let p1 = b.sext(b.mul(half(nv, top: 0), half(mv, top: 0)))
        let p2 = b.sext(b.mul(half(nv, top: 1), half(mv, top: 1)))
        let products = subtract ? b.sub(p1, p2) : b.add(p1, p2)
        let sum = b.add(products, b.concat(low: reg(dLo), high: reg(dHi)))
        setReg(dLo, b.trunc(sum))
        setReg(dHi, b.trunc(b.shri(sum, 32)))
    }

    mutating func multiplyHalvesLong(dLo: UInt32, dHi: UInt32, n: UInt32, m: UInt32, nHigh: UInt32, mHigh: UInt32) {
        let product = b.sext(b.mul(half(reg(n), top: nHigh), half(reg(m), top: mHigh)))
        let sum = b.add(product, b.concat(low: reg(dLo), high: reg(dHi)))
        setReg(dLo, b.trunc(sum))
        setReg(dHi, b.trunc(b.shri(sum, 32)))
    }
}
