// X64Backend: lowers IR blocks to x86-64 machine code. It knows the IR and the x86-64
// encodings (X64Assembler), nothing of any guest: guest state is a base register plus the
// offsets the IR names, guest memory a second base register plus the guest address.
//
// This file: live intervals. The allocator gives each value one location for its whole life,
// so an interval runs from its first definition to its last use in op order, stretched over any
// loop (a backward branch) it is live into, and marked when a helper call falls inside it (a
// call clobbers the caller-saved registers).

import IR

struct Interval {
    var value: Value
    var type: IRType
    var start: Int
    var end: Int
    /// A call op lies strictly inside (start, end): the value must survive it.
    var crossesCall = false
}

enum Liveness {
    /// Intervals of every value that is defined or used, ordered by start.
    static func intervals(_ block: Block) -> [Interval] {
        let n = block.valueTypes.count
        var start = [Int](repeating: Int.max, count: n)
        var end = [Int](repeating: -1, count: n)
        var labelIndex = [Int](repeating: -1, count: Int(block.labelCount))
        for (i, op) in block.ops.enumerated() {
            if op.opcode == .label { labelIndex[Int(op.imm)] = i }
            func use(_ v: Value) {
                guard !v.isNone, Int(v.index) < n else { return }
                let k = Int(v.index)
                start[k] = min(start[k], i)
                end[k] = max(end[k], i)
            }
            use(op.a)
            use(op.b)
            use(op.c)
            if op.opcode.hasResult && !op.dst.isNone { use(op.dst) }
        }
        // A loop (a backward branch j to a label at t) keeps alive for all of [t, j] every value
        // live across its boundary: one defined before it and used inside stays until the
        // branch; one defined inside and used after it, reachable from the loop's top on the
        // next iteration, starts at the top.
        var changed = true
        while changed {
            changed = false
            for (j, op) in block.ops.enumerated() where op.opcode == .br || op.opcode == .brcond {
                let target = labelIndex[Int(op.imm)]
                guard target >= 0, target < j else { continue }
                for k in 0..<n where start[k] <= j && end[k] >= target {
                    if start[k] < target && end[k] < j {
                        end[k] = j
                        changed = true
                    }
                    if start[k] > target && end[k] > j {
                        start[k] = target
                        changed = true
                    }
                }
            }
        }
        var calls: [Int] = []
        for (i, op) in block.ops.enumerated() where op.opcode == .call || needsCall(op, block) { calls.append(i) }
        var result: [Interval] = []
        for k in 0..<n where start[k] != Int.max {
            var interval = Interval(value: Value(UInt32(k)), type: block.valueTypes[k], start: start[k], end: end[k])
            interval.crossesCall = calls.contains { $0 > start[k] && $0 < end[k] }
            result.append(interval)
        }
        result.sort { $0.start < $1.start }
        return result
    }

    /// Ops the lowering implements with a helper call (they clobber like one).
    static func needsCall(_ op: Op, _ block: Block) -> Bool {
        switch op.opcode {
        case .ftoi: true
        case .itof: op.aux & 1 == 0 && block.type(of: op.a) == .i64
        default: false
        }
    }
}
