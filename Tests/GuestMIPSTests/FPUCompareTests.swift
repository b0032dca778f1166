// FPU compares, condition codes and what reads them (MIPS32 Vol. II-A: C.cond.fmt, BC1F/BC1T
// and the likely forms, MOVF/MOVT and MOVF/MOVT/MOVZ/MOVN.fmt), on both backends.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct FPUCompareTests {
    static let conditions = ["f", "un", "eq", "ueq", "olt", "ult", "ole", "ule", "sf", "ngle", "seq", "ngl", "lt", "nge", "le", "ngt"]

    /// Every condition on less, equal, greater and unordered pairs, into a varying cc; the
    /// signalling half (cond 8-15) raises invalid on any NaN.
    @Test(arguments: Backend.allCases, [false, true])
    func everyCondition(backend: Backend, double: Bool) throws {
        let pairs: [(Double, Double)] = [(1, 2), (2, 2), (3, 2), (.nan, 2), (-0.0, 0)]
        for (cond, name) in Self.conditions.enumerated() {
            let cc = cond % 8
            let m = try GuestMachine("c.\(name).\(double ? "d" : "s") $fcc\(cc), $f2, $f4", mode: .fr)
            for (x, y) in pairs {
                m.restart()
                m.setField(MIPSState.fcc, 0xff ^ (1 << cc))
                if double {
                    m.state[fpr64: 2] = x.bitPattern
                    m.state[fpr64: 4] = y.bitPattern
                } else {
                    m.state[fpr32: 2] = Float(x).bitPattern
                    m.state[fpr32: 4] = Float(y).bitPattern
                }
                let run = m.run(on: backend)
                let unordered = x.isNaN || y.isNaN
                let holds = (cond & 4 != 0 && x < y) || (cond & 2 != 0 && x == y) || (cond & 1 != 0 && unordered)
                #expect(m.field(MIPSState.fcc) == (0xff ^ (1 << cc)) | (holds ? 1 << cc : 0), "c.\(name) \(x) \(y)")
                if unordered && cond & 8 != 0 { #expect(run.mxcsr & 1 != 0, "c.\(name) signals on NaN") }
            }
        }
    }

    /// Quiet compares of a quiet NaN of the encoding raise nothing, the signalling ones
    /// invalid; a signalling NaN raises invalid in either. Legacy quiet NaNs (quiet bit clear)
    /// are what SSE calls signalling, so this is where the legacy encoding is easy to get wrong.
    @Test(arguments: Backend.allCases, [false, true])
    func quietAndSignallingNaNs(backend: Backend, nan2008: Bool) throws {
        let quiet: UInt32 = nan2008 ? 0x7fc0_0000 : 0x7fbf_ffff, signalling: UInt32 = nan2008 ? 0x7fa0_0000 : 0x7fc0_0000
        for (name, signals) in [("eq", false), ("ult", false), ("f", false), ("seq", true), ("lt", true)] {
            let m = try GuestMachine("c.\(name).s $fcc0, $f2, $f4", mode: nan2008 ? [.fr, .nan2008] : .fr)
            for (nan, isSignalling) in [(quiet, false), (signalling, true)] {
                m.restart()
                m.state[fpr32: 2] = 0x3f80_0000
                m.state[fpr32: 4] = nan
                let run = m.run(on: backend)
                #expect((run.mxcsr & 1 != 0) == (signals || isSignalling), "c.\(name).s with 0x\(String(nan, radix: 16))")
                #expect(m.field(MIPSState.fcc) & 1 == (name == "ult" ? 1 : 0), "c.\(name).s is unordered")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func branchesOnConditionCodes(backend: Backend) throws {
        for (branch, onTrue, likely) in [("bc1t", true, false), ("bc1f", false, false), ("bc1tl", true, true), ("bc1fl", false, true)] {
            let m = try GuestMachine("c.eq.s $fcc3, $f0, $f1\n\(branch) $fcc3, 1f\naddiu $4, $4, 1\naddiu $5, $0, 1\n1: nop")
            for equal in [false, true] {
                m.restart()
                m[4] = 0
                m[5] = 0
                m.state[fpr32: 0] = 0x3f80_0000
                m.state[fpr32: 1] = equal ? 0x3f80_0000 : 0
                m.runToEnd(on: backend)
                let taken = equal == onTrue
                #expect(m[5] == (taken ? 0 : 1), "\(branch) equal=\(equal)")
                #expect(m[4] == (likely && !taken ? 0 : 1), "\(branch)'s slot")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func conditionalMoves(backend: Backend) throws {
        let m = try GuestMachine("""
            movt $4, $5, $fcc1
            movf $6, $5, $fcc1
            movt.s $f0, $f1, $fcc1
            movf.d $f2, $f4, $fcc1
            movz.s $f6, $f1, $7
            movn.d $f8, $f4, $7
            """, mode: .fr)
        for (fcc, zero) in [(UInt32(2), true), (0, false)] {
            m.restart()
            m.setField(MIPSState.fcc, fcc)
            m[4] = 4
            m[6] = 6
            m[5] = 5
            m[7] = zero ? 0 : 1
            m.state[fpr32: 0] = 0
            m.state[fpr32: 1] = 1
            m.state[fpr64: 2] = 2
            m.state[fpr64: 4] = 4
            m.state[fpr32: 6] = 6
            m.state[fpr64: 8] = 8
            m.runToEnd(on: backend)
            let set = fcc & 2 != 0
            #expect(m[4] == (set ? 5 : 4) && m[6] == (set ? 6 : 5))
            #expect(m.state[fpr32: 0] == (set ? 1 : 0) && m.state[fpr64: 2] == (set ? 2 : 4))
            #expect(m.state[fpr32: 6] == (zero ? 1 : 6) && m.state[fpr64: 8] == (zero ? 8 : 4))
        }
    }
}
