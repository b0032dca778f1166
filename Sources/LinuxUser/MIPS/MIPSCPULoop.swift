// The MIPS side of the CPU loop (o32, both byte orders): the syscall registers ($v0 the
// number, $a0-$a3 and the caller's stack the arguments, $v0/$a3/$v1 the results), the
// indirect syscall, the calls only the loop can make (TLS, cache flushes, sysmips, the FPU
// mode), the exceptions of MIPS code, and a new thread's registers. The loop is CPULoop's.

import CHost
import Engine
import Glibc
import GuestMIPS
import GuestMemory
import IR
import LinuxABI

struct MIPSCPULoop: CPULoop {
    let process: GuestProcess
    let thread: GuestThread
    let state: MIPSStatePointer
    let engine: Engine<MIPSFrontend, GuestCode>

    init(process: GuestProcess, thread: GuestThread, state: UnsafeMutableRawPointer, engine: Engine<MIPSFrontend, GuestCode>) {
        self.process = process
        self.thread = thread
        self.state = MIPSStatePointer(state)
        self.engine = engine
    }

    var stateBlock: UnsafeMutableRawPointer { state.raw }
    var pc: UInt32 { state.pc }
    var stackPointer: UInt32 { state.sp }

    static func makeEngine(process: GuestProcess, options: EngineOptions) -> Engine<MIPSFrontend, GuestCode> {
        makeEngine(frontend: MIPSFrontend(), process: process, options: options)
    }

    /// Linux's signals for MIPS exceptions (arch/mips/kernel/traps.c): a reserved instruction
    /// is SIGILL, forced without a code or address (SI_KERNEL, as qemu-mips gives too); BREAK
    /// and the trap instructions SIGTRAP or, for the codes compilers use for overflow and
    /// division by zero, SIGFPE at the instruction; an unfetchable pc is SIGSEGV there.
    func guestException(_ reason: ExitReason, payload: UInt64) {
        let pc = state.pc
        switch reason {
        case .undefined:
            var info = GuestSignalInfo.fault(SIGILL, code: GuestSignalInfo.kernel, address: 0, abi: process.abi)
            info.faultAddress = pc
            raise(info, "illegal instruction 0x\(hex(payload)) at 0x\(hex(UInt64(pc)))", always: true, item: .unimp)
        case .breakpoint:
            let trap = MIPSTrap(payload: payload) ?? .breakInstruction(code: 0)
            switch trap.linuxSignal {
            case .integerOverflow:
                raise(.fault(SIGFPE, code: GuestSignalInfo.integerOverflow, address: pc, abi: process.abi),
                      "integer overflow at 0x\(hex(UInt64(pc)))", item: .guestErrors)
            case .integerDivideByZero:
                raise(.fault(SIGFPE, code: GuestSignalInfo.integerDivide, address: pc, abi: process.abi),
                      "integer division by zero at 0x\(hex(UInt64(pc)))", item: .guestErrors)
            case .trap(let breakpoint):
                // BREAK: TRAP_BRKPT; a trap instruction: the kernel's force_sig (SI_KERNEL).
                // Neither carries an address.
                var info = GuestSignalInfo.fault(SIGTRAP, code: breakpoint ? GuestSignalInfo.breakpoint : GuestSignalInfo.kernel,
                                                 address: 0, abi: process.abi)
                info.faultAddress = pc
                raise(info, "\(breakpoint ? "breakpoint" : "trap") at 0x\(hex(UInt64(pc)))", item: .guestErrors)
            }
        default:
            let address = UInt32(truncatingIfNeeded: payload)
            raise(.fault(SIGSEGV, code: segvCode(address), address: address, abi: process.abi),
                  "cannot fetch an instruction at 0x\(hex(payload))", item: .guestErrors)
        }
    }

    /// syscall: the number in $v0, arguments 1-4 in $a0-$a3 and 5-8 at sp+16 (o32), the
    /// result in $v0 with $a3 the error flag, a second result in $v1.
    func syscall(code: UInt64) {
        let convention = process.abi.syscallConvention
        var number = convention.number { UInt64(state[gpr: $0]) }
        var args = convention.arguments(register: { UInt64(state[gpr: $0]) }, stackWord: stackWord)
        if number == process.abi.number(of: .syscall) {
            // syscall(SYS_syscall, n, ...): the number in $a0, the arguments one slot on.
            number = UInt32(truncatingIfNeeded: args.0)
            args = (args.1, args.2, args.3, args.4, args.5, args.6, UInt64(stackWord(28) ?? 0))
            // The kernel refuses a number outside the o32 range, and a nested indirect call.
            if number <= 4000 || number >= 5000 {
                var context = SyscallContext(process: process, thread: thread, args: args)
                write(context.fail(EINVAL), context: context)
                return
            }
        }
        var context = SyscallContext(process: process, thread: thread, args: args)
        guard let result = perform(process.abi.syscall(number: number), number: number, context: &context, archCall: archCall) else { return }
        write(result, context: context)
    }

    /// The result into $v0, $a3 and $v1; a forked child's new stack into $sp.
    func write(_ result: SyscallResult, context: SyscallContext) {
        process.abi.syscallConvention.results(result, second: context.secondResult).apply {
            state[gpr: $0] = UInt32(truncatingIfNeeded: $1)
        }
        if let stack = context.childStack { state.sp = UInt32(truncatingIfNeeded: stack) }
    }

    /// A word of the caller's stack (the o32 argument slots), nil when it cannot be read.
    func stackWord(_ offset: Int) -> UInt32? {
        process.space.load(UInt32.self, at: GuestAddress(UInt64(state.sp &+ UInt32(offset))), bigEndian: process.bigEndian)
    }

    /// The calls that touch what only the loop holds: the TLS register, the translations,
    /// the FPU mode. nil: the shared table's.
    func archCall(_ call: Syscall, _ context: inout SyscallContext) -> SyscallResult? {
        switch call {
        case .set_thread_area:
            // What rdhwr $29 (UserLocal) reads from now on.
            state.userLocal = UInt32(truncatingIfNeeded: context.arg(0))
            return 0
        case .cacheflush:
            // (addr, nbytes, cache): code in the range may be new.
            flushTranslations()
            return 0
        case .cachectl:
            // The kernel implements none of its operations.
            return context.fail(ENOSYS)
        case .sysmips:
            return sysmips(&context)
        case .prctl:
            return fpModeControl(&context)
        default:
            return nil
        }
    }

    /// sysmips(cmd, arg1, arg2): the commands a 32-bit kernel still has.
    func sysmips(_ context: inout SyscallContext) -> SyscallResult {
        switch UInt32(truncatingIfNeeded: context.arg(0)) {
        case MIPSKernel.Sysmips.atomicSet:
            // Swap arg2 into the word at arg1 and return the old word: atomic, as the guest's
            // other threads see it (they run on other host threads).
            let address = context.arg(1)
            guard address & 3 == 0 else { return context.fail(EINVAL) }
            guard process.space.protection(at: GuestAddress(address))?.contains(.write) == true else { return context.fail(EFAULT) }
            let pointer = (process.space.base + Int(address)).assumingMemoryBound(to: UInt32.self)
            let value = UInt32(truncatingIfNeeded: context.arg(2))
            let new = process.bigEndian ? value.byteSwapped : value
            var old = pointer.pointee
            while true {
                let seen = chost_cas32(pointer, old, new)
                if seen == old { break }
                old = seen
            }
            return SyscallResult(process.bigEndian ? old.byteSwapped : old)
        case MIPSKernel.Sysmips.fixAddressErrors:
            // Bit 0: the kernel fixes unaligned accesses up (the default); clear, they raise
            // SIGBUS. Bit 1 (log them) changes nothing here.
            let value = context.arg(1)
            guard value & ~3 == 0 else { return context.fail(EINVAL) }
            var mode = state.mode
            if value & 1 != 0 { mode.remove(.strictAlignment) } else { mode.insert(.strictAlignment) }
            state.mode = mode
            return 0
        case MIPSKernel.Sysmips.flushCache:
            flushTranslations()
            return 0
        default:
            return context.fail(EINVAL)
        }
    }

    /// prctl(PR_GET_FP_MODE) and prctl(PR_SET_FP_MODE, mode), which the dynamic linker uses
    /// when a library's FP ABI needs the other FR mode; other options are the table's.
    /// The switch applies to the calling thread (a kernel switches every thread of the
    /// process; a program switches before it starts threads).
    func fpModeControl(_ context: inout SyscallContext) -> SyscallResult? {
        switch UInt32(truncatingIfNeeded: context.arg(0)) {
        case MIPSKernel.FPMode.get:
            return state.mode.contains(.fr) ? SyscallResult(MIPSKernel.FPMode.fr) : 0
        case MIPSKernel.FPMode.set:
            let mode = context.arg(1)
            guard mode & ~UInt64(MIPSKernel.FPMode.fr | MIPSKernel.FPMode.fre) == 0 else { return context.fail(EINVAL) }
            // FRE needs a Release 5 FPU; this is a Release 2 one.
            guard mode & UInt64(MIPSKernel.FPMode.fre) == 0 else { return context.fail(EOPNOTSUPP) }
            state.setFRMode(mode & UInt64(MIPSKernel.FPMode.fr) != 0)
            return 0
        default:
            return nil
        }
    }

    /// Back onto the syscall instruction: $v0 and $a3 still hold the number and the fourth
    /// argument, since a call that runs again wrote no result.
    func rewindSyscall() {
        state.pc &-= 4
    }

    func pushSignalFrame(_ info: GuestSignalInfo, _ action: GuestSignalAction, savedMask: GuestSignalSet) -> Bool {
        MIPSSignalFrame.push(info, action, savedMask: savedMask, state: state, thread: thread)
    }

    func restoreSignalFrame(rt: Bool) -> Bool {
        MIPSSignalFrame.restore(rt: rt, state: state, thread: thread)
    }

    /// A copy of the caller's registers with clone's child results ($v0 = 0, $a3 = 0: no
    /// error), the new stack and UserLocal, and no LL link.
    func childState(_ request: ThreadRequest) -> UnsafeMutableRawPointer {
        let child = MIPSStatePointer.allocate()
        child.raw.copyMemory(from: state.raw, byteCount: MIPSState.size)
        child[gpr: 2] = 0
        child[gpr: 7] = 0
        if request.stack != 0 { child.sp = UInt32(truncatingIfNeeded: request.stack) }
        if let tls = request.tls { child.userLocal = UInt32(truncatingIfNeeded: tls) }
        child.exitRequest = false
        child.clearLink()
        return child.raw
    }

    static func loadHostFloatEnvironment(_ state: UnsafeMutableRawPointer) {
        MIPSStatePointer(state).loadHostFloatEnvironment()
    }

    static func deallocateState(_ state: UnsafeMutableRawPointer) {
        MIPSStatePointer(state).deallocate()
    }

    static let registerNames = [
        "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
        "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
    ]

    /// The registers as qemu's `-d cpu` shows them for MIPS: pc, HI and LO, then the GPRs
    /// four to a line.
    func registerDump() -> String {
        var text = "pc=0x\(hex(UInt64(state.pc)).leftPadded(8)) HI=0x\(hex(UInt64(state.hi)).leftPadded(8)) "
            + "LO=0x\(hex(UInt64(state.lo)).leftPadded(8))\n"
        for r in 0..<32 {
            if r % 4 == 0 { text += "GPR\(r < 10 ? "0" : "")\(r):" }
            text += " \(Self.registerNames[r]) \(hex(UInt64(state[gpr: r])).leftPadded(8))"
            if r % 4 == 3 && r != 31 { text += "\n" }
        }
        return text
    }
}
