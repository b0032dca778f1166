// Dead state stores and dead ops.
//
// - A store_state overwritten by a later store_state of the same field in the same basic
//   block, with nothing in between that could read it (a load of an overlapping field, a helper
//   that reads state, a branch, a label, a terminal), is removed. This is what removes the
//   flags an instruction sets and the next one overwrites.
// - An op without side effects whose single-definition result nobody uses is removed,
//   repeatedly until nothing changes. Guest memory loads stay: they may fault.

import IR

extension Passes {
    static func removeDeadStateStores(_ block: inout Block, preciseFaults: Bool) {
        var dead = [Bool](repeating: false, count: block.ops.count)
        // Stores not yet read: (offset, size, op index).
        var pending: [(offset: UInt64, size: UInt64, index: Int)] = []
        for (i, op) in block.ops.enumerated() {
            switch op.opcode {
            case .storeState:
                let size = UInt64(op.type.bits / 8)
                // An earlier store exactly covered by this one is dead; partial overlaps stay.
                for p in pending where p.offset >= op.imm && p.offset + p.size <= op.imm + size { dead[p.index] = true }
                pending.removeAll { $0.offset < op.imm + size && op.imm < $0.offset + $0.size }
                pending.append((op.imm, size, i))
            case .loadState:
                let size = UInt64(op.type.bits / 8)
                pending.removeAll { $0.offset < op.imm + size && op.imm < $0.offset + $0.size }
            case .call:
                let effects = HelperEffects(rawValue: op.aux)
                if effects.contains(.readsState) || (preciseFaults && effects.contains(.touchesMemory)) {
                    pending.removeAll(keepingCapacity: true)
                }
            case .load, .store, .cmpxchg:
                if preciseFaults { pending.removeAll(keepingCapacity: true) }
            case .label, .br, .brcond, .gotoTB, .lookupAndGoto, .exitTB:
                pending.removeAll(keepingCapacity: true)
            default:
                break
            }
        }
        if dead.contains(true) { compact(&block.ops, removing: dead) }
    }

    /// One backward walk: an op is dead when nothing after it uses its result, and removing it
    /// takes its own uses away, so a whole dead chain goes in the same walk. (A use before the
    /// definition, in a loop, keeps the definition.)
    static func removeDeadCode(_ block: inout Block) {
        let defs = definitionCounts(block)
        let n = block.valueTypes.count
        var uses = [UInt32](repeating: 0, count: n)
        for op in block.ops {
            if !op.a.isNone && Int(op.a.index) < n { uses[Int(op.a.index)] += 1 }
            if !op.b.isNone && Int(op.b.index) < n { uses[Int(op.b.index)] += 1 }
            if !op.c.isNone && Int(op.c.index) < n { uses[Int(op.c.index)] += 1 }
        }
        var dead = [Bool](repeating: false, count: block.ops.count)
        var any = false
        for i in block.ops.indices.reversed() {
            let op = block.ops[i]
            guard op.opcode.hasResult, !op.dst.isNone, Int(op.dst.index) < n,
                  defs[Int(op.dst.index)] == 1, uses[Int(op.dst.index)] == 0, isRemovable(op) else { continue }
            dead[i] = true
            any = true
            if !op.a.isNone && Int(op.a.index) < n { uses[Int(op.a.index)] -= 1 }
            if !op.b.isNone && Int(op.b.index) < n { uses[Int(op.b.index)] -= 1 }
            if !op.c.isNone && Int(op.c.index) < n { uses[Int(op.c.index)] -= 1 }
        }
        if any { compact(&block.ops, removing: dead) }
    }

    /// Removes the ops marked in `dead`, in place.
    static func compact(_ ops: inout [Op], removing dead: [Bool]) {
        var kept = 0
        for i in ops.indices where !dead[i] {
            ops[kept] = ops[i]
            kept += 1
        }
        ops.removeLast(ops.count - kept)
    }

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
