// Branches and jumps with their delay slots (MIPS32 Vol. II-A: B*, J, JAL, JR, JALR and the
// branch-likely forms). A branch translates to a PendingBranch: its condition and target are
// read as IR values before the delay slot runs, its link register is written at once (the slot
// sees it, as on the hardware), and the frontend then translates the slot and `finishBranch`
// ends the block. A likely branch skips its slot when not taken. A branch in a delay slot is a
// reserved instruction here, as qemu makes it (the manual calls it UNPREDICTABLE).

import IR

extension Translator {
    /// The target of a PC-relative branch: the delay slot's address plus offset * 4.
    func relativeTarget(_ offset: UInt32) -> UInt32 {
        pc &+ 4 &+ (offset << 2)
    }

    /// Records a branch; `link` is the register that receives the return address (pc + 8).
    mutating func branch(_ target: PendingBranch.Target, if condition: (Condition, Value, Value)? = nil,
                         floatCompare: FloatCompare? = nil, likely: Bool = false, link: UInt32? = nil) {
        guard !inDelaySlot else { return undefined() }
        guard slotAvailable else {
            slotMissing = true
            return
        }
        if let link { setGPR(link, b.const32(pc &+ 8)) }
        let c = condition.map { (condition: $0.0, a: $0.1, b: $0.2) }
        pending = PendingBranch(pc: pc, target: target, condition: c, floatCompare: floatCompare, likely: likely, notTaken: nil)
    }

    /// Branches to `l` when the pending branch is taken (`taken`) or not taken (`!taken`). A
    /// float comparison is made again right before the brcond, which the JIT fuses with it.
    mutating func branch(on branch: PendingBranch, taken: Bool, to l: Label) {
        guard let c = branch.condition else {
            if taken { b.br(l) }
            return
        }
        if let f = branch.floatCompare {
            let holds = b.fsetcond(f.condition, f.x, f.y)
            b.brcond(taken != f.negated ? .ne : .eq, holds, b.const32(0), l)
        } else {
            b.brcond(taken ? c.condition : c.condition.inverted, c.a, c.b, l)
        }
    }

    /// A PC-relative branch on the comparison of GPR[rs] with GPR[rt] (or zero).
    mutating func compareBranch(_ condition: Condition, rs: UInt32, rt: UInt32?, offset: UInt32,
                                likely: Bool = false, link: UInt32? = nil) {
        let target = PendingBranch.Target.direct(relativeTarget(offset))
        if condition == .eq, let rt, rt == rs {
            // BEQ rs, rs (the assembler's B) is always taken.
            branch(target, likely: likely, link: link)
            return
        }
        if rs == 0 && (rt ?? 0) == 0 {
            // Both operands are $0 (BAL is BGEZAL $0): decided now.
            if condition.holds(0, 0, bits: 32) {
                branch(target, likely: likely, link: link)
                return
            }
        }
        let a = gpr(rs), other = rt.map { gpr($0) } ?? b.const32(0)
        branch(target, if: (condition, a, other), likely: likely, link: link)
    }

    /// J and JAL: the target's top four bits are the delay slot's.
    mutating func jump(index: UInt32, link: Bool) {
        let target = (pc &+ 4) & 0xf000_0000 | index << 2
        branch(.direct(target), link: link ? 31 : nil)
    }

    /// JR and JALR: to GPR[rs], read before the link is written (JALR with rd == rs is
    /// UNPREDICTABLE; this reads the old value).
    mutating func jumpRegister(rs: UInt32, link rd: UInt32?) {
        let target = gpr(rs)
        branch(.indirect(target), link: rd)
    }

    /// Starts the delay slot of the pending branch at `pc + 4`: a likely branch first leaves
    /// for the not-taken path.
    mutating func beginDelaySlot(word slotWord: UInt32) {
        guard var branch = pending else { return }
        pending = nil
        if branch.likely, branch.condition != nil {
            let notTaken = b.newLabel()
            self.branch(on: branch, taken: false, to: notTaken)
            branch.notTaken = notTaken
        }
        delaySlotOf = branch
        pc = branch.pc &+ 4
        word = slotWord
        ended = false
        // Resume byte 1: a fault here restarts at the branch (MIPSFrontend.resume).
        b.insnStart(UInt64(pc), resume: 1)
    }

    /// After the delay slot: leave for the target (or the fall-through when not taken).
    /// - Back to the block's own start: the block loops (IR.md, "Blocks"): the exit-request flag
    ///   is tested first, then the branch back is the loop's one conditional jump; when the flag
    ///   is up the branch is taken or not as usual and leaves the block (the delay slot ran, so
    ///   the block cannot stop before the branch), and the next block's entry check stops.
    /// - Forward, conditional, not likely, one of the block's first two such: the taken side
    ///   leaves through goto_tb slot 2 or 3 after the block's end (`emitDeferredExits`) and
    ///   translation goes on after the delay slot (`continues`), so a loop with an early exit is
    ///   still one block.
    /// - Otherwise the block ends here, both sides chained.
    mutating func finishBranch() {
        guard let branch = delaySlotOf else { return }
        flushNaNChecks()
        delaySlotOf = nil
        if !ended {
            switch branch.target {
            case .indirect(let target):
                b.storeState(MIPSState.pc, target)
                b.lookupAndGoto(pc: target, flags: b.const32(keyFlags))
            case .direct(let target):
                if UInt64(target) == b.block.key.pc {
                    let head = loopHead ?? b.newLabel()
                    loopHead = head
                    let stop = b.newLabel()
                    b.brcond(.ne, b.loadState(.i32, MIPSState.exitRequest), b.const32(0), stop)
                    if branch.condition != nil, !branch.likely {
                        self.branch(on: branch, taken: true, to: head)
                    } else {
                        b.br(head)
                    }
                    b.label(stop)
                } else if branch.condition != nil, !branch.likely, target > branch.pc, deferredExits.count < 2 {
                    let taken = b.newLabel()
                    self.branch(on: branch, taken: true, to: taken)
                    deferredExits.append((taken, target))
                    continues = true
                    return
                }
                if branch.condition != nil, !branch.likely {
                    let taken = b.newLabel()
                    self.branch(on: branch, taken: true, to: taken)
                    jump(to: branch.fallThrough, slot: 1)
                    b.label(taken)
                }
                jump(to: target, slot: 0)
            }
        }
        if let notTaken = branch.notTaken {
            b.label(notTaken)
            jump(to: branch.fallThrough, slot: 1)
        }
        ended = true
    }

    /// The taken sides of the conditional branches the block continued past, after its end.
    mutating func emitDeferredExits() {
        for (k, exit) in deferredExits.enumerated() {
            b.label(exit.label)
            jump(to: exit.target, slot: 2 + k)
        }
    }
}
