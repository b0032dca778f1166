// A32 data-processing instructions (ARM ARM A5.2.1-A5.2.3): the visitor methods map each
// encoding's fields onto Translator.dataProcessing.

import ARMDecoder
import IR

/// The A32 visitor: decodes into the shared Translator. `cond` arguments are ignored here:
/// ARMFrontend has already wrapped the instruction in its condition.
struct A32Decoding {
    /// The translator, in place: a decoder takes its visitor inout, and a visitor holding a
    /// copy of the translator would cost a copy in and out (and a retain and release) per
    /// instruction. The frontend makes each visitor inside withUnsafeMutablePointer(to:) over
    /// its translator (ARMFrontend.translateA32, translateThumb), so the pointer outlives it.
    let translator: UnsafeMutablePointer<Translator>
    var t: Translator {
        unsafeAddress { UnsafePointer(translator) }
        nonmutating unsafeMutableAddress { translator }
    }
}

extension A32Decoding {
    mutating func register(_ op: DataOp, S: UInt32, Rn: UInt32?, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool {
        let wantCarry = (S != 0 || op.isTest) && op.isLogical
        let operand = t.shiftImmediate(t.reg(Rm), type: type, imm5: imm5, wantCarry: wantCarry)
        let n = Rn.map { t.reg($0) }
        t.dataProcessing(op, d: Rd, rn: n, operand, setFlags: S != 0)
        return true
    }

    mutating func shiftedRegister(_ op: DataOp, S: UInt32, Rn: UInt32?, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool {
        let wantCarry = (S != 0 || op.isTest) && op.isLogical
        let operand = t.shiftRegister(t.reg(Rm), type: type, amount: t.reg(Rs), wantCarry: wantCarry)
        let n = Rn.map { t.reg($0) }
        t.dataProcessing(op, d: Rd, rn: n, operand, setFlags: S != 0)
        return true
    }

    mutating func immediate(_ op: DataOp, S: UInt32, Rn: UInt32?, Rd: UInt32, imm12: UInt32) -> Bool {
        let wantCarry = (S != 0 || op.isTest) && op.isLogical
        let operand = t.armExpandImm(imm12, wantCarry: wantCarry)
        let n = Rn.map { t.reg($0) }
        t.dataProcessing(op, d: Rd, rn: n, operand, setFlags: S != 0)
        return true
    }

    mutating func AND_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.and, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func EOR_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.eor, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func SUB_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.sub, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func RSB_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.rsb, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func ADD_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.add, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func ADC_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.adc, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func SBC_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.sbc, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func RSC_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.rsc, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func TST_reg(cond: UInt32, Rn: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.tst, S: 1, Rn: Rn, Rd: 0, imm5: imm5, type: type, Rm: Rm) }
    mutating func TEQ_reg(cond: UInt32, Rn: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.teq, S: 1, Rn: Rn, Rd: 0, imm5: imm5, type: type, Rm: Rm) }
    mutating func CMP_reg(cond: UInt32, Rn: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.cmp, S: 1, Rn: Rn, Rd: 0, imm5: imm5, type: type, Rm: Rm) }
    mutating func CMN_reg(cond: UInt32, Rn: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.cmn, S: 1, Rn: Rn, Rd: 0, imm5: imm5, type: type, Rm: Rm) }
    mutating func ORR_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.orr, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func MOV_reg(cond: UInt32, S: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.mov, S: S, Rn: nil, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func BIC_reg(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.bic, S: S, Rn: Rn, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }
    mutating func MVN_reg(cond: UInt32, S: UInt32, Rd: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.mvn, S: S, Rn: nil, Rd: Rd, imm5: imm5, type: type, Rm: Rm) }

    mutating func AND_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.and, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func EOR_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.eor, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func SUB_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.sub, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func RSB_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.rsb, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func ADD_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.add, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func ADC_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.adc, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func SBC_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.sbc, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func RSC_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.rsc, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func TST_rsr(cond: UInt32, Rn: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.tst, S: 1, Rn: Rn, Rd: 0, Rs: Rs, type: type, Rm: Rm) }
    mutating func TEQ_rsr(cond: UInt32, Rn: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.teq, S: 1, Rn: Rn, Rd: 0, Rs: Rs, type: type, Rm: Rm) }
    mutating func CMP_rsr(cond: UInt32, Rn: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.cmp, S: 1, Rn: Rn, Rd: 0, Rs: Rs, type: type, Rm: Rm) }
    mutating func CMN_rsr(cond: UInt32, Rn: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.cmn, S: 1, Rn: Rn, Rd: 0, Rs: Rs, type: type, Rm: Rm) }
    mutating func ORR_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.orr, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func MOV_rsr(cond: UInt32, S: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.mov, S: S, Rn: nil, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func BIC_rsr(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.bic, S: S, Rn: Rn, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }
    mutating func MVN_rsr(cond: UInt32, S: UInt32, Rd: UInt32, Rs: UInt32, type: UInt32, Rm: UInt32) -> Bool { shiftedRegister(.mvn, S: S, Rn: nil, Rd: Rd, Rs: Rs, type: type, Rm: Rm) }

    mutating func AND_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.and, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func EOR_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.eor, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func SUB_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.sub, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func RSB_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.rsb, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func ADD_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.add, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func ADC_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.adc, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func SBC_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.sbc, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func RSC_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.rsc, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func TST_imm(cond: UInt32, Rn: UInt32, imm12: UInt32) -> Bool { immediate(.tst, S: 1, Rn: Rn, Rd: 0, imm12: imm12) }
    mutating func TEQ_imm(cond: UInt32, Rn: UInt32, imm12: UInt32) -> Bool { immediate(.teq, S: 1, Rn: Rn, Rd: 0, imm12: imm12) }
    mutating func CMP_imm(cond: UInt32, Rn: UInt32, imm12: UInt32) -> Bool { immediate(.cmp, S: 1, Rn: Rn, Rd: 0, imm12: imm12) }
    mutating func CMN_imm(cond: UInt32, Rn: UInt32, imm12: UInt32) -> Bool { immediate(.cmn, S: 1, Rn: Rn, Rd: 0, imm12: imm12) }
    mutating func ORR_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.orr, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func MOV_imm(cond: UInt32, S: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.mov, S: S, Rn: nil, Rd: Rd, imm12: imm12) }
    mutating func BIC_imm(cond: UInt32, S: UInt32, Rn: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.bic, S: S, Rn: Rn, Rd: Rd, imm12: imm12) }
    mutating func MVN_imm(cond: UInt32, S: UInt32, Rd: UInt32, imm12: UInt32) -> Bool { immediate(.mvn, S: S, Rn: nil, Rd: Rd, imm12: imm12) }

    // A5.2.4
    mutating func MOVW(cond: UInt32, imm4: UInt32, Rd: UInt32, imm12: UInt32) -> Bool {
        guard Rd != 15 else { return false }
        t.setReg(Rd, t.const32(imm4 << 12 | imm12))
        return true
    }
    mutating func MOVT(cond: UInt32, imm4: UInt32, Rd: UInt32, imm12: UInt32) -> Bool {
        guard Rd != 15 else { return false }
        t.moveTop(d: Rd, imm16: imm4 << 12 | imm12)
        return true
    }
}
