// Exceptions, barriers and hardware registers (MIPS32 Vol. II-A: SYSCALL, BREAK, the trap
// instructions, SYNC, RDHWR).

import Glibc
import IR

extension Translator {
    /// SYSCALL: the CPU loop runs the system call; the state's pc is the next instruction (the
    /// branch's destination for one in a delay slot). Payload: the code field.
    mutating func systemCall(code: UInt32) {
        exit(.syscall, payload: UInt64(code), resumeAfter: true)
    }

    /// TEQ, TNE, TGE, TGEU, TLT, TLTU and the immediate forms: a Trap exception when the
    /// comparison of x with y holds.
    mutating func trap(if condition: Condition, _ x: Value, _ y: Value, code: UInt32) {
        exit(if: condition, x, y, .breakpoint, payload: MIPSTrap.trapInstruction(code: code).payload)
    }

    /// RDHWR rt, rd: the hardware registers Linux lets user mode read (HWREna): 0 CPUNum,
    /// 1 SYNCI_Step, 2 CC, 3 CCRes, 29 UserLocal. Others are reserved.
    mutating func readHardwareRegister(rt: UInt32, rd: UInt32) -> Bool {
        let value: Value
        switch rd {
        case 0: value = b.const32(0)
        case 1: value = b.const32(MIPSHelpers.synciStep)
        case 2: value = b.call(MIPSHelpers.cycleCounter, effects: .readsState, result: .i32)
        case 3: value = b.const32(1)
        case 29: value = b.loadState(.i32, MIPSState.userLocal)
        default: return false
        }
        setGPR(rt, value)
        return true
    }
}

/// Helpers called from MIPS blocks (integer ones here; the FPU's are in MIPSHelpers+*.swift).
enum MIPSHelpers {
    /// The SYNCI step RDHWR $1 reports: the cache line size of the 24K cores Debian's mips
    /// kernels run on.
    static let synciStep: UInt32 = 32

    /// RDHWR $2 (CC): a cycle counter running at the CCRes (1) rate; here the host's
    /// monotonic clock in nanoseconds, modulo 2^32. (Declared as reading the state so that no
    /// pass merges two reads.)
    static let cycleCounter: HelperFunction = { _, _, _, _ in
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(UInt32(truncatingIfNeeded: Int64(now.tv_sec) &* 1_000_000_000 &+ Int64(now.tv_nsec)))
    }
}
