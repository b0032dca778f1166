// A32 branches, exceptions, hints, status registers and coprocessors (ARM ARM A5.2.11,
// A5.2.12, A5.5, A5.6).

import ARMDecoder
import IR

extension A32Decoding {
    mutating func B(cond: UInt32, imm24: UInt32) -> Bool { t.branchRelative(imm24 << 2); return true }
    mutating func BL(cond: UInt32, imm24: UInt32) -> Bool {
        t.branchWithLink(to: t.pcRead &+ (imm24 << 2), toThumb: false); return true
    }
    mutating func BX(cond: UInt32, Rm: UInt32) -> Bool { t.branchExchange(m: Rm); return true }
    /// BXJ: no Jazelle, so it is BX.
    mutating func BXJ(cond: UInt32, Rm: UInt32) -> Bool { t.branchExchange(m: Rm); return true }
    mutating func BLX_reg(cond: UInt32, Rm: UInt32) -> Bool {
        guard Rm != 15 else { return false }
        t.branchLinkExchange(m: Rm); return true
    }
    mutating func SVC(cond: UInt32, imm24: UInt32) -> Bool { t.supervisorCall(imm24); return true }
    mutating func BKPT(cond: UInt32, imm12: UInt32, imm4: UInt32) -> Bool { t.breakpoint(imm12 << 4 | imm4); return true }
    mutating func UDF(cond: UInt32, imm12: UInt32, imm4: UInt32) -> Bool { false }

    // Hints: no effect on a user-mode emulation.
    mutating func NOP(cond: UInt32) -> Bool { true }
    mutating func YIELD(cond: UInt32) -> Bool { true }
    mutating func WFE(cond: UInt32) -> Bool { true }
    mutating func WFI(cond: UInt32) -> Bool { true }
    mutating func SEV(cond: UInt32) -> Bool { true }
    mutating func DBG(cond: UInt32, option: UInt32) -> Bool { true }

    // Status registers: APSR only (SPSR does not exist in user mode).
    mutating func MRS(cond: UInt32, R: UInt32, Rd: UInt32) -> Bool {
        guard R == 0, Rd != 15 else { return false }
        t.readAPSR(d: Rd); return true
    }
    mutating func MSR_imm(cond: UInt32, R: UInt32, mask: UInt32, imm12: UInt32) -> Bool {
        guard R == 0, mask & 0b1100 != 0 else { return false }
        t.writeAPSR(t.armExpandImm(imm12, wantCarry: false).value, mask: mask >> 2); return true
    }
    mutating func MSR_reg(cond: UInt32, R: UInt32, mask: UInt32, Rn: UInt32) -> Bool {
        guard R == 0, mask & 0b1100 != 0, Rn != 15 else { return false }
        t.writeAPSR(t.reg(Rn), mask: mask >> 2); return true
    }

    // Coprocessors: VFP/NEON through their own decoder; CP15 for the user registers.
    mutating func VFP() -> Bool {
        var v = VFPDecoding(translator: translator)
        let handled = VFPDecoder.decode(t.word, &v)
        return handled
    }
    mutating func MRC(cond: UInt32, opc1: UInt32, CRn: UInt32, Rt: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool {
        coproc == 15 && t.readCP15(t: Rt, opc1: opc1, crn: CRn, crm: CRm, opc2: opc2)
    }
    mutating func MCR(cond: UInt32, opc1: UInt32, CRn: UInt32, Rt: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool {
        coproc == 15 && t.writeCP15(t: Rt, opc1: opc1, crn: CRn, crm: CRm, opc2: opc2)
    }
    mutating func MCRR(cond: UInt32, Rt2: UInt32, Rt: UInt32, coproc: UInt32, opc1: UInt32, CRm: UInt32) -> Bool { false }
    mutating func MRRC(cond: UInt32, Rt2: UInt32, Rt: UInt32, coproc: UInt32, opc1: UInt32, CRm: UInt32) -> Bool { false }
    mutating func LDC_lit(cond: UInt32, P: UInt32, U: UInt32, D: UInt32, W: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func LDC_imm(cond: UInt32, P: UInt32, U: UInt32, D: UInt32, W: UInt32, Rn: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func STC(cond: UInt32, P: UInt32, U: UInt32, D: UInt32, W: UInt32, Rn: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func CDP(cond: UInt32, opc1: UInt32, CRn: UInt32, CRd: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool { false }
}

extension A32Decoding: A32Visitor {}
