// State forwarding, copy propagation, constant folding and dead state stores in one forward
// walk.
//
// - A load_state of a field whose value is known (stored or loaded earlier in the same basic
//   block, with no overlapping store, helper that writes state, or label in between) becomes
//   a use of that value. A quiet rare path does not count: ops that one branch hinted cold
//   jumps over, to a label nothing else enters, reading and writing no state and no memory
//   (a helper that raises float flags), leave the fields as they were at the branch.
// - A mov of a single-definition value is replaced by the value itself.
// - An op whose operands are all constants becomes a constant, an identity (x + 0) a mov, and
//   a test of a 0/1 value against 0 the value itself (see Passes+Fold.swift).
// - A brcond that tests a setcond result against 0 becomes a brcond on the setcond's operands.
// - A store_state overwritten by a later store_state of the same field in the same basic
//   block, with nothing in between that could read it (a load of an overlapping field, a
//   helper that reads state, a branch, a label, a terminal; a quiet rare path, below, does
//   not count), is dead. This is what removes the
//   flags an instruction sets and the next one overwrites. It looks at each op as forwarding
//   left it (a load_state turned into a use of a known value reads no state), so the two
//   share the walk.
//
// The walk also counts the uses of every value by the ops that stay, for the dead-code walk.

import IR

extension Optimizer {
    mutating func forwardAndFindDeadStores(_ block: inout [Op], valueCount n: Int, preciseFaults: Bool) {
        let f = facts.pointer, dead = self.dead.pointer
        @inline(__always) func single(_ v: Value) -> Bool { f[Self.slot(v, n)].definitions == 1 }
        @inline(__always) func resolve(_ v: Value) -> Value {
            let r = f[Self.slot(v, n)].replacement
            return r == .max ? v : Value(r)
        }
        @inline(__always) func constant(_ v: Value) -> UInt64? {
            let s = Self.slot(v, n)
            return f[s].isConstant ? f[s].constant : nil
        }
        /// `d` is `a` under another name.
        @inline(__always) func alias(_ d: Value, _ a: Value) {
            let ds = Self.slot(d, n), s = Self.slot(a, n)
            f[ds].replacement = a.index
            f[ds].isConstant = f[s].isConstant
            f[ds].constant = f[s].constant
            f[ds].isBoolean = f[s].isBoolean
        }
        @inline(__always) func setConstant(_ d: Value, _ k: UInt64) {
            let ds = Self.slot(d, n)
            f[ds].isConstant = true
            f[ds].constant = k
            f[ds].isBoolean = k <= 1
        }
        known.removeAll()
        pending.removeAll()
        // A rare path that a branch hinted cold jumps over and that touches no state (a helper
        // that only raises float flags) leaves the fields as they were at the branch, known or
        // waiting for a store that kills them, when nothing else enters its label.
        var quietEnd = -1  // the label that ends the quiet rare path being walked
        var branchesTo: [UInt8] = [], labelAt: [Int] = []
        let anyCold = block.contains { $0.opcode == .brcond && $0.aux2 == BranchHint.coldFallThrough.rawValue }
        for (i, op) in block.enumerated() where anyCold && op.imm < 256 {
            let l = Int(op.imm)
            if op.opcode == .br || op.opcode == .brcond {
                if branchesTo.count <= l { branchesTo += [UInt8](repeating: 0, count: l + 1 - branchesTo.count) }
                branchesTo[l] = min(branchesTo[l] + 1, 2)
            } else if op.opcode == .label {
                if labelAt.count <= l { labelAt += [Int](repeating: -1, count: l + 1 - labelAt.count) }
                labelAt[l] = i
            }
        }
        /// Whether the brcond at i jumps over a quiet rare path to a label only it enters.
        func quietPath(_ i: Int, _ ops: UnsafeMutableBufferPointer<Op>) -> Bool {
            let op = ops[i], l = Int(op.imm)
            guard op.aux2 == BranchHint.coldFallThrough.rawValue, l < branchesTo.count, l < labelAt.count,
                  branchesTo[l] == 1, labelAt[l] > i else { return false }
            return (i + 1..<labelAt[l]).allSatisfy { Self.isQuiet(ops[$0]) }
        }

        block.withUnsafeMutableBufferPointer { ops in
            for i in 0..<ops.count {
                var op = ops[i]
                op.a = resolve(op.a)
                op.b = resolve(op.b)
                op.c = resolve(op.c)
                // One switch does both jobs: the forwarding rule of the op, then the dead-store
                // bookkeeping of the op as forwarding left it.
                switch op.opcode {
                case .label:
                    if i != quietEnd {
                        known.removeAll()
                        pending.removeAll()
                    }
                case .br, .gotoTB, .lookupAndGoto, .exitTB:
                    pending.removeAll()
                case .vfadd, .vfsub, .vfmul:
                    // They OR exception flags into a state word: a read and a write of the state.
                    known.removeAll()
                    pending.removeAll()
                case .loadState where op.type == .v128:
                    // 16-byte fields are not tracked (the table holds fields of up to 8 bytes):
                    // stores it reads stay.
                    pending.remove(overlapping: op.imm, 16)
                case .storeState where op.type == .v128:
                    known.remove(overlapping: op.imm, 16)
                    pending.remove(overlapping: op.imm, 16)
                case .call:
                    let effects = HelperEffects(rawValue: op.aux)
                    if effects.contains(.writesState) { known.removeAll() }
                    if effects.contains(.readsState) || (preciseFaults && effects.contains(.touchesMemory)) {
                        pending.removeAll()
                    }
                case .load, .store, .cmpxchg:
                    if preciseFaults { pending.removeAll() }
                case .loadState:
                    let size = UInt64(op.type.bits / 8)
                    if single(op.dst), let field = known.find(offset: op.imm, size: size), field.type == op.type {
                        // Forwarded: a mov, which reads no state.
                        let k = field.value
                        let ds = Self.slot(op.dst, n), s = Self.slot(k, n)
                        f[ds].replacement = k.index
                        f[ds].isConstant = f[s].isConstant
                        f[ds].constant = f[s].constant
                        op = Op(.mov, op.type, dst: op.dst, a: k)
                    } else {
                        if single(op.dst) {
                            known.remove(overlapping: op.imm, size)
                            known.insert(offset: op.imm, size: size, KnownValue(type: op.type, value: op.dst))
                        }
                        pending.remove(overlapping: op.imm, size)
                    }
                case .storeState:
                    let size = UInt64(op.type.bits / 8)
                    known.remove(overlapping: op.imm, size)
                    if single(op.a) { known.insert(offset: op.imm, size: size, KnownValue(type: op.type, value: op.a)) }
                    // An earlier store exactly covered by this one is dead; partial overlaps stay.
                    for w in pending.candidateWords(offset: op.imm, size: size)
                    where pending.overlaps(w, offset: op.imm, size: size) {
                        let p = pending.words[w]
                        if p.offset >= op.imm && p.offset + p.size <= op.imm + size {
                            dead[p.payload] = true
                            f[Self.slot(ops[p.payload].a, n)].uses &-= 1
                        }
                        pending.words[w].stamp = 0
                    }
                    pending.insert(offset: op.imm, size: size, i)
                case .mov:
                    if single(op.dst) && single(op.a) { alias(op.dst, op.a) }
                case .const_:
                    if single(op.dst) { setConstant(op.dst, op.imm) }
                case .brcond:
                    // brcond ne/eq (setcond c x y), 0  ->  brcond c / !c x y
                    let sa = Self.slot(op.a, n)
                    if single(op.a), single(op.b), constant(op.b) == 0, f[sa].comparison >= 0,
                       case let cmp = ops[Int(f[sa].comparison)], op.aux == Condition.ne.rawValue || op.aux == Condition.eq.rawValue,
                       let c = Condition(rawValue: cmp.aux), single(cmp.a), cmp.b.isNone || single(cmp.b) {
                        op = Op(.brcond, cmp.type, a: cmp.a, b: cmp.b, imm: op.imm,
                                aux: (op.aux == Condition.ne.rawValue ? c : c.inverted).rawValue, aux2: op.aux2)
                    }
                    if quietPath(i, ops) {
                        quietEnd = labelAt[Int(op.imm)]
                    } else {
                        pending.removeAll()
                    }
                default:
                    guard single(op.dst) else { break }
                    let ka = constant(op.a), kb = constant(op.b)
                    let d = Self.slot(op.dst, n)
                    // Every folding and simplifying rule needs a constant operand.
                    if ka != nil || kb != nil, let folded = Passes.fold(op, ka, kb) {
                        op = Op(.const_, op.type, dst: op.dst, imm: folded)
                        setConstant(op.dst, folded)
                    } else if ka != nil || kb != nil,
                              let simpler = Passes.simplify(op, ka, kb, aIsBoolean: f[Self.slot(op.a, n)].isBoolean) {
                        op = simpler
                        if op.opcode == .mov, single(op.a) {
                            alias(op.dst, op.a)
                        } else if op.opcode == .const_ {
                            setConstant(op.dst, op.imm)
                        }
                    } else if op.opcode == .setcond {
                        f[d].isBoolean = true
                        if single(op.a) && single(op.b) { f[d].comparison = Int32(i) }
                    } else if op.opcode == .and || op.opcode == .or || op.opcode == .xor {
                        f[d].isBoolean = f[Self.slot(op.a, n)].isBoolean && f[Self.slot(op.b, n)].isBoolean
                    } else if op.opcode == .zext {
                        f[d].isBoolean = f[Self.slot(op.a, n)].isBoolean
                    }
                }
                // (A value defined more than once is never known to be in a field: only
                // single-definition values are recorded, so an assign invalidates nothing.)
                ops[i] = op
                f[Self.slot(op.a, n)].uses &+= 1
                if !op.b.isNone { f[Self.slot(op.b, n)].uses &+= 1 }
                if !op.c.isNone { f[Self.slot(op.c, n)].uses &+= 1 }
            }
        }
    }

    /// Whether `op` may sit on a quiet rare path: it reads and writes no guest state, and no
    /// path enters or leaves it.
    static func isQuiet(_ op: Op) -> Bool {
        switch op.opcode {
        case .loadState, .storeState, .vfadd, .vfsub, .vfmul, .load, .store, .cmpxchg, .fence,
             .label, .br, .brcond, .gotoTB, .lookupAndGoto, .exitTB:
            return false
        case .call:
            return HelperEffects(rawValue: op.aux).isDisjoint(with: [.readsState, .writesState, .touchesMemory])
        default:
            return true
        }
    }
}
