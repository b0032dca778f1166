// The shapes the MIPS frontend emits for fast FP code (Documentation/Performance.md, "MIPS fast
// FP"): a branch back to the block's start loops inside the block with its delay slot run on
// every iteration, a forward branch's taken side leaves through a deferred goto_tb while the
// block goes on, BC1T/BC1F after a C.cond.fmt in the same block compare the floats again
// (one fsetcond feeding the brcond), LDC1/SDC1 move a double as one f64 access, and a
// stretch of legacy-NaN arithmetic has one NaN check whose NaN path gives every operation
// the MIPS result and flags. Each on both backends and both byte orders.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct FastFPShapeTests {
    /// A counting loop whose branch back to the block's start has a delay slot: one block
    /// whose first op is the loop's label; the slot runs on every iteration, the taken ones
    /// and the last.
    @Test(arguments: Backend.allCases, byteOrders)
    func loopWithDelaySlot(backend: Backend, bigEndian: Bool) throws {
        let m = try GuestMachine("1: addiu $4, $4, -1\nbne $4, $0, 1b\naddiu $5, $5, 1\nnop", bigEndian: bigEndian)
        m[4] = 100
        m.runToEnd(on: backend)
        #expect(m[4] == 0)
        #expect(m[5] == 100, "\(backend): the slot ran on every iteration")
        #expect(m.blocks.first?.ops.first?.opcode == .label, "the block loops")
        #expect(m.blocks.first?.ops.contains { $0.opcode == .loadState && $0.imm == UInt64(MIPSState.exitRequest) } == true)
    }

    /// A forward conditional branch does not end the block: its taken side is goto_tb slot 2
    /// after the block's end; both sides run right, the slot on both.
    @Test(arguments: Backend.allCases, byteOrders)
    func forwardBranchContinues(backend: Backend, bigEndian: Bool) throws {
        let source = "beq $4, $0, 1f\naddiu $5, $5, 1\naddiu $6, $6, 1\n1: addiu $7, $7, 1\njr $31\nnop"
        for a: UInt32 in [0, 3] {
            let m = try GuestMachine(source, bigEndian: bigEndian)
            m[4] = a
            m[31] = GuestMachine.codeBase + 0x1000
            m.runToEnd(on: backend)
            #expect(m[5] == 1, "slot")
            #expect(m[6] == (a == 0 ? 0 : 1), "\(backend) a=\(a)")
            #expect(m[7] == 1)
            let first = try #require(m.blocks.first)
            #expect(first.ops.contains { $0.opcode == .gotoTB && $0.aux == 2 }, "the taken side is a deferred exit")
            #expect(first.instructionCount >= 5, "the block went on past the branch")
        }
    }

    /// BC1T/BC1F after C.cond.fmt: the brcond reads an fsetcond of the floats; every
    /// condition the fusion covers agrees with the FCC bit, NaNs included.
    @Test(arguments: Backend.allCases)
    func compareAndBranchFused(backend: Backend) throws {
        let values: [Double] = [1, 2, -0.0, 0, .infinity, .nan]
        for cond in ["un", "eq", "lt", "ult", "le", "ule", "olt", "ole", "ueq"] {
            for branch in ["bc1t", "bc1f"] {
                let source = "c.\(cond).d $fcc2, $f0, $f2\n\(branch) $fcc2, 1f\naddiu $5, $5, 1\naddiu $6, $6, 1\n1: nop"
                let m = try GuestMachine(source, mode: .fr)
                for x in values {
                    for y in values {
                        m.restart()
                        m[5] = 0
                        m[6] = 0
                        m.state[fpr64: 0] = x.bitPattern
                        m.state[fpr64: 2] = y.bitPattern
                        m.runToEnd(on: backend)
                        let unordered = x.isNaN || y.isNaN
                        let holds: Bool = switch cond {
                        case "un": unordered
                        case "eq": x == y
                        case "lt", "olt": x < y
                        case "ult": unordered || x < y
                        case "le", "ole": x <= y
                        case "ule": unordered || x <= y
                        default: unordered || x == y
                        }
                        let taken = holds == (branch == "bc1t")
                        #expect(m[6] == (taken ? 0 : 1), "\(backend) c.\(cond).d \(x) \(y) \(branch)")
                        #expect(m[5] == 1)
                        #expect((m.state.fcsr >> 26 & 1 != 0) == holds, "FCC2 of c.\(cond).d \(x) \(y)")
                    }
                }
                if cond != "ueq" {
                    let ops = try #require(m.blocks.first).ops
                    // (A constant for the brcond's 0 may come between: the JIT fuses past it.)
                    let fused = ops.indices.dropFirst(2).contains { i in
                        ops[i].opcode == .brcond && (1...2).contains { ops[i - $0].opcode == .fsetcond && ops[i].a == ops[i - $0].dst }
                    }
                    #expect(fused, "c.\(cond).d + \(branch): an fsetcond right before the brcond")
                }
            }
        }
    }

    /// LDC1 and SDC1 move a double as one f64 access in both FR modes and byte orders.
    @Test(arguments: Backend.allCases, byteOrders)
    func doublesMoveAsOneAccess(backend: Backend, bigEndian: Bool) throws {
        for fr in [false, true] {
            var mode: MIPSMode = fr ? .fr : []
            if bigEndian { mode.insert(.bigEndian) }
            let m = try GuestMachine("ldc1 $f2, 0($4)\nsdc1 $f2, 8($4)\nmfc1 $5, $f2\nmfhc1 $6, $f2", mode: mode)
            let a = GuestMachine.dataBase
            m[4] = a
            m.store64(a, 0x1122_3344_5566_7788)
            m.runToEnd(on: backend)
            #expect(m.load64(a + 8) == 0x1122_3344_5566_7788, "\(backend) FR=\(fr)")
            #expect(m[5] == 0x5566_7788 && m[6] == 0x1122_3344, "low word in $f2, high in its pair/upper half")
            let ops = try #require(m.blocks.first).ops
            #expect(ops.contains { $0.opcode == .load && $0.type == .f64 })
            #expect(ops.contains { $0.opcode == .store && $0.type == .f64 })
        }
    }

    /// MTC1 then MTHC1 build a double that arithmetic reads next: MTHC1 writes the whole
    /// 64-bit field (the low word as MTC1 left it), so the read takes one store of its size.
    @Test(arguments: Backend.allCases, byteOrders)
    func doubleBuiltByMoves(backend: Backend, bigEndian: Bool) throws {
        for fr in [false, true] {
            var mode: MIPSMode = fr ? .fr : []
            if bigEndian { mode.insert(.bigEndian) }
            let m = try GuestMachine("mtc1 $5, $f2\naddiu $7, $7, 1\nmthc1 $6, $f2\nmul.d $f4, $f2, $f2\nmfc1 $8, $f2\nmfhc1 $9, $f2",
                                     mode: mode)
            let x = Double(1.5).bitPattern | 0x1234_5678
            m[5] = UInt32(truncatingIfNeeded: x)
            m[6] = UInt32(truncatingIfNeeded: x >> 32)
            m.state[fpr64: 2] = 0xdead_beef_dead_beef
            m.runToEnd(on: backend)
            let square = Double(bitPattern: x) * Double(bitPattern: x)
            #expect(m.state[fpr64: 2] == x, "\(backend) FR=\(fr)")
            #expect(m.state[fpr64: 4] == square.bitPattern)
            #expect(m[8] == m[5] && m[9] == m[6])
            let ops = try #require(m.blocks.first).ops
            let field = UInt64(MIPSState.fpr64(2, fr: fr))
            #expect(ops.contains { $0.opcode == .storeState && $0.type == .f64 && $0.imm == field })
            #expect(!ops.contains { $0.opcode == .storeState && $0.imm == field + 4 }, "no 32-bit store of the high word")
        }
    }

    /// Stretches around a branch: one ends at the branch (its NaN path after the block's end,
    /// leaving for the branch, which then runs again), one is the delay slot (its NaN path in
    /// line, before the branch completes), for taken and not-taken branches and the likely
    /// form; each register gets the MIPS result and invalid is MIPS's.
    @Test(arguments: Backend.allCases, ["bne", "bnel"])
    func nanStretchAroundBranches(backend: Backend, branch: String) throws {
        let source = "mul.d $f4, $f0, $f2\n\(branch) $5, $0, 1f\nadd.d $f6, $f4, $f2\naddiu $7, $7, 1\n1: mfc1 $8, $f6\nnop"
        let defaultNaN: UInt64 = 0x7ff7_ffff_ffff_ffff
        // (f0, f2): numbers, 0 * inf (the product and the slot's sum are NaNs), a legacy
        // signalling NaN in f2 (both read it).
        let cases: [(Double, UInt64)] = [(3, Double(2).bitPattern), (0, Double.infinity.bitPattern), (3, 0x7ff8_0000_0000_0001)]
        for taken in [false, true] {
            for (x, y) in cases {
                let m = try GuestMachine(source, mode: .fr)
                m[5] = taken ? 1 : 0
                m.state[fpr64: 0] = x.bitPattern
                m.state[fpr64: 2] = y
                m.state[fpr64: 6] = Double(-1).bitPattern
                let run = m.run(on: backend)
                #expect(run.end == .left)
                let product = x * Double(bitPattern: y)
                let slotRuns = taken || branch == "bne"
                let sum = product + Double(bitPattern: y)
                let label = "\(backend) \(branch) taken=\(taken) \(x) * 0x\(String(y, radix: 16))"
                #expect(m.state[fpr64: 4] == (product.isNaN ? defaultNaN : product.bitPattern), "\(label): f4")
                let f6 = slotRuns ? (sum.isNaN ? defaultNaN : sum.bitPattern) : Double(-1).bitPattern
                #expect(m.state[fpr64: 6] == f6, "\(label): f6")
                #expect(m[8] == UInt32(truncatingIfNeeded: f6))
                #expect(m[7] == (taken ? 0 : 1), "\(label): the branch went once")
                #expect((run.mxcsr & 1 != 0) == (product.isNaN), "\(label): invalid")
            }
        }
    }

    /// A stretch of dependent and independent legacy-NaN operations with one check: every
    /// register the stretch wrote a NaN to holds the default NaN, the others SSE's results,
    /// and the invalid flag is the MIPS one (a legacy quiet NaN operand raises nothing; an
    /// invalid operation does).
    @Test(arguments: Backend.allCases)
    func nanStretch(backend: Backend) throws {
        let source = "mul.d $f4, $f0, $f2\nmul.d $f6, $f8, $f8\nadd.d $f10, $f4, $f8\naddiu $5, $5, 1\nsub.d $f12, $f10, $f8\nnop"
        let defaultNaN: UInt64 = 0x7ff7_ffff_ffff_ffff
        // (f0, f2, invalid): an ordinary product, a legacy quiet NaN operand, 0 * inf.
        let cases: [(UInt64, UInt64, Bool)] = [
            (Double(3).bitPattern, Double(2).bitPattern, false),
            (0x7ff7_0000_0000_0001, Double(2).bitPattern, false),
            (Double(0).bitPattern, Double.infinity.bitPattern, true),
        ]
        for (x, y, invalid) in cases {
            let m = try GuestMachine(source, mode: .fr)
            m.state[fpr64: 0] = x
            m.state[fpr64: 2] = y
            m.state[fpr64: 8] = Double(5).bitPattern
            let run = m.run(on: backend)
            #expect(run.end == .left)
            let product = Double(bitPattern: x) * Double(bitPattern: y)
            let nan = product.isNaN
            #expect(m.state[fpr64: 4] == (nan ? defaultNaN : product.bitPattern), "\(backend) f4")
            #expect(m.state[fpr64: 6] == Double(25).bitPattern)
            #expect(m.state[fpr64: 10] == (nan ? defaultNaN : (product + 5).bitPattern), "\(backend) f10")
            #expect(m.state[fpr64: 12] == (nan ? defaultNaN : product.bitPattern), "\(backend) f12")
            #expect((run.mxcsr & 1 != 0) == invalid, "\(backend) invalid for \(x) * \(y)")
        }
    }
}
