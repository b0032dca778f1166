// Runs guest code through the whole engine (translation, passes, either backend, the run loop),
// with a real frontend: guest memory is a 64 KiB buffer, code and data live in it, and the
// engine's exit is what a CPU loop would see.

import CHost
import Engine
import GuestARM
import GuestMIPS
import IR

/// Reads guest code from the test's memory buffer, as LinuxUser's GuestCode does from the
/// guest address space (host byte order loads; frontends swap for big-endian guests).
struct BufferCode: CodeSource {
    let memory: UnsafeMutableRawPointer
    static let size = 64 * 1024

    func fetch16(_ address: UInt64) -> UInt16? {
        address + 2 <= UInt64(Self.size) ? memory.loadUnaligned(fromByteOffset: Int(address), as: UInt16.self) : nil
    }
    func fetch32(_ address: UInt64) -> UInt32? {
        address + 4 <= UInt64(Self.size) ? memory.loadUnaligned(fromByteOffset: Int(address), as: UInt32.self) : nil
    }
}

/// Guest memory with little-endian instruction words at `codeAddress`, and a guest state.
final class EngineMachine {
    static let codeAddress: UInt64 = 0x1000
    let memory: UnsafeMutableRawPointer
    let state: UnsafeMutableRawPointer

    init(words: [UInt32], stateSize: Int) {
        memory = .allocate(byteCount: BufferCode.size, alignment: 4096)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: BufferCode.size)
        for (i, w) in words.enumerated() {
            memory.storeBytes(of: w.littleEndian, toByteOffset: Int(Self.codeAddress) + 4 * i, as: UInt32.self)
        }
        state = .allocate(byteCount: stateSize, alignment: 16)
        state.initializeMemory(as: UInt8.self, repeating: 0, count: stateSize)
    }

    deinit {
        memory.deallocate()
        state.deallocate()
    }

    /// Runs the state's thread on `backend` until the engine returns; the host MXCSR flags the
    /// run left are the guest's until `run` resets them.
    func run<F: Frontend>(_ frontend: F, backend: Backend, optimize: Bool = true) -> (reason: ExitReason, payload: UInt64) {
        runCounting(frontend, backend: backend, optimize: optimize).exit
    }

    /// `run`, with the JIT interpreting a block until it has run `jitThreshold` times (0:
    /// compiling every block at once), and how many blocks were translated and compiled.
    func runCounting<F: Frontend>(_ frontend: F, backend: Backend, optimize: Bool = true, jitThreshold: Int = 0)
        -> (exit: (reason: ExitReason, payload: UInt64), translated: Int, compiled: Int) {
        var options = EngineOptions()
        options.backend = backend
        options.optimize = optimize
        options.codeMemorySize = 1 << 20
        options.jitThreshold = jitThreshold
        let engine = Engine(frontend: frontend, code: BufferCode(memory: memory), memoryBase: memory, log: Log(), options: options)
        let flag = (state + frontend.exitRequestOffset).assumingMemoryBound(to: UInt32.self)
        let thread = engine.makeThread(exitFlag: flag)
        defer { engine.removeThread(thread) }
        let exit = engine.run(state: state, thread: thread)
        return (exit, engine.translatedBlocks, engine.compiledBlocks)
    }
}

extension Backend {
    var name: String { rawValue }
}
