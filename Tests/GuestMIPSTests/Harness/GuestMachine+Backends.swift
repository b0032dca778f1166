// Running a GuestMachine's code on either backend: the IR interpreter (by default on the IR as
// translated: the reference), or the x86-64 JIT (on the IR after the engine's passes), with its
// code placed the way the engine places it (Engine+JIT.swift: the trampoline first, each
// block's exit-stub references aimed at the trampoline's exit, a cleared jump cache). Blocks
// are not chained: every goto_tb and lookup_and_goto comes back here, and the next block is
// found from the state's pc. Both set the host MXCSR from the guest's FCSR before the run and
// report the MXCSR it ends with, whose exception flags are part of the guest's FP state.

@testable import GuestMIPS
import CHost
import Glibc
import IR
import IRInterpreter
import IRPasses
import Testing
import X64Assembler
import X64Backend

enum Backend: CaseIterable, CustomStringConvertible, Sendable {
    case interpreter, jit
    var description: String { self == .jit ? "JIT" : "interpreter" }
}

/// Executable memory, trampoline, compiler and jump cache for JIT runs. One per machine run
/// (the compiler is reused block after block); not for sharing between threads.
final class JITRunner {
    static let size = 4 << 20
    let base: UnsafeMutableRawPointer
    let entry: UnsafeRawPointer
    let exitStub: UnsafeRawPointer
    let jumpCache: UnsafeMutableRawPointer
    var compiler: X64Compiler
    private var fixed = 0
    private var used = 0

    init() {
        guard let p = mmap(nil, Self.size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
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
        compiler = X64Compiler(features: Self.features, exitRequestOffset: MIPSState.exitRequest)
    }

    deinit {
        munmap(base, Self.size)
        jumpCache.deallocate()
    }

    /// Compiles and places `block`; its code address, or the compiler's error.
    func place(_ block: Block) -> Result<UnsafeRawPointer, CompileError> {
        switch compiler.compile(block) {
        case .failure(let error):
            return .failure(error)
        case .success(let code):
            if used + code.bytes.count + 64 > Self.size { used = fixed }
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

    /// This host's optional instructions, as the engine detects them.
    static let features: HostFeatures = {
        var r: [UInt32] = [0, 0, 0, 0]
        guard chost_cpuid(1, 0, &r) != 0 else { return .baseline }
        let movbe = r[2] & (1 << 22) != 0, popcnt = r[2] & (1 << 23) != 0
        var lzcnt = false, bmi1 = false
        if chost_cpuid(0x8000_0001, 0, &r) != 0 { lzcnt = r[2] & (1 << 5) != 0 }
        if chost_cpuid(7, 0, &r) != 0 { bmi1 = r[1] & (1 << 3) != 0 }
        return HostFeatures(movbe: movbe, lzcnt: lzcnt, popcnt: popcnt, bmi1: bmi1)
    }()
}

/// How a backend run ended, with the MXCSR it left (its flags are the guest's FP exceptions).
struct BackendRun: Equatable {
    var end: RunEnd
    var mxcsr: UInt32
    /// A block the JIT could not compile, or that did not verify.
    var error: String?
}

extension GuestMachine {
    /// Runs blocks from the state's pc on `backend` until the pc leaves the code, a block exits
    /// to the engine's caller, or `blockLimit` blocks ran. `optimize` runs the engine's passes
    /// first (default: for the JIT only, so the interpreter runs the IR as translated).
    func run(on backend: Backend, jit: JITRunner? = nil, maxInstructions: Int = 64, blockLimit: Int = 200,
             optimize: Bool? = nil) -> BackendRun {
        var frontend = MIPSFrontend()
        let runner = backend == .jit ? (jit ?? JITRunner()) : nil
        blocks = []
        state.loadHostFloatEnvironment()
        func finish(_ end: RunEnd, _ error: String? = nil) -> BackendRun {
            let mxcsr = chost_get_mxcsr()
            chost_set_mxcsr(0x1f80)
            return BackendRun(end: end, mxcsr: mxcsr, error: error)
        }
        for _ in 0..<blockLimit {
            let pc = state.pc
            guard pc >= code.start, pc < code.end else { return finish(.left) }
            let key = frontend.blockKey(state: UnsafeRawPointer(state.raw))
            var block = frontend.translate(key, code: code, maxInstructions: maxInstructions)
            blocks.append(block)
            let problems = block.verify()
            if !problems.isEmpty { return finish(.exit(.undefined, payload: 0xdead), "block \(key) does not verify: \(problems)\n\(block.text())") }
            if optimize ?? (backend == .jit) { Passes.optimize(&block) }
            switch backend {
            case .interpreter:
                let prepared = PreparedBlock(block)
                defer { prepared.deallocate() }
                let registers = UnsafeMutablePointer<UInt64>.allocate(capacity: prepared.valueCount + 1)
                registers.initialize(repeating: 0, count: prepared.valueCount + 1)
                defer { registers.deallocate() }
                switch Interpreter.run(prepared, state: state.raw, memory: memory, registers: registers) {
                case .chain, .lookup: continue
                case .exit(let reason, let payload): return finish(.exit(reason, payload: payload))
                }
            case .jit:
                guard let runner else { return finish(.exit(.undefined, payload: 0), "no JIT runner") }
                let code: UnsafeRawPointer
                switch runner.place(block) {
                case .success(let c): code = c
                case .failure(let error): return finish(.exit(.undefined, payload: 0), "block \(key) did not compile: \(error)")
                }
                let exit = chost_jit_enter(runner.entry, state.raw, memory, runner.jumpCache, code)
                switch exit.kind & 0xff {
                case JITABI.Exit.chainMiss.rawValue, JITABI.Exit.lookupMiss.rawValue:
                    continue
                case JITABI.Exit.exitRequest.rawValue:
                    return finish(.exit(.exitRequest, payload: 0))
                case JITABI.Exit.exitTB.rawValue:
                    let reason = ExitReason(rawValue: UInt8(truncatingIfNeeded: exit.kind >> 8)) ?? .undefined
                    return finish(.exit(reason, payload: exit.payload))
                default:
                    return finish(.exit(.undefined, payload: exit.payload), "unknown JIT exit kind 0x\(String(exit.kind, radix: 16))")
                }
            }
        }
        return finish(.blockLimit)
    }

    /// Runs on `backend` and expects the code to run to its end (or branch out of it).
    func runToEnd(on backend: Backend, maxInstructions: Int = 64, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = run(on: backend, maxInstructions: maxInstructions)
        #expect(result.error == nil, "\(result.error ?? "")", sourceLocation: sourceLocation)
        #expect(result.end == .left, "\(backend): run ended with \(result.end) at pc 0x\(String(state.pc, radix: 16))",
                sourceLocation: sourceLocation)
    }
}
