// The MIPS32 visitor (MIPS32.decode): ALU, shift, immediate, HI/LO and Release 2 bit
// instructions. Branches, loads/stores and system instructions are in the other
// MIPS32Decoding+*.swift files; the FPU's COP1/COP1X words go to MIPS32FPUDecoding.

import IR
import MIPSDecoder

struct MIPS32Decoding {
    var t: Translator

    // MARK: Register arithmetic and logic

    mutating func ADD(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool {
        t.addTrapping(t.gpr(rs), t.gpr(rt), to: rd); return true
    }
    mutating func ADDU(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.add, rs, rt, rd) }
    mutating func SUB(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool {
        t.subtractTrapping(t.gpr(rs), t.gpr(rt), to: rd); return true
    }
    mutating func SUBU(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.sub, rs, rt, rd) }
    mutating func AND(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.and, rs, rt, rd) }
    mutating func OR(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.or, rs, rt, rd) }
    mutating func XOR(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.xor, rs, rt, rd) }
    mutating func NOR(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool {
        guard rd != 0 else { return true }
        t.setGPR(rd, t.b.not(t.b.or(t.gpr(rs), t.gpr(rt)))); return true
    }
    mutating func SLT(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { setLess(.lt, rs, rt, rd) }
    mutating func SLTU(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { setLess(.ltu, rs, rt, rd) }

    /// rd = rs op rt; nothing when rd is $0 (the result would be dropped).
    mutating func binary(_ op: Opcode, _ rs: UInt32, _ rt: UInt32, _ rd: UInt32) -> Bool {
        guard rd != 0 else { return true }
        t.setGPR(rd, t.b.binary(op, t.gpr(rs), t.gpr(rt))); return true
    }

    mutating func setLess(_ c: Condition, _ rs: UInt32, _ rt: UInt32, _ rd: UInt32) -> Bool {
        guard rd != 0 else { return true }
        t.setGPR(rd, t.b.setcond(c, t.gpr(rs), t.gpr(rt))); return true
    }

    // MARK: Immediates

    mutating func ADDI(rs: UInt32, rt: UInt32, imm: UInt32) -> Bool {
        t.addTrapping(t.gpr(rs), t.const32(imm), to: rt); return true
    }
    mutating func ADDIU(rs: UInt32, rt: UInt32, imm: UInt32) -> Bool { immediate(.add, rs, rt, imm) }
    mutating func SLTI(rs: UInt32, rt: UInt32, imm: UInt32) -> Bool { setLessImmediate(.lt, rs, rt, imm) }
    /// SLTIU: the immediate is sign-extended, then compared unsigned.
    mutating func SLTIU(rs: UInt32, rt: UInt32, imm: UInt32) -> Bool { setLessImmediate(.ltu, rs, rt, imm) }
    mutating func ANDI(rs: UInt32, rt: UInt32, imm: UInt32) -> Bool { immediate(.and, rs, rt, imm) }
    mutating func ORI(rs: UInt32, rt: UInt32, imm: UInt32) -> Bool { immediate(.or, rs, rt, imm) }
    mutating func XORI(rs: UInt32, rt: UInt32, imm: UInt32) -> Bool { immediate(.xor, rs, rt, imm) }
    mutating func LUI(rt: UInt32, imm: UInt32) -> Bool {
        t.setGPR(rt, t.const32(imm << 16)); return true
    }

    /// rt = rs op imm (imm already extended as the instruction wants).
    mutating func immediate(_ op: Opcode, _ rs: UInt32, _ rt: UInt32, _ imm: UInt32) -> Bool {
        guard rt != 0 else { return true }
        t.setGPR(rt, rs == 0 && op != .and ? t.const32(imm) : t.b.binary(op, t.gpr(rs), t.const32(imm))); return true
    }

    mutating func setLessImmediate(_ c: Condition, _ rs: UInt32, _ rt: UInt32, _ imm: UInt32) -> Bool {
        guard rt != 0 else { return true }
        t.setGPR(rt, t.b.setcond(c, t.gpr(rs), t.const32(imm))); return true
    }

    // MARK: Shifts and rotations (the IR takes register counts modulo 32, as MIPS does)

    mutating func SLL(rt: UInt32, rd: UInt32, sa: UInt32) -> Bool { shift(.shl, rt, rd, sa) }
    mutating func SRL(rt: UInt32, rd: UInt32, sa: UInt32) -> Bool { shift(.shr, rt, rd, sa) }
    mutating func SRA(rt: UInt32, rd: UInt32, sa: UInt32) -> Bool { shift(.sar, rt, rd, sa) }
    mutating func ROTR(rt: UInt32, rd: UInt32, sa: UInt32) -> Bool { shift(.rotr, rt, rd, sa) }
    mutating func SLLV(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.shl, rt, rs, rd) }
    mutating func SRLV(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.shr, rt, rs, rd) }
    mutating func SRAV(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.sar, rt, rs, rd) }
    mutating func ROTRV(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.rotr, rt, rs, rd) }

    /// rd = rt shifted by sa. SLL to $0 is NOP, SSNOP, EHB and PAUSE: nothing to do.
    mutating func shift(_ op: Opcode, _ rt: UInt32, _ rd: UInt32, _ sa: UInt32) -> Bool {
        guard rd != 0 else { return true }
        t.setGPR(rd, sa == 0 ? t.gpr(rt) : t.b.binary(op, t.gpr(rt), imm: UInt64(sa))); return true
    }

    // MARK: Conditional moves

    mutating func MOVZ(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool {
        t.conditionalMove(rd: rd, rs: rs, rt: rt, ifZero: true); return true
    }
    mutating func MOVN(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool {
        t.conditionalMove(rd: rd, rs: rs, rt: rt, ifZero: false); return true
    }
    mutating func MOVF(rs: UInt32, cc: UInt32, rd: UInt32) -> Bool {
        t.conditionalMoveOnFCC(rd: rd, rs: rs, cc: cc, ifTrue: false); return true
    }
    mutating func MOVT(rs: UInt32, cc: UInt32, rd: UInt32) -> Bool {
        t.conditionalMoveOnFCC(rd: rd, rs: rs, cc: cc, ifTrue: true); return true
    }

    // MARK: HI and LO

    mutating func MFHI(rd: UInt32) -> Bool { t.setGPR(rd, t.b.loadState(.i32, MIPSState.hi)); return true }
    mutating func MFLO(rd: UInt32) -> Bool { t.setGPR(rd, t.b.loadState(.i32, MIPSState.lo)); return true }
    mutating func MTHI(rs: UInt32) -> Bool { t.b.storeState(MIPSState.hi, t.gpr(rs)); return true }
    mutating func MTLO(rs: UInt32) -> Bool { t.b.storeState(MIPSState.lo, t.gpr(rs)); return true }
    mutating func MULT(rs: UInt32, rt: UInt32) -> Bool { t.multiply(rs: rs, rt: rt, signed: true); return true }
    mutating func MULTU(rs: UInt32, rt: UInt32) -> Bool { t.multiply(rs: rs, rt: rt, signed: false); return true }
    mutating func DIV(rs: UInt32, rt: UInt32) -> Bool { t.divide(rs: rs, rt: rt, signed: true); return true }
    mutating func DIVU(rs: UInt32, rt: UInt32) -> Bool { t.divide(rs: rs, rt: rt, signed: false); return true }
    mutating func MADD(rs: UInt32, rt: UInt32) -> Bool {
        t.multiplyAccumulate(rs: rs, rt: rt, signed: true, subtract: false); return true
    }
    mutating func MADDU(rs: UInt32, rt: UInt32) -> Bool {
        t.multiplyAccumulate(rs: rs, rt: rt, signed: false, subtract: false); return true
    }
    mutating func MSUB(rs: UInt32, rt: UInt32) -> Bool {
        t.multiplyAccumulate(rs: rs, rt: rt, signed: true, subtract: true); return true
    }
    mutating func MSUBU(rs: UInt32, rt: UInt32) -> Bool {
        t.multiplyAccumulate(rs: rs, rt: rt, signed: false, subtract: true); return true
    }
    /// MUL: GPR[rd] = the low word of the product; HI and LO are UNPREDICTABLE afterwards and
    /// are left as they were (as qemu does).
    mutating func MUL(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { binary(.mul, rs, rt, rd) }

    // MARK: Release 2 bit instructions

    mutating func CLZ(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { t.countLeading(rd: rd, rs: rs, ones: false); return true }
    mutating func CLO(rs: UInt32, rt: UInt32, rd: UInt32) -> Bool { t.countLeading(rd: rd, rs: rs, ones: true); return true }
    mutating func EXT(rs: UInt32, rt: UInt32, msbd: UInt32, lsb: UInt32) -> Bool {
        t.extractField(rt: rt, rs: rs, lsb: lsb, size: msbd + 1)
    }
    mutating func INS(rs: UInt32, rt: UInt32, msb: UInt32, lsb: UInt32) -> Bool {
        t.insertField(rt: rt, rs: rs, lsb: lsb, msb: msb)
    }
    mutating func WSBH(rt: UInt32, rd: UInt32) -> Bool { t.swapBytesInHalfwords(rd: rd, rt: rt); return true }
    mutating func SEB(rt: UInt32, rd: UInt32) -> Bool { t.setGPR(rd, t.b.unary(.ext8s, t.gpr(rt))); return true }
    mutating func SEH(rt: UInt32, rd: UInt32) -> Bool { t.setGPR(rd, t.b.unary(.ext16s, t.gpr(rt))); return true }
}

extension MIPS32Decoding: MIPS32Visitor {}
