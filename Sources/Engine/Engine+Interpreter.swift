// The run loop of the interpreter backend: interpret a block, follow its exit. It runs under
// the fault guard: a guest access that faults ends the loop, and the fault is charged to the
// guest instruction the faulting op belongs to (precise faults, as the JIT's).

import CHost
import Glibc
import IR
import IRInterpreter

/// A body handed through C (chost_fault_guarded).
final class GuardedRun {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

extension Engine {
    /// Runs `body` under the fault guard: nil when it ran to its end; when a guest access in it
    /// faulted, the memory-fault or bus-error exit, with the state at the faulting instruction.
    func guarded(state: UnsafeMutableRawPointer, thread: EngineThread,
                 _ body: @escaping () -> Void) -> (reason: ExitReason, payload: UInt64)? {
        let run = GuardedRun(body)
        var address: UInt64 = 0
        let signal = withExtendedLifetime(run) {
            chost_fault_guarded({ raw in
                guard let raw else { return }
                Unmanaged<GuardedRun>.fromOpaque(raw).takeUnretainedValue().body()
            }, Unmanaged.passUnretained(run).toOpaque(), &address)
        }
        if signal == 0 { return nil }
        resumeAtInterpretedFault(cache.entries[Int(thread.interpreterPosition)], thread: thread, state: state)
        return (signal == SIGBUS ? .busError : .memoryFault, address)
    }

    /// Puts the state back at the guest instruction of the memory op that faulted (or failed
    /// its alignment check) in the interpreted block `entry`: the op the fault slot names.
    /// Nothing when the slot names none (an alignment fault raised by an exit_tb).
    @inline(never)
    func resumeAtInterpretedFault(_ entry: CacheEntry, thread: EngineThread, state: UnsafeMutableRawPointer) {
        if let prepared = entry.block, let start = prepared.instruction(atOp: Int(thread.registers[prepared.faultSlot]) - 1) {
            frontend.resume(at: start.pc, resume: start.resume, of: entry.key, state: state)
        }
    }

    func runInterpreter(state: UnsafeMutableRawPointer, thread: EngineThread) -> (reason: ExitReason, payload: UInt64) {
        var exit: (reason: ExitReason, payload: UInt64) = (.yield, 0)
        return guarded(state: state, thread: thread) { [unowned self] in exit = self.interpreterLoop(state: state, thread: thread) } ?? exit
    }

    func interpreterLoop(state: UnsafeMutableRawPointer, thread: EngineThread) -> (reason: ExitReason, payload: UInt64) {
        let chaining = !log.enabled(.nochain)
        let logExec = log.enabled(.exec)
        let exitFlag = state + frontend.exitRequestOffset
        var current = block(for: frontend.blockKey(state: UnsafeRawPointer(state)), thread)
        while true {
            if exitFlag.load(as: UInt32.self) != 0 { return (.exitRequest, 0) }
            let entry = cache.entries[Int(current)]
            thread.interpreterPosition = current
            if logExec { logExecution(entry.key) }
            guard let prepared = entry.block else { return (.undefined, 0) }
            switch interpret(current, entry, prepared, state: state, thread: thread, chaining: chaining) {
            case .next(let next): current = next
            case .exit(let reason, let payload): return (reason, payload)
            }
        }
    }

    /// Where interpreting one block led.
    enum InterpretedStep {
        case next(Int32)
        case exit(ExitReason, UInt64)
    }

    /// Interprets block `current` once and follows its exit: the next block (chained, looked
    /// up or translated) or an exit for the caller. Both interpreted run loops (the interpreter
    /// backend's and the JIT's first tier) go through here.
    @inline(__always)
    func interpret(_ current: Int32, _ entry: CacheEntry, _ prepared: PreparedBlock, state: UnsafeMutableRawPointer,
                   thread: EngineThread, chaining: Bool) -> InterpretedStep {
        if prepared.valueCount > thread.registerCapacity { thread.growRegisters(prepared.valueCount) }
        switch Interpreter.run(prepared, state: state, memory: memoryBase, registers: thread.registers) {
        case .chain(let slot):
            let linked = cache.link(from: current, slot: slot)
            if chaining && linked >= 0 { return .next(linked) }
            let generation = thread.generation
            let next = block(for: frontend.blockKey(state: UnsafeRawPointer(state)), thread)
            // A flush while translating `next` took `current` away: nothing to link.
            if chaining && thread.generation == generation { cache.setLink(from: current, slot: slot, to: next) }
            return .next(next)
        case .lookup(let pc, let flags):
            return .next(block(for: BlockKey(pc: pc, flags: flags), thread))
        case .exit(let reason, let payload):
            if reason == .alignmentFault { resumeAtInterpretedFault(entry, thread: thread, state: state) }
            return .exit(reason, payload)
        }
    }
}
