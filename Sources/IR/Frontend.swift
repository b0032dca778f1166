// The contract between the engine and a guest's translator.

/// Where a frontend reads guest code from. `nil` means the bytes cannot be fetched (unmapped or
/// not executable): the frontend ends the block there with `exitTB(.fetchFault)`.
public protocol CodeSource {
    func fetch16(_ address: UInt64) -> UInt16?
    func fetch32(_ address: UInt64) -> UInt32?
}

/// A guest's decoder and translator as the engine sees it. A frontend implements one of the two
/// `translate` methods; each has a default written with the other.
public protocol Frontend {
    /// Byte offset in the guest state of the exit-request flag (an i32, nonzero = stop).
    var exitRequestOffset: Int { get }
    /// The key of the block the guest state says runs next.
    func blockKey(state: UnsafeRawPointer) -> BlockKey
    /// Makes the state resume at the instruction at `pc` of the block `key`, whose `insn_start`
    /// carried `resume` (a fault in translated code restores the faulting instruction).
    func resume(at pc: UInt64, resume: UInt8, of key: BlockKey, state: UnsafeMutableRawPointer)
    /// Translates one block starting at `key`. The block ends at a branch, before a page
    /// boundary, or after `maxInstructions`.
    mutating func translate<C: CodeSource>(_ key: BlockKey, code: C, maxInstructions: Int) -> Block
    /// The same into `block`, replacing what it held: a translator that translates many blocks
    /// passes the same one each time, and a frontend that builds into it
    /// (`IRBuilder(key:reusing:)`) reuses its arrays' memory instead of allocating per block.
    mutating func translate<C: CodeSource>(_ key: BlockKey, code: C, maxInstructions: Int, into block: inout Block)
    /// The guest instructions of a translated block as text (`-d in_asm`).
    func disassemble<C: CodeSource>(_ block: Block, code: C) -> String
}

extension Frontend {
    public mutating func translate<C: CodeSource>(_ key: BlockKey, code: C, maxInstructions: Int) -> Block {
        var block = Block(key: key)
        translate(key, code: code, maxInstructions: maxInstructions, into: &block)
        return block
    }

    public mutating func translate<C: CodeSource>(_ key: BlockKey, code: C, maxInstructions: Int, into block: inout Block) {
        block = translate(key, code: code, maxInstructions: maxInstructions)
    }
}
