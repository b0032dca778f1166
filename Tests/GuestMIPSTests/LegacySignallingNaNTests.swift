// Legacy signalling NaNs (quiet bit SET under the MIPS legacy encoding) as operands of FP
// arithmetic. SSE takes them for quiet NaNs: it neither raises invalid nor gives the MIPS
// default NaN for them, so they are the case a scheme built on the host's invalid trap must
// catch by other means (Documentation/Performance.md, "MIPS fast FP"). Such a value enters an
// FPR only by a load or a move of raw bits; these tests bring one in each way, and through a
// block that loops (a loaded element, a loop-invariant operand, a carried accumulator), and
// expect qemu-mips's results: the default NaN (0x7fbfffff / 0x7ff7ffffffffffff) and invalid.

@testable import GuestMIPS
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct LegacySignallingNaNTests {
    static let signalling64: UInt64 = 0x7ff8_0000_0000_0001
    static let signalling32: UInt32 = 0x7fc0_0001
    static let quiet64: UInt64 = 0x7ff7_0000_0000_0001
    static let default64: UInt64 = 0x7ff7_ffff_ffff_ffff
    static let default32: UInt32 = 0x7fbf_ffff

    /// LDC1 and LWC1 bring the operands in; the results are stored and left in registers.
    @Test(arguments: Backend.allCases, byteOrders)
    func operandByLoad(backend: Backend, bigEndian: Bool) throws {
        let source = """
            ldc1 $f2, 0($4)
            lwc1 $f6, 8($4)
            add.d $f4, $f2, $f0
            mul.s $f8, $f10, $f6
            sdc1 $f4, 16($4)
            swc1 $f8, 24($4)
            nop
            """
        // (double, single, invalid): ordinary, legacy signalling, legacy quiet.
        let cases: [(UInt64, UInt32, Bool)] = [
            (Double(1.5).bitPattern, Float(2).bitPattern, false),
            (Self.signalling64, Self.signalling32, true),
            (Self.quiet64, 0x7f80_0001, false),
            (Self.signalling64, Float(2).bitPattern, true),
        ]
        for fr in [false, true] {
            for (d, s, invalid) in cases {
                var mode: MIPSMode = fr ? .fr : []
                if bigEndian { mode.insert(.bigEndian) }
                let m = try GuestMachine(source, mode: mode)
                let a = GuestMachine.dataBase
                m[4] = a
                m.store64(a, d)
                m.store32(a + 8, s)
                m.state[fpr64: 0] = Double(3).bitPattern
                m.state[fpr32: 10] = Float(5).bitPattern
                let run = m.run(on: backend)
                #expect(run.end == .left && run.error == nil, "\(run.error ?? "")")
                let sum = Double(bitPattern: d) + 3, product = Float(bitPattern: s) * 5
                let wantD = sum.isNaN ? Self.default64 : sum.bitPattern
                let wantS = product.isNaN ? Self.default32 : product.bitPattern
                #expect(m.state[fpr64: 4] == wantD, "\(backend) FR=\(fr) add.d of \(d)")
                #expect(m.load64(a + 16) == wantD)
                #expect(m.state[fpr32: 8] == wantS, "\(backend) FR=\(fr) mul.s of \(s)")
                #expect(m.load32(a + 24) == wantS)
                #expect((run.mxcsr & 1 != 0) == invalid, "\(backend) FR=\(fr) invalid for \(d), \(s)")
            }
        }
    }

    /// MTC1 and MTHC1 build the operands from GPRs.
    @Test(arguments: Backend.allCases)
    func operandByMove(backend: Backend) throws {
        let source = """
            mtc1 $5, $f2
            mthc1 $6, $f2
            mtc1 $7, $f6
            sub.d $f4, $f0, $f2
            div.s $f8, $f6, $f10
            nop
            """
        for signalling in [false, true] {
            let m = try GuestMachine(source, mode: .fr)
            let d = signalling ? Self.signalling64 : Double(0.25).bitPattern
            let s = signalling ? Self.signalling32 : Float(8).bitPattern
            m[5] = UInt32(truncatingIfNeeded: d)
            m[6] = UInt32(truncatingIfNeeded: d >> 32)
            m[7] = s
            m.state[fpr64: 0] = Double(1).bitPattern
            m.state[fpr32: 10] = Float(2).bitPattern
            let run = m.run(on: backend)
            #expect(run.end == .left && run.error == nil, "\(run.error ?? "")")
            #expect(m.state[fpr64: 4] == (signalling ? Self.default64 : Double(0.75).bitPattern), "\(backend) sub.d")
            #expect(m.state[fpr32: 8] == (signalling ? Self.default32 : Float(4).bitPattern), "\(backend) div.s")
            #expect((run.mxcsr & 1 != 0) == signalling, "\(backend) invalid")
        }
    }

    /// A block that loops: each iteration loads an element, multiplies it by a loop-invariant
    /// register, stores the product and adds it to a carried accumulator. A legacy signalling
    /// NaN arrives as one element, as the invariant, or as the accumulator's first value.
    @Test(arguments: Backend.allCases, byteOrders)
    func operandThroughLoop(backend: Backend, bigEndian: Bool) throws {
        let source = """
            1: ldc1 $f2, 0($4)
            addiu $5, $5, -1
            mul.d $f2, $f2, $f4
            add.d $f0, $f0, $f2
            sdc1 $f2, 0($4)
            bne $5, $0, 1b
            addiu $4, $4, 8
            nop
            """
        enum Where: CaseIterable { case nowhere, element, invariant, accumulator }
        let count = 8
        for place in Where.allCases {
            var mode: MIPSMode = .fr
            if bigEndian { mode.insert(.bigEndian) }
            let m = try GuestMachine(source, mode: mode)
            let a = GuestMachine.dataBase
            m[4] = a
            m[5] = UInt32(count)
            for k in 0..<count {
                m.store64(a + UInt32(8 * k), place == .element && k == 5 ? Self.signalling64 : Double(k).bitPattern)
            }
            m.state[fpr64: 4] = place == .invariant ? Self.signalling64 : Double(2).bitPattern
            m.state[fpr64: 0] = place == .accumulator ? Self.signalling64 : Double(0.5).bitPattern
            let run = m.run(on: backend)
            #expect(run.end == .left && run.error == nil, "\(run.error ?? "")")
            #expect(m.blocks.first?.ops.first?.opcode == .label, "the block loops")
            for k in 0..<count {
                let nan = place == .invariant || (place == .element && k == 5)
                #expect(m.load64(a + UInt32(8 * k)) == (nan ? Self.default64 : Double(2 * k).bitPattern),
                        "\(backend) \(place) product \(k)")
            }
            let sum = 0.5 + Double(2 * (0..<count).reduce(0, +))
            #expect(m.state[fpr64: 0] == (place == .nowhere ? sum.bitPattern : Self.default64), "\(backend) \(place) sum")
            #expect((run.mxcsr & 1 != 0) == (place != .nowhere), "\(backend) \(place) invalid")
        }
    }
}
