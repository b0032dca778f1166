// Compiling one IR block to x86-64: allocation, then one lowering per op (Lowering+*.swift),
// then the block's exits. The result is position-independent code plus the few references to
// the shared exit stub, which the engine resolves when it places the code.

import IR
import X64Assembler

/// What the code generator may use on this host.
public struct HostFeatures: Sendable {
    public var movbe: Bool
    public var lzcnt: Bool
    public var popcnt: Bool
    public var bmi1: Bool

    public init(movbe: Bool, lzcnt: Bool, popcnt: Bool, bmi1: Bool) {
        (self.movbe, self.lzcnt, self.popcnt, self.bmi1) = (movbe, lzcnt, popcnt, bmi1)
    }
    public static let baseline = HostFeatures(movbe: false, lzcnt: false, popcnt: false, bmi1: false)
}

/// A compiled block, not yet placed.
public struct CompiledCode {
    public var bytes: [UInt8]
    /// rel32 fields that must point at the exit stub: offsets in `bytes`.
    public var exitStubReferences: [Int]
    /// (host offset, guest pc) at each guest instruction start, in order: the side table that
    /// maps a faulting host pc back to its guest instruction.
    public var instructionStarts: [InstructionStart]
}

/// Where a guest instruction's code starts in a compiled block, and how to resume at it.
public struct InstructionStart: Sendable {
    public var hostOffset: UInt32
    /// The `insn_start`'s resume byte (Frontend.resume).
    public var resume: UInt8
    public var guestPC: UInt64
}

public enum CompileError: Error, Sendable {
    /// The block needs more spill slots than the frame has: translate it in smaller pieces.
    case tooManySpills(Int)
    /// An op the backend cannot lower (a bug: the verifier should have caught it).
    case unsupported(String)
    case assembler(String)
}

public struct X64Compiler: ~Copyable {
    var a = Assembler(capacity: 16 * 1024)
    let features: HostFeatures
    let exitRequestOffset: Int32

    // Per-block state.
    var allocation = Allocation(locations: [], slotCount: 0)
    var valueTypes: [IRType] = []
    /// Constant values that are only used where an immediate can stand: not materialized.
    var inlineConstant: [UInt64?] = []
    var labels: [X64Assembler.Label] = []
    var exitStubReferences: [Int] = []
    var instructionStarts: [InstructionStart] = []

    public init(features: HostFeatures, exitRequestOffset: Int) {
        self.features = features
        self.exitRequestOffset = Int32(exitRequestOffset)
    }

    public mutating func compile(_ block: Block) -> Result<CompiledCode, CompileError> {
        a.reset()
        exitStubReferences.removeAll(keepingCapacity: true)
        instructionStarts.removeAll(keepingCapacity: true)
        valueTypes = block.valueTypes
        let intervals = Liveness.intervals(block)
        inlineConstant = Self.immediateOnlyConstants(block)
        let materialized = intervals.filter { inlineConstant[Int($0.value.index)] == nil }
        allocation = RegisterAllocator.allocate(materialized, valueCount: block.valueTypes.count, hints: Self.registerHints(block),
                                                homes: Self.stateHomes(block, materialized))
        if allocation.slotCount > JITABI.spillSlots - JITABI.reservedSlots { return .failure(.tooManySpills(allocation.slotCount)) }
        labels = (0..<Int(block.labelCount)).map { _ in a.makeLabel() }

        // Block entry: stop here if the thread was asked to.
        a.cmp(.dword(JITABI.stateRegister, exitRequestOffset), imm8: 0)
        let requested = a.makeLabel()
        a.jcc(.ne, requested)

        for op in block.ops {
            if let error = lower(op) { return .failure(error) }
        }

        a.bind(requested)
        a.mov(GPR.rax.dword, UInt32(JITABI.Exit.exitRequest.rawValue))
        jumpToExitStub()

        if let error = a.finish() { return .failure(.assembler("\(error)")) }
        return .success(CompiledCode(bytes: a.bytes, exitStubReferences: exitStubReferences,
                                     instructionStarts: instructionStarts))
    }

    /// A jmp rel32 to the shared exit stub, resolved when the code is placed.
    mutating func jumpToExitStub() {
        let site = a.jmpPatchSite()
        exitStubReferences.append(site.offset)
    }

    /// Values loaded from a guest state field that nothing writes while they live: a spilled one
    /// is re-read from the field instead of going through a slot (Location.state).
    static func stateHomes(_ block: Block, _ intervals: [Interval]) -> [Int32?] {
        var homes = [Int32?](repeating: nil, count: block.valueTypes.count)
        var definitions = [UInt8](repeating: 0, count: block.valueTypes.count)
        for op in block.ops where op.opcode.hasResult && !op.dst.isNone && Int(op.dst.index) < definitions.count {
            definitions[Int(op.dst.index)] &+= definitions[Int(op.dst.index)] < 2 ? 1 : 0
        }
        func field(_ op: Op) -> Range<UInt64> { op.imm..<op.imm + UInt64(op.type.bits / 8) }
        /// Nothing in ops (from, through] writes `f`.
        func unchanged(_ f: Range<UInt64>, after from: Int, through end: Int) -> Bool {
            for later in block.ops[(from + 1)..<max(from + 1, end + 1)] {
                if later.opcode == .storeState && f.overlaps(field(later))
                    || later.opcode == .call && HelperEffects(rawValue: later.aux).contains(.writesState) {
                    return false
                }
            }
            return true
        }
        for interval in intervals {
            let start = interval.start, index = Int(interval.value.index), v = interval.value
            let op = block.ops[start]
            guard op.opcode == .loadState, op.dst == v, definitions[index] == 1 else { continue }
            if unchanged(field(op), after: start, through: interval.end) {
                homes[index] = Int32(op.imm)
                continue
            }
            // Its own field changes, but its first use stores it to another field that then
            // stays: that field is its home, written where the value is loaded (the store moves
            // up; nothing in between may read or write the field, access memory or leave).
            guard let s = block.ops.indices[(start + 1)...].first(where: { i in
                let o = block.ops[i]
                return o.a == v || o.b == v || o.c == v
            }) else { continue }
            let store = block.ops[s]
            guard store.opcode == .storeState, store.a == v, store.type.bits == op.type.bits,
                  unchanged(field(store), after: s, through: interval.end) else { continue }
            let between = block.ops[(start + 1)..<s].allSatisfy { o in
                switch o.opcode {
                case .loadState, .storeState: !field(o).overlaps(field(store))
                case .load, .store, .cmpxchg, .fence, .call, .label, .br, .brcond, .gotoTB, .lookupAndGoto, .exitTB: false
                default: !Liveness.needsCall(o, block)
                }
            }
            if between { homes[index] = Int32(store.imm) }
        }
        return homes
    }

    /// Two-address ops whose result may share the register of their first operand: their
    /// lowering copies a into the result's register first and reads the other operands from
    /// registers that are still live, so the copy disappears when the two coincide.
    static func registerHints(_ block: Block) -> [RegisterAllocator.Hint?] {
        var hints = [RegisterAllocator.Hint?](repeating: nil, count: block.valueTypes.count)
        for (i, op) in block.ops.enumerated() where op.type.isInteger && !op.dst.isNone && !op.a.isNone {
            switch op.opcode {
            case .add, .sub, .and, .or, .xor, .andc, .orc, .mul, .shl, .shr, .sar, .rotl, .rotr, .not, .neg:
                let d = Int(op.dst.index)
                if d < hints.count && hints[d] == nil { hints[d] = .init(at: i, operand: Int(op.a.index)) }
            default:
                break
            }
        }
        return hints
    }

    /// Constants (single definition) whose every use accepts an immediate of their value.
    static func immediateOnlyConstants(_ block: Block) -> [UInt64?] {
        let n = block.valueTypes.count
        var definitions = [UInt8](repeating: 0, count: n)
        var constant = [UInt64?](repeating: nil, count: n)
        for op in block.ops where op.opcode.hasResult && !op.dst.isNone {
            let i = Int(op.dst.index)
            if definitions[i] < 2 { definitions[i] += 1 }
            if op.opcode == .const_ && op.type.isInteger { constant[i] = op.imm }
        }
        for i in 0..<n where definitions[i] != 1 { constant[i] = nil }
        for op in block.ops {
            // b of these ops can be an imm32 (sign-extended for 64-bit operations).
            let immediateB: Bool = switch op.opcode {
            case .add, .sub, .and, .or, .xor, .andc, .orc, .shl, .shr, .sar, .rotl, .rotr, .setcond, .brcond, .mul: true
            default: false
            }
            func blocks(_ v: Value) {
                guard !v.isNone, Int(v.index) < n, let k = constant[Int(v.index)] else { return }
                let fits = op.type.bits == 32 || Int64(bitPattern: k) == Int64(Int32(truncatingIfNeeded: k))
                // store_state of a constant is a store of an immediate.
                let stateStore = op.opcode == .storeState && v == op.a && fits
                let asB = v == op.b && immediateB && fits && v != op.a && v != op.c
                if !(stateStore || asB) { constant[Int(v.index)] = nil }
            }
            blocks(op.a)
            blocks(op.b)
            blocks(op.c)
        }
        return constant
    }
}
