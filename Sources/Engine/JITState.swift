// The JIT backend's pieces: executable memory with the trampoline at its start, and the
// compiler. (The jump cache generated code probes for indirect branches is per thread:
// EngineThread.)

import CHost
import IR
import X64Assembler
import X64Backend

struct JITState {
    let memory: CodeMemory
    var compiler: CompilerBox
    /// Executable addresses of the trampoline's entry and exit.
    let entry: UnsafeRawPointer
    let exitStub: UnsafeRawPointer
    /// Code memory in use by the trampoline (what a flush keeps).
    let fixedSize: Int

    /// Why the JIT cannot run here.
    struct Unavailable: Error { var reason: String }

    static func make(codeMemorySize: Int, exitRequestOffset: Int, codeOffset: Int = 0) -> Result<JITState, Unavailable> {
        guard let features = HostFeatures.detected else {
            return .failure(Unavailable(reason: "the host CPU lacks SSE4.1 or POPCNT, which the x86-64 code generator needs"))
        }
        guard let memory = CodeMemory(size: codeMemorySize) else {
            return .failure(Unavailable(reason: "no executable memory could be mapped (is something forbidding PROT_EXEC?)"))
        }
        let trampoline = Trampoline.make()
        guard let place = memory.allocate(trampoline.bytes.count, alignment: 64) else { return .failure(Unavailable(reason: "code memory too small")) }
        trampoline.bytes.withUnsafeBytes { place.writable.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        if codeOffset > 0 && memory.allocate(min(codeOffset, codeMemorySize / 2), alignment: 1) == nil {
            return .failure(Unavailable(reason: "code memory too small"))
        }
        let state = JITState(
            memory: memory, compiler: CompilerBox(X64Compiler(features: features, exitRequestOffset: exitRequestOffset)),
            entry: UnsafeRawPointer(place.executable + trampoline.entryOffset),
            exitStub: UnsafeRawPointer(place.executable + trampoline.exitOffset),
            fixedSize: memory.used)
        chost_fault_set_jit(memory.executable, UInt64(memory.size), UnsafeMutableRawPointer(mutating: state.exitStub))
        chost_float_traps_add_code(memory.executable, UInt64(memory.size))
        return .success(state)
    }

    /// Forgets every translated block's code.
    func reset() {
        memory.reset(to: fixedSize)
    }
}

/// The compiler is noncopyable; a class lets the engine keep one and reuse its buffers.
final class CompilerBox {
    var compiler: X64Compiler
    init(_ compiler: consuming X64Compiler) { self.compiler = compiler }
}
