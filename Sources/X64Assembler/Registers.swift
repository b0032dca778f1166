// General-purpose registers: `GPR` is the register and its 64-bit operand; `GPR32` and `GPR16`
// are its narrower views (GPR8 lives in ByteRegisters.swift). Indices are the hardware
// numbering: bits 0-2 go in ModRM/SIB/opcode, bit 3 in REX.R/X/B.

/// A general-purpose register as a 64-bit operand (`rax` ... `r15`); also the base and index
/// registers of memory operands.
public struct GPR: Hashable, Sendable, CustomStringConvertible {
    /// 0 rax, 1 rcx, 2 rdx, 3 rbx, 4 rsp, 5 rbp, 6 rsi, 7 rdi, 8-15 r8-r15.
    public let index: UInt8

    public init(_ index: UInt8) {
        precondition(index < 16, "no general register \(index)")
        self.index = index
    }

    init(unchecked index: UInt8) { self.index = index }

    public static let rax = GPR(unchecked: 0), rcx = GPR(unchecked: 1), rdx = GPR(unchecked: 2), rbx = GPR(unchecked: 3)
    public static let rsp = GPR(unchecked: 4), rbp = GPR(unchecked: 5), rsi = GPR(unchecked: 6), rdi = GPR(unchecked: 7)
    public static let r8 = GPR(unchecked: 8), r9 = GPR(unchecked: 9), r10 = GPR(unchecked: 10), r11 = GPR(unchecked: 11)
    public static let r12 = GPR(unchecked: 12), r13 = GPR(unchecked: 13), r14 = GPR(unchecked: 14), r15 = GPR(unchecked: 15)

    /// All sixteen, in index order.
    public static let all: [GPR] = (0..<16).map { GPR(unchecked: UInt8($0)) }

    /// The low 32 bits (`eax`); writing it zeroes bits 32-63.
    public var dword: GPR32 { GPR32(self) }
    /// The low 16 bits (`ax`).
    public var word: GPR16 { GPR16(self) }
    /// The low 8 bits (`al`, `spl`, `r8b`).
    public var byte: GPR8 { GPR8(self) }

    var code: UInt8 { index }

    public var description: String { registerNames64[Int(index)] }
}

/// The low 32 bits of a general register (`eax` ... `r15d`).
public struct GPR32: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt8

    public init(_ register: GPR) { index = register.index }

    init(unchecked index: UInt8) { self.index = index }

    public static let eax = GPR32(unchecked: 0), ecx = GPR32(unchecked: 1), edx = GPR32(unchecked: 2), ebx = GPR32(unchecked: 3)
    public static let esp = GPR32(unchecked: 4), ebp = GPR32(unchecked: 5), esi = GPR32(unchecked: 6), edi = GPR32(unchecked: 7)
    public static let r8d = GPR32(unchecked: 8), r9d = GPR32(unchecked: 9), r10d = GPR32(unchecked: 10), r11d = GPR32(unchecked: 11)
    public static let r12d = GPR32(unchecked: 12), r13d = GPR32(unchecked: 13), r14d = GPR32(unchecked: 14), r15d = GPR32(unchecked: 15)

    /// The whole register.
    public var qword: GPR { GPR(unchecked: index) }

    var code: UInt8 { index }

    public var description: String { registerNames32[Int(index)] }
}

/// The low 16 bits of a general register (`ax` ... `r15w`).
public struct GPR16: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt8

    public init(_ register: GPR) { index = register.index }

    init(unchecked index: UInt8) { self.index = index }

    public static let ax = GPR16(unchecked: 0), cx = GPR16(unchecked: 1), dx = GPR16(unchecked: 2), bx = GPR16(unchecked: 3)
    public static let sp = GPR16(unchecked: 4), bp = GPR16(unchecked: 5), si = GPR16(unchecked: 6), di = GPR16(unchecked: 7)
    public static let r8w = GPR16(unchecked: 8), r9w = GPR16(unchecked: 9), r10w = GPR16(unchecked: 10), r11w = GPR16(unchecked: 11)
    public static let r12w = GPR16(unchecked: 12), r13w = GPR16(unchecked: 13), r14w = GPR16(unchecked: 14), r15w = GPR16(unchecked: 15)

    /// The whole register.
    public var qword: GPR { GPR(unchecked: index) }

    var code: UInt8 { index }

    public var description: String { registerNames16[Int(index)] }
}

let registerNames64 = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                       "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"]
let registerNames32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
                       "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"]
let registerNames16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
                       "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"]
