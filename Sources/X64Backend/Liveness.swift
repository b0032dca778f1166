// X64Backend: lowers IR blocks to x86-64 machine code. It knows the IR and the x86-64
// encodings (X64Assembler), nothing of any guest: guest state is a base register plus the
// offsets the IR names, guest memory a second base register plus the guest address.
//
// This file: live intervals. The allocator gives each value one location for its whole life,
// so an interval runs from its first definition to its last use in op order (the scan in
// Compiler+Analysis.swift), stretched over any loop (a backward branch) it is live into, and
// marked when a helper call falls inside it (a call clobbers the caller-saved registers).

import IR

struct Interval {
    var value: Value
    var type: IRType
    var start: Int
    var end: Int
    /// A call op lies strictly inside (start, end): the value must survive it.
    var crossesCall = false
}

extension X64Compiler {
    /// A loop (a backward branch j to a label at t) keeps alive for all of [t, j] every value
    /// live across its boundary: one defined before it and used inside stays until the branch;
    /// one defined inside and used after it starts at the top when the next iteration can
    /// reach a use without passing its definition: when its first op does not define it, or a
    /// branch between the top and there jumps past it (a way out of the loop, or around the
    /// definition). A value a loop computes on every iteration and reads only after leaving
    /// (a guest register written back on the way out) keeps its own short interval.
    mutating func stretchOverLoops(_ ops: UnsafeBufferPointer<Op>) {
        let info = values.pointer
        let n = valueCount
        var changed = true
        while changed {
            changed = false
            for j in 0..<ops.count where ops[j].opcode == .br || ops[j].opcode == .brcond {
                guard ops[j].imm < UInt64(labelPositions.count) else { continue }
                let target = labelPositions[Int(ops[j].imm)]
                guard target >= 0, target < j else { continue }
                let t = Int32(target), b = Int32(j)
                for k in 0..<n where info[k].start <= b && info[k].end >= t {
                    if info[k].start < t && info[k].end < b {
                        info[k].end = b
                        changed = true
                    }
                    if info[k].start > t && info[k].end > b && reachesAroundDefinition(k, from: target, ops) {
                        info[k].start = t
                        changed = true
                        appearanceIsSorted = false
                    }
                }
            }
        }
    }

    /// Whether, from op `top`, value k's first op can be skipped: it does not define k, or a
    /// branch in [top, first op) targets a label after it.
    func reachesAroundDefinition(_ k: Int, from top: Int, _ ops: UnsafeBufferPointer<Op>) -> Bool {
        let start = Int(values[k].start)
        let first = ops[start]
        guard first.opcode.hasResult, Int(first.dst.index) == k else { return true }
        for i in top..<start where ops[i].opcode == .br || ops[i].opcode == .brcond {
            guard ops[i].imm < UInt64(labelPositions.count) else { return true }
            if labelPositions[Int(ops[i].imm)] > start { return true }
        }
        return false
    }

    /// The intervals of every value that is defined or used and not an inline constant, ordered
    /// by start, values with the same start by index. Usually the order the values first
    /// appeared in; after a loop moved a start, a counting sort (starts are op indices).
    mutating func collectIntervals(_ ops: UnsafeBufferPointer<Op>) {
        let info = values.pointer
        let order = appearance.pointer
        let count = appearance.count
        // A constant defined more than once is materialized.
        for k in 0..<count where info[Int(order[k])].definitions != 1 { info[Int(order[k])].isInline = false }
        intervals.removeAll()
        if !appearanceIsSorted {
            buckets.reset(count: ops.count + 1, to: 0)
            for k in 0..<count { buckets[Int(info[Int(order[k])].start) + 1] += 1 }
            for i in 0..<ops.count { buckets[i + 1] += buckets[i] }
            sorted.reset(count: count, to: 0)
            for v in 0..<UInt32(valueCount) where info[Int(v)].start != Int32.max {
                let start = Int(info[Int(v)].start)
                sorted[buckets[start]] = v
                buckets[start] += 1
            }
        }
        let byStart = appearanceIsSorted ? order : sorted.pointer
        for k in 0..<count {
            let v = Int(byStart[k])
            guard !info[v].isInline else { continue }
            let start = Int(info[v].start), end = Int(info[v].end)
            // Calls strictly inside (start, end): those before end minus those up to start.
            let crossesCall = end > start + 1 && callsBefore[end] - callsBefore[start + 1] > 0
            intervals.append(Interval(value: Value(UInt32(v)), type: valueTypes[v], start: start, end: end,
                                      crossesCall: crossesCall))
        }
    }

    /// Ops the lowering implements with a helper call (they clobber like one).
    func needsCall(_ op: Op) -> Bool {
        switch op.opcode {
        case .ftoi: true
        case .itof: op.aux & 1 == 0 && Int(op.a.index) < valueTypes.count && valueTypes[Int(op.a.index)] == .i64
        default: false
        }
    }
}
