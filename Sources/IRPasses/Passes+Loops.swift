// Guest state fields kept in values over a loop: a block whose first op is a label that a
// branch at the end of the loop body jumps back to (a guest loop that is one block: see
// Translator.jump in GuestARM) reads and writes its guest registers through values instead of
// the state, so the JIT keeps them in host registers across iterations. The state is loaded
// once before the loop and written back on every way out.
//
// The loop is ops[0...end], `end` the last branch back to the head (a brcond's not-taken side
// is one more way out). It
// qualifies when nothing in it reads or writes the state behind the passes' back (a helper
// with state effects; a vector float op's flags word only keeps that word out), no other
// branch goes backward, and no branch from after it comes into
// it. A field is promoted when every access to it in the loop has the same offset and type and
// no access overlaps it otherwise, and it is not volatile (the exit-request flag, which others
// write and every iteration must read from memory). Then:
//
// - before the head, p = load_state f for each promoted field f;
// - in the loop, d = load_state f becomes a use of p (or d = mov p where p may change before
//   d's last use), and store_state f, v becomes p = mov v;
// - every way out of the loop (a branch to a label after it, a terminal inside it) first
//   stores the fields the loop writes: branches go through a stub at the block's end.
//
// Then three clean-ups (LoopCleanup below) take the copies out of the loop body: a field the
// loop only writes, once per iteration before any way out (the flags of a compare), is stored
// from the value itself in the stubs; pure ops whose results only the stubs use move into the
// stubs (the flags are computed on the way out, not on every iteration); and p = mov v where v
// was just computed becomes the computation into p.
//
// Only when faults need not be precise: a fault inside the loop sees the state of the loop's
// entry (the pc is exact, from insn_start, as always). An alignment-fault exit inside the loop
// (NEON's alignment hints) is such a fault: it stores only what its own path wrote (the pc,
// the faulting address), and it does not keep the clean-ups from running.

import IR

extension Optimizer {
    /// One guest state field the loop accesses.
    struct LoopField {
        var offset: UInt64
        var size: UInt64
        var type: IRType
        var promotable = true
        var written = false
        /// The value that holds it inside the loop.
        var value = Value.none
    }

    mutating func promoteLoopFields(_ block: inout Block, volatile: Range<UInt64>) {
        let ops = block.ops
        guard ops.count > 2, ops[0].opcode == .label else { return }
        let head = ops[0].imm
        let labelCount = Int(block.labelCount)
        var labelAt = [Int](repeating: -1, count: labelCount)
        var end = -1
        for (i, op) in ops.enumerated() {
            switch op.opcode {
            case .label:
                if op.imm < UInt64(labelCount) { labelAt[Int(op.imm)] = i }
            case .br, .brcond:
                if op.imm == head { end = i }
            default:
                break
            }
        }
        guard end > 0 else { return }

        // The loop's fields, and whether the loop qualifies.
        var fields: [LoopField] = []
        var terminalInside = false
        for i in 0...end {
            let op = ops[i]
            switch op.opcode {
            case .call:
                if !HelperEffects(rawValue: op.aux).isDisjoint(with: [.readsState, .writesState]) { return }
            case .vfadd, .vfsub, .vfmul:
                // They OR exception flags into the i32 state word at imm, in memory: that
                // word (and anything overlapping it) stays in the state.
                for k in fields.indices where fields[k].offset < op.imm + 4 && op.imm < fields[k].offset + fields[k].size {
                    fields[k].promotable = false
                }
                var f = LoopField(offset: op.imm, size: 4, type: .i32)
                f.promotable = false
                fields.append(f)
            case .br, .brcond:
                guard op.imm < UInt64(labelCount) else { return }
                if labelAt[Int(op.imm)] <= i && op.imm != head { return }  // another loop inside
            case .exitTB where op.aux == ExitReason.alignmentFault.rawValue:
                break  // a fault: it sees the loop entry's state (below)
            case .gotoTB, .lookupAndGoto, .exitTB:
                terminalInside = true
            case .loadState, .storeState:
                let size = UInt64(op.type.bits / 8)
                var found = false
                for k in fields.indices where fields[k].offset < op.imm + size && op.imm < fields[k].offset + fields[k].size {
                    if fields[k].offset == op.imm && fields[k].type == op.type {
                        found = true
                    } else {
                        fields[k].promotable = false
                    }
                    if op.opcode == .storeState { fields[k].written = true }
                }
                if !found {
                    var f = LoopField(offset: op.imm, size: size, type: op.type)
                    f.written = op.opcode == .storeState
                    f.promotable = !(volatile.overlaps(op.imm..<op.imm + size))
                        && !fields.contains { $0.offset < op.imm + size && op.imm < $0.offset + $0.size }
                    fields.append(f)
                }
            default:
                break
            }
        }
        // Nothing after the loop may branch into it.
        for i in (end + 1)..<ops.count where ops[i].opcode == .br || ops[i].opcode == .brcond {
            guard ops[i].imm < UInt64(labelCount) else { return }
            if labelAt[Int(ops[i].imm)] <= end { return }
        }
        fields.removeAll { !$0.promotable }
        guard !fields.isEmpty else { return }

        // Definitions and last uses, for substituting loads.
        let valueCount = block.valueTypes.count
        var definitions = [UInt8](repeating: 0, count: valueCount)
        var lastUse = [Int](repeating: -1, count: valueCount)
        for (i, op) in ops.enumerated() {
            if op.opcode.hasResult && Int(op.dst.index) < valueCount && definitions[Int(op.dst.index)] < 2 {
                definitions[Int(op.dst.index)] += 1
            }
            for v in [op.a, op.b, op.c] where Int(v.index) < valueCount { lastUse[Int(v.index)] = i }
        }
        func field(_ op: Op) -> Int? {
            fields.firstIndex { $0.offset == op.imm && $0.type == op.type }
        }
        for k in fields.indices {
            fields[k].value = Value(UInt32(block.valueTypes.count))
            block.valueTypes.append(fields[k].type)
        }

        var out: [Op] = []
        out.reserveCapacity(ops.count + 3 * fields.count)
        for f in fields { out.append(Op(.loadState, f.type, dst: f.value, imm: f.offset)) }
        var replacement: [Value] = []  // per value: what replaces it, or itself
        replacement.reserveCapacity(block.valueTypes.count)
        for v in 0..<block.valueTypes.count { replacement.append(Value(UInt32(v))) }
        @inline(__always) func resolved(_ op: Op) -> Op {
            var op = op
            if Int(op.a.index) < replacement.count { op.a = replacement[Int(op.a.index)] }
            if Int(op.b.index) < replacement.count { op.b = replacement[Int(op.b.index)] }
            if Int(op.c.index) < replacement.count { op.c = replacement[Int(op.c.index)] }
            return op
        }
        func storeWritten() {
            for f in fields where f.written { out.append(Op(.storeState, f.type, a: f.value, imm: f.offset)) }
        }
        // Stubs: outside label -> the stub label that stores first.
        var stubs: [(label: UInt64, stub: UInt64)] = []
        let anyWritten = fields.contains { $0.written }
        var stretchStart = 0  // the op after the last label or branch: the path since then
        for i in 0...end {
            var op = resolved(ops[i])
            if op.opcode == .label || op.opcode == .br || op.opcode == .brcond { stretchStart = i + 1 }
            switch op.opcode {
            case .loadState:
                guard let k = field(op) else { break }
                let d = op.dst, p = fields[k].value
                // d is p until p next changes: a use of p when nothing writes f before d's
                // last use (control only moves forward inside the loop).
                let di = Int(d.index)
                if di < valueCount, definitions[di] == 1, lastUse[di] <= end,
                   !ops[(i + 1)...max(i + 1, lastUse[di])].contains(where: { $0.opcode == .storeState && field($0) == k }) {
                    replacement[di] = p
                    continue
                }
                op = Op(.mov, op.type, dst: d, a: p)
            case .storeState:
                guard let k = field(op) else { break }
                op = Op(.mov, op.type, dst: fields[k].value, a: op.a)
            case .br, .brcond:
                guard anyWritten, op.imm != head, labelAt[Int(op.imm)] > end else { break }
                if let s = stubs.first(where: { $0.label == op.imm }) {
                    op.imm = s.stub
                } else {
                    let stub = UInt64(block.labelCount)
                    block.labelCount += 1
                    stubs.append((op.imm, stub))
                    op.imm = stub
                }
            case .exitTB where op.aux == ExitReason.alignmentFault.rawValue:
                // A fault inside the loop sees the state of the loop's entry, as a memory
                // fault does; only what its own path wrote (the pc, the address) is stored.
                for f in fields where f.written && ops[stretchStart..<i].contains(where: {
                    $0.opcode == .storeState && $0.imm == f.offset && $0.type == f.type
                }) {
                    out.append(Op(.storeState, f.type, a: f.value, imm: f.offset))
                }
            case .gotoTB, .lookupAndGoto, .exitTB:
                storeWritten()
            default:
                break
            }
            out.append(op)
        }
        if ops[end].opcode == .brcond && anyWritten {
            // The way out past a conditional branch back: through a stub too.
            let fallThrough = UInt64(block.labelCount), stub = fallThrough + 1
            block.labelCount += 2
            stubs.append((fallThrough, stub))
            out.append(Op(.br, .i32, imm: stub))
            out.append(Op(.label, .i32, imm: fallThrough))
        }
        let loopEnd = ops[end].opcode == .brcond && anyWritten ? out.count - 2 : out.count - 1
        for i in (end + 1)..<ops.count { out.append(resolved(ops[i])) }
        let stubStart = out.count
        for s in stubs {
            out.append(Op(.label, .i32, imm: s.stub))
            storeWritten()
            out.append(Op(.br, .i32, imm: s.label))
        }
        var cleanup = LoopCleanup(ops: out, valueCount: block.valueTypes.count, labelCount: Int(block.labelCount),
                                  head: fields.count, end: loopEnd, stubStart: stubStart)
        cleanup.storesReachingValues = fields.filter { $0.type.isFloat || $0.type.isVector }.count
            <= LoopCleanup.floatFieldsForReachingValues
        if !terminalInside {
            for f in fields where f.written { cleanup.storeFromValue(f.value) }
            cleanup.sinkIntoStubs()
        }
        cleanup.propagateInvariantCopies()
        for f in fields where f.written { cleanup.coalesce(f.value) }
        block.ops = cleanup.result()
        block.definedOnce = false
    }
}

/// The promoted loop being tidied: ops[head] is the loop's label, ops[end] the branch back to
/// it, ops[stubStart...] the stubs that store the fields on the way out. Ops are marked
/// removed and rewritten in place; `result` compacts them.
struct LoopCleanup {
    var ops: [Op]
    var removed: [Bool]
    let head: Int, end: Int, stubStart: Int
    var labelAt: [Int]
    /// Per value: definitions (0, 1, 2 for more).
    var definitions: [UInt8]
    /// Index of the first branch out of the loop (to a stub).
    var firstExit = Int.max
    /// Ops moved into the stubs, in order.
    var sunk: [Op] = []
    /// Whether storeFromReachingValues may run: few enough float fields that the values it
    /// keeps alive longer still find registers (nbody's loop, a dozen FPRs, spilled more and
    /// ran 9% slower with it).
    var storesReachingValues = false
    static let floatFieldsForReachingValues = 6

    init(ops: [Op], valueCount: Int, labelCount: Int, head: Int, end: Int, stubStart: Int) {
        self.ops = ops
        removed = [Bool](repeating: false, count: ops.count)
        self.head = head
        self.end = end
        self.stubStart = stubStart
        labelAt = [Int](repeating: -1, count: labelCount)
        definitions = [UInt8](repeating: 0, count: valueCount)
        for (i, op) in ops.enumerated() {
            if op.opcode == .label && op.imm < UInt64(labelCount) { labelAt[Int(op.imm)] = i }
            if op.opcode.hasResult && Int(op.dst.index) < valueCount && definitions[Int(op.dst.index)] < 2 {
                definitions[Int(op.dst.index)] += 1
            }
        }
        for i in head...end where (ops[i].opcode == .br || ops[i].opcode == .brcond) && isExit(ops[i]) {
            firstExit = min(firstExit, i)
        }
    }

    func isExit(_ op: Op) -> Bool {
        op.imm < UInt64(labelAt.count) && labelAt[Int(op.imm)] >= stubStart
    }

    func uses(_ op: Op, _ v: Value) -> Bool { op.a == v || op.b == v || op.c == v }

    func single(_ v: Value) -> Bool { Int(v.index) < definitions.count && definitions[Int(v.index)] == 1 }

    /// Loop ops (not removed) in `range` that define `v`.
    func defines(_ v: Value, in range: Range<Int>) -> Bool {
        range.contains { !removed[$0] && ops[$0].opcode.hasResult && ops[$0].dst == v }
    }

    /// Whether op i runs on every iteration that reaches the loop's end or leaves it: no branch
    /// before it in the loop jumps over it.
    func unskippable(_ i: Int) -> Bool {
        !(head..<i).contains { j in
            (ops[j].opcode == .br || ops[j].opcode == .brcond) && ops[j].imm < UInt64(labelAt.count)
                && labelAt[Int(ops[j].imm)] > i && !isExit(ops[j])
        }
    }

    /// A field the loop writes once per iteration, before any way out, and never reads: the
    /// stubs store the written value itself, and the copy and the load before the loop go.
    mutating func storeFromValue(_ p: Value) {
        var at = -1
        for i in head...end where !removed[i] {
            if uses(ops[i], p) { return }
            if ops[i].opcode.hasResult && ops[i].dst == p {
                guard at < 0 else { return storeFromReachingValues(p) }
                at = i
            }
        }
        guard at >= 0, at < firstExit, ops[at].opcode == .mov, single(ops[at].a), unskippable(at) else {
            return storeFromReachingValues(p)
        }
        let v = ops[at].a
        removed[at] = true
        for i in stubStart..<ops.count where ops[i].opcode == .storeState && ops[i].a == p { ops[i].a = v }
        for i in 0..<head where ops[i].dst == p { removed[i] = true }
    }

    /// A field the loop writes more than once per iteration (a MIPS FPR that a load writes and
    /// the arithmetic after it writes again) and never reads: when every way out knows which
    /// write it follows, its stub stores that value, and the copies go. Every way out to the
    /// same stub must follow the same write, and every one follows some write of the same
    /// iteration (the value from the iteration before is never needed then).
    mutating func storeFromReachingValues(_ p: Value) {
        guard storesReachingValues else { return }
        let body = (head + 1)...end
        var writes: [Int] = []
        for i in body where !removed[i] {
            if ops[i].opcode.hasResult && ops[i].dst == p {
                guard ops[i].opcode == .mov, single(ops[i].a) else { return }
                writes.append(i)
            } else if uses(ops[i], p) {
                return
            }
        }
        guard !writes.isEmpty, !(end + 1..<stubStart).contains(where: { !removed[$0] && uses(ops[$0], p) }) else { return }
        // The ways out: branches to stubs, in the loop or just after it (the fall-through).
        var chosen: [UInt64: Value] = [:]
        for e in head...(stubStart - 1) where !removed[e] && (ops[e].opcode == .br || ops[e].opcode == .brcond) && isExit(ops[e]) {
            let inBody = min(e, end + 1)
            guard let a = writes.last(where: { $0 < inBody }),
                  // No branch before the write lands between it and the way out.
                  !(head..<a).contains(where: { j in
                      (ops[j].opcode == .br || ops[j].opcode == .brcond) && ops[j].imm < UInt64(labelAt.count)
                          && labelAt[Int(ops[j].imm)] > a && labelAt[Int(ops[j].imm)] <= e
                  })
            else { return }
            let v = ops[a].a
            if let w = chosen[ops[e].imm], w != v { return }
            chosen[ops[e].imm] = v
        }
        guard !chosen.isEmpty else { return }
        var stores: [(at: Int, value: Value)] = []
        var stub: UInt64? = nil
        for i in stubStart..<ops.count {
            if ops[i].opcode == .label { stub = ops[i].imm }
            if ops[i].opcode == .storeState && ops[i].a == p {
                guard let s = stub, let v = chosen[s] else { return }
                stores.append((i, v))
            }
        }
        for (i, v) in stores { ops[i].a = v }
        for i in writes { removed[i] = true }
        for i in 0..<head where ops[i].dst == p { removed[i] = true }
    }

    /// x = mov q where q keeps its value over the whole loop (a field the loop never writes,
    /// such as a loop bound, which forwarding turned into a copy of the promoted value): every
    /// use of x becomes a use of q.
    mutating func propagateInvariantCopies() {
        for i in (head + 1)...end where !removed[i] && ops[i].opcode == .mov && single(ops[i].dst) {
            let x = ops[i].dst, q = ops[i].a
            guard Int(q.index) < definitions.count, !defines(q, in: (head + 1)..<(end + 1)),
                  (0..<head).contains(where: { !removed[$0] && ops[$0].opcode.hasResult && ops[$0].dst == q }) || single(q)
            else { continue }
            removed[i] = true
            for j in (i + 1)..<ops.count where !removed[j] {
                if ops[j].a == x { ops[j].a = q }
                if ops[j].b == x { ops[j].b = q }
                if ops[j].c == x { ops[j].c = q }
            }
        }
    }

    /// Pure ops whose results only the stubs (or other such ops) use, computed from values that
    /// keep their value to the way out, move into every stub.
    mutating func sinkIntoStubs() {
        var moved: [Int] = []
        for k in stride(from: min(end, firstExit - 1), through: head + 1, by: -1) where !removed[k] {
            let op = ops[k]
            guard op.opcode.hasResult, single(op.dst), Self.sinkable(op), unskippable(k) else { continue }
            // Used only by stubs and ops already moved.
            let usedInLoop = (head...end).contains { i in !removed[i] && !moved.contains(i) && uses(ops[i], op.dst) }
            if usedInLoop || (end + 1..<stubStart).contains(where: { uses(ops[$0], op.dst) }) { continue }
            // Its operands are the same at the way out: single definitions (defined before
            // it), or fields the loop never writes.
            let stable = [op.a, op.b, op.c].allSatisfy { v in
                v.isNone || single(v) || !defines(v, in: (head + 1)..<(end + 1))
            }
            if !stable { continue }
            moved.append(k)
        }
        guard !moved.isEmpty else { return }
        for k in moved.reversed() {
            sunk.append(ops[k])
            removed[k] = true
        }
    }

    /// Ops that only compute their result from their operands: not state or memory reads
    /// (the state changes between here and the way out), and not float arithmetic, whose
    /// exception flags every iteration must raise.
    static func sinkable(_ op: Op) -> Bool {
        switch op.opcode {
        case .loadState, .load, .call: false
        default: !op.opcode.raisesFloatFlags && Passes.isRemovable(op)
        }
    }

    /// p = mov v right after v was computed (nothing reading or writing p in between, no branch
    /// in between, so the copy runs whenever v is computed; every later use of v before p
    /// changes again): v is computed into p.
    mutating func coalesce(_ p: Value) {
        // Only p's one assignment in the loop: the stubs then see p as they saw v.
        let assignments = ((head + 1)...end).filter { !removed[$0] && ops[$0].opcode.hasResult && ops[$0].dst == p }
        guard assignments.count == 1 else { return }
        for s in assignments where ops[s].opcode == .mov {
            let v = ops[s].a
            guard single(v), let k = (head + 1..<s).last(where: { !removed[$0] && ops[$0].opcode.hasResult && ops[$0].dst == v }),
                  ops[k].opcode != .loadState,
                  !((k + 1)..<s).contains(where: { !removed[$0] && (uses(ops[$0], p) || ops[$0].dst == p && ops[$0].opcode.hasResult
                                                                    || ops[$0].opcode == .br || ops[$0].opcode == .brcond) })
            else { continue }
            // Later uses of v: in the loop before p changes again, or in the stubs when p does
            // not change after s at all.
            var fine = true
            var pChanged = false
            for i in (s + 1)...end where !removed[i] {
                if uses(ops[i], v) && pChanged { fine = false; break }
                if ops[i].opcode.hasResult && ops[i].dst == p { pChanged = true }
            }
            if pChanged && (sunk.contains { uses($0, v) } || (stubStart..<ops.count).contains { uses(ops[$0], v) }) { fine = false }
            // The code after the loop is reached only through the ways out: p is v there when
            // every way out comes after the copy.
            if (end + 1..<stubStart).contains(where: { uses(ops[$0], v) }) && (pChanged || firstExit < s) { fine = false }
            guard fine else { continue }
            ops[k].dst = p
            removed[s] = true
            for i in (k + 1)..<ops.count where !removed[i] {
                if ops[i].a == v { ops[i].a = p }
                if ops[i].b == v { ops[i].b = p }
                if ops[i].c == v { ops[i].c = p }
            }
            for j in sunk.indices {
                if sunk[j].a == v { sunk[j].a = p }
                if sunk[j].b == v { sunk[j].b = p }
                if sunk[j].c == v { sunk[j].c = p }
            }
        }
    }

    /// The ops without the removed ones, the moved ops at the start of every stub.
    func result() -> [Op] {
        var out: [Op] = []
        out.reserveCapacity(ops.count + sunk.count * 2)
        for i in ops.indices where !removed[i] {
            out.append(ops[i])
            if i >= stubStart && ops[i].opcode == .label { out.append(contentsOf: sunk) }
        }
        return out
    }
}
