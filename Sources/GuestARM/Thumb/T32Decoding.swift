// The 32-bit Thumb-2 instructions (ARM ARM A6.3): data processing, branches, control.
// Loads, stores and multiplies are in T32Decoding+LoadStore.swift and +Multiply.swift.

import ARMDecoder
import IR

struct T32Decoding {
    /// The translator, in place: a decoder takes its visitor inout, and a visitor holding a
    /// copy of the translator would cost a copy in and out (and a retain and release) per
    /// instruction. The frontend makes each visitor inside withUnsafeMutablePointer(to:) over
    /// its translator (ARMFrontend.translateA32, translateThumb), so the pointer outlives it.
    let translator: UnsafeMutablePointer<Translator>
    var t: Translator {
        unsafeAddress { UnsafePointer(translator) }
        nonmutating unsafeMutableAddress { translator }
    }

    var inIT: Bool { t.itState & 0xf != 0 }

    mutating func modifiedImmediate(_ op: DataOp, S: UInt32, Rn: UInt32?, Rd: UInt32, i: UInt32, imm3: UInt32, imm8: UInt32) -> Bool {
        let setFlags = S != 0 || op.isTest
        let operand = t.thumbExpandImm(i << 11 | imm3 << 8 | imm8, wantCarry: setFlags && op.isLogical)
        t.dataProcessing(op, d: Rd, rn: Rn.map { t.reg($0) }, operand, setFlags: S != 0)
        return true
    }

    mutating func shiftedRegister(_ op: DataOp, S: UInt32, Rn: UInt32?, Rd: UInt32, imm3: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool {
        let setFlags = S != 0 || op.isTest
        let operand = t.shiftImmediate(t.reg(Rm), type: type, imm5: imm3 << 2 | imm2, wantCarry: setFlags && op.isLogical)
        t.dataProcessing(op, d: Rd, rn: Rn.map { t.reg($0) }, operand, setFlags: S != 0)
        return true
    }

    /// I1 = NOT(J1 EOR S), I2 = NOT(J2 EOR S) of the wide branches.
    static func branchOffset(S: UInt32, J1: UInt32, J2: UInt32, high: UInt32, highBits: UInt32, low: UInt32, lowBits: UInt32, shift: UInt32) -> UInt32 {
        let i1 = ~(J1 ^ S) & 1, i2 = ~(J2 ^ S) & 1
        let raw = ((S << 2 | i1 << 1 | i2) << (highBits + lowBits) | high << lowBits | low) << shift
        let width = 3 + highBits + lowBits + shift
        return UInt32(bitPattern: Int32(bitPattern: raw << (32 - width)) >> (32 - width))
    }
}

extension T32Decoding: T32Visitor {
    // A6.3.1 Data-processing (modified immediate)
    mutating func TST_imm(i: UInt32, Rn: UInt32, imm3: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.tst, S: 1, Rn: Rn, Rd: 0, i: i, imm3: imm3, imm8: imm8) }
    mutating func AND_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.and, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func BIC_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.bic, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func MOV_imm(i: UInt32, S: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.mov, S: S, Rn: nil, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func ORR_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.orr, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func MVN_imm(i: UInt32, S: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.mvn, S: S, Rn: nil, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func ORN_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.orn, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func TEQ_imm(i: UInt32, Rn: UInt32, imm3: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.teq, S: 1, Rn: Rn, Rd: 0, i: i, imm3: imm3, imm8: imm8) }
    mutating func EOR_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.eor, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func CMN_imm(i: UInt32, Rn: UInt32, imm3: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.cmn, S: 1, Rn: Rn, Rd: 0, i: i, imm3: imm3, imm8: imm8) }
    mutating func ADD_imm_T3(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.add, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func ADC_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.adc, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func SBC_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.sbc, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func CMP_imm(i: UInt32, Rn: UInt32, imm3: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.cmp, S: 1, Rn: Rn, Rd: 0, i: i, imm3: imm3, imm8: imm8) }
    mutating func SUB_imm_T3(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.sub, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }
    mutating func RSB_imm(i: UInt32, S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { modifiedImmediate(.rsb, S: S, Rn: Rn, Rd: Rd, i: i, imm3: imm3, imm8: imm8) }

    // A6.3.3 Data-processing (plain binary immediate)
    mutating func ADR(i: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32, add: UInt32) -> Bool {
        let imm = i << 11 | imm3 << 8 | imm8
        t.setReg(Rd, t.const32(add != 0 ? t.pcAligned &+ imm : t.pcAligned &- imm)); return true
    }
    mutating func ADD_imm_T4(i: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool {
        t.setReg(Rd, t.b.addi(t.reg(Rn), UInt64(i << 11 | imm3 << 8 | imm8))); return true
    }
    mutating func SUB_imm_T4(i: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool {
        t.setReg(Rd, t.b.sub(t.reg(Rn), t.const32(i << 11 | imm3 << 8 | imm8))); return true
    }
    mutating func MOVW(i: UInt32, imm4: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool {
        t.setReg(Rd, t.const32(imm4 << 12 | i << 11 | imm3 << 8 | imm8)); return true
    }
    mutating func MOVT(i: UInt32, imm4: UInt32, imm3: UInt32, Rd: UInt32, imm8: UInt32) -> Bool {
        t.moveTop(d: Rd, imm16: imm4 << 12 | i << 11 | imm3 << 8 | imm8); return true
    }
    mutating func SSAT16(Rn: UInt32, Rd: UInt32, sat_imm: UInt32) -> Bool { t.saturate16(d: Rd, n: Rn, bits: sat_imm + 1, unsigned: false) }
    mutating func USAT16(Rn: UInt32, Rd: UInt32, sat_imm: UInt32) -> Bool { t.saturate16(d: Rd, n: Rn, bits: sat_imm, unsigned: true) }
    mutating func SSAT(sh: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, sat_imm: UInt32) -> Bool {
        t.saturate(d: Rd, n: Rn, bits: sat_imm + 1, unsigned: false, shiftType: sh << 1, imm5: imm3 << 2 | imm2)
    }
    mutating func USAT(sh: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, sat_imm: UInt32) -> Bool {
        t.saturate(d: Rd, n: Rn, bits: sat_imm, unsigned: true, shiftType: sh << 1, imm5: imm3 << 2 | imm2)
    }
    mutating func SBFX(Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, widthm1: UInt32) -> Bool {
        let lsb = imm3 << 2 | imm2
        guard lsb + widthm1 <= 31 else { return false }
        t.bitfieldExtract(d: Rd, n: Rn, lsb: lsb, widthMinus1: widthm1, signed: true); return true
    }
    mutating func UBFX(Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, widthm1: UInt32) -> Bool {
        let lsb = imm3 << 2 | imm2
        guard lsb + widthm1 <= 31 else { return false }
        t.bitfieldExtract(d: Rd, n: Rn, lsb: lsb, widthMinus1: widthm1, signed: false); return true
    }
    mutating func BFC(imm3: UInt32, Rd: UInt32, imm2: UInt32, msb: UInt32) -> Bool {
        let lsb = imm3 << 2 | imm2
        guard msb >= lsb else { return false }
        t.bitfieldInsert(d: Rd, n: nil, lsb: lsb, msb: msb); return true
    }
    mutating func BFI(Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, msb: UInt32) -> Bool {
        let lsb = imm3 << 2 | imm2
        guard msb >= lsb else { return false }
        t.bitfieldInsert(d: Rd, n: Rn, lsb: lsb, msb: msb); return true
    }

    // A6.3.4 Branches and miscellaneous control
    mutating func B_T3(S: UInt32, imm6: UInt32, J1: UInt32, J2: UInt32, imm11: UInt32, cond: UInt32) -> Bool {
        guard !inIT else { return false }
        let raw = (S << 20 | J2 << 19 | J1 << 18 | imm6 << 12 | imm11 << 1)
        let offset = UInt32(bitPattern: Int32(bitPattern: raw << 11) >> 11)
        t.conditionalBranch(.condition(cond), to: t.pcRead &+ offset)
        return true
    }
    mutating func B_T4(S: UInt32, imm10: UInt32, J1: UInt32, J2: UInt32, imm11: UInt32) -> Bool {
        let offset = Self.branchOffset(S: S, J1: J1, J2: J2, high: imm10, highBits: 10, low: imm11, lowBits: 11, shift: 1)
        t.branchRelative(offset); return true
    }
    mutating func BL(S: UInt32, imm10: UInt32, J1: UInt32, J2: UInt32, imm11: UInt32) -> Bool {
        let offset = Self.branchOffset(S: S, J1: J1, J2: J2, high: imm10, highBits: 10, low: imm11, lowBits: 11, shift: 1)
        t.branchWithLink(to: t.pcRead &+ offset, toThumb: true); return true
    }
    mutating func BLX_imm(S: UInt32, imm10H: UInt32, J1: UInt32, J2: UInt32, imm10L: UInt32) -> Bool {
        let offset = Self.branchOffset(S: S, J1: J1, J2: J2, high: imm10H, highBits: 10, low: imm10L, lowBits: 10, shift: 2)
        t.branchWithLink(to: t.pcAligned &+ offset, toThumb: false); return true
    }
    mutating func MSR_reg(R: UInt32, Rn: UInt32, mask: UInt32) -> Bool {
        guard R == 0, mask & 0b1100 != 0, Rn != 15, Rn != 13 else { return false }
        t.writeAPSR(t.reg(Rn), mask: mask >> 2); return true
    }
    mutating func MRS(R: UInt32, Rd: UInt32) -> Bool {
        guard R == 0, Rd != 15, Rd != 13 else { return false }
        t.readAPSR(d: Rd); return true
    }
    mutating func YIELD() -> Bool { true }
    mutating func WFE() -> Bool { true }
    mutating func WFI() -> Bool { true }
    mutating func SEV() -> Bool { true }
    mutating func DBG(option: UInt32) -> Bool { true }
    mutating func NOP() -> Bool { true }
    mutating func CPS(imod: UInt32, M: UInt32, A: UInt32, I: UInt32, F: UInt32, mode: UInt32) -> Bool { true }
    mutating func CLREX() -> Bool { t.clearExclusive(); return true }
    mutating func DSB(option: UInt32) -> Bool { t.b.fence(); return true }
    mutating func DMB(option: UInt32) -> Bool { t.b.fence(); return true }
    mutating func ISB(option: UInt32) -> Bool { t.jump(to: t.next); return true }
    mutating func BXJ(Rm: UInt32) -> Bool { t.branchExchange(m: Rm); return true }
    mutating func UDF(imm4: UInt32, imm12: UInt32) -> Bool { false }

    // A6.3.11 Data-processing (shifted register)
    mutating func TST_reg(Rn: UInt32, imm3: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.tst, S: 1, Rn: Rn, Rd: 0, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func AND_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.and, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func BIC_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.bic, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func MOV_reg(S: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.mov, S: S, Rn: nil, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func ORR_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.orr, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func MVN_reg(S: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.mvn, S: S, Rn: nil, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func ORN_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.orn, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func TEQ_reg(Rn: UInt32, imm3: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.teq, S: 1, Rn: Rn, Rd: 0, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func EOR_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.eor, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func CMN_reg(Rn: UInt32, imm3: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.cmn, S: 1, Rn: Rn, Rd: 0, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func ADD_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.add, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func ADC_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.adc, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func SBC_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.sbc, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func CMP_reg(Rn: UInt32, imm3: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.cmp, S: 1, Rn: Rn, Rd: 0, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func SUB_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.sub, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func RSB_reg(S: UInt32, Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.rsb, S: S, Rn: Rn, Rd: Rd, imm3: imm3, imm2: imm2, type: type, Rm: Rm) }
    mutating func PKHBT(Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { t.pack(d: Rd, n: Rn, m: Rm, topFromM: false, imm5: imm3 << 2 | imm2); return true }
    mutating func PKHTB(Rn: UInt32, imm3: UInt32, Rd: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { t.pack(d: Rd, n: Rn, m: Rm, topFromM: true, imm5: imm3 << 2 | imm2); return true }

    // A6.3.12 Data-processing (register)
    mutating func MOV_rsr(type: UInt32, S: UInt32, Rm: UInt32, Rd: UInt32, Rs: UInt32) -> Bool {
        let operand = t.shiftRegister(t.reg(Rm), type: type, amount: t.reg(Rs), wantCarry: S != 0)
        t.dataProcessing(.mov, d: Rd, rn: nil, operand, setFlags: S != 0); return true
    }
    mutating func SXTH(Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext16s); return true }
    mutating func SXTAH(Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext16s); return true }
    mutating func UXTH(Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext16u); return true }
    mutating func UXTAH(Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext16u); return true }
    mutating func SXTB16(Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: nil, m: Rm, rotate: rotate, signed: true); return true }
    mutating func SXTAB16(Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: Rn, m: Rm, rotate: rotate, signed: true); return true }
    mutating func UXTB16(Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: nil, m: Rm, rotate: rotate, signed: false); return true }
    mutating func UXTAB16(Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend16(d: Rd, n: Rn, m: Rm, rotate: rotate, signed: false); return true }
    mutating func SXTB(Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext8s); return true }
    mutating func SXTAB(Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext8s); return true }
    mutating func UXTB(Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: rotate, from: .ext8u); return true }
    mutating func UXTAB(Rn: UInt32, Rd: UInt32, rotate: UInt32, Rm: UInt32) -> Bool { t.extend(d: Rd, n: Rn, m: Rm, rotate: rotate, from: .ext8u); return true }

    // A6.3.13-14 Parallel addition and subtraction
    mutating func SADD16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func SASX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func SSAX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func SSUB16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func SADD8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func SSUB8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.s, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func QADD16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func QASX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func QSAX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func QSUB16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func QADD8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func QSUB8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.q, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func SHADD16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func SHASX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func SHSAX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func SHSUB16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func SHADD8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func SHSUB8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.sh, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func UADD16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func UASX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func USAX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func USUB16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func UADD8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func USUB8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.u, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func UQADD16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func UQASX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func UQSAX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func UQSUB16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func UQADD8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func UQSUB8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uq, .sub8, d: Rd, n: Rn, m: Rm) }
    mutating func UHADD16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .add16, d: Rd, n: Rn, m: Rm) }
    mutating func UHASX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .asx, d: Rd, n: Rn, m: Rm) }
    mutating func UHSAX(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .sax, d: Rd, n: Rn, m: Rm) }
    mutating func UHSUB16(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .sub16, d: Rd, n: Rn, m: Rm) }
    mutating func UHADD8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .add8, d: Rd, n: Rn, m: Rm) }
    mutating func UHSUB8(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.parallel(.uh, .sub8, d: Rd, n: Rn, m: Rm) }

    // A6.3.15 Miscellaneous operations
    mutating func QADD(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: false, doubling: false) }
    mutating func QDADD(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: false, doubling: true) }
    mutating func QSUB(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: true, doubling: false) }
    mutating func QDSUB(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.saturatingArithmetic(d: Rd, n: Rn, m: Rm, subtract: true, doubling: true) }
    mutating func REV(Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.rev, d: Rd, m: Rm); return true }
    mutating func REV16(Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.rev16, d: Rd, m: Rm); return true }
    mutating func RBIT(Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.rbit, d: Rd, m: Rm); return true }
    mutating func REVSH(Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.revsh, d: Rd, m: Rm); return true }
    mutating func SEL(Rn: UInt32, Rd: UInt32, Rm: UInt32) -> Bool { t.selectBytes(d: Rd, n: Rn, m: Rm) }
    mutating func CLZ(Rd: UInt32, Rm: UInt32) -> Bool { t.bitOp(.clz, d: Rd, m: Rm); return true }

    // A6.3.18 Coprocessor, Advanced SIMD and floating point
    mutating func VFP() -> Bool {
        var v = VFPDecoding(translator: translator)
        let handled = VFPDecoder.decode(t.word, &v)
        return handled
    }
    /// T32 Advanced SIMD words are the A32 ones with bit 28 (U) moved to bit 24 and the top
    /// byte 1111 001U (data processing) or 1111 0100 (loads and stores).
    mutating func NEON_dp() -> Bool {
        let u = (t.word >> 28) & 1
        return neon(0xf200_0000 | u << 24 | t.word & 0x00ff_ffff)
    }
    mutating func NEON_ls() -> Bool { neon(0xf400_0000 | t.word & 0x00ff_ffff) }
    mutating func neon(_ a32: UInt32) -> Bool {
        var v = NEONDecoding(translator: translator)
        let handled = NEONDecoder.decode(a32, &v)
        return handled
    }
    mutating func MRC(opc1: UInt32, CRn: UInt32, Rt: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool {
        coproc == 15 && t.readCP15(t: Rt, opc1: opc1, crn: CRn, crm: CRm, opc2: opc2)
    }
    mutating func MCR(opc1: UInt32, CRn: UInt32, Rt: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool {
        coproc == 15 && t.writeCP15(t: Rt, opc1: opc1, crn: CRn, crm: CRm, opc2: opc2)
    }
    mutating func MCRR(Rt2: UInt32, Rt: UInt32, coproc: UInt32, opc1: UInt32, CRm: UInt32) -> Bool { false }
    mutating func MRRC(Rt2: UInt32, Rt: UInt32, coproc: UInt32, opc1: UInt32, CRm: UInt32) -> Bool { false }
}
