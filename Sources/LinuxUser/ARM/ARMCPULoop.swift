// The ARM side of the CPU loop: the EABI syscall registers and ARM's private calls, the
// exceptions of ARM code, and a new thread's registers. The loop itself is CPULoop's.

import CHost
import Engine
import Glibc
import GuestARM
import GuestMemory
import IR
import LinuxABI

struct ARMCPULoop: CPULoop {
    let process: GuestProcess
    let thread: GuestThread
    let state: ARMStatePointer
    let engine: Engine<ARMFrontend, GuestCode>

    init(process: GuestProcess, thread: GuestThread, state: UnsafeMutableRawPointer, engine: Engine<ARMFrontend, GuestCode>) {
        self.process = process
        self.thread = thread
        self.state = ARMStatePointer(state)
        self.engine = engine
    }

    var stateBlock: UnsafeMutableRawPointer { state.raw }
    var pc: UInt32 { state.pc }
    var stackPointer: UInt32 { state.sp }

    static func makeEngine(process: GuestProcess, options: EngineOptions) -> Engine<ARMFrontend, GuestCode> {
        makeEngine(frontend: ARMFrontend(), process: process, options: options)
    }

    func guestException(_ reason: ExitReason, payload: UInt64) {
        let pc = state.pc
        switch reason {
        case .undefined:
            raise(.fault(SIGILL, code: GuestSignalInfo.illegalOpcode, address: pc, abi: process.abi),
                  "illegal instruction 0x\(hex(payload)) at 0x\(hex(UInt64(pc)))" + (state.thumb ? " (Thumb)" : ""),
                  always: true, item: .unimp)
        case .breakpoint:
            raise(.fault(SIGTRAP, code: GuestSignalInfo.breakpoint, address: pc, abi: process.abi), "breakpoint at 0x\(hex(UInt64(pc)))",
                  item: .guestErrors)
        default:
            raise(.fault(SIGSEGV, code: segvCode(pc), address: pc, abi: process.abi), "cannot fetch an instruction at 0x\(hex(UInt64(pc)))",
                  item: .guestErrors)
        }
    }

    /// The NEON alignment checks leave the address in the state (ARMState.faultAddress).
    func alignmentFaultAddress(payload: UInt64) -> UInt32 { state.alignmentFaultAddress(payload: payload) }

    /// svc: the number in r7, arguments in r0-r6, the result in r0 (ARM EABI, as the ABI's
    /// SyscallConvention says).
    func syscall(code: UInt64) {
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
        guard let result = perform(process.abi.syscall(number: number), number: number, context: &context) else { return }
        convention.results(result, second: context.secondResult).apply { state[register: $0] = UInt32(truncatingIfNeeded: $1) }
        if let stack = context.childStack { state.sp = UInt32(truncatingIfNeeded: stack) }
    }

    func rewindSyscall() {
        state.pc &-= state.thumb ? 2 : 4
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
            flushTranslations()
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

    func pushSignalFrame(_ info: GuestSignalInfo, _ action: GuestSignalAction, savedMask: GuestSignalSet) -> Bool {
        ARMSignalFrame.push(info, action, savedMask: savedMask, state: state, thread: thread)
    }

    func restoreSignalFrame(rt: Bool) -> Bool {
        ARMSignalFrame.restore(rt: rt, state: state, thread: thread)
    }

    /// A copy of the caller's registers with r0 = 0, the new stack and TLS register, and no
    /// exclusive monitor.
    func childState(_ request: ThreadRequest) -> UnsafeMutableRawPointer {
        let child = ARMStatePointer.allocate()
        child.raw.copyMemory(from: state.raw, byteCount: ARMState.size)
        child[register: 0] = 0
        if request.stack != 0 { child.sp = UInt32(truncatingIfNeeded: request.stack) }
        if let tls = request.tls { child.tpidruro = UInt32(truncatingIfNeeded: tls) }
        child.exitRequest = false
        child.raw.storeBytes(of: UInt64.max, toByteOffset: ARMState.exclusiveAddress, as: UInt64.self)
        return child.raw
    }

    static func loadHostFloatEnvironment(_ state: UnsafeMutableRawPointer) {
        ARMStatePointer(state).loadHostFloatEnvironment()
    }

    static func deallocateState(_ state: UnsafeMutableRawPointer) {
        ARMStatePointer(state).deallocate()
    }

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
