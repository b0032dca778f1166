// The 16-bit Thumb instructions (ARM ARM A6.2). Most of them set flags exactly when outside
// an IT block (`setflags = !InITBlock()` in the manual's decode pseudocode).

import ARMDecoder
import IR

struct T16Decoding {
    /// The translator, in place: a decoder takes its visitor inout, and a visitor holding a
    /// copy of the translator would cost a copy in and out (and a retain and release) per
    /// instruction. The frontend makes each visitor inside withUnsafeMutablePointer(to:) over
    /// its translator (ARMFrontend.translateA32, translateThumb), so the pointer outlives it.
    let translator: UnsafeMutablePointer<Translator>
    var t: Translator {
        unsafeAddress { UnsafePointer(translator) }
        nonmutating unsafeMutableAddress { translator }
    }

    /// InITBlock() for the instruction being translated.
    var inIT: Bool { t.itState & 0xf != 0 }
    /// setflags for the encodings that set flags outside IT blocks only.
    var flagsOutsideIT: Bool { !inIT }

    mutating func dp(_ op: DataOp, d: UInt32, n: UInt32?, _ operand: ShiftedOperand, setFlags: Bool) -> Bool {
        let nv = n.map { t.reg($0) }
        t.dataProcessing(op, d: d, rn: nv, operand, setFlags: setFlags)
        return true
    }
    mutating func regOperand(_ m: UInt32) -> ShiftedOperand { ShiftedOperand(value: t.reg(m), carry: nil) }
    mutating func immOperand(_ v: UInt32) -> ShiftedOperand { ShiftedOperand(value: t.const32(v), carry: nil) }
}

extension T16Decoding: T16Visitor {
    // A6.2.1 Shift (immediate), add, subtract, move, compare
    mutating func MOV_reg_T2(Rm: UInt32, Rd: UInt32) -> Bool {
        guard !inIT else { return false }
        return dp(.mov, d: Rd, n: nil, regOperand(Rm), setFlags: true)
    }
    mutating func LSL_imm(imm5: UInt32, Rm: UInt32, Rd: UInt32) -> Bool {
        let s = flagsOutsideIT
        return dp(.mov, d: Rd, n: nil, t.shiftImmediate(t.reg(Rm), type: 0, imm5: imm5, wantCarry: s), setFlags: s)
    }
    mutating func LSR_imm(imm5: UInt32, Rm: UInt32, Rd: UInt32) -> Bool {
        let s = flagsOutsideIT
        return dp(.mov, d: Rd, n: nil, t.shiftImmediate(t.reg(Rm), type: 1, imm5: imm5, wantCarry: s), setFlags: s)
    }
    mutating func ASR_imm(imm5: UInt32, Rm: UInt32, Rd: UInt32) -> Bool {
        let s = flagsOutsideIT
        return dp(.mov, d: Rd, n: nil, t.shiftImmediate(t.reg(Rm), type: 2, imm5: imm5, wantCarry: s), setFlags: s)
    }
    mutating func ADD_reg_T1(Rm: UInt32, Rn: UInt32, Rd: UInt32) -> Bool { dp(.add, d: Rd, n: Rn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func SUB_reg(Rm: UInt32, Rn: UInt32, Rd: UInt32) -> Bool { dp(.sub, d: Rd, n: Rn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func ADD_imm_T1(imm3: UInt32, Rn: UInt32, Rd: UInt32) -> Bool { dp(.add, d: Rd, n: Rn, immOperand(imm3), setFlags: flagsOutsideIT) }
    mutating func SUB_imm_T1(imm3: UInt32, Rn: UInt32, Rd: UInt32) -> Bool { dp(.sub, d: Rd, n: Rn, immOperand(imm3), setFlags: flagsOutsideIT) }
    mutating func MOV_imm(Rd: UInt32, imm8: UInt32) -> Bool { dp(.mov, d: Rd, n: nil, immOperand(imm8), setFlags: flagsOutsideIT) }
    mutating func CMP_imm(Rn: UInt32, imm8: UInt32) -> Bool { dp(.cmp, d: 0, n: Rn, immOperand(imm8), setFlags: true) }
    mutating func ADD_imm_T2(Rdn: UInt32, imm8: UInt32) -> Bool { dp(.add, d: Rdn, n: Rdn, immOperand(imm8), setFlags: flagsOutsideIT) }
    mutating func SUB_imm_T2(Rdn: UInt32, imm8: UInt32) -> Bool { dp(.sub, d: Rdn, n: Rdn, immOperand(imm8), setFlags: flagsOutsideIT) }

    // A6.2.2 Data-processing
    mutating func AND_reg(Rm: UInt32, Rdn: UInt32) -> Bool { dp(.and, d: Rdn, n: Rdn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func EOR_reg(Rm: UInt32, Rdn: UInt32) -> Bool { dp(.eor, d: Rdn, n: Rdn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func shiftByRegister(_ type: UInt32, Rm: UInt32, Rdn: UInt32) -> Bool {
        let s = flagsOutsideIT
        return dp(.mov, d: Rdn, n: nil, t.shiftRegister(t.reg(Rdn), type: type, amount: t.reg(Rm), wantCarry: s), setFlags: s)
    }
    mutating func LSL_reg(Rm: UInt32, Rdn: UInt32) -> Bool { shiftByRegister(0, Rm: Rm, Rdn: Rdn) }
    mutating func LSR_reg(Rm: UInt32, Rdn: UInt32) -> Bool { shiftByRegister(1, Rm: Rm, Rdn: Rdn) }
    mutating func ASR_reg(Rm: UInt32, Rdn: UInt32) -> Bool { shiftByRegister(2, Rm: Rm, Rdn: Rdn) }
    mutating func ROR_reg(Rm: UInt32, Rdn: UInt32) -> Bool { shiftByRegister(3, Rm: Rm, Rdn: Rdn) }
    mutating func ADC_reg(Rm: UInt32, Rdn: UInt32) -> Bool { dp(.adc, d: Rdn, n: Rdn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func SBC_reg(Rm: UInt32, Rdn: UInt32) -> Bool { dp(.sbc, d: Rdn, n: Rdn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func TST_reg(Rm: UInt32, Rn: UInt32) -> Bool { dp(.tst, d: 0, n: Rn, regOperand(Rm), setFlags: true) }
    mutating func RSB_imm(Rn: UInt32, Rd: UInt32) -> Bool { dp(.rsb, d: Rd, n: Rn, immOperand(0), setFlags: flagsOutsideIT) }
    mutating func CMP_reg_T1(Rm: UInt32, Rn: UInt32) -> Bool { dp(.cmp, d: 0, n: Rn, regOperand(Rm), setFlags: true) }
    mutating func CMN_reg(Rm: UInt32, Rn: UInt32) -> Bool { dp(.cmn, d: 0, n: Rn, regOperand(Rm), setFlags: true) }
    mutating func ORR_reg(Rm: UInt32, Rdn: UInt32) -> Bool { dp(.orr, d: Rdn, n: Rdn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func MUL(Rn: UInt32, Rdm: UInt32) -> Bool {
        t.multiply(d: Rdm, n: Rn, m: Rdm, accumulate: nil, setFlags: flagsOutsideIT); return true
    }
    mutating func BIC_reg(Rm: UInt32, Rdn: UInt32) -> Bool { dp(.bic, d: Rdn, n: Rdn, regOperand(Rm), setFlags: flagsOutsideIT) }
    mutating func MVN_reg(Rm: UInt32, Rd: UInt32) -> Bool { dp(.mvn, d: Rd, n: nil, regOperand(Rm), setFlags: flagsOutsideIT) }

    // A6.2.3 Special data instructions and branch and exchange
    mutating func ADD_reg_T2(DN: UInt32, Rm: UInt32, Rdn: UInt32) -> Bool {
        let d = DN << 3 | Rdn
        return dp(.add, d: d, n: d, regOperand(Rm), setFlags: false)
    }
    mutating func CMP_reg_T2(N: UInt32, Rm: UInt32, Rn: UInt32) -> Bool { dp(.cmp, d: 0, n: N << 3 | Rn, regOperand(Rm), setFlags: true) }
    mutating func MOV_reg_T1(D: UInt32, Rm: UInt32, Rd: UInt32) -> Bool { dp(.mov, d: D << 3 | Rd, n: nil, regOperand(Rm), setFlags: false) }
    mutating func BX(Rm: UInt32) -> Bool { t.branchExchange(m: Rm); return true }
    mutating func BLX_reg(Rm: UInt32) -> Bool {
        guard Rm != 15 else { return false }
        t.branchLinkExchange(m: Rm); return true
    }

    // A6.2.4 Load/store single data item
    mutating func LDR_lit(Rt: UInt32, imm8: UInt32) -> Bool {
        t.load(.word, t: Rt, n: 15, immediate: imm8 << 2, .offset); return true
    }
    mutating func registerOffset(_ access: Access, load: Bool, Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool {
        let offset = t.reg(Rm)
        if load { t.load(access, t: Rt, n: Rn, offset: offset, .offset) } else { t.store(access, t: Rt, n: Rn, offset: offset, .offset) }
        return true
    }
    mutating func immediateOffset(_ access: Access, load: Bool, imm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool {
        if load { t.load(access, t: Rt, n: Rn, immediate: imm, .offset) } else { t.store(access, t: Rt, n: Rn, immediate: imm, .offset) }
        return true
    }
    mutating func STR_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.word, load: false, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func STRH_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.half, load: false, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func STRB_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.byte, load: false, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func LDRSB_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.signedByte, load: true, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func LDR_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.word, load: true, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func LDRH_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.half, load: true, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func LDRB_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.byte, load: true, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func LDRSH_reg(Rm: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { registerOffset(.signedHalf, load: true, Rm: Rm, Rn: Rn, Rt: Rt) }
    mutating func STR_imm_T1(imm5: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { immediateOffset(.word, load: false, imm: imm5 << 2, Rn: Rn, Rt: Rt) }
    mutating func LDR_imm_T1(imm5: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { immediateOffset(.word, load: true, imm: imm5 << 2, Rn: Rn, Rt: Rt) }
    mutating func STRB_imm(imm5: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { immediateOffset(.byte, load: false, imm: imm5, Rn: Rn, Rt: Rt) }
    mutating func LDRB_imm(imm5: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { immediateOffset(.byte, load: true, imm: imm5, Rn: Rn, Rt: Rt) }
    mutating func STRH_imm(imm5: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { immediateOffset(.half, load: false, imm: imm5 << 1, Rn: Rn, Rt: Rt) }
    mutating func LDRH_imm(imm5: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { immediateOffset(.half, load: true, imm: imm5 << 1, Rn: Rn, Rt: Rt) }
    mutating func STR_imm_T2(Rt: UInt32, imm8: UInt32) -> Bool { immediateOffset(.word, load: false, imm: imm8 << 2, Rn: 13, Rt: Rt) }
    mutating func LDR_imm_T2(Rt: UInt32, imm8: UInt32) -> Bool { immediateOffset(.word, load: true, imm: imm8 << 2, Rn: 13, Rt: Rt) }

    // A6.2.5 Miscellaneous 16-bit instructions, ADR, ADD (SP plus immediate)
    mutating func ADR(Rd: UInt32, imm8: UInt32) -> Bool { t.setReg(Rd, t.const32(t.pcAligned &+ imm8 << 2)); return true }
    mutating func ADD_SP_imm_T1(Rd: UInt32, imm8: UInt32) -> Bool { t.setReg(Rd, t.b.addi(t.reg(13), UInt64(imm8 << 2))); return true }
    mutating func ADD_SP_imm_T2(imm7: UInt32) -> Bool { t.setReg(13, t.b.addi(t.reg(13), UInt64(imm7 << 2))); return true }
    mutating func SUB_SP_imm(imm7: UInt32) -> Bool { t.setReg(13, t.b.addi(t.reg(13), UInt64(0 &- (imm7 << 2)))); return true }
    mutating func CBZ(i: UInt32, imm5: UInt32, Rn: UInt32) -> Bool {
        guard !inIT else { return false }
        t.compareAndBranch(n: Rn, offset: i << 6 | imm5 << 1, nonzero: false); return true
    }
    mutating func CBNZ(i: UInt32, imm5: UInt32, Rn: UInt32) -> Bool {
        guard !inIT else { return false }
        t.compareAndBranch(n: Rn, offset: i << 6 | imm5 << 1, nonzero: true); return true
    }
    mutating func SXTH(Rm: UInt32, Rd: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: 0, from: .ext16s); return true }
    mutating func SXTB(Rm: UInt32, Rd: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: 0, from: .ext8s); return true }
    mutating func UXTH(Rm: UInt32, Rd: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: 0, from: .ext16u); return true }
    mutating func UXTB(Rm: UInt32, Rd: UInt32) -> Bool { t.extend(d: Rd, n: nil, m: Rm, rotate: 0, from: .ext8u); return true }
    mutating func PUSH(M: UInt32, register_list: UInt32) -> Bool {
        let list = register_list | M << 14
        guard list != 0 else { return false }
        t.blockTransfer(load: false, n: 13, registers: list, increment: false, before: true, writeBack: true); return true
    }
    mutating func POP(P: UInt32, register_list: UInt32) -> Bool {
        let list = register_list | P << 15
        guard list != 0 else { return false }
        t.blockTransfer(load: true, n: 13, registers: list, increment: true, before: false, writeBack: true); return true
    }
    mutating func SETEND(E: UInt32) -> Bool {
        guard !inIT else { return false }
        t.setEndianness(bigEndian: E != 0); return true
    }
    mutating func CPS(im: UInt32, A: UInt32, I: UInt32, F: UInt32) -> Bool { true }
    mutating func REV(Rm: UInt32, Rd: UInt32) -> Bool { t.bitOp(.rev, d: Rd, m: Rm); return true }
    mutating func REV16(Rm: UInt32, Rd: UInt32) -> Bool { t.bitOp(.rev16, d: Rd, m: Rm); return true }
    mutating func REVSH(Rm: UInt32, Rd: UInt32) -> Bool { t.bitOp(.revsh, d: Rd, m: Rm); return true }
    mutating func BKPT(imm8: UInt32) -> Bool { t.breakpoint(imm8); return true }
    mutating func YIELD() -> Bool { true }
    mutating func WFE() -> Bool { true }
    mutating func WFI() -> Bool { true }
    mutating func SEV() -> Bool { true }
    mutating func NOP() -> Bool { true }
    mutating func IT(firstcond: UInt32, mask: UInt32) -> Bool {
        guard firstcond != 0xf, !(firstcond == 0xe && mask.nonzeroBitCount != 1), !inIT else { return false }
        t.nextITState = firstcond << 4 | mask
        return true
    }

    // A6.2 Load/store multiple, conditional branch, supervisor call, unconditional branch
    mutating func STM(Rn: UInt32, register_list: UInt32) -> Bool {
        guard register_list != 0 else { return false }
        t.blockTransfer(load: false, n: Rn, registers: register_list, increment: true, before: false, writeBack: true); return true
    }
    mutating func LDM(Rn: UInt32, register_list: UInt32) -> Bool {
        guard register_list != 0 else { return false }
        let writeBack = register_list & (1 << Rn) == 0
        t.blockTransfer(load: true, n: Rn, registers: register_list, increment: true, before: false, writeBack: writeBack); return true
    }
    mutating func UDF(imm8: UInt32) -> Bool { false }
    mutating func SVC(imm8: UInt32) -> Bool { t.supervisorCall(imm8); return true }
    mutating func B_T1(imm8: UInt32, cond: UInt32) -> Bool {
        guard !inIT else { return false }
        t.conditionalBranch(.condition(cond), to: t.pcRead &+ imm8 << 1)
        return true
    }
    mutating func B_T2(imm11: UInt32) -> Bool { t.branchRelative(imm11 << 1); return true }
}
