// The backend-agreement fuzzers' common half: what a run leaves (how it ended, the MXCSR
// flags, the whole guest state and a scratch area of memory), when two runs agree, how their
// differences read, and the reduction of a disagreeing instruction sequence to the fewest
// instructions that still disagree.

public struct Snapshot: Equatable {
    public var run: BackendRun
    public var state: [UInt8]
    public var scratch: [UInt8]

    public init(run: BackendRun, state: [UInt8], scratch: [UInt8]) {
        self.run = run
        self.state = state
        self.scratch = scratch
    }

    /// Same end, same MXCSR exception flags, same state and memory, and neither run failed.
    public static func agree(_ a: Snapshot, _ b: Snapshot) -> Bool {
        a.run.end == b.run.end && a.run.mxcsr & 0x3f == b.run.mxcsr & 0x3f && a.state == b.state
            && a.scratch == b.scratch && a.run.error == nil && b.run.error == nil
    }

    /// The interpreter's run `a` against the JIT's `b`, field by field (`fieldName` names a
    /// state offset), with at most eight differing memory words (the scratch area starts at
    /// guest address `scratchBase`).
    public static func differences(_ a: Snapshot, _ b: Snapshot, scratchBase: Int, fieldName: (Int) -> String) -> String {
        func hex(_ v: UInt32) -> String { "0x" + String(v, radix: 16) }
        var out = ""
        if a.run.end != b.run.end { out += "end: interpreter \(a.run.end), JIT \(b.run.end)\n" }
        if let e = a.run.error { out += "interpreter run: \(e)\n" }
        if let e = b.run.error { out += "JIT run: \(e)\n" }
        if a.run.mxcsr & 0x3f != b.run.mxcsr & 0x3f {
            out += "MXCSR flags: interpreter \(hex(a.run.mxcsr & 0x3f)), JIT \(hex(b.run.mxcsr & 0x3f))\n"
        }
        for offset in stride(from: 0, to: a.state.count, by: 4) where a.state[offset..<offset + 4] != b.state[offset..<offset + 4] {
            out += "\(fieldName(offset)): interpreter \(hex(a.state.load32(offset))), JIT \(hex(b.state.load32(offset)))\n"
        }
        var shownMemory = 0
        for offset in stride(from: 0, to: a.scratch.count, by: 4) where a.scratch[offset..<offset + 4] != b.scratch[offset..<offset + 4] {
            if shownMemory == 8 { out += "...\n"; break }
            out += "memory \(hex(UInt32(scratchBase + offset))): interpreter \(hex(a.scratch.load32(offset))), JIT \(hex(b.scratch.load32(offset)))\n"
            shownMemory += 1
        }
        return out
    }
}

/// The shortest sub-sequence of `lines` (instructions removed one at a time) for which
/// `disagrees` still holds; `lines` itself when no line can go. The last `keepingLast` lines
/// always stay (an ending the sequence needs, such as a branch's delay slot).
public func reducedSequence(_ lines: [String], keepingLast kept: Int = 0, disagrees: ([String]) -> Bool) -> [String] {
    var reduced = lines
    var i = 0
    while i < reduced.count - kept && reduced.count > 1 + kept {
        var candidate = reduced
        candidate.remove(at: i)
        if disagrees(candidate) {
            reduced = candidate
        } else {
            i += 1
        }
    }
    return reduced
}

extension Array where Element == UInt8 {
    /// The little-endian word at `offset`.
    public func load32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }
}
