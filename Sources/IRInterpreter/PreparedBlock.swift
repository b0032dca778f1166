// IRInterpreter: executes IR blocks directly. It is the reference semantics of every op
// (Documentation/IR.md), the portable backend, and the oracle the JIT is tested against.
//
// A block is first prepared: its ops are copied into one raw allocation with label targets
// resolved and operand widths noted, so the loop in Interpreter.swift touches no Swift arrays
// (no ARC traffic, no bounds checks) while it runs.

import IR

/// A block ready to interpret. A plain value owning raw memory: the code cache frees it with
/// `deallocate()` when the block is thrown away.
public struct PreparedBlock: @unchecked Sendable {
    public let ops: UnsafeMutablePointer<Op>
    public let opCount: Int
    /// For each label, the index of the op after it.
    public let labelTargets: UnsafeMutablePointer<Int32>
    /// Registers needed: the block's value count.
    public let valueCount: Int

    /// Prepares `block`. For load/store/cmpxchg `aux2` is set to 1 when the address operand is
    /// 64 bits wide; for itof, fconvert, ftoi and bitcast it is the source's `IRType` raw value.
    public init(_ block: Block) {
        opCount = block.ops.count
        ops = .allocate(capacity: max(opCount, 1))
        let labels = max(Int(block.labelCount), 1)
        labelTargets = .allocate(capacity: labels)
        labelTargets.initialize(repeating: -1, count: labels)
        valueCount = block.valueTypes.count
        for (i, original) in block.ops.enumerated() {
            var op = original
            switch op.opcode {
            case .load, .store, .cmpxchg:
                op.aux2 = block.type(of: op.a).bits == 64 ? 1 : 0
            case .itof, .fconvert, .bitcast, .ftoi:
                op.aux2 = block.type(of: op.a).rawValue
            case .label:
                labelTargets[Int(op.imm)] = Int32(i + 1)
            case .const_:
                // i32 and f32 values are kept zero-extended in their registers.
                if op.type.bits == 32 { op.imm &= 0xffff_ffff }
            default:
                break
            }
            (ops + i).initialize(to: op)
        }
    }

    public func deallocate() {
        ops.deallocate()
        labelTargets.deallocate()
    }
}

/// How a block left.
public enum BlockExit: Equatable, Sendable {
    /// `gotoTB slot`: a direct successor the engine may chain to.
    case chain(slot: Int)
    /// `lookupAndGoto`: look up the pc in the state.
    case lookup
    /// `exitTB`: back to the engine's caller.
    case exit(ExitReason, payload: UInt64)
}
