// Why a block returned to the engine's caller (`exitTB`), and the helper-call ABI.

/// The reason of an `exitTB`. The payload (`imm`) is given per case.
public enum ExitReason: UInt8, Sendable, CaseIterable {
    /// A system call instruction; the state's pc is the instruction after it. Payload: the
    /// instruction's immediate (ARM svc #imm).
    case syscall = 0
    /// An undefined or unimplemented instruction; the state's pc is that instruction. Payload:
    /// its encoding.
    case undefined = 1
    /// A breakpoint instruction (ARM bkpt); pc is the instruction. Payload: its immediate.
    case breakpoint = 2
    /// Code could not be fetched at the state's pc (unmapped or not executable).
    case fetchFault = 3
    /// The thread was asked to stop (a signal arrived, or another thread wants it).
    case exitRequest = 4
    /// A hint that the thread waits (wfi/wfe/yield); pc is the next instruction.
    case yield = 5
    /// A guest memory access faulted in a helper. Payload: the guest address; pc is the
    /// faulting instruction.
    case memoryFault = 6
    /// An unaligned access where alignment is required. Payload: the guest address.
    case alignmentFault = 7
    /// A guest memory access hit a mapping with nothing behind it (a file mapping past the
    /// file's end): SIGBUS. Payload: the guest address; pc is the faulting instruction.
    case busError = 8
}

/// What a helper touches, so passes know what they may move across it. `aux` of `call`.
public struct HelperEffects: OptionSet, Sendable {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Reads guest state fields other than through its arguments.
    @inlinable public static var readsState: HelperEffects { HelperEffects(rawValue: 1) }
    /// Writes guest state fields.
    @inlinable public static var writesState: HelperEffects { HelperEffects(rawValue: 2) }
    /// Reads or writes guest memory.
    @inlinable public static var touchesMemory: HelperEffects { HelperEffects(rawValue: 4) }
    /// ORs exception flags into the host's float environment (MXCSR), as float ops do: the
    /// call stays even when its result is unused.
    @inlinable public static var floatFlags: HelperEffects { HelperEffects(rawValue: 8) }
    /// Called rarely (a slow path): the backend saves and restores around the call the
    /// registers it may clobber, so values live across it stay in registers (floats, which no
    /// callee-saved register can hold, included) at the cost of the call itself.
    @inlinable public static var rare: HelperEffects { HelperEffects(rawValue: 16) }
    /// The result depends on nothing but the arguments; the call may be removed when unused.
    @inlinable public static var pure: HelperEffects { [] }
    @inlinable public static var all: HelperEffects { HelperEffects(rawValue: 7) }
}

/// A helper: `result = helper(state, a, b, c)`. Integer arguments arrive zero-extended to 64
/// bits; float arguments as their bit patterns. The memory base is not passed: helpers that
/// touch guest memory find it through the guest state.
public typealias HelperFunction = @convention(c) (UnsafeMutableRawPointer, UInt64, UInt64, UInt64) -> UInt64
