// The exceptions a MIPS block reports through `exit_tb breakpoint`: BREAK, the trap
// instructions (TEQ, TGEI, ...) and integer overflow (ADD, ADDI, SUB). The IR has one
// breakpoint exit reason, so the payload says which, and carries the instruction's code field;
// `linuxSignal` is what Linux delivers for each (arch/mips/kernel/traps.c: do_bp, do_tr, do_ov,
// do_trap_or_bp). The state's pc is the instruction (or the branch, for one in a delay slot).

public enum MIPSTrap: Equatable, Sendable {
    /// BREAK: its 20-bit code field (bits 25:6) as encoded.
    case breakInstruction(code: UInt32)
    /// A trap instruction whose condition held: its 10-bit code (bits 15:6) for the register
    /// forms, 0 for the immediate forms, which have none.
    case trapInstruction(code: UInt32)
    /// ADD, ADDI or SUB overflowed (the Integer Overflow exception).
    case overflow

    /// Payload layout: bits 19:0 the code, bits 33:32 the kind (0 break, 1 trap, 2 overflow).
    public var payload: UInt64 {
        switch self {
        case .breakInstruction(let code): UInt64(code & 0xf_ffff)
        case .trapInstruction(let code): 1 << 32 | UInt64(code & 0x3ff)
        case .overflow: 2 << 32
        }
    }

    public init?(payload: UInt64) {
        let code = UInt32(truncatingIfNeeded: payload) & 0xf_ffff
        switch payload >> 32 {
        case 0: self = .breakInstruction(code: code)
        case 1: self = .trapInstruction(code: code & 0x3ff)
        case 2: self = .overflow
        default: return nil
        }
    }

    /// The code Linux acts on: a BREAK code of 1024 or more is read with its halves swapped,
    /// because old assemblers put `break n` at bit 16 rather than bit 6 (so gas's `break 7`
    /// reads as 7 either way).
    public var linuxCode: UInt32 {
        switch self {
        case .breakInstruction(let code):
            code >= 1 << 10 ? (code & 0x3ff) << 10 | code >> 10 : code
        case .trapInstruction(let code):
            code
        case .overflow:
            0
        }
    }

    /// What Linux raises.
    public enum Signal: Equatable, Sendable {
        /// SIGFPE with si_code FPE_INTOVF: overflow, or BREAK/trap code 6 (BRK_OVERFLOW).
        case integerOverflow
        /// SIGFPE with si_code FPE_INTDIV: BREAK/trap code 7 (BRK_DIVZERO), which compilers emit
        /// after a division by zero test.
        case integerDivideByZero
        /// SIGTRAP, with si_code TRAP_BRKPT for BREAK and no code (SI_KERNEL) for a trap.
        case trap(breakpoint: Bool)
    }

    public var linuxSignal: Signal {
        if case .overflow = self { return .integerOverflow }
        switch linuxCode {
        case 6: return .integerOverflow
        case 7: return .integerDivideByZero
        default:
            if case .breakInstruction = self { return .trap(breakpoint: true) }
            return .trap(breakpoint: false)
        }
    }
}
