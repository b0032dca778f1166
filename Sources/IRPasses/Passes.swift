// IRPasses: optimizations over one block, each a function that keeps the block's meaning
// (Documentation/IR.md) exactly. `Optimizer.optimize` runs them in a fixed order.
//
// The passes share one conservative view of control flow: a label is a merge point where
// nothing known before it is trusted, and a branch or call ends what a store-elimination can
// see. Values defined more than once (`IRBuilder.assign`) are never substituted or folded.
//
// They run once per translated block, so their cost is start-up time: an Optimizer keeps its
// tables from one block to the next (ScratchBuffer), and the passes that walk forward share one
// walk (Passes+Forwarding.swift), the dead-code walk a second, backward one. A block that loops
// to its own start then keeps guest registers in values over the loop (Passes+Loops.swift).

import IR

public enum Passes {
    /// Runs every pass over `block`. With `preciseFaults`, a state store is never removed
    /// across an op that may fault (a guest memory access, a helper that touches memory), so
    /// the guest state is exact at every possible fault. (A translator that optimizes many
    /// blocks keeps an `Optimizer` instead: the same passes without allocating per block.)
    public static func optimize(_ block: inout Block, preciseFaults: Bool = true) {
        var optimizer = Optimizer()
        optimizer.optimize(&block, preciseFaults: preciseFaults)
    }
}

/// What the passes know about one value. Table index n (one past the block's last value) is a
/// sink that `Value.none` and out-of-range values read and write: it is never single-defined,
/// so nothing is learned about it.
struct ValueFacts {
    /// The constant it holds (when `isConstant`).
    var constant: UInt64 = 0
    /// The value that replaces it (a forwarded state load, a copy), or UInt32.max.
    var replacement: UInt32 = .max
    /// The op index of the setcond that defined it, or -1.
    var comparison: Int32 = -1
    /// Uses by ops that stay in the block.
    var uses: UInt32 = 0
    /// How many ops define it: 0, 1, or 2 for more.
    var definitions: UInt8 = 0
    var isConstant = false
    /// Known to be 0 or 1.
    var isBoolean = false
}

/// The value a known guest state field holds, as `type`.
struct KnownValue {
    var type: IRType
    var value: Value
}

/// The passes with their scratch tables, reused from block to block.
public struct Optimizer: ~Copyable {
    var facts = ScratchBuffer<ValueFacts>(capacity: 256)
    /// State fields whose value is known (Passes+Forwarding.swift).
    var known = FieldTable<KnownValue>(placeholder: KnownValue(type: .i32, value: .none))
    /// State stores no later op has read yet, by op index.
    var pending = FieldTable<Int>(placeholder: -1)
    /// Per op: removed.
    var dead = ScratchBuffer<Bool>(capacity: 256)
    /// The dead-code walk's flag-raising FP ops kept in the current stretch (Passes+DeadCode).
    var flagOps = ScratchBuffer<Op>(capacity: 16)
    /// Guest state bytes that change behind the block's back (the exit-request flag): a loop
    /// reads them from the state on every iteration. Loops keep guest registers in values
    /// (Passes+Loops.swift) only once this is set.
    public var volatileFields: Range<UInt64> = 0..<0
    /// Whether a promoted loop that streams over arrays also gets a vector copy
    /// (Passes+Vectorize.swift).
    public var vectorizesLoops = true

    public init() {}

    /// Runs every pass over `block` (see `Passes.optimize`).
    public mutating func optimize(_ block: inout Block, preciseFaults: Bool = true) {
        let n = block.valueTypes.count
        if block.definedOnce {
            facts.reset(count: n + 1, to: ValueFacts(definitions: 1))
            facts[n].definitions = 0
        } else {
            facts.reset(count: n + 1, to: ValueFacts())
            countDefinitions(block.ops, valueCount: n)
        }
        dead.reset(count: block.ops.count, to: false)
        forwardAndFindDeadStores(&block.ops, valueCount: n, preciseFaults: preciseFaults)
        if findDeadCode(block.ops, valueCount: n) {
            Self.compact(&block.ops, removing: dead.pointer)
            block.definedOnce = false  // the removed ops' values are now defined by none
        }
        if !preciseFaults && !volatileFields.isEmpty && block.ops.first?.opcode == .label {
            promoteLoopFields(&block, volatile: volatileFields)
            if vectorizesLoops { vectorizeLoop(&block, volatile: volatileFields) }
        }
    }

    /// The table slot of `v`: its index, or the sink for none and out-of-range values.
    @inline(__always)
    static func slot(_ v: Value, _ n: Int) -> Int { Int(min(v.index, UInt32(n))) }

    /// How many times each value is defined (0, 1, or 2 for more).
    mutating func countDefinitions(_ ops: [Op], valueCount n: Int) {
        let f = facts.pointer
        for op in ops where op.opcode.hasResult {
            let d = Self.slot(op.dst, n)
            if f[d].definitions < 2 { f[d].definitions += 1 }
        }
        f[n].definitions = 0
    }
}
