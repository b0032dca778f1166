// The A32 cond == 1111 space (ARM ARM A5.7): BLX (immediate), barriers, preload hints,
// CLREX, SETEND, and the system instructions user mode cannot run.

import ARMDecoder
import IR

struct A32UncondDecoding {
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

extension A32UncondDecoding: A32UncondVisitor {
    mutating func BLX_imm(H: UInt32, imm24: UInt32) -> Bool {
        t.branchWithLink(to: t.pcRead &+ (imm24 << 2 | H << 1), toThumb: true); return true
    }
    mutating func DMB(option: UInt32) -> Bool { t.b.fence(); return true }
    mutating func DSB(option: UInt32) -> Bool { t.b.fence(); return true }
    /// ISB: the next instruction is fetched anew; ending the block does that.
    mutating func ISB(option: UInt32) -> Bool { t.jump(to: t.next); return true }
    mutating func CLREX() -> Bool { t.clearExclusive(); return true }
    mutating func SETEND(E: UInt32) -> Bool { t.setEndianness(bigEndian: E != 0); return true }
    mutating func PLI_lit(U: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLI_imm(U: UInt32, Rn: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLD_lit(U: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLD_imm(U: UInt32, R: UInt32, Rn: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLI_reg(U: UInt32, Rn: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { true }
    mutating func PLD_reg(U: UInt32, R: UInt32, Rn: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { true }
    mutating func CPS(imod: UInt32, M: UInt32, A: UInt32, I: UInt32, F: UInt32, mode: UInt32) -> Bool {
        // CPS is a NOP in user mode (A8.8.35: "when executed in User mode, CPS is treated as a NOP").
        true
    }
    mutating func SRS(P: UInt32, U: UInt32, W: UInt32, mode: UInt32) -> Bool { false }
    mutating func RFE(P: UInt32, U: UInt32, W: UInt32, Rn: UInt32) -> Bool { false }
    mutating func NEON_dp() -> Bool {
        var v = NEONDecoding(translator: translator)
        let handled = NEONDecoder.decode(t.word, &v)
        return handled
    }
    mutating func NEON_ls() -> Bool { NEON_dp() }
}

extension Translator {
    /// SETEND: data endianness changes the block key, so the block ends here.
    mutating func setEndianness(bigEndian: Bool) {
        b.storeState(ARMState.bigEndian, b.const32(bigEndian ? 1 : 0))
        let target = b.const32(next)
        b.storeState(ARMState.pc, target)
        storeNextITState(nextITState)
        let flags = (thumb ? ARMFrontend.thumbFlag : 0) | (bigEndian ? ARMFrontend.bigEndianFlag : 0)
            | (defaultNaN ? ARMFrontend.defaultNaNFlag : 0) | (flushToZero ? ARMFrontend.flushToZeroFlag : 0)
            | nextITState << ARMFrontend.itShift
        b.lookupAndGoto(pc: target, flags: b.const32(flags))
        ended = true
    }
}
