// The rows spec in memory: sections of rows, each row one (mnemonic, operand form) with its
// encoding, as the Intel SDM writes them. Grammar: the comment at the top of x64.rows.

/// A parsed `.rows` file.
public struct RowSpec: Equatable, Sendable {
    public var sections: [Section]
}

/// The rows under one `[Name]` line; they become `Assembler+Name.swift`.
public struct Section: Equatable, Sendable {
    public var name: String
    public var rows: [Row]
}

public struct Row: Equatable, Sendable {
    /// Line in the spec, from 1.
    public var line: Int
    /// Upper case as in the manual, `LOCK ` included: `ADD`, `CMOVcc`, `LOCK CMPXCHG`.
    public var mnemonic: String
    public var operands: [Operand]
    public var encoding: Encoding
    /// The encoding column as written, blanks collapsed: `REX.W 83 /0 ib`.
    public var encodingText: String
    /// Immediates are raw bits or counts, typed unsigned.
    public var unsignedImmediates: Bool
    /// 64-bit operand size without REX.W (PUSH, POP, near JMP and CALL).
    public var default64: Bool

    /// `ADD r/m32, imm8`: the row's instruction column, normalized.
    public var form: String {
        operands.isEmpty ? mnemonic : mnemonic + " " + operands.map(\.text).joined(separator: ", ")
    }

    /// Whether the mnemonic takes a condition (`Jcc`, `SETcc`, `CMOVcc`).
    public var hasCondition: Bool { mnemonic.hasSuffix("cc") }
}

public enum Operand: Equatable, Sendable {
    /// A general register of the width in bits.
    case gpr(Int)
    /// `r/m8` ... `r/m64`.
    case gprOrMemory(Int)
    /// `m` (nil width) or `m8` ... `m128`.
    case memory(Int?)
    case xmm
    /// `xmm/m32`, `xmm/m64`, `xmm/m128`.
    case xmmOrMemory(Int)
    case immediate(Int)
    /// A branch displacement of the width in bits.
    case relative(Int)
    /// The implicit shift count register.
    case cl
    /// The implicit shift count 1.
    case one

    /// Intel's spelling (register numbering dropped: `xmm2/m64` is `xmm/m64`).
    public var text: String {
        switch self {
        case .gpr(let width): return "r\(width)"
        case .gprOrMemory(let width): return "r/m\(width)"
        case .memory(let width): return width.map { "m\($0)" } ?? "m"
        case .xmm: return "xmm"
        case .xmmOrMemory(let width): return "xmm/m\(width)"
        case .immediate(let width): return "imm\(width)"
        case .relative(let width): return "rel\(width)"
        case .cl: return "CL"
        case .one: return "1"
        }
    }

    /// Goes in ModRM.rm.
    var isRM: Bool {
        switch self {
        case .gprOrMemory, .memory, .xmmOrMemory: return true
        default: return false
        }
    }

    /// A register operand that goes in ModRM.reg or the opcode.
    var isRegister: Bool {
        switch self {
        case .gpr, .xmm: return true
        default: return false
        }
    }

    /// The width of a general-register or memory operand; nil for XMM and the rest.
    var gprWidth: Int? {
        switch self {
        case .gpr(let width), .gprOrMemory(let width): return width
        case .memory(let width): return width
        default: return nil
        }
    }

    var isXMM: Bool {
        switch self {
        case .xmm, .xmmOrMemory: return true
        default: return false
        }
    }
}

public struct Encoding: Equatable, Sendable {
    /// Legacy prefixes in the order written (66, F2, F3, F0).
    public var prefixes: [UInt8] = []
    public var rexW = false
    /// One to three bytes; the last one may have a register or condition added.
    public var opcode: [UInt8] = []
    public var addend: Addend = .none
    public var modRM: ModRM?
    /// Immediates and displacements after ModRM/SIB/displacement, in order.
    public var trailing: [Trailing] = []

    public enum Addend: Equatable, Sendable {
        case none
        /// `+rb` `+rw` `+rd` `+ro`: the register operand, of this width in bits.
        case register(Int)
        /// `+cc`.
        case condition
    }

    public enum ModRM: Equatable, Sendable {
        /// `/r`: reg is the register operand.
        case register
        /// `/0` ... `/7`.
        case digit(Int)
    }

    public struct Trailing: Equatable, Sendable {
        /// 1, 2, 4 or 8.
        public var bytes: Int
        /// `cb` `cd` rather than `ib` ... `io`.
        public var isCodeOffset: Bool
    }

    /// Bytes after the ModRM/SIB/displacement: what a RIP-relative displacement must skip.
    public var trailingBytes: Int { trailing.reduce(0) { $0 + $1.bytes } }
}
