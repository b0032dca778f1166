// IRInterpreter: executes IR blocks directly. It is the reference semantics of every op
// (Documentation/IR.md), the portable backend, and the oracle the JIT is tested against.
//
// A block is first prepared: its ops are copied into one raw allocation with label targets
// resolved, operand widths noted, no-op markers dropped and constant operands folded into
// the ops that use them, so the loop in Interpreter.swift dispatches as few ops as possible
// and touches no Swift arrays (no ARC traffic, no bounds checks) while it runs.

import IR

/// A block ready to interpret. A plain value owning raw memory: the code cache frees it with
/// `deallocate()` when the block is thrown away.
public struct PreparedBlock: @unchecked Sendable {
    public let ops: UnsafeMutablePointer<Op>
    public let opCount: Int
    /// For each label, the index of the first op after it.
    public let labelTargets: UnsafeMutablePointer<Int32>
    /// Registers needed: the block's values, plus `faultSlot`.
    public let valueCount: Int
    /// The register where a memory op notes its op index + 1 before it checks its alignment
    /// or touches guest memory, so that a fault there can be charged to its guest instruction.
    /// An `exit_tb` sets it to 0: after `.exit(.alignmentFault, _)` it names the misaligned op,
    /// or is 0 when the frontend's own `exit_tb` raised the fault.
    public let faultSlot: Int
    /// The guest instruction of each stretch of ops: (first op index, guest pc, resume byte),
    /// in op order, from the block's `insn_start` ops.
    public let instructions: UnsafeMutablePointer<(op: Int32, resume: UInt8, pc: UInt64)>
    public let instructionCount: Int

    /// `aux2` bit set on a binary op, setcond or brcond whose second operand is the constant in
    /// `imm` (a brcond then keeps its label in `c.index`).
    public static let immediateOperand: UInt8 = 0x80

    /// Prepares `block`:
    /// - load/store/cmpxchg: `aux2` = 1 when the address operand is 64 bits wide;
    /// - itof, fconvert, ftoi, bitcast: `aux2` = the source's `IRType` raw value;
    /// - i32/f32 constants are masked to 32 bits;
    /// - `insn_start` and `label` ops are dropped (labels become op indices; instruction starts
    ///   go to `instructions`);
    /// - a second operand defined once by a constant becomes an immediate, and constants left
    ///   without uses are dropped.
    public init(_ block: Block) {
        let count = block.valueTypes.count
        var definitions = [UInt8](repeating: 0, count: count)
        var constants = [UInt64?](repeating: nil, count: count)
        for op in block.ops where op.opcode.hasResult && !op.dst.isNone {
            let i = Int(op.dst.index)
            if definitions[i] < 2 { definitions[i] += 1 }
            if op.opcode == .const_ { constants[i] = op.type.bits == 32 ? op.imm & 0xffff_ffff : op.imm }
        }
        func constant(_ v: Value) -> UInt64? {
            guard !v.isNone, Int(v.index) < count, definitions[Int(v.index)] == 1 else { return nil }
            return constants[Int(v.index)]
        }

        var rewritten: [Op] = []
        rewritten.reserveCapacity(block.ops.count)
        for original in block.ops {
            var op = original
            switch op.opcode {
            case .load, .store, .cmpxchg:
                op.aux2 = block.type(of: op.a).bits == 64 ? 1 : 0
            case .itof, .fconvert, .bitcast, .ftoi:
                op.aux2 = block.type(of: op.a).rawValue
            case .const_:
                if op.type.bits == 32 { op.imm &= 0xffff_ffff }
            case .add, .sub, .mul, .and, .or, .xor, .andc, .orc, .shl, .shr, .sar, .rotl, .rotr, .setcond:
                if let k = constant(op.b) {
                    op.imm = k
                    op.b = .none
                    op.aux2 = Self.immediateOperand
                }
            case .brcond:
                if let k = constant(op.b) {
                    op.c = Value(UInt32(op.imm))
                    op.imm = k
                    op.b = .none
                    op.aux2 = Self.immediateOperand
                }
            default:
                break
            }
            rewritten.append(op)
        }

        var uses = [UInt32](repeating: 0, count: count)
        for op in rewritten {
            if !op.a.isNone && Int(op.a.index) < count { uses[Int(op.a.index)] += 1 }
            if !op.b.isNone && Int(op.b.index) < count { uses[Int(op.b.index)] += 1 }
            if !op.c.isNone && !(op.opcode == .brcond && op.aux2 == Self.immediateOperand) && Int(op.c.index) < count {
                uses[Int(op.c.index)] += 1
            }
        }

        let labels = max(Int(block.labelCount), 1)
        labelTargets = .allocate(capacity: labels)
        labelTargets.initialize(repeating: -1, count: labels)
        ops = .allocate(capacity: max(rewritten.count, 1))
        var marks: [(op: Int32, resume: UInt8, pc: UInt64)] = []
        var n = 0
        for op in rewritten {
            switch op.opcode {
            case .insnStart:
                marks.append((Int32(n), op.aux, op.imm))
                continue
            case .label:
                labelTargets[Int(op.imm)] = Int32(n)
                continue
            case .const_ where definitions[Int(op.dst.index)] == 1 && uses[Int(op.dst.index)] == 0:
                continue
            default:
                (ops + n).initialize(to: op)
                n += 1
            }
        }
        opCount = n
        valueCount = count + 1
        faultSlot = count
        instructions = .allocate(capacity: max(marks.count, 1))
        instructions.initialize(from: marks, count: marks.count)
        instructionCount = marks.count
    }

    /// The guest instruction op `index` belongs to: (pc, resume byte).
    public func instruction(atOp index: Int) -> (pc: UInt64, resume: UInt8)? {
        var found: (pc: UInt64, resume: UInt8)?
        for i in 0..<instructionCount where Int(instructions[i].op) <= index {
            found = (instructions[i].pc, instructions[i].resume)
        }
        return found
    }

    public func deallocate() {
        ops.deallocate()
        labelTargets.deallocate()
        instructions.deallocate()
    }
}

/// How a block left.
public enum BlockExit: Equatable, Sendable {
    /// `gotoTB slot`: a direct successor the engine may chain to.
    case chain(slot: Int)
    /// `lookupAndGoto`: an indirect branch to the block with this key.
    case lookup(pc: UInt64, flags: UInt32)
    /// `exitTB`: back to the engine's caller.
    case exit(ExitReason, payload: UInt64)
}
