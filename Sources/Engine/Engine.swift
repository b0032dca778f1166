// Engine: runs guest code. It owns the code cache, translates blocks on a miss (frontend ->
// IRPasses -> backend), chains direct branches, looks up indirect ones, and returns to its
// caller (the Linux personality's CPU loop) on every exit that is not a branch: a syscall, an
// undefined instruction, a fault, an exit request.
//
// One Engine per guest thread for now; the cache will be shared between threads later.

import IR
import IRInterpreter
import IRPasses

/// Which backend runs translated blocks.
public enum Backend: String, Sendable {
    case interp
}

public struct EngineOptions: Sendable {
    public var backend: Backend = .interp
    /// Upper bound on guest instructions per block.
    public var maxBlockInstructions = 256
    public var optimize = true
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

    /// Blocks translated and executed so far (for `-d exec` summaries and tests).
    public private(set) var translatedBlocks = 0

    public init(frontend: F, code: C, memoryBase: UnsafeMutableRawPointer, log: Log, options: EngineOptions = EngineOptions()) {
        self.frontend = frontend
        self.code = code
        self.memoryBase = memoryBase
        self.log = log
        self.options = options
        registers = .allocate(capacity: registerCapacity)
    }

    deinit {
        cache.flush()
        registers.deallocate()
    }

    /// Runs the guest from the state's pc until an exit that needs the caller.
    public func run(state: UnsafeMutableRawPointer) -> (reason: ExitReason, payload: UInt64) {
        let chaining = !log.enabled(.nochain)
        let logExec = log.enabled(.exec)
        let exitFlag = state + frontend.exitRequestOffset
        var current = block(for: frontend.blockKey(state: UnsafeRawPointer(state)))
        while true {
            if exitFlag.load(as: UInt32.self) != 0 { return (.exitRequest, 0) }
            let entry = cache.entries[Int(current)]
            if logExec { logExecution(entry.key) }
            if entry.block.valueCount > registerCapacity { growRegisters(entry.block.valueCount) }
            switch Interpreter.run(entry.block, state: state, memory: memoryBase, registers: registers) {
            case .chain(let slot):
                let linked = cache.link(from: current, slot: slot)
                if chaining && linked >= 0 {
                    current = linked
                    continue
                }
                let next = block(for: frontend.blockKey(state: UnsafeRawPointer(state)))
                if chaining { cache.setLink(from: current, slot: slot, to: next) }
                current = next
            case .lookup(let pc, let flags):
                current = block(for: BlockKey(pc: pc, flags: flags))
            case .exit(let reason, let payload):
                return (reason, payload)
            }
        }
    }

    /// The cached block for `key`, translating it on a miss.
    @inline(__always)
    func block(for key: BlockKey) -> Int32 {
        if let id = cache.find(key) { return id }
        return translate(key)
    }

    @inline(never)
    func translate(_ key: BlockKey) -> Int32 {
        var block = frontend.translate(key, code: code, maxInstructions: options.maxBlockInstructions)
        if log.enabled(.inAsm) { log.write("IN: \(key)\n" + frontend.disassemble(block, code: code)) }
        if log.enabled(.op) { log.write("OP:\n" + block.text()) }
        if log.enabled(.verify) {
            let problems = block.verify()
            if !problems.isEmpty { log.write("IR verification failed for \(key):\n  " + problems.joined(separator: "\n  ")) }
        }
        if options.optimize {
            Passes.optimize(&block)
            if log.enabled(.opOpt) { log.write("OP after optimization:\n" + block.text()) }
        }
        translatedBlocks += 1
        let prepared = PreparedBlock(block)
        return cache.insert(key, prepared, guestStart: key.pc, guestEnd: key.pc + UInt64(block.guestSize))
    }

    /// Throws away every translated block (guest code changed or was unmapped).
    public func flushCache() { cache.flush() }

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
