// Building a block op by op. Frontends call the typed methods (IRBuilder+Ops.swift); each
// returns the new result value.

public struct IRBuilder {
    /// The block so far. (Stored under another name so the builder's methods can be inlined
    /// into the frontends: every guest instruction calls several.)
    @usableFromInline var building: Block
    public var block: Block { building }
    /// Values 0..<definedInOrder were each defined by the op emitted after their creation;
    /// `otherDefinitions` counts every other definition (an assign, an out-of-order one).
    @usableFromInline var definedInOrder = 0
    @usableFromInline var otherDefinitions = 0

    public init(key: BlockKey) {
        self.init(key: key, reusing: Block(key: key))
    }

    /// A builder that fills `storage` (emptied first), keeping the memory its arrays have.
    public init(key: BlockKey, reusing storage: consuming Block) {
        building = consume storage
        building.key = key
        building.ops.removeAll(keepingCapacity: true)
        building.valueTypes.removeAll(keepingCapacity: true)
        building.labelCount = 0
        building.guestSize = 0
        building.instructionCount = 0
        building.definedOnce = false
        building.ops.reserveCapacity(256)
        building.valueTypes.reserveCapacity(128)
    }

    /// A fresh value of type `type`.
    @inlinable public mutating func newValue(_ type: IRType) -> Value {
        let v = Value(UInt32(building.valueTypes.count))
        building.valueTypes.append(type)
        return v
    }

    @inlinable public mutating func newLabel() -> Label {
        defer { building.labelCount += 1 }
        return Label(building.labelCount)
    }

    @inlinable public func type(of value: Value) -> IRType { building.valueTypes[Int(value.index)] }

    @inlinable public mutating func emit(_ op: Op) {
        if op.opcode.hasResult && !op.dst.isNone {
            if Int(op.dst.index) == definedInOrder && definedInOrder < building.valueTypes.count {
                definedInOrder += 1
            } else {
                otherDefinitions += 1
            }
        }
        building.ops.append(op)
    }

    /// Emits `opcode` with a fresh result of `type`.
    @inlinable @discardableResult
    public mutating func emitResult(_ opcode: Opcode, _ type: IRType, a: Value = .none, b: Value = .none,
                                    c: Value = .none, imm: UInt64 = 0, aux: UInt8 = 0, aux2: UInt8 = 0) -> Value {
        let dst = newValue(type)
        emit(Op(opcode, type, dst: dst, a: a, b: b, c: c, imm: imm, aux: aux, aux2: aux2))
        return dst
    }

    /// Places label `l` before the first op: the head of a loop over the whole block, known
    /// only once a branch back to the start is translated. (Op indices taken before it move
    /// up by one.)
    public mutating func placeAtStart(_ l: Label) {
        building.ops.insert(Op(.label, .i32, imm: UInt64(l.index)), at: 0)
    }

    /// Number of ops so far.
    @inlinable public var count: Int { building.ops.count }

    /// Whether the last op ends the path (nothing after it runs until a label).
    @inlinable public var endsInTerminal: Bool { building.ops.last.map { $0.opcode.isTerminal } ?? false }

    /// Ends building: records the guest span and returns the block.
    @inlinable public mutating func finish(guestSize: UInt32, instructionCount: UInt32) -> Block {
        building.guestSize = guestSize
        building.instructionCount = instructionCount
        building.definedOnce = otherDefinitions == 0 && definedInOrder == building.valueTypes.count
        return building
    }
}
