// T32 multiplies, divides and absolute differences (ARM ARM A6.3.16, A6.3.17).

import ARMDecoder
import IR

extension T32Decoding {
    mutating func MUL(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.multiply(d: Rd, n: Rn, m: Rm, accumulate: nil, setFlags: false); return true }
    mutating func MLA(Rn: UInt32, Ra: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.multiply(d: Rd, n: Rn, m: Rm, accumulate: Ra, setFlags: false); return true }
    mutating func MLS(Rn: UInt32, Ra: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.multiply(d: Rd, n: Rn, m: Rm, accumulate: Ra, subtract: true, setFlags: false); return true }
    mutating func SMULxy(Rn: UInt32, Rd: UInt32, N: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.multiplyHalves(d: Rd, n: Rn, m: Rm, a: nil, nHigh: N, mHigh: M); return true }
    mutating func SMLAxy(Rn: UInt32, Ra: UInt32, Rd: UInt32, N: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.multiplyHalves(d: Rd, n: Rn, m: Rm, a: Ra, nHigh: N, mHigh: M); return true }
    mutating func SMUAD(Rn: UInt32, Rd: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.dualMultiply(d: Rd, n: Rn, m: Rm, a: nil, subtract: false, exchange: M != 0); return true }
    mutating func SMLAD(Rn: UInt32, Ra: UInt32, Rd: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.dualMultiply(d: Rd, n: Rn, m: Rm, a: Ra, subtract: false, exchange: M != 0); return true }
    mutating func SMULWy(Rn: UInt32, Rd: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.multiplyWordHalf(d: Rd, n: Rn, m: Rm, a: nil, mHigh: M); return true }
    mutating func SMLAWy(Rn: UInt32, Ra: UInt32, Rd: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.multiplyWordHalf(d: Rd, n: Rn, m: Rm, a: Ra, mHigh: M); return true }
    mutating func SMUSD(Rn: UInt32, Rd: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.dualMultiply(d: Rd, n: Rn, m: Rm, a: nil, subtract: true, exchange: M != 0); return true }
    mutating func SMLSD(Rn: UInt32, Ra: UInt32, Rd: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.dualMultiply(d: Rd, n: Rn, m: Rm, a: Ra, subtract: true, exchange: M != 0); return true }
    mutating func SMMUL(Rn: UInt32, Rd: UInt32, R: UInt32, Rm: UInt32) -> Bool { t.multiplyMostSignificant(d: Rd, n: Rn, m: Rm, a: nil, subtract: false, round: R != 0); return true }
    mutating func SMMLA(Rn: UInt32, Ra: UInt32, Rd: UInt32, R: UInt32, Rm: UInt32) -> Bool { t.multiplyMostSignificant(d: Rd, n: Rn, m: Rm, a: Ra, subtract: false, round: R != 0); return true }
    mutating func SMMLS(Rn: UInt32, Ra: UInt32, Rd: UInt32, R: UInt32, Rm: UInt32) -> Bool { t.multiplyMostSignificant(d: Rd, n: Rn, m: Rm, a: Ra, subtract: true, round: R != 0); return true }
    mutating func USAD8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.sumAbsoluteDifferences(d: Rd, n: Rn, m: Rm, a: nil) }
    mutating func USADA8(Rn: UInt32, Ra: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.sumAbsoluteDifferences(d: Rd, n: Rn, m: Rm, a: Ra) }
    mutating func SMULL(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, Rm: UInt32) -> Bool { t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: true, accumulate: false, setFlags: false); return true }
    mutating func UMULL(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, Rm: UInt32) -> Bool { t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: false, accumulate: false, setFlags: false); return true }
    mutating func SMLAL(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, Rm: UInt32) -> Bool { t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: true, accumulate: true, setFlags: false); return true }
    mutating func UMLAL(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, Rm: UInt32) -> Bool { t.multiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, signed: false, accumulate: true, setFlags: false); return true }
    mutating func UMAAL(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, Rm: UInt32) -> Bool { t.multiplyAccumulateAccumulate(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm); return true }
    mutating func SMLALxy(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, N: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.multiplyHalvesLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, nHigh: N, mHigh: M); return true }
    mutating func SMLALD(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.dualMultiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, subtract: false, exchange: M != 0); return true }
    mutating func SMLSLD(Rn: UInt32, RdLo: UInt32, RdHi: UInt32, M: UInt32, Rm: UInt32) -> Bool { t.dualMultiplyLong(dLo: RdLo, dHi: RdHi, n: Rn, m: Rm, subtract: true, exchange: M != 0); return true }
    mutating func SDIV(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.divide(d: Rd, n: Rn, m: Rm, signed: true); return true }
    mutating func UDIV(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.divide(d: Rd, n: Rn, m: Rm, signed: false); return true }
}
