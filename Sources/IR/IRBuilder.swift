// Building a block op by op. Frontends call the typed methods (IRBuilder+Ops.swift); each
// returns the new result value.

public struct IRBuilder {
    public private(set) var block: Block

    public init(key: BlockKey) {
        block = Block(key: key)
        block.ops.reserveCapacity(256)
        block.valueTypes.reserveCapacity(128)
    }

    /// A fresh value of type `type`.
    public mutating func newValue(_ type: IRType) -> Value {
        let v = Value(UInt32(block.valueTypes.count))
        block.valueTypes.append(type)
        return v
    }

    public mutating func newLabel() -> Label {
        defer { block.labelCount += 1 }
        return Label(block.labelCount)
    }

    public func type(of value: Value) -> IRType { block.valueTypes[Int(value.index)] }

    public mutating func emit(_ op: Op) { block.ops.append(op) }

    /// Emits `opcode` with a fresh result of `type`.
    @discardableResult
    public mutating func emitResult(_ opcode: Opcode, _ type: IRType, a: Value = .none, b: Value = .none,
                                    c: Value = .none, imm: UInt64 = 0, aux: UInt8 = 0, aux2: UInt8 = 0) -> Value {
        let dst = newValue(type)
        emit(Op(opcode, type, dst: dst, a: a, b: b, c: c, imm: imm, aux: aux, aux2: aux2))
        return dst
    }

    /// Number of ops so far.
    public var count: Int { block.ops.count }

    /// Whether the last op ends the path (nothing after it runs until a label).
    public var endsInTerminal: Bool { block.ops.last.map { $0.opcode.isTerminal } ?? false }

    /// Ends building: records the guest span and returns the block.
    public mutating func finish(guestSize: UInt32, instructionCount: UInt32) -> Block {
        block.guestSize = guestSize
        block.instructionCount = instructionCount
        return block
    }
}
