// What guest-instruction tests of every frontend share: which backend runs a block, the code
// window a translator fetches from, and how a run ended.

import IR

public enum Backend: CaseIterable, CustomStringConvertible, Sendable {
    case interpreter, jit
    public var description: String { self == .jit ? "JIT" : "interpreter" }
}

/// Guest code in a test machine's memory (guest address a at `memory + a`): fetches inside
/// [start, end) only, so the translator ends a block where the code ends.
public struct CodeWindow: CodeSource {
    public let memory: UnsafeMutableRawPointer
    public let start: UInt32
    public let end: UInt32

    public init(memory: UnsafeMutableRawPointer, start: UInt32, end: UInt32) {
        self.memory = memory
        self.start = start
        self.end = end
    }

    public func fetch16(_ address: UInt64) -> UInt16? {
        guard address >= UInt64(start), address + 2 <= UInt64(end) else { return nil }
        return memory.loadUnaligned(fromByteOffset: Int(address), as: UInt16.self)
    }
    public func fetch32(_ address: UInt64) -> UInt32? {
        guard address >= UInt64(start), address + 4 <= UInt64(end) else { return nil }
        return memory.loadUnaligned(fromByteOffset: Int(address), as: UInt32.self)
    }
}

/// How a run ended.
public enum RunEnd: Equatable, CustomStringConvertible, Sendable {
    /// The pc left the code (ran past its end, or branched out); the state's pc says where.
    case left
    /// A block exited to the engine's caller.
    case exit(ExitReason, payload: UInt64)
    /// The block limit was reached (a loop that does not end).
    case blockLimit

    public var description: String {
        switch self {
        case .left: "left the code"
        case .exit(let r, let p): "exit \(r) payload 0x\(String(p, radix: 16))"
        case .blockLimit: "block limit"
        }
    }
}

/// How a backend run ended, with the MXCSR it left (its flags are the guest's FP exceptions).
public struct BackendRun: Equatable, Sendable {
    public var end: RunEnd
    public var mxcsr: UInt32
    /// A block the JIT could not compile, or that did not verify.
    public var error: String?

    public init(end: RunEnd, mxcsr: UInt32, error: String? = nil) {
        self.end = end
        self.mxcsr = mxcsr
        self.error = error
    }
}

/// What running one block came to: on to the next block (the state's pc says which), an exit
/// to the engine's caller, or a block the backend could not take.
public enum BlockOutcome: Equatable {
    case next
    case exit(ExitReason, payload: UInt64)
    case failed(String)
}
