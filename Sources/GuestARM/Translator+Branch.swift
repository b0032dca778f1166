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
        conditionalBranch(nonzero ? .nonzero(n) : .zero(n), to: pcRead &+ offset)
    }

    /// What a conditional branch tests.
    enum BranchTest {
        /// An ARM condition (0-13) on the flags: B<c>.
        case condition(UInt32)
        /// Rn is zero (CBZ) or not (CBNZ).
        case zero(UInt32), nonzero(UInt32)
    }

    /// Branches to `l` when `test` holds (`when`) or does not hold (`unless`).
    mutating func branch(when test: BranchTest, to l: Label) {
        switch test {
        case .condition(let c): branch(ifNot: c ^ 1, to: l)  // ARM conditions come in complementary pairs
        case .zero(let n): b.brcond(.eq, reg(n), b.const32(0), l)
        case .nonzero(let n): b.brcond(.ne, reg(n), b.const32(0), l)
        }
    }
    mutating func branch(unless test: BranchTest, to l: Label) {
        switch test {
        case .condition(let c): branch(ifNot: c, to: l)
        case .zero(let n): b.brcond(.ne, reg(n), b.const32(0), l)
        case .nonzero(let n): b.brcond(.eq, reg(n), b.const32(0), l)
        }
    }

    /// A conditional branch to a translation-time target outside an IT block (B<c>, CBZ, CBNZ).
    /// - Back to the block's start: the block loops. The exit-request flag is tested first, so
    ///   the branch back is the loop's one conditional jump; when the flag is up the block
    ///   leaves at this instruction (not yet run) for the engine's caller.
    /// - Forward, the first such in the block: the taken side leaves through a goto_tb after
    ///   the block's end (ARMFrontend), and translation goes on along the not-taken side, so a
    ///   loop with an early exit is still one block.
    /// - Otherwise the block ends here with both sides chained.
    mutating func conditionalBranch(_ test: BranchTest, to target: UInt32) {
        if UInt64(target) == b.block.key.pc && entryITState == 0 {
            let head = loopHead ?? b.newLabel()
            loopHead = head
            let stop = b.newLabel()
            b.brcond(.ne, b.loadState(.i32, ARMState.exitRequest), b.const32(0), stop)
            branch(when: test, to: head)
            jump(to: next, slot: 1)
            b.label(stop)
            exit(.exitRequest, resumeAfter: false)
            return
        }
        if target > pc && deferredExits.isEmpty {
            let taken = b.newLabel()
            branch(when: test, to: taken)
            deferredExits.append((taken, target))
            return
        }
        let notTaken = b.newLabel()
        branch(unless: test, to: notTaken)
        jump(to: target, slot: 0)
        b.label(notTaken)
        jump(to: next, slot: 1)
    }

    /// The taken sides of the conditional branches the block continued past, after its end.
    mutating func emitDeferredExits() {
        for (k, exit) in deferredExits.enumerated() {
            b.label(exit.label)
            nextITState = 0
            jump(to: exit.target, slot: 2 + k)
        }
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
