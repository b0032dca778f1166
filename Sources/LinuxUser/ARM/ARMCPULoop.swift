// The ARM CPU loop: run guest code until it needs the kernel, be the kernel, resume.

import CHost
import Engine
import Glibc
import GuestARM
import GuestMemory
import IR
import LinuxABI

struct ARMCPULoop {
    let process: GuestProcess
    let thread: GuestThread
    let state: ARMStatePointer
    let engine: Engine<ARMFrontend, GuestCode>

    init(process: GuestProcess, thread: GuestThread, state: ARMStatePointer, engine: Engine<ARMFrontend, GuestCode>) {
        self.process = process
        self.thread = thread
        self.state = state
        self.engine = engine
    }

    /// The engine every thread of `process` shares, wired to the process's events.
    static func makeEngine(process: GuestProcess, options: EngineOptions) -> Engine<ARMFrontend, GuestCode> {
        let code = GuestCode(space: process.space)
        var options = options
        // The fault log shows the registers at a fault: keep them exact.
        if process.log.enabled(.guestErrors) { options.preciseFaults = true }
        let engine = Engine(frontend: ARMFrontend(), code: code, memoryBase: process.space.base,
                            log: process.log, options: options)
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

    /// Runs the thread until it exits; its exit status. (The last thread's exit ends the
    /// process instead.)
    func run() -> Int32 {
        let exitFlag = state.raw.advanced(by: ARMState.exitRequest).assumingMemoryBound(to: UInt32.self)
        chost_fault_set_exit_request(exitFlag)
        chost_signal_set_exit_request(exitFlag)
        while true {
            // Guest code was written (a store into a protected code page, or a syscall writing
            // there): its translations are stale.
            if chost_fault_take_code_written() != 0 {
                engine.flushCache { (engine.code as GuestCode).invalidate() }
            }
            let (reason, payload) = engine.run(state: state.raw, thread: thread.engineThread)
            let pc = state.pc
            switch reason {
            case .syscall:
                syscall()
                if let status = thread.exitStatus { return end(status) }
            case .undefined:
                raise(.fault(SIGILL, code: GuestSignalInfo.illegalOpcode, address: pc, abi: process.abi),
                      "illegal instruction 0x\(hex(payload)) at 0x\(hex(UInt64(pc)))" + (state.thumb ? " (Thumb)" : ""),
                      always: true, item: .unimp)
            case .breakpoint:
                raise(.fault(SIGTRAP, code: GuestSignalInfo.breakpoint, address: pc, abi: process.abi), "breakpoint at 0x\(hex(UInt64(pc)))",
                      item: .guestErrors)
            case .fetchFault:
                raise(.fault(SIGSEGV, code: segvCode(pc), address: pc, abi: process.abi), "cannot fetch an instruction at 0x\(hex(UInt64(pc)))",
                      item: .guestErrors)
            case .memoryFault:
                let address = UInt32(truncatingIfNeeded: payload)
                raise(.fault(SIGSEGV, code: segvCode(address), address: address, abi: process.abi),
                      "segmentation fault at pc 0x\(hex(UInt64(pc))) accessing 0x\(hex(payload))", item: .guestErrors)
            case .busError:
                raise(.fault(SIGBUS, code: GuestSignalInfo.addressError, address: UInt32(truncatingIfNeeded: payload), abi: process.abi),
                      "bus error at pc 0x\(hex(UInt64(pc))) accessing 0x\(hex(payload))", item: .guestErrors)
            case .alignmentFault:
                raise(.fault(SIGBUS, code: GuestSignalInfo.alignment, address: UInt32(truncatingIfNeeded: payload), abi: process.abi),
                      "unaligned access at pc 0x\(hex(UInt64(pc))) accessing 0x\(hex(payload))", item: .guestErrors)
            case .exitRequest:
                state.exitRequest = false
            case .yield:
                break
            }
            deliverSignals()
        }
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

    /// svc: the number in r7, arguments in r0-r6, the result in r0 (ARM EABI, as the ABI's
    /// SyscallConvention says).
    func syscall() {
        let convention = process.abi.syscallConvention
        let number = convention.number { UInt64(state[register: $0]) }
        if number >= 0x0f_0000 {
            let registers = process.log.enabled(.strace) ? (0..<4).map { UInt64(state[register: $0]) } : []
            let result = privateSyscall(number)
            if process.log.enabled(.strace) { Strace.logPrivate(process, number, registers, result) }
            state[register: 0] = UInt32(truncatingIfNeeded: result)
            return
        }
        var context = SyscallContext(process: process, thread: thread,
                                     args: convention.arguments(register: { UInt64(state[register: $0]) }, stackWord: { _ in nil }))
        let call = process.abi.syscall(number: number)
        if call == .sigreturn || call == .rt_sigreturn {
            if process.log.enabled(.strace) { Strace.log(process, call, number, context.args, nil) }
            if !ARMSignalFrame.restore(rt: call == .rt_sigreturn, state: state, thread: thread) {
                raise(.fault(SIGSEGV, code: GuestSignalInfo.user, address: 0, abi: process.abi), "bad signal frame at sp 0x\(hex(UInt64(state.sp)))",
                      item: .guestErrors)
            }
            return
        }
        // exit_group does not come back to be logged.
        if process.log.enabled(.strace) && call == .exit_group { Strace.log(process, call, number, context.args, nil) }
        var result: SyscallResult
        if let call, let r = context.dispatch(call) {
            result = r
        } else {
            if process.log.enabled(.unimp) {
                process.log.write("mirage: unimplemented syscall \(call.map { "\($0)" } ?? "#\(number)") (\(number)): ENOSYS")
            }
            result = context.fail(ENOSYS)
        }
        if let request = context.newThread { result = startThread(request) }
        if process.log.enabled(.strace) {
            Strace.log(process, call, number, context.args, thread.exitStatus == nil ? result : nil, secondResult: context.secondResult)
        }
        if result == .interrupted || result == .notStarted {
            result = restartOrInterrupt(call, notStarted: result == .notStarted)
            if result == .notStarted { return }
        }
        convention.results(result, second: context.secondResult).apply { state[register: $0] = UInt32(truncatingIfNeeded: $1) }
        if let stack = context.childStack { state.sp = UInt32(truncatingIfNeeded: stack) }
    }

    /// The ARM-private calls (__ARM_NR_BASE 0x0f0000 + n).
    func privateSyscall(_ number: UInt32) -> Int64 {
        switch number {
        case 0x0f_0005:  // set_tls
            state.tpidruro = state[register: 0]
            return 0
        case 0x0f_0006:  // get_tls
            return Int64(state.tpidruro)
        case 0x0f_0002:  // cacheflush(start, end, flags): new code may be there
            engine.flushCache { (engine.code as GuestCode).invalidate() }
            return 0
        case 0x0f_0001:  // breakpoint
            raise(.fault(SIGTRAP, code: GuestSignalInfo.breakpoint, address: state.pc, abi: process.abi), "breakpoint syscall at 0x\(hex(UInt64(state.pc)))",
                  item: .guestErrors)
            return Int64(state[register: 0])
        default:
            if process.log.enabled(.unimp) { process.log.write("mirage: unimplemented ARM private syscall 0x\(hex(UInt64(number)))") }
            return -Int64(process.abi.untranslateErrno(ENOSYS))
        }
    }

    /// The guest dies of `signal`, with a message when asked for.
    func fatal(signal: Int32, _ message: String, always: Bool, item: LogItems) -> Never {
        if always || process.log.enabled(item) { process.log.write("mirage: \(message)") }
        Termination.die(signal: signal)
    }

    func hex(_ v: UInt64) -> String { String(v, radix: 16) }

    /// The registers as qemu's `-d cpu` shows them: four per line, then the PSR.
    func registerDump() -> String {
        var text = ""
        for r in 0..<16 {
            let name = r < 10 ? "R0\(r)" : "R\(r)"
            text += "\(name)=\(hex(UInt64(state[register: r])).leftPadded(8))" + (r % 4 == 3 ? "\n" : " ")
        }
        return text + "PSR=\(hex(UInt64(state.cpsr)).leftPadded(8))"
    }
}
