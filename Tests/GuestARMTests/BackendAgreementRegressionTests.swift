// Guest-visible disagreements between the backends that the sequence fuzzer once found, reduced
// to one or two instructions and kept as regression tests. Both were interpreter bugs
// (X64BackendTests RegressionTests has them at the IR level); each expects the IEEE answer.

@testable import GuestARM
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BackendAgreementRegressionTests {
    /// Runs `source` on the interpreter and then, from the same start state, on the JIT; the
    /// interpreter's final state bytes and r0/d0, then the JIT's.
    func runBoth(_ source: String, thumb: Bool, _ setUp: (GuestMachine) -> Void) throws
        -> (interpreted: [UInt8], compiled: [UInt8], machine: GuestMachine, first: (r0: UInt32, d0: UInt64)) {
        let code = try Assembler.assemble(source, thumb: thumb)
        let m = GuestMachine(code: code, thumb: thumb)
        setUp(m)
        let start = m.stateBytes
        _ = m.run(on: .interpreter, jit: nil)
        let interpreted = m.stateBytes, first = (m[0], m.d(0))
        start.withUnsafeBytes { m.state.raw.copyMemory(from: $0.baseAddress!, byteCount: ARMState.size) }
        _ = m.run(on: .jit, jit: JITRunner())
        return (interpreted, m.stateBytes, m, first)
    }

    @Test("VSQRT of a negative subnormal sets IOC only",
          arguments: [false, true])
    func squareRootFlags(thumb: Bool) throws {
        let run = try runBoth("vsqrt.f64 d0, d1\nvmrs r0, fpscr", thumb: thumb) { $0.setD(1, 0x800f_ffff_ffff_ffff) }
        #expect(run.first.r0 == 0x1)
        #expect(run.machine[0] == 0x1)
        let same = run.interpreted == run.compiled
        #expect(same)
    }

    @Test("VCVT.F64.U32 of 0 is +0 when rounding toward minus infinity",
          arguments: [false, true])
    func unsignedZero(thumb: Bool) throws {
        let run = try runBoth("vcvt.f64.u32 d0, s2", thumb: thumb) { m in
            m.state.fpscr = 2 << 22  // RMode = RM
            m.setS(2, 0)
            m.setD(0, 0x1234)
        }
        #expect(run.first.d0 == 0)
        #expect(run.machine.d(0) == 0)
        let same = run.interpreted == run.compiled
        #expect(same)
    }
}
