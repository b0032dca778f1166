// Making and binding labels, resolving the displacements that wait on them, and the branches
// and calls that take a label. A branch to a bound label (backward) takes the short rel8 form
// whenever it reaches; one to an unbound label (forward) is rel32 unless the caller asks for
// `short:`, in which case `finish()` reports it if the label ends up out of reach.

extension Assembler {
    /// A new, unbound label.
    public mutating func makeLabel() -> Label {
        labels.append(LabelState())
        return Label(id: UInt32(labels.count - 1))
    }

    /// Binds `label` to the current position and patches every displacement waiting on it.
    /// A label is bound once.
    public mutating func bind(_ label: Label) {
        let id = Int(label.id)
        precondition(id < labels.count, "label from another assembler")
        precondition(labels[id].offset < 0, "label bound twice")
        let target = buffer.position
        labels[id].offset = Int32(truncatingIfNeeded: target)
        var next = labels[id].pending
        labels[id].pending = -1
        while next >= 0 {
            let fixup = fixups[Int(next)]
            resolve(fixup, target: target)
            next = fixup.next
        }
    }

    /// A new label bound here (a loop head).
    public mutating func makeBoundLabel() -> Label {
        let label = makeLabel()
        bind(label)
        return label
    }

    /// Where `label` is bound; nil before `bind`.
    public func offset(of label: Label) -> Int? {
        let id = Int(label.id)
        guard id < labels.count, labels[id].offset >= 0 else { return nil }
        return Int(labels[id].offset)
    }

    /// The displacement field at `field` (`size` bytes, holding an addend) refers to `label`:
    /// fill it now if the label is bound, else when it is.
    mutating func reference(_ label: Label, field: Int, size: UInt8, tail: Int) {
        let id = Int(label.id)
        precondition(id < labels.count, "label from another assembler")
        let fixup = Fixup(field: Int32(truncatingIfNeeded: field), size: size, tail: UInt8(truncatingIfNeeded: tail),
                          next: labels[id].pending, label: label.id)
        if labels[id].offset >= 0 {
            resolve(fixup, target: Int(labels[id].offset))
            return
        }
        fixups.append(fixup)
        labels[id].pending = Int32(truncatingIfNeeded: fixups.count - 1)
    }

    /// Displacement = target - end of the instruction + the addend already in the field.
    mutating func resolve(_ fixup: Fixup, target: Int) {
        let field = Int(fixup.field)
        let end = field + Int(fixup.size) + Int(fixup.tail)
        if fixup.size == 1 {
            let value = target - end + Int(Int8(bitPattern: buffer.load8(at: field)))
            guard let rel8 = Int8(exactly: value) else {
                record(.shortBranchOutOfRange(Label(id: fixup.label)))
                return
            }
            buffer.patch8(at: field, UInt8(bitPattern: rel8))
        } else {
            let value = target - end + Int(Int32(bitPattern: buffer.load32(at: field)))
            buffer.patch32(at: field, UInt32(truncatingIfNeeded: value))
        }
    }

    /// `JMP rel8` or `JMP rel32` to `target`. Backward: the shortest that reaches. Forward:
    /// rel32, or rel8 if `short` (then the label must be bound within 127 bytes of its end).
    public mutating func jmp(_ target: Label, short: Bool = false) {
        if let offset = offset(of: target) {
            if let rel8 = Int8(exactly: offset - (position + 2)) {
                jmp(rel8: rel8)
            } else {
                jmp(rel32: Int32(truncatingIfNeeded: offset - (position + 5)))
            }
        } else if short {
            jmp(rel8: 0)
            reference(target, field: position - 1, size: 1, tail: 0)
        } else {
            jmp(rel32: 0)
            reference(target, field: position - 4, size: 4, tail: 0)
        }
    }

    /// `Jcc rel8` or `Jcc rel32` to `target`, chosen as for `jmp(_:short:)`.
    public mutating func jcc(_ cc: Condition, _ target: Label, short: Bool = false) {
        if let offset = offset(of: target) {
            if let rel8 = Int8(exactly: offset - (position + 2)) {
                jcc(cc, rel8: rel8)
            } else {
                jcc(cc, rel32: Int32(truncatingIfNeeded: offset - (position + 6)))
            }
        } else if short {
            jcc(cc, rel8: 0)
            reference(target, field: position - 1, size: 1, tail: 0)
        } else {
            jcc(cc, rel32: 0)
            reference(target, field: position - 4, size: 4, tail: 0)
        }
    }

    /// `CALL rel32` to `target`.
    public mutating func call(_ target: Label) {
        call(rel32: 0)
        reference(target, field: position - 4, size: 4, tail: 0)
    }
}
