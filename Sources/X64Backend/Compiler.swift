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
public struct InstructionStart: Sendable, BitwiseCopyable {
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

/// What the code generator knows about one value of the block being compiled. Index n (one
/// past the block's last value) is a sink that `Value.none` and out-of-range values read: it
/// is never defined, live or inline.
struct ValueInfo {
    /// Its live interval in op indices (Liveness.swift); start is Int32.max when it is never
    /// defined or used.
    var start = Int32.max
    var end: Int32 = -1
    /// The register hint: defined at op `hintAt` (-1: none) by a two-address op from
    /// `hintOperand` (RegisterAllocation.swift).
    var hintAt: Int32 = -1
    var hintOperand: UInt32 = 0
    /// A commutative op's other operand, tried when the first does not die there (or
    /// UInt32.max).
    var hintSecond = UInt32.max
    /// A single-definition integer constant whose every use accepts an immediate of its value:
    /// never materialized (`constant` is the value).
    var constant: UInt64 = 0
    var isInline = false
    /// How many ops define it: 0, 1, or 2 for more.
    var definitions: UInt8 = 0
    /// The state field it can be re-read from while it lives, once worked out
    /// (Compiler+Analysis.swift).
    var home: Int32? = nil
    var homeKnown = false
    /// Where it lives; nil when it is never live.
    var location: Location? = nil
}

public struct X64Compiler: ~Copyable {
    var a = Assembler(capacity: 16 * 1024)
    let features: HostFeatures
    let exitRequestOffset: Int32

    // Per-block state. The tables are kept from block to block (ScratchBuffer), so compiling a
    // block allocates nothing once they have grown to the largest block seen.
    var valueTypes: [IRType] = []
    /// Values in the block; `values` has one more entry, the sink.
    var valueCount = 0
    var values = ScratchBuffer<ValueInfo>(capacity: 256)
    /// The intervals to allocate, ordered by start (Liveness.swift).
    var intervals = ScratchBuffer<Interval>(capacity: 256)
    /// Values in the order they first appear in the ops; whether that is their order by start.
    var appearance = ScratchBuffer<UInt32>(capacity: 256)
    var appearanceIsSorted = true
    /// Whether a branch goes back to a label before it (a loop: Liveness.swift), and which
    /// labels such branches target.
    public internal(set) var hasBackwardBranch = false
    var loopHeads = ScratchBuffer<Bool>(capacity: 32)
    /// Where a loop's head is placed: at a multiple of `loopAlignment`, the start of a fetch
    /// window of the host's front end, or of `smallLoopAlignment` when the loop's code (head
    /// to its last backward branch) fits in that many bytes: the whole loop is then one
    /// 64-byte line of the front end's caches. Which loops are small is known only once they
    /// are emitted, so a block whose small loop's head does not start a line yet is emitted
    /// again (Compiler+LoopPlacement.swift). The engine places the block at `codeAlignment`.
    public static let loopAlignment = 32
    public static let smallLoopAlignment = 64
    /// Per label: the loop heads to place at `smallLoopAlignment`; where each head was placed
    /// and where its last backward branch ends (-1: none) in the last emission.
    var smallLoopHeads = ScratchBuffer<Bool>(capacity: 32)
    var loopHeadOffsets = ScratchBuffer<Int>(capacity: 32)
    var loopEndOffsets = ScratchBuffer<Int>(capacity: 32)
    /// The alignment the last block assembled needs from where it is placed.
    public internal(set) var codeAlignment = 16
    /// Per op position: the number of call-like ops before it (Liveness.swift), and scratch for
    /// ordering the intervals.
    var callsBefore = ScratchBuffer<Int>(capacity: 256)
    var buckets = ScratchBuffer<Int>(capacity: 256)
    var sorted = ScratchBuffer<UInt32>(capacity: 256)
    /// The op index of each IR label (-1: not placed), and its assembler label.
    var labelPositions = ScratchBuffer<Int>(capacity: 32)
    var labels: [X64Assembler.Label] = []
    /// The register allocator's working lists (RegisterAllocation.swift).
    var active = ScratchBuffer<ActiveInterval>(capacity: 32)
    var freeCaller = ScratchBuffer<UInt8>(capacity: 16)
    var freeCallee = ScratchBuffer<UInt8>(capacity: 16)
    var freeXMM = ScratchBuffer<UInt8>(capacity: 16)
    var freeSlots = ScratchBuffer<Int>(capacity: 16)
    /// Spill slots the block uses.
    var slotCount = 0
    /// Of the last block assembled: the rel32 fields that must point at the exit stub, and
    /// where each guest instruction starts (CompiledCode says more).
    /// Whether the vector float ops' scratch holds the current MXCSR (a run of them and the
    /// ops allowed between them is in progress; Lowering+Vector.swift).
    var mxcsrSnapshotValid = false
    /// The block reads MXCSR once at its entry and the copy stays current throughout.
    var mxcsrStable = false
    public internal(set) var exitStubReferences: [Int] = []
    /// Rare paths waiting to be emitted after the block (Compiler+ColdRegions.swift).
    var coldRegions: [ColdRegion] = []
    public internal(set) var instructionStarts: [InstructionStart] = []

    public init(features: HostFeatures, exitRequestOffset: Int) {
        self.features = features
        self.exitRequestOffset = Int32(exitRequestOffset)
    }

    /// Compiles `block` into the compiler's own buffer: nil when it worked, and then `code`,
    /// `exitStubReferences` and `instructionStarts` describe it until the next block.
    public mutating func assemble(_ block: Block) -> CompileError? {
        valueTypes = block.valueTypes
        // Let the block's array go when done: a translator that reuses its block appends to it
        // next, and a second reference would make that copy it.
        defer { valueTypes = [] }
        valueCount = block.valueTypes.count
        values.reset(count: valueCount + 1, to: ValueInfo())
        block.ops.withUnsafeBufferPointer { ops in
            scan(ops, labelCount: Int(block.labelCount))
            if hasBackwardBranch { stretchOverLoops(ops) }
            collectIntervals(ops)
            allocateRegisters(ops)
        }
        if slotCount > JITABI.spillSlots - JITABI.reservedSlots { return .tooManySpills(slotCount) }
        smallLoopHeads.reset(count: Int(block.labelCount), to: false)
        if let error = emit(block) { return error }
        if hasBackwardBranch && placeSmallLoops() {
            if let error = emit(block) { return error }
        }
        codeAlignment = hasSmallLoopHead ? Self.smallLoopAlignment : hasBackwardBranch ? Self.loopAlignment : 16
        return nil
    }

    /// Emits the block's code from its allocated ops into the assembler's buffer.
    mutating func emit(_ block: Block) -> CompileError? {
        a.reset()
        mxcsrSnapshotValid = false
        exitStubReferences.removeAll(keepingCapacity: true)
        instructionStarts.removeAll(keepingCapacity: true)
        loopHeadOffsets.reset(count: Int(block.labelCount), to: -1)
        loopEndOffsets.reset(count: Int(block.labelCount), to: -1)
        labels.removeAll(keepingCapacity: true)
        for _ in 0..<Int(block.labelCount) { labels.append(a.makeLabel()) }

        // Block entry: stop here if the thread was asked to.
        a.cmp(.dword(JITABI.stateRegister, exitRequestOffset), imm8: 0)
        let requested = a.makeLabel()
        a.jcc(.ne, requested)
        // A block with vector float ops and no helper call (nothing in it can change MXCSR's
        // rounding control: the guest changes it only through a helper) reads MXCSR once,
        // here, not again after every label: STMXCSR costs about 20 cycles, and a NEON loop
        // would pay it on every iteration.
        mxcsrStable = block.ops.contains { $0.opcode == .vfadd || $0.opcode == .vfsub || $0.opcode == .vfmul }
            && !block.ops.contains { $0.opcode == .call }
        if mxcsrStable {
            a.stmxcsr(.dword(.rsp, Self.vectorScratch + 48))
            mxcsrSnapshotValid = true
        }

        let done: CompileError? = block.ops.withUnsafeBufferPointer { ops in
            coldRegions.removeAll(keepingCapacity: true)
            if let error = emit(ops, from: 0, to: ops.count) { return error }
            // Rare paths out of line (Compiler+ColdRegions.swift); one may defer another.
            var k = 0
            while k < coldRegions.count {
                if let error = emitColdRegion(coldRegions[k], ops) { return error }
                k += 1
            }
            return nil
        }
        if let done { return done }

        a.bind(requested)
        a.mov(GPR.rax.dword, UInt32(JITABI.Exit.exitRequest.rawValue))
        jumpToExitStub()

        if let error = a.finish() { return .assembler("\(error)") }
        return nil
    }

    /// The code of the last block `assemble` compiled, in place.
    public func withCode<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        a.buffer.withUnsafeBytes(body)
    }

    /// Compiles `block` to a copy of its code (tests and tools; the engine uses `assemble`).
    public mutating func compile(_ block: Block) -> Result<CompiledCode, CompileError> {
        if let error = assemble(block) { return .failure(error) }
        return .success(CompiledCode(bytes: a.bytes, exitStubReferences: exitStubReferences,
                                     instructionStarts: instructionStarts))
    }

    /// A jmp rel32 to the shared exit stub, resolved when the code is placed.
    mutating func jumpToExitStub() {
        let site = a.jmpPatchSite()
        exitStubReferences.append(site.offset)
    }

    /// The table slot of `v`: its index, or the sink for none and out-of-range values.
    @inline(__always)
    func slot(_ v: Value) -> Int { Int(min(v.index, UInt32(valueCount))) }

    /// Where `v` lives; nil when it is never live (or not a value of this block).
    @inline(__always)
    func location(_ v: Value) -> Location? { values[slot(v)].location }
}
