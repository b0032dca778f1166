// Comparisons, selects, branches inside a block, and the block's exits: chainable goto_tb,
// the inline jump-cache probe of lookup_and_goto, and exit_tb.

import IR
import X64Assembler

extension X64Compiler {
    static func condition(_ c: IR.Condition) -> X64Assembler.Condition {
        switch c {
        case .eq: .e
        case .ne: .ne
        case .lt: .l
        case .le: .le
        case .gt: .g
        case .ge: .ge
        case .ltu: .b
        case .leu: .be
        case .gtu: .a
        case .geu: .ae
        case .tstne: .ne
        case .tsteq: .e
        }
    }

    /// Sets the host flags for `a cond b` (cmp, or test for the tst conditions).
    mutating func compare(_ op: Op, _ cond: IR.Condition) {
        let wide = op.type.bits == 64
        let x = gpr(op.a, into: .rax)
        let test = cond == .tstne || cond == .tsteq
        if let k = constantValue(op.b) {
            let imm = Int32(truncatingIfNeeded: k)
            if test {
                if wide { a.test(x, imm32: imm) } else { a.test(x.dword, imm32: imm) }
            } else {
                if wide { a.cmp(x, imm) } else { a.cmp(x.dword, imm) }
            }
            return
        }
        let y = gpr(op.b, into: .rcx)
        if test {
            if wide { a.test(x, y) } else { a.test(x.dword, y.dword) }
        } else {
            if wide { a.cmp(x, y) } else { a.cmp(x.dword, y.dword) }
        }
    }

    mutating func lowerCompare(_ op: Op) {
        if op.opcode == .setcond {
            let cond = IR.Condition(rawValue: op.aux) ?? .eq
            // Straight into the result's register (an operand's register too: cmp reads first).
            let dst = resultRegister(op.dst, scratch: .rax)
            compare(op, cond)
            a.setcc(Self.condition(cond), dst.byte)
            a.movzx(dst.dword, dst.byte)
            store(op.dst, from: dst)
            return
        }
        // select: dst = a != 0 ? b : c, on any type's bits.
        let wide = op.type.bits == 64
        let yes = op.type.isFloat ? floatBits(op.b, into: .rcx) : gpr(op.b, into: .rcx)
        let no = op.type.isFloat ? floatBits(op.c, into: .rdx) : gpr(op.c, into: .rdx)
        let condition = gpr(op.a, into: .rax)
        a.test(condition.dword, condition.dword)
        if wide { a.mov(GPR.rax, no) } else { a.mov(GPR.rax.dword, no.dword) }
        if wide { a.cmovcc(.ne, GPR.rax, yes) } else { a.cmovcc(.ne, GPR.rax.dword, yes.dword) }
        if op.type.isFloat {
            let x = resultXMM(op.dst, scratch: .xmm15)
            a.movq(x, GPR.rax)
            store(op.dst, fromXMM: x)
        } else {
            store(op.dst, from: .rax)
        }
    }

    /// A float value's bits in a general register.
    /// An f32's bits zero-extended (movd): the XMM register's upper bits are whatever the last
    /// scalar op left there.
    mutating func floatBits(_ v: Value, into scratch: GPR) -> GPR {
        let x = xmm(v, into: .xmm15)
        if valueTypes[Int(v.index)] == .f32 { a.movd(scratch.dword, x) } else { a.movq(scratch, x) }
        return scratch
    }

    /// Whether `op` is an integer load_state whose only use is `next` (at index j), a brcond
    /// of it against a constant that fits an imm32.
    func stateFusesWithBranch(_ op: Op, _ next: Op, at j: Int) -> Bool {
        guard op.opcode == .loadState, op.type.isInteger, next.opcode == .brcond, next.a == op.dst, next.b != op.dst,
              let k = constantValue(next.b), op.type.bits == 32 || Int64(bitPattern: k) == Int64(Int32(truncatingIfNeeded: k))
        else { return false }
        let info = values[slot(op.dst)]
        return info.definitions == 1 && info.end == Int32(j)
    }

    /// load_state + brcond: cmp [r15 + offset], imm and the jcc.
    mutating func lowerStateBranch(_ load: Op, _ branch: Op) {
        let cond = IR.Condition(rawValue: branch.aux) ?? .eq
        let k = Int32(truncatingIfNeeded: constantValue(branch.b) ?? 0)
        let at = Address(JITABI.stateRegister, Int32(load.imm))
        let test = cond == .tstne || cond == .tsteq
        switch (load.type.bits, test) {
        case (32, false): a.cmp(.dword(at), k)
        case (32, true): a.test(.dword(at), imm32: k)
        case (_, false): a.cmp(.qword(at), k)
        default: a.test(.qword(at), imm32: k)
        }
        a.jcc(Self.condition(cond), labels[Int(branch.imm)])
        noteLoopEnd(Int(branch.imm))
    }

    /// A test lowered together with the branch that reads it.
    enum FusedBranch { case float, vectorTest, state }

    /// How `op` and `next` (at index j) lower as one: an fsetcond or vtest whose only use is
    /// `next`, a brcond eq/ne of it against 0; a state load only `next` compares.
    func fusedBranch(_ op: Op, _ next: Op, at j: Int) -> FusedBranch? {
        switch op.opcode {
        case .fsetcond, .vtest:
            guard next.opcode == .brcond, next.a == op.dst, next.b != op.dst,
                  next.aux == IR.Condition.eq.rawValue || next.aux == IR.Condition.ne.rawValue,
                  constantValue(next.b) == 0 else { return nil }
            let info = values[slot(op.dst)]
            guard info.definitions == 1 && info.end == Int32(j) else { return nil }
            return op.opcode == .vtest ? .vectorTest : .float
        case .loadState:
            return stateFusesWithBranch(op, next, at: j) ? .state : nil
        default:
            return nil
        }
    }

    /// vtest + brcond: ptest and one jcc (ZF is set when no bit of a & b is).
    mutating func lowerVectorTestBranch(_ test: Op, _ branch: Op) {
        a.ptest(vector(test.a, into: .xmm15), vector(test.b, into: .xmm14))
        a.jcc(branch.aux == IR.Condition.ne.rawValue ? .ne : .e, labels[Int(branch.imm)])
        noteLoopEnd(Int(branch.imm))
    }

    mutating func lowerBranch(_ op: Op) {
        switch op.opcode {
        case .label:
            // Padding before a loop's head runs once, on the way in.
            if op.imm < UInt64(loopHeads.count) && loopHeads[Int(op.imm)] { placeLoopHead(Int(op.imm)) }
            a.bind(labels[Int(op.imm)])
        case .br:
            a.jmp(labels[Int(op.imm)])
            noteLoopEnd(Int(op.imm))
        default:
            let cond = IR.Condition(rawValue: op.aux) ?? .eq
            compare(op, cond)
            a.jcc(Self.condition(cond), labels[Int(op.imm)])
            noteLoopEnd(Int(op.imm))
        }
    }

    mutating func lowerTerminal(_ op: Op) {
        switch op.opcode {
        case .gotoTB:
            // A patchable jmp, first aimed at the miss path just after it; the engine re-aims it
            // at the successor once it knows it. The miss path gives the engine the address of
            // the field to patch.
            _ = a.jmpPatchSite()  // no target yet: falls through to the miss path
            let miss = a.makeBoundLabel()
            a.lea(GPR.rdx, .rip(miss, -4))
            a.mov(GPR.rax.dword, UInt32(JITABI.Exit.chainMiss.rawValue))
            jumpToExitStub()
        case .lookupAndGoto:
            lowerLookup(op)
        default:  // exitTB
            a.mov(GPR.rdx, op.imm)
            a.mov(GPR.rax.dword, UInt32(JITABI.Exit.exitTB.rawValue) | UInt32(op.aux) << 8)
            jumpToExitStub()
        }
    }

    /// Probes the jump cache for the key (a, b) and jumps to the block's code on a hit.
    /// Nothing is live after a terminal, so every allocatable register is free here.
    mutating func lowerLookup(_ op: Op) {
        let pc = gpr(op.a, into: .rax)
        if pc != .rax { a.mov(GPR.rax, pc) }
        let flags = gpr(op.b, into: .rdx)
        a.mov(GPR.rdx.dword, flags.dword)
        // index = ((pc >> 1) ^ (pc >> 13) ^ flags) & mask, scaled by the entry size.
        a.mov(GPR.rcx, .rax)
        a.shr(GPR.rcx, imm8: 13)
        a.mov(GPR.r8, .rax)
        a.shr(GPR.r8, imm8: 1)
        a.xor(GPR.rcx, .r8)
        a.xor(GPR.rcx, .rdx)
        a.and(GPR.rcx.dword, Int32(JITABI.jumpCacheEntries - 1))
        a.shl(GPR.rcx.dword, imm8: 5)
        a.add(GPR.rcx, .qword(.rsp, Int32(JITABI.jumpCacheSlot * 8)))
        let miss = a.makeLabel()
        a.cmp(GPR.rax, .qword(.rcx, 0))
        a.jcc(.ne, miss)
        a.cmp(GPR.rdx, .qword(.rcx, 8))
        a.jcc(.ne, miss)
        a.jmp(.qword(.rcx, 16))
        a.bind(miss)
        a.mov(GPR.rax.dword, UInt32(JITABI.Exit.lookupMiss.rawValue))
        jumpToExitStub()
    }
}
