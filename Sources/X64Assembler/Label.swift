// Labels: positions in the code named before they are known. A reference to an unbound label
// leaves a placeholder and a fix-up; binding the label patches every placeholder waiting on it.
// The waiting fix-ups of one label form a linked list through `Fixup.next`, so binding costs
// the label's own references, and nothing allocates per reference beyond the fix-up array's
// amortized growth.

/// A position in the code; made by `Assembler.makeLabel()`, placed by `bind(_:)`.
public struct Label: Hashable, Sendable, BitwiseCopyable {
    public let id: UInt32
}

/// A displacement waiting for its label.
struct Fixup {
    /// Offset of the displacement field.
    var field: Int32
    /// 1 (rel8) or 4 (rel32, disp32).
    var size: UInt8
    /// Bytes between the field and the end of the instruction (a RIP-relative operand's
    /// immediate): displacements count from the end.
    var tail: UInt8
    /// The next fix-up waiting on the same label, or -1.
    var next: Int32
    /// The label, for error reports.
    var label: UInt32
}

/// Per label: where it is bound (-1: not yet) and the head of its waiting fix-ups (-1: none).
struct LabelState {
    var offset: Int32 = -1
    var pending: Int32 = -1
}

/// What went wrong in a block's assembly, reported by `Assembler.finish()`.
public enum AssemblerError: Error, Equatable, Sendable {
    /// The fixed memory given to the code buffer ran out; the code is incomplete.
    case bufferFull
    /// A branch or RIP-relative operand refers to a label that was never bound.
    case unboundLabel(Label)
    /// A short (rel8) forward branch's label was bound more than 127 bytes away.
    case shortBranchOutOfRange(Label)
}
