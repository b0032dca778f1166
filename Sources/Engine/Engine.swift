// Engine: runs guest code. It owns the code cache, translates blocks on a miss (frontend ->
// IRPasses -> backend), chains direct branches, looks up indirect ones, and returns to its
// caller (the Linux personality's CPU loop) on every exit that is not a branch: a syscall, an
// undefined instruction, a fault, an exit request.
//
// Two backends: the x86-64 JIT (default) and the IR interpreter (the reference). One Engine
// serves every guest thread of a process (Engine+Threads.swift says how they share it); each
// thread brings its EngineThread.

import CHost
import IR
import IRInterpreter
import IRPasses
import X64Backend

/// Which backend runs translated blocks.
public enum Backend: String, Sendable, CaseIterable {
    case jit, interp
}

public struct EngineOptions: Sendable {
    public var backend: Backend = .jit
    /// Upper bound on guest instructions per block.
    public var maxBlockInstructions = 256
    public var optimize = true
    /// Bytes of executable memory for translated code (flushed and refilled when full).
    public var codeMemorySize = 64 << 20
    /// Keep the guest state exact at every guest memory access from the start (else from the
    /// first `requirePreciseFaults()`).
    public var preciseFaults = false
    /// With the JIT: how many times a block runs in the interpreter before it is compiled; 0
    /// compiles every block when it is first translated. A program's start-up runs most of its
    /// blocks once or a few times (a static hello world: 505 of its 663 blocks once), and
    /// interpreting such a block costs a fraction of compiling it (Engine+Tiers.swift).
    public var jitThreshold = 0
    /// How many blocks the interpreter takes first, at most; later blocks are compiled when
    /// first translated. Start-up code (the C library's, the dynamic linker's) is a program's
    /// first few thousand blocks and mostly runs once; a program that goes on translating
    /// new code is a big one whose code is mostly warm, where interpreting first costs more
    /// (a second translation of every block that warms up, and memory for each prepared one)
    /// than it saves.
    public var firstTierBlocks = 2048
    /// Bytes left empty in the code memory before the first block (MIRAGE_JIT_CODE_OFFSET): a
    /// measuring tool. Every block then lands that much further on, so the same code can be
    /// timed at other addresses: the same loop has run twice as long at one address as at
    /// another (Documentation/Performance.md, "Where code lands").
    public var codeOffset = 0
    /// The threshold `mirage` runs with: a loop is compiled after a few iterations, and a
    /// block that runs fewer times never is.
    public static let defaultJITThreshold = 16
    public init() {}
}

public final class Engine<F: Frontend, C: CodeSource> {
    public var frontend: F
    public let code: C
    public let memoryBase: UnsafeMutableRawPointer
    public var log: Log
    public let options: EngineOptions
    /// Translated blocks; changed only with `lock` held.
    var cache = CodeCache()
    /// The JIT's pieces; nil when the interpreter runs blocks.
    var jit: JITState?
    /// The passes, with their tables kept from block to block, and the IR block whose arrays
    /// each translation reuses; used with `lock` held.
    var optimizer = Optimizer()
    var scratchBlock = Block(key: BlockKey(pc: 0, flags: 0))
    /// Serializes translation and flushes (Engine+Threads.swift).
    let lock = EngineLock()
    var occupancy = EngineOccupancy()
    /// Bumped by every flush: block ids and code addresses from before it are gone.
    var generation = 0

    /// Blocks translated so far, and compiled by the JIT (all of them, or with
    /// `options.jitThreshold` those that ran often enough).
    public internal(set) var translatedBlocks = 0
    public internal(set) var compiledBlocks = 0
    /// Whether the JIT compiles a block only once it has run `options.jitThreshold` times in
    /// the interpreter. Off when a log shows translations (each block is then compiled, and
    /// logged, when first translated).
    let interpretsFirst: Bool
    /// Blocks translated for the interpreter first (see `EngineOptions.firstTierBlocks`).
    var firstTierTranslations = 0

    /// Why the engine cannot use the JIT here, when it fell back to the interpreter.
    public private(set) var jitUnavailableReason: String?

    /// Whether translations keep every guest state store before each guest memory access, so
    /// that the state at a fault is exactly that before the faulting instruction. Only a guest
    /// that can observe it needs that (a SIGSEGV/SIGBUS handler, a debugger, the fault log);
    /// until then the passes also drop state stores (dead flags, mostly) that a later store in
    /// the block overwrites across memory accesses. The pc is exact either way.
    public private(set) var preciseFaults: Bool

    public init(frontend: F, code: C, memoryBase: UnsafeMutableRawPointer, log: Log, options: EngineOptions = EngineOptions()) {
        self.frontend = frontend
        self.code = code
        self.memoryBase = memoryBase
        self.log = log
        self.options = options
        preciseFaults = options.preciseFaults
        let exitRequest = UInt64(frontend.exitRequestOffset)
        optimizer.volatileFields = exitRequest..<exitRequest + 4
        if options.backend == .jit {
            switch JITState.make(codeMemorySize: options.codeMemorySize, exitRequestOffset: frontend.exitRequestOffset,
                                 codeOffset: options.codeOffset) {
            case .success(let state): jit = state
            case .failure(let unavailable): jitUnavailableReason = unavailable.reason
            }
        }
        interpretsFirst = jit != nil && options.jitThreshold > 0
            && !(log.enabled(.inAsm) || log.enabled(.op) || log.enabled(.opOpt) || log.enabled(.outAsm) || log.enabled(.verify))
    }

    deinit {
        cache.flush()
    }

    /// Runs the guest thread from its state's pc until an exit that needs the caller.
    public func run(state: UnsafeMutableRawPointer, thread: EngineThread) -> (reason: ExitReason, payload: UInt64) {
        enter(thread)
        defer { leave() }
        if jit != nil { return runJIT(state: state, thread: thread) }
        return runInterpreter(state: state, thread: thread)
    }

    /// The cached block for `key`, translating it on a miss.
    @inline(__always)
    func block(for key: BlockKey, _ thread: EngineThread) -> Int32 {
        if let id = thread.cachedBlock(key) { return id }
        return lookUpOrTranslate(key, thread)
    }

    /// A miss in the thread's lookup cache: the shared table, else a translation.
    @inline(never)
    func lookUpOrTranslate(_ key: BlockKey, _ thread: EngineThread) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        yieldToFlush(thread)
        let id = cache.find(key) ?? translate(key)
        if thread.generation != generation { thread.forget(newGeneration: generation) }
        thread.cache(key, id)
        return id
    }

    /// Translates the block at `key` into the cache; the lock is held.
    func translate(_ key: BlockKey) -> Int32 {
        let floatEnvironment = Self.guestFloatEnvironment()
        defer { chost_set_mxcsr(floatEnvironment) }
        if interpretsFirst && firstTierTranslations < options.firstTierBlocks { return translateForInterpreter(key) }
        var limit = options.maxBlockInstructions
        // The engine's reference to the scratch block is dropped while it is filled, so its
        // arrays stay uniquely referenced (no copy on the first append); it comes back below.
        var block = Block(key: key)
        swap(&block, &scratchBlock)
        defer { scratchBlock = block }
        while true {
            frontend.translate(key, code: code, maxInstructions: limit, into: &block)
            if log.enabled(.inAsm) { log.write("IN: \(key)\n" + frontend.disassemble(block, code: code)) }
            if log.enabled(.op) { log.write("OP:\n" + block.text()) }
            if log.enabled(.verify) {
                let problems = block.verify()
                if !problems.isEmpty { log.write("IR verification failed for \(key):\n  " + problems.joined(separator: "\n  ")) }
            }
            if options.optimize {
                optimizer.optimize(&block, preciseFaults: preciseFaults)
                if log.enabled(.opOpt) { log.write("OP after optimization:\n" + block.text()) }
            }
            translatedBlocks += 1
            let range = (key.pc, key.pc + UInt64(block.guestSize))
            if cache.isFull { flushWhileTranslating() }
            if jit != nil {
                switch place(block) {
                case .placed(let code, let size):
                    return cache.insert(key, nil, code: code, codeSize: size,
                                        instructionStarts: jit!.compiler.compiler.instructionStarts,
                                        guestStart: range.0, guestEnd: range.1)
                case .tooLarge where limit > 1:
                    limit = max(1, Int(block.instructionCount) / 2)
                    continue
                case .tooLarge, .failed:
                    // Cannot happen for valid IR; run this block in the interpreter instead.
                    break
                }
            }
            return cache.insert(key, PreparedBlock(block), code: nil, codeSize: 0, instructionStarts: [],
                                guestStart: range.0, guestEnd: range.1)
        }
    }

    /// The MXCSR to put back after translating or compiling: the host's MXCSR holds the
    /// guest's exception flags, and Swift code that touches floats (a Dictionary sizing its
    /// table divides doubles) raises its own.
    @inline(__always)
    static func guestFloatEnvironment() -> UInt32 { chost_get_mxcsr() }

    /// From now on the guest state is exact at every fault: blocks translated without that are
    /// dropped. Call from outside the engine (a system call).
    public func requirePreciseFaults() {
        withEveryThreadStopped {
            guard !preciseFaults else { return }
            preciseFaults = true
            flushNow()
        }
    }

    /// Throws away every translated block (guest code changed or was unmapped). Call from
    /// outside the engine; `alsoDo` runs in the same stop (with no guest code running).
    public func flushCache(alsoDo work: () -> Void = {}) {
        withEveryThreadStopped {
            work()
            flushNow()
        }
    }

    /// A flush from inside the engine (translating), the lock held.
    func flushWhileTranslating() {
        stopTheWorld(inside: true) { flushNow() }
    }

    /// With every thread stopped.
    private func flushNow() {
        cache.flush()
        jit?.reset()
        generation += 1
    }

    /// Fork support: translated code must not stay shared between parent and child. Call
    /// `prepareFork` before fork and `finishFork` in both processes after it. The engine is
    /// locked across the fork, so no other thread is halfway through changing the cache.
    public func prepareFork() -> Int32 {
        lock.lock()
        return jit?.memory.snapshotForFork() ?? -1
    }

    /// After fork; in the child, `survivor` is the one thread there is (the forking one).
    public func finishFork(child: Bool, snapshot: Int32, survivor: EngineThread?) {
        if child {
            jit?.memory.adoptInChild(snapshot)
            lock.reinitializeInChild()
            occupancy = EngineOccupancy()
            if let survivor { occupancy.flags = [survivor.exitFlag] }
        } else {
            jit?.memory.dropSnapshot(snapshot)
            lock.unlock()
        }
    }

    @inline(never)
    func logExecution(_ key: BlockKey) { log.write("Trace: \(key)") }
}
