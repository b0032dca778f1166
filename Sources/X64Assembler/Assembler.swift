// The assembler: a code buffer plus the label table. Encoder methods (Generated/, one per
// operand form of each row of Specs/x64.rows) and the hand-written helpers are extensions.
// Reuse one Assembler across blocks with `reset()`: its arrays keep their capacity, so a warm
// assembler allocates nothing per block or per instruction.

public struct Assembler: ~Copyable {
    public var buffer: CodeBuffer
    var labels: [LabelState] = []
    var fixups: [Fixup] = []
    /// The first problem seen while emitting (a short branch that does not reach).
    var firstError: AssemblerError?

    /// An assembler over an owned, growing buffer.
    public init(capacity: Int = 4096) {
        buffer = CodeBuffer(capacity: capacity)
    }

    /// An assembler over `buffer` (e.g. fixed memory in the code cache).
    public init(buffer: consuming CodeBuffer) {
        self.buffer = buffer
    }

    /// Offset of the next instruction.
    public var position: Int { buffer.position }

    /// The code so far, copied.
    public var bytes: [UInt8] { buffer.bytes }

    /// Starts a new block at position 0: labels, fix-ups and errors are forgotten.
    public mutating func reset() {
        buffer.reset()
        labels.removeAll(keepingCapacity: true)
        fixups.removeAll(keepingCapacity: true)
        firstError = nil
    }

    /// Nil when the code is complete and correct; otherwise the first problem: the fixed
    /// buffer ran out, a short branch did not reach, or a referenced label was never bound.
    public func finish() -> AssemblerError? {
        if buffer.hasOverflowed { return .bufferFull }
        if let firstError { return firstError }
        for (id, state) in labels.enumerated() where state.pending >= 0 {
            return .unboundLabel(Label(id: UInt32(id)))
        }
        return nil
    }

    /// Records the first error only: later ones are usually its consequences.
    mutating func record(_ error: AssemblerError) {
        if firstError == nil { firstError = error }
    }
}
