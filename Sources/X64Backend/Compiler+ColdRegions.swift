// X64Backend: the emission loop, and rare paths placed out of line. A `brcond` hinted
// `.coldFallThrough` (Documentation/IR.md) is almost always taken, forward; the ops it jumps
// over (a NaN or flush-to-zero fix-up) would sit in the middle of the common path, which then
// jumps over them on every run: a taken branch and bytes the front end fetches for nothing,
// and in a loop a second line per iteration (mipsel matmul's loop ran 1.35 or 0.82 s
// depending on where the block landed). So the branch is emitted inverted, to the region
// emitted after the block's other code, which jumps back to the label; the common path falls
// through. A region qualifies when it holds no label (nothing else enters it) and no
// insn_start (the fault table stays in host order: the region gets one entry of its own, the
// instruction of its branch).
//
// Registers need nothing: the allocator gave every value one place for its whole life by op
// order, and the ops still run in that order on each path.

import IR
import X64Assembler

/// A rare path to emit after the block: ops [start, end), entered at `entry` (an extra
/// assembler label), leaving to IR label `resume`; `instruction`, the fault table's entry
/// for its code.
struct ColdRegion {
    var start: Int
    var end: Int
    var entry: Int
    var resume: Int
    var instruction: InstructionStart?
}

extension X64Compiler {
    /// Emits ops [from, to), fusing compare-and-branch pairs and deferring cold regions.
    mutating func emit(_ ops: UnsafeBufferPointer<Op>, from: Int, to end: Int) -> CompileError? {
        var i = from
        while i < end {
            // The next op that emits code (constants that are immediates emit none).
            var j = i + 1
            while j < end && ops[j].opcode == .const_ && isInline(ops[j].dst) { j += 1 }
            // A test only the next branch reads: the compare and a jcc, no 0/1 value. A float
            // comparison (ucomis), a vector test (ptest), a state field (cmp with the field in
            // memory: a loop's exit-request test).
            if j < end, let fused = fusedBranch(ops[i], ops[j], at: j) {
                mxcsrSnapshotValid = mxcsrStable
                let (branch, skipTo) = coldBranch(ops, at: j)
                switch fused {
                case .float: lowerFloatBranch(ops[i], branch)
                case .vectorTest: lowerVectorTestBranch(ops[i], branch)
                case .state: lowerStateBranch(ops[i], branch)
                }
                i = skipTo
                continue
            }
            if !Self.keepsMXCSRSnapshot(ops[i].opcode) { mxcsrSnapshotValid = mxcsrStable }
            if ops[i].opcode == .brcond {
                let (branch, skipTo) = coldBranch(ops, at: i)
                if let error = lower(branch) { return error }
                i = skipTo
                continue
            }
            if let error = lower(ops[i]) { return error }
            i += 1
        }
        return nil
    }

    /// The branch at `j` as it is emitted, and the op to go on with: for a cold fall-through
    /// over a region that qualifies, the branch inverted to the region's entry (deferred),
    /// and the label; else the branch itself and the op after it.
    mutating func coldBranch(_ ops: UnsafeBufferPointer<Op>, at j: Int) -> (Op, Int) {
        let branch = ops[j]
        guard branch.aux2 == BranchHint.coldFallThrough.rawValue, branch.imm < UInt64(labelPositions.count),
              let cond = IR.Condition(rawValue: branch.aux) else { return (branch, j + 1) }
        let resume = labelPositions[Int(branch.imm)]
        guard resume > j + 1 else { return (branch, j + 1) }
        for k in (j + 1)..<resume where ops[k].opcode == .label || ops[k].opcode == .insnStart {
            return (branch, j + 1)
        }
        let entry = labels.count
        labels.append(a.makeLabel())
        coldRegions.append(ColdRegion(start: j + 1, end: resume, entry: entry, resume: Int(branch.imm),
                                      instruction: instructionStarts.last))
        var inverted = branch
        inverted.aux = cond.inverted.rawValue
        inverted.imm = UInt64(entry)
        return (inverted, resume)
    }

    /// A deferred region: its entry, its fault-table entry, its ops, the jump back.
    mutating func emitColdRegion(_ region: ColdRegion, _ ops: UnsafeBufferPointer<Op>) -> CompileError? {
        a.bind(labels[region.entry])
        if var start = region.instruction {
            start.hostOffset = UInt32(a.position)
            instructionStarts.append(start)
        }
        mxcsrSnapshotValid = mxcsrStable
        if let error = emit(ops, from: region.start, to: region.end) { return error }
        a.jmp(labels[region.resume])
        return nil
    }
}
