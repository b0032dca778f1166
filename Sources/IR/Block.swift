// A translation block: the ops of one guest code region, and the key it is found by.

/// What identifies a translated block: the guest pc and the mode bits that change how the
/// bytes there decode (ARM: Thumb, IT state, endianness).
public struct BlockKey: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var pc: UInt64
    public var flags: UInt32
    @inlinable public init(pc: UInt64, flags: UInt32) {
        self.pc = pc
        self.flags = flags
    }
    public var description: String {
        "0x" + String(pc, radix: 16) + (flags == 0 ? "" : "/" + String(flags, radix: 16))
    }
}

/// The IR of one translation block.
public struct Block: Sendable {
    public var key: BlockKey
    public var ops: [Op]
    /// The type of each value, indexed by `Value.index`.
    public var valueTypes: [IRType]
    public var labelCount: UInt32
    /// Guest bytes the block was translated from: [key.pc, key.pc + guestSize).
    public var guestSize: UInt32
    /// Number of guest instructions translated.
    public var instructionCount: UInt32
    /// Every value is defined by exactly one op: IRBuilder vouches for the blocks it builds
    /// (so the passes need not count definitions); false means unknown. Whoever changes `ops`
    /// or `valueTypes` of a built block must clear it (the verifier checks it).
    public var definedOnce = false

    public init(key: BlockKey, ops: [Op] = [], valueTypes: [IRType] = [], labelCount: UInt32 = 0,
                guestSize: UInt32 = 0, instructionCount: UInt32 = 0) {
        self.key = key
        self.ops = ops
        self.valueTypes = valueTypes
        self.labelCount = labelCount
        self.guestSize = guestSize
        self.instructionCount = instructionCount
    }

    @inlinable public func type(of value: Value) -> IRType { valueTypes[Int(value.index)] }
}

extension Block {
    /// Whether a branch goes back to a label before it: the block loops inside itself (a
    /// guest loop that is one block), so one entry may run it any number of times.
    /// (Asked of every block translated for the first tier, at start-up: the marks live on
    /// the stack.)
    public var loops: Bool {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: Int(labelCount)) { defined in
            defined.initialize(repeating: false)
            for op in ops {
                switch op.opcode {
                case .label where op.imm < UInt64(labelCount):
                    defined[Int(op.imm)] = true
                case .br, .brcond:
                    if op.imm < UInt64(labelCount) && defined[Int(op.imm)] { return true }
                default:
                    break
                }
            }
            return false
        }
    }
}
