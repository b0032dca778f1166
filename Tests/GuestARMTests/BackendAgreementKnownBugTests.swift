// Guest-visible disagreements between the backends that the sequence fuzzer found, reduced to
// one or two instructions. Both are interpreter bugs (X64BackendTests KnownBugTests has them at
// the IR level); each test expects the IEEE answer and is disabled until the fix.

@testable import GuestARM
import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BackendAgreementKnownBugTests {
    func runBoth(_ source: String, thumb: Bool, _ setUp: (GuestMachine) -> Void) throws -> (GuestMachine, GuestMachine) {
        let code = try Assembler.assemble(source, thumb: thumb)
        let interpreted = GuestMachine(code: code, thumb: thumb), compiled = GuestMachine(code: code, thumb: thumb)
        setUp(interpreted)
        setUp(compiled)
        _ = interpreted.run(on: .interpreter, jit: nil)
        _ = compiled.run(on: .jit, jit: JITRunner())
        return (interpreted, compiled)
    }

    @Test("VSQRT of a negative subnormal sets IOC only",
          .disabled("interpreter bug: its debug-build fsqrt goes through libm sqrt, whose x < 0 check adds the denormal flag; FPSCR reads 0x81 (IOC|IDC), the JIT's sqrtsd gives 0x1"),
          arguments: [false, true])
    func squareRootFlags(thumb: Bool) throws {
        let (i, j) = try runBoth("vsqrt.f64 d0, d1\nvmrs r0, fpscr", thumb: thumb) { $0.setD(1, 0x800f_ffff_ffff_ffff) }
        #expect(i[0] == 0x1)
        #expect(j[0] == 0x1)
        let same = i.stateBytes == j.stateBytes
        #expect(same)
    }

    @Test("VCVT.F64.U32 of 0 is +0 when rounding toward minus infinity",
          .disabled("interpreter bug: Double(UInt32) is (2^52 + x) - 2^52, which is -0 for x = 0 under round-down; the JIT's cvtsi2sd gives +0"),
          arguments: [false, true])
    func unsignedZero(thumb: Bool) throws {
        let (i, j) = try runBoth("vcvt.f64.u32 d0, s2", thumb: thumb) { m in
            m.state.fpscr = 2 << 22  // RMode = RM
            m.setS(2, 0)
            m.setD(0, 0x1234)
        }
        #expect(i.d(0) == 0)
        #expect(j.d(0) == 0)
        let same = i.stateBytes == j.stateBytes
        #expect(same)
    }
}
