// A32 multiplies, divides, saturating and media instructions (ARM ARM A5.2.5-A5.2.7, A5.4).

import ARMDecoder
import IR

extension A32Decoding {
    mutating func MUL(cond: UInt32, S: UInt32, Rd: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiply(d: Rd, n: Rn, m: Rm, accumulate: nil, setFlags: S != 0); return true
    }
    mutating func MLA(cond: UInt32, S: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiply(d: Rd, n: Rn, m: Rm, accumulate: Ra, setFlags: S != 0); return true
    }
    mutating func MLS(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiply(d: Rd, n: Rn, m: Rm, accumulate: Ra, subtract: true, setFlags: false); return true
    }
    mutating func UMAAL(cond: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiplyAccumulateAccumulate(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm); return true
    }
    mutating func UMULL(cond: UInt32, S: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: false, accumulate: false, setFlags: S != 0); return true
    }
    mutating func UMLAL(cond: UInt32, S: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: false, accumulate: true, setFlags: S != 0); return true
    }
    mutating func SMULL(cond: UInt32, S: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: true, accumulate: false, setFlags: S != 0); return true
    }
    mutating func SMLAL(cond: UInt32, S: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: true, accumulate: true, setFlags: S != 0); return true
    }
    mutating func SDIV(cond: UInt32, Rd: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.divide(d: Rd, n: Rn, m: Rm, signed: true); return true
    }
    mutating func UDIV(cond: UInt32, Rd: UInt32, Rm: UInt32, Rn: UInt32) -> Bool {
        t.divide(d: Rd, n: Rn, m: Rm, signed: false); return true
    }

    // A5.2.6 Saturating addition and subtraction
    mutating func QADD(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: false, doubling: false) }
    mutating func QSUB(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: true, doubling: false) }
    mutating func QDADD(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: false, doubling: true) }
    mutating func QDSUB(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: true, doubling: true) }

    // A5.2.7 Halfword multiplies
    mutating func SMLAxy(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, M: UInt32, N: UInt32, Rn: UInt32) -> Bool {
        t.multiplyHalves(d: Rd, n: Rn, m: Rm, a: Ra, nHigh: N, mHigh: M); return true
    }
    mutating func SMULxy(cond: UInt32, Rd: UInt32, Rm: UInt32, M: UInt32, N: UInt32, Rn: UInt32) -> Bool {
        t.multiplyHalves(d: Rd, n: Rn, m: Rm, a: nil, nHigh: N, mHigh: M); return true
    }
    mutating func SMLAWy(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.multiplyWordHalf(d: Rd, n: Rn, m: Rm, a: Ra, mHigh: M); return true
    }
    mutating func SMULWy(cond: UInt32, Rd: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.multiplyWordHalf(d: Rd, n: Rn, m: Rm, a: nil, mHigh: M); return true
    }
    mutating func SMLALxy(cond: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, M: UInt32, N: UInt32, Rn: UInt32) -> Bool {
        t.multiplyHalvesLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, nHigh: N, mHigh: M); return true
    }

    // A5.4.4 Signed multiplies
    mutating func SMUAD(cond: UInt32, Rd: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.dualMultiply(d: Rd, n: Rn, m: Rm, a: nil, subtract: false, exchange: M != 0); return true
    }
    mutating func SMLAD(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.dualMultiply(d: Rd, n: Rn, m: Rm, a: Ra, subtract: false, exchange: M != 0); return true
    }
    mutating func SMUSD(cond: UInt32, Rd: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.dualMultiply(d: Rd, n: Rn, m: Rm, a: nil, subtract: true, exchange: M != 0); return true
    }
    mutating func SMLSD(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.dualMultiply(d: Rd, n: Rn, m: Rm, a: Ra, subtract: true, exchange: M != 0); return true
    }
    mutating func SMLALD(cond: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.dualMultiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, subtract: false, exchange: M != 0); return true
    }
    mutating func SMLSLD(cond: UInt32, RdHi: UInt32, RdLo: UInt32, Rm: UInt32, M: UInt32, Rn: UInt32) -> Bool {
        t.dualMultiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, subtract: true, exchange: M != 0); return true
    }
    mutating func SMMUL(cond: UInt32, Rd: UInt32, Rm: UInt32, R: UInt32, Rn: UInt32) -> Bool {
        t.multiplyMostSignificant(d: Rd, n: Rn, m: Rm, a: nil, subtract: false, round: R != 0); return true
    }
    mutating func SMMLA(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, R: UInt32, Rn: UInt32) -> Bool {
        t.multiplyMostSignificant(d: Rd, n: Rn, m: Rm, a: Ra, subtract: false, round: R != 0); return true
    }
    mutating func SMMLS(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, R: UInt32, Rn: UInt32) -> Bool {
        t.multiplyMostSignificant(d: Rd, n: Rn, m: Rm, a: Ra, subtract: true, round: R != 0); return true
    }

    // A5.4.1, A5.4.2 Parallel addition and subtraction
    mutating func SADD16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func SASX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func SSAX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func SSUB16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func SADD8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func SSUB8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func QADD16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func QASX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func QSAX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func QSUB16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func QADD8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func QSUB8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func SHADD16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func SHASX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func SHSAX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func SHSUB16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func SHADD8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func SHSUB8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func UADD16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func UASX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func USAX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func USUB16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func UADD8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func USUB8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func UQADD16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func UQASX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func UQSAX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func UQSUB16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func UQADD8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func UQSUB8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func UHADD16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func UHASX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func UHSAX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func UHSUB16(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func UHADD8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func UHSUB8(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .sub8, d: Rd, n: Rn, m: Rm) }

    // A5.4.3 Packing, unpacking, saturation and reversal
    mutating func PKHBT(cond: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, Rm: UInt32) -> Bool {
        t.pack(d: Rd, n: Rn, m: Rm, topFromM: false, imm5: imm5); return true
    }
    mutating func PKHTB(cond: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, Rm: UInt32) -> Bool {
        t.pack(d: Rd, n: Rn, m: Rm, topFromM: true, imm5: imm5); return true
    }
    mutating func SXTB16(cond: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: nil, m: Rm, rotate: rotate, signed: true); return true }
    mutating func SXTAB16(cond: UInt32, Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: Rn, m: Rm, rotate: rotate, signed: true); return true }
    mutating func UXTB16(cond: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: nil, m: Rm, rotate: rotate, signed: false); return true }
    mutating func UXTAB16(cond: UInt32, Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: Rn, m: Rm, rotate: rotate, signed: false); return true }
    mutating func SXTB(cond: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext8s); return true }
    mutating func SXTAB(cond: UInt32, Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext8s); return true }
    mutating func SXTH(cond: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext16s); return true }
    mutating func SXTAH(cond: UInt32, Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext16s); return true }
    mutating func UXTB(cond: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext8u); return true }
    mutating func UXTAB(cond: UInt32, Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext8u); return true }
    mutating func UXTH(cond: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext16u); return true }
    mutating func UXTAH(cond: UInt32, Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext16u); return true }
    mutating func SEL(cond: UInt32, Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.selectBytes(d: Rd, n: Rn, m: Rm) }
    mutating func SSAT(cond: UInt32, sat_imm: UInt32, Rd: UInt32, imm5: UInt32, sh: UInt32, Rn: UInt32) -> Bool {
        t.saturate(d: Rd, n: Rn, bits: sat_imm + 1, unsigned: false, shiftType: sh << 1, imm5: imm5)
    }
    mutating func USAT(cond: UInt32, sat_imm: UInt32, Rd: UInt32, imm5: UInt32, sh: UInt32, Rn: UInt32) -> Bool {
        t.saturate(d: Rd, n: Rn, bits: sat_imm, unsigned: true, shiftType: sh << 1, imm5: imm5)
    }
    mutating func SSAT16(cond: UInt32, sat_imm: UInt32, Rd: UInt32, Rn: UInt32) -> Bool { t.saturate16(d: Rd, n: Rn, bits: sat_imm + 1, unsigned: false) }
    mutating func USAT16(cond: UInt32, sat_imm: UInt32, Rd: UInt32, Rn: UInt32) -> Bool { t.saturate16(d: Rd, n: Rn, bits: sat_imm, unsigned: true) }
    mutating func REV(cond: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.rev, d: Rd, m: Rm); return true }
    mutating func REV16(cond: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.rev16, d: Rd, m: Rm); return true }
    mutating func REVSH(cond: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.revsh, d: Rd, m: Rm); return true }
    mutating func RBIT(cond: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.rbit, d: Rd, m: Rm); return true }
    mutating func CLZ(cond: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.clz, d: Rd, m: Rm); return true }
    mutating func USAD8(cond: UInt32, Rd: UInt32, Rm: UInt32, Rn: UInt32) -> Bool { t.sumAbsoluteDifferences(d: Rd, n: Rn, m: Rm, a: nil) }
    mutating func USADA8(cond: UInt32, Rd: UInt32, Ra: UInt32, Rm: UInt32, Rn: UInt32) -> Bool { t.sumAbsoluteDifferences(d: Rd, n: Rn, m: Rm, a: Ra) }
    mutating func SBFX(cond: UInt32, widthm1: UInt32, Rd: UInt32, lsb: UInt32, Rn: UInt32) -> Bool {
        guard lsb + widthm1 <= 31 else { return false }
        t.bitfieldExtract(d: Rd, n: Rn, lsb: lsb, widthMinus1: widthm1, signed: true); return true
    }
    mutating func UBFX(cond: UInt32, widthm1: UInt32, Rd: UInt32, lsb: UInt32, Rn: UInt32) -> Bool {
        guard lsb + widthm1 <= 31 else { return false }
        t.bitfieldExtract(d: Rd, n: Rn, lsb: lsb, widthMinus1: widthm1, signed: false); return true
    }
    mutating func BFC(cond: UInt32, msb: UInt32, Rd: UInt32, lsb: UInt32) -> Bool {
        guard msb >= lsb else { return false }
        t.bitfieldInsert(d: Rd, n: nil, lsb: lsb, msb: msb); return true
    }
    mutating func BFI(cond: UInt32, msb: UInt32, Rd: UInt32, lsb: UInt32, Rn: UInt32) -> Bool {
        guard msb >= lsb else { return false }
        t.bitfieldInsert(d: Rd, n: Rn, lsb: lsb, msb: msb); return true
    }
}
