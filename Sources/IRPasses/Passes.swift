// IRPasses: optimizations over one block, each a function that keeps the block's meaning
// (Documentation/IR.md) exactly. `Passes.optimize` runs them in a fixed order.
//
// The passes share one conservative view of control flow: a label is a merge point where
// nothing known before it is trusted, and a branch or call ends what a store-elimination can
// see. Values defined more than once (`IRBuilder.assign`) are never substituted or folded.

import IR

public enum Passes {
    /// Runs every pass over `block`. With `preciseFaults`, a state store is never removed
    /// across an op that may fault (a guest memory access, a helper that touches memory), so
    /// the guest state is exact at every possible fault.
    public static func optimize(_ block: inout Block, preciseFaults: Bool = true) {
        forwardStateAndFold(&block)
        removeDeadStateStores(&block, preciseFaults: preciseFaults)
        removeDeadCode(&block)
    }

    /// How many times each value is defined (0, 1, or more).
    static func definitionCounts(_ block: Block) -> [UInt8] {
        var counts = [UInt8](repeating: 0, count: block.valueTypes.count)
        for op in block.ops where op.opcode.hasResult && !op.dst.isNone {
            let i = Int(op.dst.index)
            if counts[i] < 2 { counts[i] += 1 }
        }
        return counts
    }
}
