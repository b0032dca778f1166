// The CPU loop, written once for every guest: run guest code until it needs the kernel, be
// the kernel, resume. Each arch supplies its registers' side (the syscall convention's
// registers, its exceptions, its signal frames, a new thread's registers) through `CPULoop`;
// engine set-up, the exit dispatch, thread end, signal delivery, the syscall path and thread
// start are shared (CPULoop+Signals, +Syscalls, +Threads).

import CHost
import Engine
import Glibc
import GuestMemory
import IR
import LinuxABI

protocol CPULoop {
    associatedtype GuestFrontend: Frontend

    var process: GuestProcess { get }
    var thread: GuestThread { get }
    var engine: Engine<GuestFrontend, GuestCode> { get }
    /// The thread's guest-state block.
    var stateBlock: UnsafeMutableRawPointer { get }

    init(process: GuestProcess, thread: GuestThread, state: UnsafeMutableRawPointer, engine: Engine<GuestFrontend, GuestCode>)

    /// The pc and stack pointer, for messages.
    var pc: UInt32 { get }
    var stackPointer: UInt32 { get }

    /// The guest executed its syscall instruction: the call, its results in the registers.
    func syscall(code: UInt64)
    /// An exit the arch interprets: undefined instruction, breakpoint or trap, fetch fault.
    func guestException(_ reason: ExitReason, payload: UInt64)
    /// The guest address of an `.alignmentFault` exit with `payload`: the payload itself
    /// unless the arch's translator left the address in its state (the default: the payload).
    func alignmentFaultAddress(payload: UInt64) -> UInt32

    /// Builds the handler's frame for `info` and points the registers at the handler; false
    /// when the frame cannot be written.
    func pushSignalFrame(_ info: GuestSignalInfo, _ action: GuestSignalAction, savedMask: GuestSignalSet) -> Bool
    /// sigreturn (rt: rt_sigreturn): registers, mask and FPU back from the frame at sp; false
    /// for a frame the kernel would refuse.
    func restoreSignalFrame(rt: Bool) -> Bool
    /// Moves the pc back onto the syscall instruction, to run the call again.
    func rewindSyscall()
    /// The registers as qemu's `-d cpu` shows them.
    func registerDump() -> String

    /// A new thread's state block: a copy of this one with clone's child results, the stack
    /// and TLS `request` asks for.
    func childState(_ request: ThreadRequest) -> UnsafeMutableRawPointer
    /// Gives the calling host thread the FP environment (rounding, flush) of `state`.
    static func loadHostFloatEnvironment(_ state: UnsafeMutableRawPointer)
    static func deallocateState(_ state: UnsafeMutableRawPointer)
}

extension CPULoop {
    /// The engine every thread of `process` shares, wired to the process's events.
    static func makeEngine(frontend: GuestFrontend, process: GuestProcess, options: EngineOptions) -> Engine<GuestFrontend, GuestCode> {
        let code = GuestCode(space: process.space)
        var options = options
        // The fault log shows the registers at a fault: keep them exact.
        if process.log.enabled(.guestErrors) { options.preciseFaults = true }
        let engine = Engine(frontend: frontend, code: code, memoryBase: process.space.base, log: process.log, options: options)
        let space = process.space
        process.beforeFork = { [unowned engine] in engine.prepareFork() }
        process.faultHandlerInstalled = { [unowned engine] in engine.requirePreciseFaults() }
        process.afterFork = { [unowned engine] child, token, thread in
            engine.finishFork(child: child, snapshot: token, survivor: thread.engineThread)
            // Signals caught for the parent are not the child's.
            if child { chost_signal_clear() }
        }
        // Code unmapped or remapped: drop every translation if any page of the range was
        // translated from. (Whole-cache flushes are rare and cheap next to a stale block;
        // per-page invalidation comes with self-modifying-code detection.)
        process.codeChanged = { [unowned engine, unowned code] start, end in
            let first = start & ~(space.pageSize - 1)
            guard end > first else { return }
            // The host protection of these pages is the guest's again.
            var page = first / space.pageSize
            while page * space.pageSize < end && page * space.pageSize < space.size {
                chost_fault_forget_page(page)
                page += 1
            }
            // The translator's page cache goes in any case; the blocks only when they came
            // from here (stopping every thread is not for each munmap of a malloc'd chunk).
            engine.withTranslationLock { code.invalidate() }
            if space.anyTranslated(GuestAddress(first), length: end - first) {
                engine.flushCache { _ = space.clearTranslated(GuestAddress(first), length: end - first) }
            }
        }
        return engine
    }

    func alignmentFaultAddress(payload: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: payload) }

    var exitFlag: UnsafeMutablePointer<UInt32> {
        stateBlock.advanced(by: engine.frontend.exitRequestOffset).assumingMemoryBound(to: UInt32.self)
    }

    /// Runs the thread until it exits; its exit status. (The last thread's exit ends the
    /// process instead.)
    func run() -> Int32 {
        chost_fault_set_exit_request(exitFlag)
        chost_signal_set_exit_request(exitFlag)
        while true {
            // Guest code was written (a store into a protected code page, or a syscall writing
            // there): its translations are stale.
            if chost_fault_take_code_written() != 0 { flushTranslations() }
            let (reason, payload) = engine.run(state: stateBlock, thread: thread.engineThread)
            switch reason {
            case .syscall:
                syscall(code: payload)
                if let status = thread.exitStatus { return end(status) }
            case .undefined, .breakpoint, .fetchFault:
                guestException(reason, payload: payload)
            case .memoryFault:
                let address = UInt32(truncatingIfNeeded: payload)
                raise(.fault(SIGSEGV, code: segvCode(address), address: address, abi: process.abi),
                      "segmentation fault at pc 0x\(hex(UInt64(pc))) accessing 0x\(hex(payload))", item: .guestErrors)
            case .busError:
                raise(.fault(SIGBUS, code: GuestSignalInfo.addressError, address: UInt32(truncatingIfNeeded: payload), abi: process.abi),
                      "bus error at pc 0x\(hex(UInt64(pc))) accessing 0x\(hex(payload))", item: .guestErrors)
            case .alignmentFault:
                let address = alignmentFaultAddress(payload: payload)
                raise(.fault(SIGBUS, code: GuestSignalInfo.alignment, address: address, abi: process.abi),
                      "unaligned access at pc 0x\(hex(UInt64(pc))) accessing 0x\(hex(UInt64(address)))", item: .guestErrors)
            case .exitRequest:
                exitFlag.pointee = 0
            case .yield:
                break
            }
            deliverSignals()
        }
    }

    /// Drops every translation (guest code may have changed: cacheflush, a code write).
    func flushTranslations() {
        engine.flushCache { (engine.code as GuestCode).invalidate() }
    }

    /// The thread called exit(2): the kernel's end-of-thread work; the process ends with the
    /// last thread.
    func end(_ status: Int32) -> Int32 {
        // Signals for the process go to the threads that stay from now on.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, nil)
        engine.removeThread(thread.engineThread)
        if thread.finish() { Termination.exit(status: status) }
        chost_fault_set_exit_request(nil)
        chost_signal_set_exit_request(nil)
        return status
    }

    /// SEGV_MAPERR when nothing is mapped at `address`, SEGV_ACCERR when the mapping forbids
    /// the access.
    func segvCode(_ address: UInt32) -> Int32 {
        process.space.protection(at: GuestAddress(UInt64(address))) != nil ? GuestSignalInfo.accessError : GuestSignalInfo.mapError
    }

    func hex(_ v: UInt64) -> String { String(v, radix: 16) }
}

extension GuestProcess {
    /// The guest dies of `signal`, with a message when asked for. (Not in the generic
    /// CPULoop extension: Swift 6.3's optimizer crashes specializing a Never-returning
    /// protocol-extension method there.)
    func fatal(signal: Int32, _ message: String, always: Bool, item: LogItems) -> Never {
        if always || log.enabled(item) { log.write("mirage: \(message)") }
        Termination.die(signal: signal)
    }
}
