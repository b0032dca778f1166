// A system call's way in and out of the guest's registers, written once for every convention
// LinuxABI describes, so that each arch's CPU loop only reads and writes its registers by
// number. In: the number and seven argument slots (registers, then for MIPS o32 the words the
// caller left on its stack). Out: the result register, the error flag register of MIPS o32
// ($a3: 1 and a positive errno in $v0 on failure, 0 on success), and a second result for the
// calls that return two values (o32's pipe: the write end in $v1).
//
// The CPU loop's part, for any arch (ARMCPULoop.syscall does exactly this):
//   1. `let call = abi.syscall(number: convention.number(...))`, arguments from `arguments(...)`
//      into `SyscallContext(args:)`; then `context.dispatch(call)`.
//   2. `.interrupted` / `.notStarted` results go to the restart decision first (a restarted
//      call leaves every register as it was and moves the pc back onto the syscall
//      instruction: on MIPS $v0 and $a3 still hold the number and the fourth argument, since
//      nothing was written).
//   3. Everything else: `results(result, second: context.secondResult).apply { r, v in ... }`,
//      each value written to the register it names.

import GuestMemory
import LinuxABI

/// The raw argument slots of one call, zero-extended from the guest's word.
typealias SyscallArguments = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

/// What a finished call leaves in the guest's registers, by the arch's register numbers.
struct SyscallReturn: Equatable {
    struct Write: Equatable {
        var register: Int
        var value: UInt64
    }

    /// The result register: the value, or -errno (ARM) or +errno (MIPS, PowerPC) on failure.
    var result: Write
    /// MIPS o32's $a3: 1 on failure, 0 on success; nil for conventions without one.
    var errorFlag: Write?
    /// The second result of a two-value call (o32's pipe: $v1), on success only.
    var second: Write?
    /// Whether the call failed: PowerPC's loop sets CR0's summary-overflow bit from it.
    var failed: Bool

    /// Hands each write to `store` in order: result, error flag, second result.
    func apply(_ store: (_ register: Int, _ value: UInt64) -> Void) {
        store(result.register, result.value)
        if let errorFlag { store(errorFlag.register, errorFlag.value) }
        if let second { store(second.register, second.value) }
    }
}

extension SyscallConvention {
    /// The call's number as the guest passed it.
    func number(register: (Int) -> UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: register(numberRegister))
    }

    /// The seven argument slots: the argument registers in order, then words from the
    /// caller's stack at `stackArgumentsOffset` on (MIPS o32: sp+16, sp+20, sp+24). A stack
    /// word that cannot be read is 0, which is what the o32 kernel's entry code loads then.
    func arguments(register: (Int) -> UInt64, stackWord: (_ offset: Int) -> UInt32?) -> SyscallArguments {
        var slots = [UInt64](repeating: 0, count: 7)
        for (i, r) in argumentRegisters.prefix(7).enumerated() { slots[i] = register(r) }
        if let offset = stackArgumentsOffset {
            for i in argumentRegisters.count..<7 {
                slots[i] = UInt64(stackWord(offset + 4 * (i - argumentRegisters.count)) ?? 0)
            }
        }
        return (slots[0], slots[1], slots[2], slots[3], slots[4], slots[5], slots[6])
    }

    /// The registers a result goes to. `result` is a dispatch result (-errno in the guest's
    /// numbering on failure, never `.interrupted` or `.notStarted`); `second` the context's
    /// `secondResult`. `wordMask` keeps values to the guest's word (0xffff_ffff on 32-bit).
    func results(_ result: SyscallResult, second: UInt64?, wordMask: UInt64 = 0xffff_ffff) -> SyscallReturn {
        let failed = result < 0 && result >= -4095
        switch errorReporting {
        case .negatedErrno:
            return SyscallReturn(result: .init(register: resultRegister, value: UInt64(bitPattern: result) & wordMask),
                                 errorFlag: nil, second: nil, failed: failed)
        case .errorFlagRegister(let flag):
            let value = failed ? UInt64(-result) : UInt64(bitPattern: result) & wordMask
            let secondWrite = failed ? nil : both(secondResultRegister, second).map { SyscallReturn.Write(register: $0, value: $1 & wordMask) }
            return SyscallReturn(result: .init(register: resultRegister, value: value),
                                 errorFlag: .init(register: flag, value: failed ? 1 : 0), second: secondWrite, failed: failed)
        case .conditionRegisterSummaryOverflow:
            let value = failed ? UInt64(-result) : UInt64(bitPattern: result) & wordMask
            return SyscallReturn(result: .init(register: resultRegister, value: value), errorFlag: nil, second: nil, failed: failed)
        }
    }
}

/// Both values, or nil when either is missing.
private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
