// The parallel add/subtract family and SEL (A8.8, A5.4.1): every prefix and operation,
// executed in A32 and T32 and called directly as ARMHelpers.parallel, against the lane-by-lane
// reference; the GE flags they set (S and U forms only) and SEL choosing bytes by GE.

@testable import GuestARM
import Testing
import TestTools
import TestBackends

@Suite struct ParallelTests {
    static var all: [(ParallelReference.Prefix, ParallelReference.Operation)] {
        ParallelReference.Prefix.allCases.flatMap { p in ParallelReference.Operation.allCases.map { (p, $0) } }
    }

    static let lanes: [UInt32] = [0x0000_0000, 0x7fff_8000, 0x8000_7fff, 0xffff_ffff, 0x7f80_ff01, 0x0180_7f7f,
                                  0x8080_8080, 0x0001_ffff, 0xfffe_0002, 0x1234_abcd]

    @Test(.enabled(if: Assembler.available, Assembler.missing), arguments: [false, true])
    func instructions(thumb: Bool) throws {
        let cases = Self.all
        let lines = cases.map { "\(ParallelReference.mnemonic($0.0, $0.1)) r0, r1, r2" }
        var rng = SplitMix64(seed: thumb ? 31 : 32)
        let jit = JITRunner()
        for ((p, o), bytes) in zip(cases, try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            var inputs: [(UInt32, UInt32)] = []
            for a in Self.lanes { for b in Self.lanes { inputs.append((a, b)) } }
            for _ in 0..<50 { inputs.append((rng.word(), rng.word())) }
            for (n, mm) in inputs {
                let geIn = UInt32(rng.next() % 16)
                m.restart()
                m[1] = n
                m[2] = mm
                m.ge = geIn
                m.q = false
                m.nzcv = 0b0101
                for backend in [Backend.interpreter, .jit] {
                    m.restart()
                    m[1] = n
                    m[2] = mm
                    m.ge = geIn
                    m.q = false
                    m.nzcv = 0b0101
                    #expect(m.run(on: backend, jit: jit).end == .left)
                    let (r, ge) = ParallelReference.evaluate(p, o, n: n, m: mm)
                    let what = "\(ParallelReference.mnemonic(p, o)) n=0x\(String(n, radix: 16)) m=0x\(String(mm, radix: 16)) on the \(backend)"
                    #expect(m[0] == r, "\(what): result")
                    #expect(m.ge == (ge ?? geIn), "\(what): GE")
                    #expect(!m.q, "\(what): Q untouched")
                    #expect(m.nzcv == 0b0101, "\(what): NZCV untouched")
                }
            }
        }
    }

    /// ARMHelpers.parallel on its own, on random operands: the helper's code is prefix << 4 | op
    /// in the translator's numbering.
    @Test func helperAgainstLaneReference() {
        let state = ARMStatePointer.allocate()
        defer { state.deallocate() }
        let prefixCode: [ParallelReference.Prefix: ParallelPrefix] = [.s: .s, .q: .q, .sh: .sh, .u: .u, .uq: .uq, .uh: .uh]
        let opCode: [ParallelReference.Operation: ParallelOp] = [.add16: .add16, .asx: .asx, .sax: .sax, .sub16: .sub16,
                                                                  .add8: .add8, .sub8: .sub8]
        var rng = SplitMix64(seed: 33)
        for (p, o) in Self.all {
            guard let pc = prefixCode[p], let oc = opCode[o] else { continue }
            let code = UInt64(pc.rawValue << 4 | oc.rawValue)
            for i in 0..<2000 {
                let n = i < 100 ? Self.lanes[i % 10] : rng.word(), m = i < 100 ? Self.lanes[i / 10] : rng.word()
                state.raw.storeBytes(of: UInt32(0xa), toByteOffset: ARMState.ge, as: UInt32.self)
                let r = ARMHelpers.parallel(state.raw, UInt64(n), UInt64(m), code)
                let (want, ge) = ParallelReference.evaluate(p, o, n: n, m: m)
                #expect(r == UInt64(want), "\(ParallelReference.mnemonic(p, o)) 0x\(String(n, radix: 16)), 0x\(String(m, radix: 16))")
                #expect(state.raw.load(fromByteOffset: ARMState.ge, as: UInt32.self) == (ge ?? 0xa))
            }
        }
    }

    /// SEL takes each byte from Rn where its GE bit is set, else from Rm; GE from a real USUB8.
    @Test(.enabled(if: Assembler.available, Assembler.missing), arguments: [false, true])
    func select(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("sel r0, r1, r2", thumb: thumb), thumb: thumb)
        let jit = JITRunner()
        for (ge, backend) in (0..<16).flatMap({ g in [(UInt32(g), Backend.interpreter), (UInt32(g), .jit)] }) {
            m.restart()
            m[1] = 0x1122_3344
            m[2] = 0xaabb_ccdd
            m.ge = ge
            #expect(m.run(on: backend, jit: jit).end == .left)
            var want: UInt32 = 0
            for i in 0..<4 {
                let mask: UInt32 = 0xff << UInt32(8 * i)
                want |= (ge >> UInt32(i)) & 1 != 0 ? 0x1122_3344 & mask : 0xaabb_ccdd & mask
            }
            #expect(m[0] == want, "GE=\(ge) on the \(backend)")
        }
        // Byte-wise unsigned maximum: usub8 sets GE where r1 >= r2, sel picks.
        let max = GuestMachine(code: try Assembler.assemble("usub8 r3, r1, r2\nsel r0, r1, r2", thumb: thumb), thumb: thumb)
        max[1] = 0x10ff_0080
        max[2] = 0x2001_0170
        max.runToEnd()
        #expect(max[0] == 0x20ff_0180)
        #expect(max.ge == 0b0101)
    }
}
