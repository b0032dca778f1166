// Dead ops, and the removal of everything found dead.
//
// An op without side effects whose single-definition result nobody uses is removed. One
// backward walk finds them all: an op is dead when nothing after it uses its result, and
// removing it takes its own uses away, so a whole dead chain goes in the same walk. (A use
// before the definition, in a loop, keeps the definition.) Guest memory loads stay: they may
// fault.

import IR

extension Optimizer {
    /// Marks the dead ops in `dead`, given the use counts of the forward walk (which already
    /// left out the dead state stores). Whether anything is dead.
    mutating func findDeadCode(_ ops: [Op], valueCount n: Int) -> Bool {
        let f = facts.pointer, dead = self.dead.pointer
        var any = false
        ops.withUnsafeBufferPointer { ops in
            for i in ops.indices.reversed() {
                if dead[i] {
                    any = true
                    continue
                }
                let op = ops[i]
                guard op.opcode.hasResult else { continue }
                let d = Self.slot(op.dst, n)
                guard f[d].definitions == 1, f[d].uses == 0, Passes.isRemovable(op) else { continue }
                dead[i] = true
                any = true
                f[Self.slot(op.a, n)].uses &-= 1
                f[Self.slot(op.b, n)].uses &-= 1
                f[Self.slot(op.c, n)].uses &-= 1
            }
        }
        return any
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
        switch op.opcode {
        case .load, .cmpxchg, .store, .storeState, .fence, .label, .br, .brcond, .insnStart,
             .gotoTB, .lookupAndGoto, .exitTB:
            return false
        case .call:
            return HelperEffects(rawValue: op.aux).isEmpty
        default:
            return true
        }
    }
}
