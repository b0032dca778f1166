// X64Backend: where a loop inside a block starts. The host's front end fetches and caches
// decoded instructions by aligned 64-byte lines: a loop whose code fits in one line but
// straddles two costs a second line on every iteration (matmul's twelve-instruction loop ran
// 27% slower at a 32-byte head that put it across a line). So a head starts at a multiple of
// 32 bytes, or of 64 when its loop fits in 64 bytes. A loop's length is known only once it
// is emitted, and padding before its head does not change it (nothing inside the loop moves
// relative to the head), so the compiler emits the block once, and again when the head of a
// small loop did not start a line.

extension X64Compiler {
    /// Pads to the head's alignment and notes where it starts.
    mutating func placeLoopHead(_ label: Int) {
        a.align(smallLoopHeads[label] ? Self.smallLoopAlignment : Self.loopAlignment)
        loopHeadOffsets[label] = a.position
    }

    /// After a branch to `label`: when the label is a loop head already placed, the branch
    /// goes back to it and the loop reaches at least to here.
    mutating func noteLoopEnd(_ label: Int) {
        guard label < loopHeadOffsets.count, loopHeadOffsets[label] >= 0 else { return }
        loopEndOffsets[label] = a.position
    }

    /// Marks the heads of loops that fit in a line (the block is then placed at the line
    /// size); whether one of them does not start a line yet, so the block must be emitted again.
    mutating func placeSmallLoops() -> Bool {
        let line = Self.smallLoopAlignment
        var moved = false
        for label in 0..<loopHeadOffsets.count where !smallLoopHeads[label] {
            let head = loopHeadOffsets[label], end = loopEndOffsets[label]
            guard head >= 0, end > head, end - head <= line else { continue }
            smallLoopHeads[label] = true
            if head % line != 0 { moved = true }
        }
        return moved
    }

    var hasSmallLoopHead: Bool {
        for label in 0..<smallLoopHeads.count where smallLoopHeads[label] { return true }
        return false
    }
}

extension X64Compiler {
    /// Where the last block assembled placed the head of the loop at `label`, as an offset in
    /// its code; nil when that label is no loop head (tests, -d out_asm readers).
    public func loopHeadOffset(label: Int) -> Int? {
        guard label >= 0, label < loopHeadOffsets.count, loopHeadOffsets[label] >= 0 else { return nil }
        return loopHeadOffsets[label]
    }
}
