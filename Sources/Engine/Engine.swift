// Engine: runs guest code. It owns the code cache, translates blocks on a miss (frontend ->
// IRPasses -> backend), chains direct branches, looks up indirect ones, and returns to its
// caller (the Linux personality's CPU loop) on every exit that is not a branch: a syscall, an
// undefined instruction, a fault, an exit request.
//
// Two backends: the x86-64 JIT (default) and the IR interpreter (the reference). One Engine per
// guest thread for now; the cache will be shared between threads later.

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
    public init() {}
}

public final class Engine<F: Frontend, C: CodeSource> {
    public var frontend: F
    public let code: C
    public let memoryBase: UnsafeMutableRawPointer
    public var log: Log
    public let options: EngineOptions
    var cache = CodeCache()
    var registers: UnsafeMutablePointer<UInt64>
    var registerCapacity = 1024
    /// The cache entry the interpreter runs, for charging a fault to its guest instruction.
    let interpreterPosition: UnsafeMutablePointer<Int32> = .allocate(capacity: 1)
    /// The JIT's pieces; nil when the interpreter runs blocks.
    var jit: JITState?

    /// Blocks translated so far.
    public private(set) var translatedBlocks = 0

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
        registers = .allocate(capacity: registerCapacity)
        if options.backend == .jit {
            switch JITState.make(codeMemorySize: options.codeMemorySize, exitRequestOffset: frontend.exitRequestOffset) {
            case .success(let state): jit = state
            case .failure(let unavailable): jitUnavailableReason = unavailable.reason
            }
        }
    }

    deinit {
        cache.flush()
        registers.deallocate()
    }

    /// Runs the guest from the state's pc until an exit that needs the caller.
    public func run(state: UnsafeMutableRawPointer) -> (reason: ExitReason, payload: UInt64) {
        if jit != nil { return runJIT(state: state) }
        return runInterpreter(state: state)
    }

    /// The cached block for `key`, translating it on a miss.
    @inline(__always)
    func block(for key: BlockKey) -> Int32 {
        if let id = cache.find(key) { return id }
        return translate(key)
    }

    @inline(never)
    func translate(_ key: BlockKey) -> Int32 {
        var limit = options.maxBlockInstructions
        while true {
            var block = frontend.translate(key, code: code, maxInstructions: limit)
            if log.enabled(.inAsm) { log.write("IN: \(key)\n" + frontend.disassemble(block, code: code)) }
            if log.enabled(.op) { log.write("OP:\n" + block.text()) }
            if log.enabled(.verify) {
                let problems = block.verify()
                if !problems.isEmpty { log.write("IR verification failed for \(key):\n  " + problems.joined(separator: "\n  ")) }
            }
            if options.optimize {
                Passes.optimize(&block, preciseFaults: preciseFaults)
                if log.enabled(.opOpt) { log.write("OP after optimization:\n" + block.text()) }
            }
            translatedBlocks += 1
            let range = (key.pc, key.pc + UInt64(block.guestSize))
            if jit != nil {
                switch place(block) {
                case .placed(let code, let size, let starts):
                    return cache.insert(key, nil, code: code, codeSize: size, instructionStarts: starts,
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

    /// From now on the guest state is exact at every fault: blocks translated without that are
    /// dropped. Call between runs (not from a helper inside translated code).
    public func requirePreciseFaults() {
        guard !preciseFaults else { return }
        preciseFaults = true
        flushCache()
    }

    /// Throws away every translated block (guest code changed or was unmapped).
    public func flushCache() {
        cache.flush()
        jit?.reset()
    }

    /// Fork support: translated code must not stay shared between parent and child. Call
    /// `prepareFork` before fork and `finishFork` in both processes after it.
    public func prepareFork() -> Int32 { jit?.memory.snapshotForFork() ?? -1 }
    public func finishFork(child: Bool, snapshot: Int32) {
        if child { jit?.memory.adoptInChild(snapshot) } else { jit?.memory.dropSnapshot(snapshot) }
    }

    /// Whether guest bytes in [start, end) have been translated.
    public func hasTranslations(start: UInt64, end: UInt64) -> Bool { cache.overlaps(start: start, end: end) }

    @inline(never)
    func logExecution(_ key: BlockKey) { log.write("Trace: \(key)") }

    @inline(never)
    func growRegisters(_ needed: Int) {
        registers.deallocate()
        registerCapacity = max(needed, registerCapacity * 2)
        registers = .allocate(capacity: registerCapacity)
    }
}
