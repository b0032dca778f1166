// Branches (ARM ARM A8.8: B, BL, BLX, BX, CBZ/CBNZ, TBB/TBH) and the exits that are not
// branches (SVC, BKPT, UDF).

import IR

extension Translator {
    /// B: to pcRead + offset, in the current instruction set.
    mutating func branchRelative(_ offset: UInt32) {
        jump(to: pcRead &+ offset)
    }

    /// BL / BLX (immediate): LR = return address (with the Thumb bit in Thumb state), then
    /// branch; `toThumb` switches instruction set (BLX).
    mutating func branchWithLink(to target: UInt32, toThumb: Bool) {
        setReg(14, b.const32(thumb ? next | 1 : next))
        jump(to: target, thumb: toThumb)
    }

    /// BX Rm.
    mutating func branchExchange(m: UInt32) {
        writePC(reg(m), .exchange)
    }

    /// BLX Rm: the target is read before LR is written (Rm may be LR).
    mutating func branchLinkExchange(m: UInt32) {
        let target = reg(m)
        setReg(14, b.const32(thumb ? next | 1 : next))
        writePC(target, .exchange)
    }

    /// CBZ/CBNZ: if (Rn == 0) == !nonzero, branch forward to pc + 4 + imm.
    mutating func compareAndBranch(n: UInt32, offset: UInt32, nonzero: Bool) {
        let notTaken = b.newLabel()
        b.brcond(nonzero ? .eq : .ne, reg(n), b.const32(0), notTaken)
        jump(to: pcRead &+ offset, slot: 0)
        b.label(notTaken)
        jump(to: next, slot: 1)
    }

    /// TBB/TBH: pc = pcRead + 2 * table[Rm] (bytes or halfwords at Rn).
    mutating func tableBranch(n: UInt32, m: UInt32, half: Bool) {
        let index = half ? b.shli(reg(m), 1) : reg(m)
        let entry = b.load(memop(half ? .half : .byte), .i32, address: b.add(reg(n), index))
        let target = b.add(b.const32(pcRead), b.shli(entry, 1))
        b.storeState(ARMState.pc, target)
        storeNextITState(0)
        b.lookupAndGoto(pc: target, flags: b.const32(keyFlags(itState: 0)))
        ended = true
    }

    /// SVC #imm: a system call; the engine's caller runs it and resumes after.
    mutating func supervisorCall(_ imm: UInt32) {
        exit(.syscall, payload: UInt64(imm), resumeAfter: true)
    }

    /// BKPT #imm.
    mutating func breakpoint(_ imm: UInt32) {
        exit(.breakpoint, payload: UInt64(imm), resumeAfter: false)
    }
}
