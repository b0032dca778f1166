// Running a GuestMachine's code on either backend (TestBackends): the IR interpreter (by
// default on the IR as translated: the reference), or the x86-64 JIT (on the IR after the
// engine's passes) with its code placed as the engine places it. Blocks are not chained: the
// next block is found from the state's pc. Both set the host MXCSR from the guest's FCSR
// before the run and report the MXCSR it ends with, whose exception flags are part of the
// guest's FP state (with the legacy-NaN invalid marks of the state folded in).

@testable import GuestMIPS
import CHost
import IR
import IRPasses
import Testing
import TestBackends

extension JITRunner {
    /// A runner for MIPS states.
    convenience init() { self.init(exitRequestOffset: MIPSState.exitRequest, size: 4 << 20) }
}

extension BlockCache {
    /// A cache for MIPS states.
    convenience init() { self.init(exitRequestOffset: MIPSState.exitRequest) }
}

extension GuestMachine {
    /// Runs blocks from the state's pc on `backend` until the pc leaves the code, a block exits
    /// to the engine's caller, or `blockLimit` blocks ran. `optimize` runs the engine's passes
    /// first (default: for the JIT only, so the interpreter runs the IR as translated). With a
    /// `cache`, blocks are translated once per key (for whole programs; `blocks` then lists
    /// only the new ones).
    func run(on backend: Backend, jit: JITRunner? = nil, maxInstructions: Int = 64, blockLimit: Int = 200,
             optimize: Bool? = nil, cache: BlockCache? = nil) -> BackendRun {
        var frontend = MIPSFrontend()
        let runner = backend == .jit && cache == nil ? (jit ?? JITRunner()) : nil
        blocks = []
        state.loadHostFloatEnvironment()
        func finish(_ end: RunEnd, _ error: String? = nil) -> BackendRun {
            // The guest's invalid flag under legacy NaNs is in the state's marks when a NaN path
            // ran (MIPSHelpers.invalidMarks): fold it in, as CFC1 would.
            var mxcsr = chost_get_mxcsr()
            let fcsr = state.raw.load(fromByteOffset: MIPSState.fcsr, as: UInt32.self)
            if fcsr & MIPSHelpers.hostInvalidUntrusted != 0 { mxcsr &= ~1 }
            if fcsr & MIPSHelpers.invalidRaised != 0 { mxcsr |= 1 }
            chost_set_mxcsr(0x1f80)
            return BackendRun(end: end, mxcsr: mxcsr, error: error)
        }
        for _ in 0..<blockLimit {
            let pc = state.pc
            guard pc >= code.start, pc < code.end else { return finish(.left) }
            let key = frontend.blockKey(state: UnsafeRawPointer(state.raw))
            let outcome: BlockOutcome
            if let cache, let hit = cache.lookup(key) {
                outcome = cache.run(hit, state: state.raw, memory: memory)
            } else {
                var block = frontend.translate(key, code: code, maxInstructions: maxInstructions)
                blocks.append(block)
                let problems = block.verify()
                if !problems.isEmpty { return finish(.exit(.undefined, payload: 0xdead), "block \(key) does not verify: \(problems)\n\(block.text())") }
                if optimize ?? (backend == .jit) { Passes.optimize(&block) }
                if let cache {
                    var why = ""
                    guard let entry = cache.store(key, block, for: backend, why: &why) else {
                        return finish(.exit(.undefined, payload: 0), why)
                    }
                    outcome = cache.run(entry, state: state.raw, memory: memory)
                } else {
                    outcome = backend.run(block, runner: runner, state: state.raw, memory: memory)
                }
            }
            switch outcome {
            case .next: continue
            case .exit(let reason, let payload): return finish(.exit(reason, payload: payload))
            case .failed(let why): return finish(.exit(.undefined, payload: 0), "block \(key): \(why)")
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
