// Running test blocks on either backend. The JIT's code is placed the way the engine places it
// (Engine+JIT.swift: the trampoline first, each block's exit-stub references aimed at the
// trampoline's exit, a jump cache in which every probe misses). Blocks are not chained: every
// goto_tb and lookup_and_goto comes back to the test, which finds the next block from the pc.

import CHost
import Glibc
import IR
import IRInterpreter
import X64Assembler
import X64Backend

/// Executable memory, trampoline, compiler and jump cache for JIT runs. One per test or
/// machine run (the compiler is reused block after block); not for sharing between threads.
/// Code wraps around to the start when the memory is full, so a caller that keeps code
/// addresses across many blocks (a block cache) needs a runner of its own.
public final class JITRunner {
    public let size: Int
    public let base: UnsafeMutableRawPointer
    public let entry: UnsafeRawPointer
    public let exitStub: UnsafeRawPointer
    public let jumpCache: UnsafeMutableRawPointer
    public var compiler: X64Compiler
    private var fixed = 0
    private var used = 0

    /// `exitRequestOffset`: where the guest state keeps its exit-request byte.
    public init(exitRequestOffset: Int, size: Int = 8 << 20) {
        self.size = size
        guard let p = mmap(nil, size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              p != MAP_FAILED else { fatalError("no executable memory for the JIT tests") }
        base = p
        let trampoline = Trampoline.make()
        trampoline.bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        entry = UnsafeRawPointer(p + trampoline.entryOffset)
        exitStub = UnsafeRawPointer(p + trampoline.exitOffset)
        fixed = (trampoline.bytes.count + 63) & ~63
        used = fixed
        jumpCache = .allocate(byteCount: JITABI.jumpCacheEntries * JITABI.jumpCacheEntrySize, alignment: 64)
        // All ones: no key a block looks up (its flags are 32 bits), so every probe misses.
        memset(jumpCache, 0xff, JITABI.jumpCacheEntries * JITABI.jumpCacheEntrySize)
        compiler = X64Compiler(features: HostFeatures.detected ?? .baseline, exitRequestOffset: exitRequestOffset)
    }

    deinit {
        munmap(base, size)
        jumpCache.deallocate()
    }

    /// Compiles and places `block`; its code address, or the compiler's error.
    public func place(_ block: Block) -> Result<UnsafeRawPointer, CompileError> {
        switch compiler.compile(block) {
        case .failure(let error):
            return .failure(error)
        case .success(let code):
            if used + code.bytes.count + 64 > size { used = fixed }
            let start = base + used
            code.bytes.withUnsafeBytes { start.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            for offset in code.exitStubReferences {
                let field = start + offset
                let displacement = Int(bitPattern: exitStub) - Int(bitPattern: field + 4)
                field.storeBytes(of: Int32(truncatingIfNeeded: displacement), as: Int32.self)
            }
            used = (used + code.bytes.count + 63) & ~63
            return .success(UnsafeRawPointer(start))
        }
    }

    /// Runs placed code on `state` and `memory` until it leaves its block.
    public func enter(_ code: UnsafeRawPointer, state: UnsafeMutableRawPointer, memory: UnsafeMutableRawPointer) -> BlockOutcome {
        let exit = chost_jit_enter(entry, state, memory, jumpCache, code)
        switch exit.kind & 0xff {
        case JITABI.Exit.chainMiss.rawValue, JITABI.Exit.lookupMiss.rawValue:
            return .next
        case JITABI.Exit.exitRequest.rawValue:
            return .exit(.exitRequest, payload: 0)
        case JITABI.Exit.exitTB.rawValue:
            let reason = ExitReason(rawValue: UInt8(truncatingIfNeeded: exit.kind >> 8)) ?? .undefined
            return .exit(reason, payload: exit.payload)
        default:
            return .failed("unknown JIT exit kind 0x\(String(exit.kind, radix: 16))")
        }
    }

    /// Compiles, places and runs `block`.
    public func run(_ block: Block, state: UnsafeMutableRawPointer, memory: UnsafeMutableRawPointer) -> BlockOutcome {
        switch place(block) {
        case .failure(let error): return .failed("block did not compile: \(error)")
        case .success(let code): return enter(code, state: state, memory: memory)
        }
    }
}

/// The IR interpreter's side: a prepared block run with fresh value registers.
public enum InterpreterRun {
    public static func run(_ prepared: PreparedBlock, state: UnsafeMutableRawPointer, memory: UnsafeMutableRawPointer) -> BlockOutcome {
        let registers = UnsafeMutablePointer<UInt64>.allocate(capacity: prepared.valueCount + 1)
        registers.initialize(repeating: 0, count: prepared.valueCount + 1)
        defer { registers.deallocate() }
        switch Interpreter.run(prepared, state: state, memory: memory, registers: registers) {
        case .chain, .lookup: return .next
        case .exit(let reason, let payload): return .exit(reason, payload: payload)
        }
    }

    public static func run(_ block: Block, state: UnsafeMutableRawPointer, memory: UnsafeMutableRawPointer) -> BlockOutcome {
        let prepared = PreparedBlock(block)
        defer { prepared.deallocate() }
        return run(prepared, state: state, memory: memory)
    }
}

extension Backend {
    /// Runs `block` on this backend (the JIT needs `runner`).
    public func run(_ block: Block, runner: JITRunner?, state: UnsafeMutableRawPointer, memory: UnsafeMutableRawPointer) -> BlockOutcome {
        switch self {
        case .interpreter: return InterpreterRun.run(block, state: state, memory: memory)
        case .jit:
            guard let runner else { return .failed("no JIT runner") }
            return runner.run(block, state: state, memory: memory)
        }
    }
}
