// IRPasses: optimizations over one block, each a free function that keeps the block's meaning
// (Documentation/IR.md) exactly. `Passes.optimize` runs them in a fixed order.

import IR

public enum Passes {
    /// Runs every pass over `block`.
    public static func optimize(_ block: inout Block) {
    }
}
