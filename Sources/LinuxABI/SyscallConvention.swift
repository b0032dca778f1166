// How a guest passes a syscall's number and arguments and gets its result back, in the
// architecture's own register numbers (r7 is 7 on ARM; $a3 is 7 on MIPS). The guest module
// knows where each register lives in its state block; LinuxUser joins the two.

public struct SyscallConvention: Sendable, Equatable {
    /// How the kernel tells the guest that a call failed.
    public enum ErrorReporting: Sendable, Equatable {
        /// The result register holds -errno, for results in -4095...-1 (ARM, AArch64).
        case negatedErrno
        /// The result register holds +errno and this register is set to 1 (MIPS: $a3), or 0 on
        /// success.
        case errorFlagRegister(Int)
        /// The result register holds +errno and CR0's summary-overflow bit is set (PowerPC).
        case conditionRegisterSummaryOverflow
    }

    /// The register holding the syscall number (ARM EABI: r7).
    public var numberRegister: Int
    /// The registers holding arguments 1, 2, ... in order.
    public var argumentRegisters: [Int]
    /// For ABIs that pass further arguments on the stack (MIPS o32: args 5-8 at sp+16), the
    /// byte offset from the stack pointer of the first one; nil when all go in registers.
    public var stackArgumentsOffset: Int?
    /// The register that receives the result.
    public var resultRegister: Int
    /// The register that receives a second result, for the calls that return two values
    /// (MIPS o32's pipe: the read end in $v0, the write end in $v1); nil when calls return one.
    public var secondResultRegister: Int?
    public var errorReporting: ErrorReporting
    /// Whether a 64-bit argument (pread64's offset) starts at an even-numbered argument slot,
    /// leaving a hole before it (ARM EABI, MIPS o32, PPC32 do this; 64-bit guests have no pairs).
    public var alignsRegisterPairs: Bool

    public init(
        numberRegister: Int, argumentRegisters: [Int], stackArgumentsOffset: Int? = nil,
        resultRegister: Int, secondResultRegister: Int? = nil, errorReporting: ErrorReporting,
        alignsRegisterPairs: Bool
    ) {
        self.numberRegister = numberRegister
        self.argumentRegisters = argumentRegisters
        self.stackArgumentsOffset = stackArgumentsOffset
        self.resultRegister = resultRegister
        self.secondResultRegister = secondResultRegister
        self.errorReporting = errorReporting
        self.alignsRegisterPairs = alignsRegisterPairs
    }

    /// ARM EABI: `svc #0` with the number in r7, arguments in r0-r6, the result in r0.
    public static let armEABI = SyscallConvention(
        numberRegister: 7, argumentRegisters: [0, 1, 2, 3, 4, 5, 6], resultRegister: 0,
        errorReporting: .negatedErrno, alignsRegisterPairs: true)

    /// MIPS o32: `syscall` with the number in $v0 (2), arguments 1-4 in $a0-$a3 (4-7) and 5-8 on
    /// the caller's stack at sp+16...sp+28 (the o32 calling convention's argument slots, the
    /// first 16 bytes being the home of $a0-$a3). The result comes back in $v0, with $a3 set to
    /// 1 and $v0 holding the positive errno on failure, $a3 = 0 on success; pipe also returns
    /// in $v1. A 64-bit argument takes an even-numbered slot pair, stack slots included, and its
    /// high word is the first slot on big-endian guests, the second on little-endian ones.
    public static let mipsO32 = SyscallConvention(
        numberRegister: 2, argumentRegisters: [4, 5, 6, 7], stackArgumentsOffset: 16, resultRegister: 2,
        secondResultRegister: 3, errorReporting: .errorFlagRegister(7), alignsRegisterPairs: true)
}
