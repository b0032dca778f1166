// Two tiers under the JIT (EngineOptions.jitThreshold > 0): a block is first translated for
// the interpreter only (the frontend's IR, prepared; no passes, no code generation) and runs
// there; once it has run `jitThreshold` times it is translated again, optimized and compiled,
// and from then on runs as code, chained to other compiled blocks. A block that loops inside
// itself is compiled before its first run.
//
// Why: start-up code runs once. A static hello world translates 663 blocks and runs 505 of
// them exactly once and another 81 two to four times; compiling a block costs as much as
// running it in the interpreter a few dozen times. The blocks of a loop reach the threshold
// within its first iterations.
//
// The interpreter is the IR's reference semantics and the JIT is tested against it op by op,
// so which tier runs a block is invisible to the guest; faults in either are precise (the
// interpreter's fault slot, the JIT's instruction-start table). A compiled block chains only
// to compiled ones: a jump from code to an interpreted block comes back to the run loop.

import CHost
import IR
import IRInterpreter

extension Engine {
    /// How a stretch of interpreted blocks ended.
    enum InterpretedRun {
        /// An exit for the engine's caller.
        case exit(ExitReason, UInt64)
        /// The next block (id) has code: the JIT loop runs it.
        case compiled(Int32)
        /// The next block (id) has run `jitThreshold` times: compile it, then carry on.
        case compile(Int32)
    }

    /// The first translation of `key` when blocks are interpreted first: the frontend's IR,
    /// prepared for the interpreter. The lock is held.
    func translateForInterpreter(_ key: BlockKey) -> Int32 {
        var block = Block(key: key)
        swap(&block, &scratchBlock)
        defer { scratchBlock = block }
        frontend.translate(key, code: code, maxInstructions: options.maxBlockInstructions, into: &block)
        translatedBlocks += 1
        firstTierTranslations += 1
        if cache.isFull { flushWhileTranslating() }
        let prepared = PreparedBlock(block, arena: &cache.preparedMemory)
        let id = cache.insert(key, prepared, code: nil, codeSize: 0, instructionStarts: [],
                              guestStart: key.pc, guestEnd: key.pc + UInt64(block.guestSize))
        // A block that loops inside itself may run all its iterations from one entry: its
        // entries say nothing about how hot it is, so it is compiled before its first run.
        if block.loops { cache.entries[Int(id)].interpretedRuns = UInt32(truncatingIfNeeded: options.jitThreshold) }
        return id
    }

    /// Translates the interpreted block `id` again, optimized, and gives it the compiled code.
    /// Nothing when a flush took the block away meanwhile; a block the code generator cannot
    /// take stays interpreted for good.
    @inline(never)
    func compile(_ id: Int32, _ thread: EngineThread) {
        lock.lock()
        defer { lock.unlock() }
        let seen = thread.generation
        yieldToFlush(thread)
        guard let jit, seen == generation, Int(id) < cache.count, cache.entries[Int(id)].code == nil,
              cache.entries[Int(id)].interpretedRuns != CacheEntry.neverCompiled else { return }
        let key = cache.entries[Int(id)].key
        let floatEnvironment = Self.guestFloatEnvironment()
        defer { chost_set_mxcsr(floatEnvironment) }
        var block = Block(key: key)
        swap(&block, &scratchBlock)
        defer { scratchBlock = block }
        frontend.translate(key, code: code, maxInstructions: options.maxBlockInstructions, into: &block)
        if options.optimize { optimizer.optimize(&block, preciseFaults: preciseFaults) }
        switch place(block) {
        case .placed(let code, let size) where generation == seen:
            cache.attachCode(id, code: code, codeSize: size, instructionStarts: jit.compiler.compiler.instructionStarts)
        case .placed:
            break  // code memory was full: every block was thrown away, this one too
        case .tooLarge, .failed:
            cache.entries[Int(id)].interpretedRuns = CacheEntry.neverCompiled
        }
    }

    /// Runs interpreted blocks from `first` (which has no code) under one fault guard, until
    /// one comes up that has code or is due to be compiled, or a block exits.
    func runInterpreted(from first: Int32, state: UnsafeMutableRawPointer, thread: EngineThread) -> InterpretedRun {
        var run = InterpretedRun.compiled(first)
        let fault = guarded(state: state, thread: thread) { [unowned self] in
            run = self.interpretedLoop(from: first, state: state, thread: thread)
        }
        if let fault { return .exit(fault.reason, fault.payload) }
        return run
    }

    private func interpretedLoop(from first: Int32, state: UnsafeMutableRawPointer, thread: EngineThread) -> InterpretedRun {
        let chaining = !log.enabled(.nochain)
        let logExec = log.enabled(.exec)
        let exitFlag = state + frontend.exitRequestOffset
        let threshold = UInt32(truncatingIfNeeded: options.jitThreshold)
        var current = first
        while true {
            let entry = cache.entries[Int(current)]
            if entry.code != nil { return .compiled(current) }
            guard let prepared = entry.block else { return .exit(.undefined, 0) }
            if exitFlag.load(as: UInt32.self) != 0 { return .exit(.exitRequest, 0) }
            if interpretsFirst && entry.interpretedRuns != CacheEntry.neverCompiled {
                if entry.interpretedRuns >= threshold { return .compile(current) }
                cache.entries[Int(current)].interpretedRuns = entry.interpretedRuns + 1
            }
            thread.interpreterPosition = current
            if logExec { logExecution(entry.key) }
            switch interpret(current, entry, prepared, state: state, thread: thread, chaining: chaining) {
            case .next(let next): current = next
            case .exit(let reason, let payload): return .exit(reason, payload)
            }
        }
    }
}
