// The MIPS32 visitor's branches and jumps (Translator+Branch.swift does the delay slots).

import IR
import MIPSDecoder

extension MIPS32Decoding {
    mutating func BEQ(rs: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.compareBranch(.eq, rs: rs, rt: rt, offset: offset); return true }
    mutating func BNE(rs: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.compareBranch(.ne, rs: rs, rt: rt, offset: offset); return true }
    mutating func BLEZ(rs: UInt32, offset: UInt32) -> Bool { t.compareBranch(.le, rs: rs, rt: nil, offset: offset); return true }
    mutating func BGTZ(rs: UInt32, offset: UInt32) -> Bool { t.compareBranch(.gt, rs: rs, rt: nil, offset: offset); return true }
    mutating func BLTZ(rs: UInt32, offset: UInt32) -> Bool { t.compareBranch(.lt, rs: rs, rt: nil, offset: offset); return true }
    mutating func BGEZ(rs: UInt32, offset: UInt32) -> Bool { t.compareBranch(.ge, rs: rs, rt: nil, offset: offset); return true }
    /// BLTZAL, BGEZAL: GPR[31] = pc + 8 whether or not the branch is taken.
    mutating func BLTZAL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.lt, rs: rs, rt: nil, offset: offset, link: 31); return true
    }
    mutating func BGEZAL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.ge, rs: rs, rt: nil, offset: offset, link: 31); return true
    }

    // Branch-likely: the delay slot runs only when the branch is taken.
    mutating func BEQL(rs: UInt32, rt: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.eq, rs: rs, rt: rt, offset: offset, likely: true); return true
    }
    mutating func BNEL(rs: UInt32, rt: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.ne, rs: rs, rt: rt, offset: offset, likely: true); return true
    }
    mutating func BLEZL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.le, rs: rs, rt: nil, offset: offset, likely: true); return true
    }
    mutating func BGTZL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.gt, rs: rs, rt: nil, offset: offset, likely: true); return true
    }
    mutating func BLTZL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.lt, rs: rs, rt: nil, offset: offset, likely: true); return true
    }
    mutating func BGEZL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.ge, rs: rs, rt: nil, offset: offset, likely: true); return true
    }
    mutating func BLTZALL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.lt, rs: rs, rt: nil, offset: offset, likely: true, link: 31); return true
    }
    mutating func BGEZALL(rs: UInt32, offset: UInt32) -> Bool {
        t.compareBranch(.ge, rs: rs, rt: nil, offset: offset, likely: true, link: 31); return true
    }

    mutating func J(instr_index: UInt32) -> Bool { t.jump(index: instr_index, link: false); return true }
    mutating func JAL(instr_index: UInt32) -> Bool { t.jump(index: instr_index, link: true); return true }
    /// JR, JR.HB (the hazard barrier has nothing to order here).
    mutating func JR(rs: UInt32, hb: UInt32) -> Bool { t.jumpRegister(rs: rs, link: nil); return true }
    mutating func JALR(rs: UInt32, rd: UInt32, hb: UInt32) -> Bool { t.jumpRegister(rs: rs, link: rd); return true }
}
