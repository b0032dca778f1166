// Running a GuestMachine's code on either backend (TestBackends): the IR interpreter, or the
// x86-64 JIT with its code placed as the engine places it. Blocks are not chained: the next
// block is found from the state's pc, as in `run`. Both set the host MXCSR from the guest's
// FPSCR before the run and report the MXCSR it ends with, whose exception flags are part of
// the guest's FP state (ARMHelpers+FPSCR.swift).

@testable import GuestARM
import CHost
import IR
import TestBackends

extension JITRunner {
    /// A runner for ARM states.
    convenience init() { self.init(exitRequestOffset: ARMState.exitRequest) }
}

extension GuestMachine {
    /// Runs blocks from the state's pc on `backend` until the pc leaves the code, a block exits
    /// to the engine's caller, or `blockLimit` blocks ran.
    func run(on backend: Backend, jit: JITRunner?, maxInstructions: Int = 64, blockLimit: Int = 200) -> BackendRun {
        var frontend = ARMFrontend()
        blocks = []
        _ = ARMHelpers.writeFPSCR(state.raw, UInt64(state.fpscr), 0, 0)
        func finish(_ end: RunEnd, _ error: String? = nil) -> BackendRun {
            let mxcsr = chost_get_mxcsr()
            chost_set_mxcsr(0x1f80)
            return BackendRun(end: end, mxcsr: mxcsr, error: error)
        }
        for _ in 0..<blockLimit {
            let pc = state.pc
            guard pc >= code.start, pc < code.end else { return finish(.left) }
            let key = frontend.blockKey(state: UnsafeRawPointer(state.raw))
            let block = frontend.translate(key, code: code, maxInstructions: maxInstructions)
            blocks.append(block)
            let problems = block.verify()
            if !problems.isEmpty { return finish(.exit(.undefined, payload: 0xdead), "block \(key) does not verify: \(problems)") }
            switch backend.run(block, runner: jit, state: state.raw, memory: memory) {
            case .next: continue
            case .exit(let reason, let payload): return finish(.exit(reason, payload: payload))
            case .failed(let why): return finish(.exit(.undefined, payload: 0), "block \(key): \(why)")
            }
        }
        return finish(.blockLimit)
    }

    /// The whole guest state as bytes.
    var stateBytes: [UInt8] { [UInt8](UnsafeRawBufferPointer(start: state.raw, count: ARMState.size)) }
}
