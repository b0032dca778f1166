// The MIPS32 visitor's exceptions, barriers, hardware registers, and the hand-over of the
// COP1/COP1X opcodes to the FPU decoder.

import IR
import MIPSDecoder

extension MIPS32Decoding {
    mutating func SYSCALL(code: UInt32) -> Bool { t.systemCall(code: code); return true }
    mutating func BREAK(code: UInt32) -> Bool { t.trap(.breakInstruction(code: code)); return true }
    /// SDBBP: the EJTAG debug breakpoint has no user-mode meaning; reserved.
    mutating func SDBBP(code: UInt32) -> Bool { false }
    /// SYNC (every stype): a full barrier.
    mutating func SYNC(stype: UInt32) -> Bool { t.b.fence(); return true }
    mutating func RDHWR(rt: UInt32, rd: UInt32) -> Bool { t.readHardwareRegister(rt: rt, rd: rd) }

    // Traps on register comparisons (code: bits 15:6) and on immediates (no code).
    mutating func TEQ(rs: UInt32, rt: UInt32, code: UInt32) -> Bool { trap(.eq, rs, rt, code) }
    mutating func TNE(rs: UInt32, rt: UInt32, code: UInt32) -> Bool { trap(.ne, rs, rt, code) }
    mutating func TGE(rs: UInt32, rt: UInt32, code: UInt32) -> Bool { trap(.ge, rs, rt, code) }
    mutating func TGEU(rs: UInt32, rt: UInt32, code: UInt32) -> Bool { trap(.geu, rs, rt, code) }
    mutating func TLT(rs: UInt32, rt: UInt32, code: UInt32) -> Bool { trap(.lt, rs, rt, code) }
    mutating func TLTU(rs: UInt32, rt: UInt32, code: UInt32) -> Bool { trap(.ltu, rs, rt, code) }
    mutating func TEQI(rs: UInt32, imm: UInt32) -> Bool { trapImmediate(.eq, rs, imm) }
    mutating func TNEI(rs: UInt32, imm: UInt32) -> Bool { trapImmediate(.ne, rs, imm) }
    mutating func TGEI(rs: UInt32, imm: UInt32) -> Bool { trapImmediate(.ge, rs, imm) }
    mutating func TGEIU(rs: UInt32, imm: UInt32) -> Bool { trapImmediate(.geu, rs, imm) }
    mutating func TLTI(rs: UInt32, imm: UInt32) -> Bool { trapImmediate(.lt, rs, imm) }
    mutating func TLTIU(rs: UInt32, imm: UInt32) -> Bool { trapImmediate(.ltu, rs, imm) }

    mutating func trap(_ c: Condition, _ rs: UInt32, _ rt: UInt32, _ code: UInt32) -> Bool {
        t.trap(if: c, t.gpr(rs), t.gpr(rt), code: code); return true
    }
    mutating func trapImmediate(_ c: Condition, _ rs: UInt32, _ imm: UInt32) -> Bool {
        t.trap(if: c, t.gpr(rs), t.const32(imm), code: 0); return true
    }

    // MARK: The FPU (MIPS32FPU.decode)

    mutating func COP1() -> Bool { fpu() }
    mutating func COP1X() -> Bool { fpu() }

    mutating func fpu() -> Bool {
        var v = MIPS32FPUDecoding(t: t)
        let handled = MIPS32FPUDecoder.decode(t.word, &v)
        t = v.t
        return handled
    }
}
