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

    @usableFromInline init(unchecked index: UInt8) { self.index = index }

    @inlinable public static var rax: GPR { GPR(unchecked: 0) }
    @inlinable public static var rcx: GPR { GPR(unchecked: 1) }
    @inlinable public static var rdx: GPR { GPR(unchecked: 2) }
    @inlinable public static var rbx: GPR { GPR(unchecked: 3) }
    @inlinable public static var rsp: GPR { GPR(unchecked: 4) }
    @inlinable public static var rbp: GPR { GPR(unchecked: 5) }
    @inlinable public static var rsi: GPR { GPR(unchecked: 6) }
    @inlinable public static var rdi: GPR { GPR(unchecked: 7) }
    @inlinable public static var r8: GPR { GPR(unchecked: 8) }
    @inlinable public static var r9: GPR { GPR(unchecked: 9) }
    @inlinable public static var r10: GPR { GPR(unchecked: 10) }
    @inlinable public static var r11: GPR { GPR(unchecked: 11) }
    @inlinable public static var r12: GPR { GPR(unchecked: 12) }
    @inlinable public static var r13: GPR { GPR(unchecked: 13) }
    @inlinable public static var r14: GPR { GPR(unchecked: 14) }
    @inlinable public static var r15: GPR { GPR(unchecked: 15) }

    /// All sixteen, in index order.
    public static let all: [GPR] = (0..<16).map { GPR(unchecked: UInt8($0)) }

    /// The low 32 bits (`eax`); writing it zeroes bits 32-63.
    @inlinable public var dword: GPR32 { GPR32(unchecked: index) }
    /// The low 16 bits (`ax`).
    @inlinable public var word: GPR16 { GPR16(unchecked: index) }
    /// The low 8 bits (`al`, `spl`, `r8b`).
    @inlinable public var byte: GPR8 { GPR8(self) }

    var code: UInt8 { index }

    public var description: String { registerNames64[Int(index)] }
}

/// The low 32 bits of a general register (`eax` ... `r15d`).
public struct GPR32: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt8

    public init(_ register: GPR) { index = register.index }

    @usableFromInline init(unchecked index: UInt8) { self.index = index }

    @inlinable public static var eax: GPR32 { GPR32(unchecked: 0) }
    @inlinable public static var ecx: GPR32 { GPR32(unchecked: 1) }
    @inlinable public static var edx: GPR32 { GPR32(unchecked: 2) }
    @inlinable public static var ebx: GPR32 { GPR32(unchecked: 3) }
    @inlinable public static var esp: GPR32 { GPR32(unchecked: 4) }
    @inlinable public static var ebp: GPR32 { GPR32(unchecked: 5) }
    @inlinable public static var esi: GPR32 { GPR32(unchecked: 6) }
    @inlinable public static var edi: GPR32 { GPR32(unchecked: 7) }
    @inlinable public static var r8d: GPR32 { GPR32(unchecked: 8) }
    @inlinable public static var r9d: GPR32 { GPR32(unchecked: 9) }
    @inlinable public static var r10d: GPR32 { GPR32(unchecked: 10) }
    @inlinable public static var r11d: GPR32 { GPR32(unchecked: 11) }
    @inlinable public static var r12d: GPR32 { GPR32(unchecked: 12) }
    @inlinable public static var r13d: GPR32 { GPR32(unchecked: 13) }
    @inlinable public static var r14d: GPR32 { GPR32(unchecked: 14) }
    @inlinable public static var r15d: GPR32 { GPR32(unchecked: 15) }

    /// The whole register.
    @inlinable public var qword: GPR { GPR(unchecked: index) }

    var code: UInt8 { index }

    public var description: String { registerNames32[Int(index)] }
}

/// The low 16 bits of a general register (`ax` ... `r15w`).
public struct GPR16: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt8

    public init(_ register: GPR) { index = register.index }

    @usableFromInline init(unchecked index: UInt8) { self.index = index }

    @inlinable public static var ax: GPR16 { GPR16(unchecked: 0) }
    @inlinable public static var cx: GPR16 { GPR16(unchecked: 1) }
    @inlinable public static var dx: GPR16 { GPR16(unchecked: 2) }
    @inlinable public static var bx: GPR16 { GPR16(unchecked: 3) }
    @inlinable public static var sp: GPR16 { GPR16(unchecked: 4) }
    @inlinable public static var bp: GPR16 { GPR16(unchecked: 5) }
    @inlinable public static var si: GPR16 { GPR16(unchecked: 6) }
    @inlinable public static var di: GPR16 { GPR16(unchecked: 7) }
    @inlinable public static var r8w: GPR16 { GPR16(unchecked: 8) }
    @inlinable public static var r9w: GPR16 { GPR16(unchecked: 9) }
    @inlinable public static var r10w: GPR16 { GPR16(unchecked: 10) }
    @inlinable public static var r11w: GPR16 { GPR16(unchecked: 11) }
    @inlinable public static var r12w: GPR16 { GPR16(unchecked: 12) }
    @inlinable public static var r13w: GPR16 { GPR16(unchecked: 13) }
    @inlinable public static var r14w: GPR16 { GPR16(unchecked: 14) }
    @inlinable public static var r15w: GPR16 { GPR16(unchecked: 15) }

    /// The whole register.
    @inlinable public var qword: GPR { GPR(unchecked: index) }

    var code: UInt8 { index }

    public var description: String { registerNames16[Int(index)] }
}

let registerNames64 = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                       "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"]
let registerNames32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
                       "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"]
let registerNames16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
                       "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"]
