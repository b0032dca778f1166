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
    /// Registers needed: the block's values, plus `faultSlot`, plus a second register for each
    /// v128 value (which then lives in a pair after `faultSlot`, its ops renumbered).
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
    /// Whether the tables are heap allocations `deallocate()` frees (else an arena's).
    let ownsMemory: Bool

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
        self.init(block, memory: nil, marks: Self.instructionStarts(block))
    }

    /// Prepares `block` in memory from `arena` (freed with the arena's reset, not with
    /// `deallocate()`), or on the heap when the arena is used up.
    public init(_ block: Block, arena: inout PreparedBlockArena) {
        let marks = Self.instructionStarts(block)
        self.init(block, memory: arena.allocate(Self.tableBytes(block, marks: marks)), marks: marks)
    }

    /// Ops whose second operand may be an immediate (`immediateOperand`).
    @inline(__always)
    static func takesImmediate(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .add, .sub, .mul, .and, .or, .xor, .andc, .orc, .shl, .shr, .sar, .rotl, .rotr, .setcond, .brcond: true
        default: false
        }
    }

    /// The block's `insn_start` ops.
    static func instructionStarts(_ block: Block) -> Int {
        block.ops.withUnsafeBufferPointer { ops in
            var marks = 0
            for k in 0..<ops.count where ops[k].opcode == .insnStart { marks += 1 }
            return marks
        }
    }

    /// The tables' bytes: ops, instruction starts, label targets, in that order.
    static func tableBytes(_ block: Block, marks: Int) -> Int {
        max(block.ops.count, 1) * MemoryLayout<Op>.stride
            + max(marks, 1) * MemoryLayout<(op: Int32, resume: UInt8, pc: UInt64)>.stride
            + max(Int(block.labelCount), 1) * MemoryLayout<Int32>.stride
    }

    /// `memory`: `tableBytes(block, marks:)` bytes for the tables, or nil for heap
    /// allocations; `marks`: the block's instruction starts.
    private init(_ block: Block, memory: UnsafeMutableRawPointer?, marks: Int) {
        let count = block.valueTypes.count
        // Per value: how often it is defined (0, 1, 2 = more), the constant that defines it,
        // and its uses once constants are folded. One scratch allocation, no arrays: a
        // translating engine prepares every block it interprets, so this runs per block.
        let info = UnsafeMutablePointer<ValueInfo>.allocate(capacity: max(count, 1))
        defer { info.deallocate() }
        info.initialize(repeating: ValueInfo(), count: count)
        // Definitions, constants, and each value's uses: all of them, and those as the second
        // operand of an op that takes a constant there as an immediate (`foldable`). A
        // constant defined once whose every use is foldable is not needed after folding.
        @inline(__always) func use(_ v: Value) {
            if Int(v.index) < count { info[Int(v.index)].uses &+= 1 }
        }
        block.ops.withUnsafeBufferPointer { ops in
            for k in 0..<ops.count {
                let op = ops[k]
                use(op.a)
                use(op.b)
                use(op.c)
                if Self.takesImmediate(op.opcode) && Int(op.b.index) < count { info[Int(op.b.index)].foldable &+= 1 }
                guard op.opcode.hasResult && Int(op.dst.index) < count else { continue }  // Value.none included
                let i = Int(op.dst.index)
                if info[i].definitions < 2 { info[i].definitions += 1 }
                if op.opcode == .const_ {
                    info[i].isConstant = true
                    info[i].constant = op.type.bits == 32 ? op.imm & 0xffff_ffff : op.imm
                }
            }
        }
        @inline(__always) func constant(_ v: Value) -> UInt64? {
            guard Int(v.index) < count, info[Int(v.index)].definitions == 1, info[Int(v.index)].isConstant else { return nil }
            return info[Int(v.index)].constant
        }

        // v128 values: a pair of registers each, after the fault slot.
        var registers = count + 1
        block.valueTypes.withUnsafeBufferPointer { types in
            for v in 0..<count where types[v] == .v128 {
                info[v].vectorSlot = UInt32(registers)
                registers += 2
            }
        }
        let hasVectors = registers > count + 1

        // The three tables: one piece of the arena, or three heap allocations.
        let total = block.ops.count
        let labels = max(Int(block.labelCount), 1)
        let opBytes = max(total, 1) * MemoryLayout<Op>.stride
        let startBytes = max(marks, 1) * MemoryLayout<(op: Int32, resume: UInt8, pc: UInt64)>.stride
        let out: UnsafeMutablePointer<Op>
        let starts: UnsafeMutablePointer<(op: Int32, resume: UInt8, pc: UInt64)>
        let targets: UnsafeMutablePointer<Int32>
        if let memory {
            out = memory.bindMemory(to: Op.self, capacity: max(total, 1))
            starts = (memory + opBytes).bindMemory(to: (op: Int32, resume: UInt8, pc: UInt64).self, capacity: max(marks, 1))
            targets = (memory + opBytes + startBytes).bindMemory(to: Int32.self, capacity: labels)
            ownsMemory = false
        } else {
            out = .allocate(capacity: max(total, 1))
            starts = .allocate(capacity: max(marks, 1))
            targets = .allocate(capacity: labels)
            ownsMemory = true
        }

        // One walk writes the output: ops rewritten, markers turned into label targets and
        // instruction starts, constants that every use folded dropped.
        targets.initialize(repeating: -1, count: labels)
        var n = 0, m = 0
        block.ops.withUnsafeBufferPointer { source in
          block.valueTypes.withUnsafeBufferPointer { types in
            for k in 0..<total {
                var op = source[k]
                if hasVectors {
                    @inline(__always) func renumbered(_ v: Value) -> Value {
                        Int(v.index) < count && types[Int(v.index)] == .v128 ? Value(info[Int(v.index)].vectorSlot) : v
                    }
                    op.dst = renumbered(op.dst)
                    op.a = renumbered(op.a)
                    op.b = renumbered(op.b)
                    op.c = renumbered(op.c)
                }
                switch op.opcode {
                case .insnStart:
                    (starts + m).initialize(to: (Int32(n), op.aux, op.imm))
                    m += 1
                    continue
                case .label:
                    targets[Int(op.imm)] = Int32(n)
                    continue
                case .load, .store, .cmpxchg:
                    op.aux2 = Int(op.a.index) < count && types[Int(op.a.index)].bits == 64 ? 1 : 0
                case .itof, .fconvert, .bitcast, .ftoi:
                    op.aux2 = Int(op.a.index) < count ? types[Int(op.a.index)].rawValue : 0
                case .const_:
                    let d = Int(op.dst.index)
                    if d < count && info[d].definitions == 1 && info[d].uses == info[d].foldable { continue }
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
                (out + n).initialize(to: op)
                n += 1
            }
          }
        }
        ops = out
        instructions = starts
        labelTargets = targets
        opCount = n
        valueCount = registers
        faultSlot = count
        instructionCount = m
    }

    /// The guest instruction op `index` belongs to: (pc, resume byte).
    public func instruction(atOp index: Int) -> (pc: UInt64, resume: UInt8)? {
        var found: (pc: UInt64, resume: UInt8)?
        for i in 0..<instructionCount where Int(instructions[i].op) <= index {
            found = (instructions[i].pc, instructions[i].resume)
        }
        return found
    }

    /// Frees a block prepared on the heap; a block in an arena goes with the arena's reset.
    public func deallocate() {
        guard ownsMemory else { return }
        ops.deallocate()
        labelTargets.deallocate()
        instructions.deallocate()
    }
}

/// What PreparedBlock.init keeps per value while it prepares a block.
private struct ValueInfo {
    var definitions: UInt8 = 0
    var isConstant = false
    var uses: UInt32 = 0
    var foldable: UInt32 = 0
    var constant: UInt64 = 0
    /// A v128 value's first register (two in a row, past the scalars and the fault slot).
    var vectorSlot: UInt32 = 0
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
