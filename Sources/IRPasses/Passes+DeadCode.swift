// Dead ops, and the removal of everything found dead.
//
// An op without side effects whose single-definition result nobody uses is removed. One
// backward walk finds them all: an op is dead when nothing after it uses its result, and
// removing it takes its own uses away, so a whole dead chain goes in the same walk. (A use
// before the definition, in a loop, keeps the definition.) Guest memory loads stay: they may
// fault.
//
// FP ops that may raise exception flags stay too: the flags are an effect a later block (or
// helper) may read. Except where the flags cannot be told apart: a dead op whose flags an op
// kept later in the same stretch raises anyway (the same comparison of the same operands, or
// the same op on them), with nothing between that could stop the block or look at the flags
// (a branch, a label, a memory access, a helper call). Sticky flags raised twice are raised
// once. This keeps a VCMP's NZCV comparisons removable when a conditional branch compares the
// floats again.

import IR

extension Optimizer {
    /// Marks the dead ops in `dead`, given the use counts of the forward walk (which already
    /// left out the dead state stores). Whether anything is dead.
    mutating func findDeadCode(_ ops: [Op], valueCount n: Int) -> Bool {
        let f = facts.pointer, dead = self.dead.pointer
        var any = false
        // The flag-raising ops kept in the stretch after the walk's position.
        flagOps.removeAll()
        ops.withUnsafeBufferPointer { ops in
            for i in ops.indices.reversed() {
                if dead[i] {
                    any = true
                    continue
                }
                let op = ops[i]
                if Passes.endsFlagStretch(op.opcode) { flagOps.removeAll() }
                guard op.opcode.hasResult else { continue }
                let d = Self.slot(op.dst, n)
                let unused = f[d].definitions == 1 && f[d].uses == 0
                if op.opcode.raisesFloatFlags {
                    if !(unused && raisesKeptFlags(op, n)) {
                        if flagOps.count < 16 { flagOps.append(op) }
                        continue
                    }
                } else if !unused || !Passes.isRemovable(op) {
                    continue
                }
                dead[i] = true
                any = true
                f[Self.slot(op.a, n)].uses &-= 1
                f[Self.slot(op.b, n)].uses &-= 1
                f[Self.slot(op.c, n)].uses &-= 1
            }
        }
        return any
    }

    /// Whether an op kept later in the stretch raises the flags `op` would: a comparison of the
    /// same two operands (any condition, either order: ucomis raises the same flags), or the
    /// same op on the same operands. Operands must be single-definition values, so they hold
    /// the same bits at both ops.
    func raisesKeptFlags(_ op: Op, _ n: Int) -> Bool {
        let f = facts.pointer
        guard f[Self.slot(op.a, n)].definitions == 1, op.b.isNone || f[Self.slot(op.b, n)].definitions == 1 else { return false }
        for k in 0..<flagOps.count {
            let kept = flagOps[k]
            guard kept.opcode == op.opcode, kept.type == op.type else { continue }
            if op.opcode == .fsetcond {
                if (kept.a == op.a && kept.b == op.b) || (kept.a == op.b && kept.b == op.a) { return true }
            } else if kept.a == op.a && kept.b == op.b && kept.aux == op.aux {
                return true
            }
        }
        return false
    }

    /// Removes the ops marked in `dead`, in place.
    static func compact(_ ops: inout [Op], removing dead: UnsafeMutablePointer<Bool>) {
        let kept = ops.withUnsafeMutableBufferPointer { ops in
            var kept = 0
            for i in 0..<ops.count where !dead[i] {
                ops[kept] = ops[i]
                kept += 1
            }
            return kept
        }
        ops.removeLast(ops.count - kept)
    }
}

extension Passes {
    /// Ops whose only effect is their result.
    static func isRemovable(_ op: Op) -> Bool {
        if op.opcode.raisesFloatFlags { return false }
        switch op.opcode {
        case .load, .cmpxchg, .store, .storeState, .fence, .label, .br, .brcond, .insnStart,
             .gotoTB, .lookupAndGoto, .exitTB, .vfadd, .vfsub, .vfmul:
            return false
        case .call:
            return HelperEffects(rawValue: op.aux).isEmpty
        default:
            return true
        }
    }

    /// Ops after which the FP flags raised before may be seen, or before which the block may
    /// stop: control flow, a guest memory access (it may fault), a helper call (it may read
    /// or reset the flags).
    static func endsFlagStretch(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .label, .br, .brcond, .call, .load, .store, .cmpxchg, .gotoTB, .lookupAndGoto, .exitTB: true
        default: false
        }
    }
}
