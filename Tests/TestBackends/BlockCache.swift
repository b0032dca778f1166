// Translated blocks kept across runs of one test program, so a loop's blocks are translated
// once (interpreter: prepared blocks; JIT: code in the cache's own runner, which must not wrap
// around while the cache holds addresses into it).

import IR
import IRInterpreter

public final class BlockCache {
    public enum Entry {
        case prepared(PreparedBlock)
        case code(UnsafeRawPointer)
    }
    public let jit: JITRunner
    private var entries: [BlockKey: Entry] = [:]

    public init(exitRequestOffset: Int) { jit = JITRunner(exitRequestOffset: exitRequestOffset) }

    public func lookup(_ key: BlockKey) -> Entry? { entries[key] }

    /// Prepares or compiles `block` for `backend` and keeps it under `key`; nil with `why` set
    /// when the JIT could not compile it.
    public func store(_ key: BlockKey, _ block: Block, for backend: Backend, why: inout String) -> Entry? {
        let entry: Entry
        switch backend {
        case .interpreter: entry = .prepared(PreparedBlock(block))
        case .jit:
            switch jit.place(block) {
            case .success(let code): entry = .code(code)
            case .failure(let error): why = "block \(key) did not compile: \(error)"; return nil
            }
        }
        entries[key] = entry
        return entry
    }

    /// Runs a kept block.
    public func run(_ entry: Entry, state: UnsafeMutableRawPointer, memory: UnsafeMutableRawPointer) -> BlockOutcome {
        switch entry {
        case .prepared(let prepared): InterpreterRun.run(prepared, state: state, memory: memory)
        case .code(let code): jit.enter(code, state: state, memory: memory)
        }
    }

    deinit {
        for case .prepared(let p) in entries.values { p.deallocate() }
    }
}
