// The translation context of one block: the IR being built, where we are in the guest code,
// the block's mode (byte order, FR, NaN encoding, alignment), and the pieces every instruction
// needs: GPR access, memory-op flavours, exits, and the branch whose delay slot is being
// translated. The integer and FPU visitors all work through one Translator.

import IR

/// The block being built, shared by every copy of a Translator: the visitors hold the
/// translator by value, and a value-typed builder would copy its growing op array each time a
/// visitor's copy appended to it.
final class BlockUnderConstruction {
    var builder: IRBuilder
    init(_ builder: IRBuilder) { self.builder = builder }
}

/// A branch waiting for its delay slot: what it decided before the slot ran (the slot may
/// overwrite the registers the condition or target came from, so those are IR values read
/// before it).
struct PendingBranch {
    enum Target {
        case direct(UInt32)
        case indirect(Value)
    }

    /// The branch instruction's address; a fault or trap in its delay slot restarts here.
    var pc: UInt32
    var target: Target
    /// Taken when `condition` holds for (a, b); nil: always taken.
    var condition: (condition: Condition, a: Value, b: Value)?
    /// When `condition` is an FPU condition code a C.cond.fmt earlier in the block set: the
    /// float comparison itself (taken when it holds, or when it does not if `negated`), which
    /// each branch on it compares again so the JIT makes it one ucomis and jcc.
    var floatCompare: FloatCompare?
    /// Branch-likely: the delay slot runs only when the branch is taken.
    var likely: Bool
    /// For a likely branch, the label of the not-taken path (placed after the slot).
    var notTaken: Label?

    /// The instruction after the delay slot, where a not-taken branch continues.
    var fallThrough: UInt32 { pc &+ 8 }
}

/// A C.cond.fmt's result as one IR float condition on its operands (negated: the condition's
/// complement), for the BC1T/BC1F after it.
struct FloatCompare {
    var cc: UInt32
    var condition: FloatCondition
    var x: Value, y: Value
    var negated: Bool
}

struct Translator {
    let construction: BlockUnderConstruction
    var b: IRBuilder {
        get { construction.builder }
        _modify { yield &construction.builder }
    }
    /// Address of the instruction being translated.
    var pc: UInt32 = 0
    /// Its encoding (for reserved-instruction reports and the FPU decoder).
    var word: UInt32 = 0
    let mode: MIPSMode
    /// The block key's flags: lookups of the next block use them unchanged (no MIPS branch
    /// changes the mode).
    let keyFlags: UInt32
    /// Set when the instruction ended the block on its executed path (an exit).
    var ended = false

    /// Whether the word after the current instruction could be fetched (a branch needs it as its
    /// delay slot; when it is missing the branch translates to nothing and sets `slotMissing`).
    var slotAvailable = true
    var slotMissing = false
    /// Set by a branch instruction: the frontend translates the delay slot next, then calls
    /// `finishBranch`.
    var pending: PendingBranch?
    /// The branch whose delay slot is being translated.
    var delaySlotOf: PendingBranch?
    /// Set by `finishBranch` when the block goes on after the delay slot (a forward branch
    /// whose taken side is a deferred exit).
    var continues = false
    /// The block's first op, when a branch back to the block's start loops inside the block
    /// (MIPSFrontend places it when the block is done).
    var loopHead: Label?
    /// FP operations whose one NaN check is still to come (Translator+NaNChecks.swift).
    var nanChain: [NaNChainOp] = []
    /// The condition codes C.cond.fmt set earlier in the block, as their comparisons (dropped
    /// when CTC1 writes the codes).
    var knownConditions: [FloatCompare] = []
    /// Taken sides of forward branches the block continued past: each label leaves to its
    /// target through goto_tb slot 2, 3 (emitted after the block's end).
    var deferredExits: [(label: Label, target: UInt32)] = []
    /// NaN paths of legacy NaN stretches, emitted after the block's end: each label runs its
    /// stretch exactly and leaves for `resume` (Translator+NaNChecks.swift).
    var deferredNaNPaths: [(label: Label, chain: [NaNChainOp], resume: UInt32)] = []

    init(key: BlockKey) {
        construction = BlockUnderConstruction(IRBuilder(key: key))
        keyFlags = key.flags
        mode = MIPSMode(rawValue: key.flags)
    }

    var bigEndian: Bool { mode.contains(.bigEndian) }
    var fr: Bool { mode.contains(.fr) }
    var nan2008: Bool { mode.contains(.nan2008) }
    var inDelaySlot: Bool { delaySlotOf != nil }

    // MARK: Registers

    /// GPR n as an instruction reads it; GPR 0 reads as zero.
    mutating func gpr(_ n: UInt32) -> Value {
        n == 0 ? b.const32(0) : b.loadState(.i32, MIPSState.gpr(Int(n)))
    }

    /// GPR n = v; writes to GPR 0 are dropped.
    mutating func setGPR(_ n: UInt32, _ v: Value) {
        if n != 0 { b.storeState(MIPSState.gpr(Int(n)), v) }
    }

    mutating func const32(_ v: UInt32) -> Value { b.const32(v) }

    // MARK: Memory

    /// The MemOp of a `size`-byte data access in the block's byte order; aligned (an address
    /// error when not) under strict alignment, or always when `aligned`.
    func memop(_ size: Int, signed: Bool = false, aligned: Bool = false) -> MemOp {
        MemOp(size: size, signed: signed, bigEndian: bigEndian,
              aligned: size > 1 && (aligned || mode.contains(.strictAlignment)))
    }

    /// The effective address GPR[base] + sign_extend(offset) as (base value, displacement): the
    /// IR adds the displacement modulo 2^32.
    mutating func address(base: UInt32, offset: UInt32) -> (Value, UInt64) {
        (gpr(base), UInt64(bitPattern: Int64(Int32(bitPattern: offset))))
    }

    // MARK: Block exits

    /// The pc an exception in the current instruction reports: the instruction itself, or its
    /// branch when it is in a delay slot (the EPC of an exception with Cause.BD set).
    var restartPC: UInt32 { delaySlotOf?.pc ?? pc }

    /// The pc of the instruction after the current one: the next word, or where the branch
    /// goes when this is its delay slot.
    mutating func nextPC() -> Value {
        guard let branch = delaySlotOf else { return b.const32(pc &+ 4) }
        switch branch.target {
        case .indirect(let v):
            return v
        case .direct(let target):
            guard let c = branch.condition, !branch.likely else { return b.const32(target) }
            return b.select(b.setcond(c.condition, c.a, c.b), b.const32(target), b.const32(branch.fallThrough))
        }
    }

    /// Ends the path with a direct branch to `target` (chainable through `slot`).
    mutating func jump(to target: UInt32, slot: Int = 0) {
        flushNaNChecks()
        b.storeState(MIPSState.pc, b.const32(target))
        b.gotoTB(slot: slot)
        ended = true
    }

    /// Ends the path returning to the engine's caller with `reason`; the state's pc is the next
    /// instruction when `resumeAfter`, else `restartPC`.
    mutating func exit(_ reason: ExitReason, payload: UInt64 = 0, resumeAfter: Bool) {
        flushNaNChecks()
        b.storeState(MIPSState.pc, resumeAfter ? nextPC() : b.const32(restartPC))
        b.exitTB(reason, payload: payload)
        ended = true
    }

    /// Leaves the block with `reason` when `condition` holds for (x, y); otherwise continues.
    /// The state's pc is `restartPC` (traps and overflow restart, as an exception's EPC).
    mutating func exit(if condition: Condition, _ x: Value, _ y: Value, _ reason: ExitReason, payload: UInt64) {
        flushNaNChecks()
        let carryOn = b.newLabel()
        b.brcond(condition.inverted, x, y, carryOn)
        b.storeState(MIPSState.pc, b.const32(restartPC))
        b.exitTB(reason, payload: payload)
        b.label(carryOn)
    }

    /// The current instruction is reserved (or unimplemented): SIGILL at its pc.
    mutating func undefined() {
        exit(.undefined, payload: UInt64(word), resumeAfter: false)
    }

    /// A BREAK, a taken trap or an overflow: the CPU loop reads the `MIPSTrap` payload.
    mutating func trap(_ kind: MIPSTrap) {
        exit(.breakpoint, payload: kind.payload, resumeAfter: false)
    }
}
