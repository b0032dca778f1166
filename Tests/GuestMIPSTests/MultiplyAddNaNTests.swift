// NaNs through MADD, MSUB, NMADD and NMSUB.fmt, whose product and sum share one NaN check
// (Translator+NaNChecks.swift, Translator+FPU.swift multiplyAdd): a signalling or quiet NaN
// in each operand position, an invalid product (0 * inf) and an invalid sum (inf - inf), in
// both NaN encodings, on both backends, alone and as a stretch whose second instruction reads
// the first one's result. The expected values come from a model written here from the manual's
// rules (the product rounded, then the sum, each with the encoding's NaN rules, then the
// negation), and from qemu-mips where it is installed.

@testable import GuestMIPS
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct MultiplyAddNaNTests {
    /// The four instructions: (mnemonic, subtract, negate).
    static let forms: [(String, Bool, Bool)] = [("madd", false, false), ("msub", true, false),
                                                ("nmadd", false, true), ("nmsub", true, true)]

    /// One format's bit patterns of the values the cases use.
    struct Values {
        let double: Bool
        let nan2008: Bool
        var quietBit: UInt64 { double ? 1 << 51 : 1 << 22 }
        var exponent: UInt64 { double ? 0x7ff0_0000_0000_0000 : 0x7f80_0000 }
        var sign: UInt64 { double ? 1 << 63 : 1 << 31 }
        /// A signalling and a quiet NaN of the encoding, each with a payload of its own.
        var signalling: UInt64 { exponent | (nan2008 ? 5 : quietBit | 5) }
        var quiet: UInt64 { exponent | (nan2008 ? quietBit | 9 : 9) }
        var defaultNaN: UInt64 {
            switch (double, nan2008) {
            case (false, false): 0x7fbf_ffff
            case (true, false): 0x7ff7_ffff_ffff_ffff
            case (false, true): 0x7fc0_0000
            case (true, true): 0x7ff8_0000_0000_0000
            }
        }
        var infinity: UInt64 { exponent }
        func number(_ x: Double) -> UInt64 { double ? x.bitPattern : UInt64(Float(x).bitPattern) }

        func isNaN(_ x: UInt64) -> Bool { x & exponent == exponent && x & (exponent ^ (sign - 1)) != 0 }
        func isSignalling(_ x: UInt64) -> Bool { isNaN(x) && (x & quietBit != 0) != nan2008 }

        /// One IEEE operation's MIPS result and whether it raises invalid: legacy gives the
        /// default NaN for every NaN result; NaN2008 the first signalling operand made quiet,
        /// else the first quiet one, else the default NaN. Invalid: a signalling operand, or a
        /// NaN result from numbers.
        func operation(_ operands: [UInt64], _ compute: (UInt64, UInt64) -> UInt64) -> (UInt64, Bool) {
            let signalling = operands.first(where: isSignalling)
            let anyNaN = operands.contains(where: isNaN)
            let invalid = signalling != nil
            if !anyNaN {
                let r = compute(operands[0], operands[1])
                return isNaN(r) ? (defaultNaN, true) : (r, false)
            }
            if !nan2008 { return (defaultNaN, invalid) }
            if let s = signalling { return (s | quietBit, true) }
            return (operands.first(where: isNaN) ?? defaultNaN, false)
        }

        func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
            double ? (Double(bitPattern: a) * Double(bitPattern: b)).bitPattern
                : UInt64((Float(bitPattern: UInt32(a)) * Float(bitPattern: UInt32(b))).bitPattern)
        }
        func add(_ a: UInt64, _ b: UInt64, subtract: Bool) -> UInt64 {
            if double {
                let x = Double(bitPattern: a), y = Double(bitPattern: b)
                return (subtract ? x - y : x + y).bitPattern
            }
            let x = Float(bitPattern: UInt32(a)), y = Float(bitPattern: UInt32(b))
            return UInt64((subtract ? x - y : x + y).bitPattern)
        }

        /// fd = +/-(fs * ft +/- fr) as MIPS computes it, and whether it raises invalid.
        func multiplyAdd(fs: UInt64, ft: UInt64, fr: UInt64, subtract: Bool, negate: Bool) -> (UInt64, Bool) {
            let (product, invalid1) = operation([fs, ft], multiply)
            let (sum, invalid2) = operation([product, fr]) { add($0, $1, subtract: subtract) }
            return (negate ? sum ^ sign : sum, invalid1 || invalid2)
        }

        /// (fs, ft, fr, what): NaNs in each position, invalid products and sums, ordinary values.
        var cases: [(UInt64, UInt64, UInt64, String)] {
            let one = number(1.5), two = number(2), quarter = number(0.25), zero = number(0)
            return [
                (one, two, quarter, "numbers"),
                (signalling, two, quarter, "signalling fs"), (one, signalling, quarter, "signalling ft"),
                (one, two, signalling, "signalling fr"),
                (quiet, two, quarter, "quiet fs"), (one, quiet, quarter, "quiet ft"), (one, two, quiet, "quiet fr"),
                (quiet | sign, quiet ^ 1, quarter, "two quiet factors"),
                (quiet, two, signalling, "quiet fs, signalling fr"), (one, signalling, quiet, "signalling ft, quiet fr"),
                (zero, infinity, quarter, "0 * inf"), (infinity | sign, zero, quiet, "-inf * 0, quiet fr"),
                (infinity, two, infinity | sign, "inf + -inf"), (infinity, two, infinity, "inf - inf"),
                (number(0x1p1000), number(0x1p100), quarter, "overflow"),
            ]
        }
    }

    static let modes: [MIPSMode] = [[], .fr, [.fr, .nan2008]]

    /// Each instruction alone, then a stretch: the second instruction's fr is the first's fd,
    /// and a MUL.fmt reads the second's result.
    @Test(arguments: Backend.allCases, modes)
    func multiplyAddNaNs(backend: Backend, mode: MIPSMode) throws {
        for double in [true, false] {
            let v = Values(double: double, nan2008: mode.contains(.nan2008))
            let f = double ? "d" : "s"
            for (k, (name, subtract, negate)) in Self.forms.enumerated() {
                let (name2, subtract2, negate2) = Self.forms[(k + 1) % 4]
                let source = "\(name).\(f) $f0, $f2, $f4, $f6\n\(name2).\(f) $f8, $f0, $f4, $f10\nmul.\(f) $f12, $f8, $f14\nnop"
                let m = try GuestMachine(source, mode: mode)
                for (fs, ft, fr, what) in v.cases {
                    for second in [false, true] {
                        m.restart()
                        let f10 = second ? fs : v.number(3), f14 = v.number(0.5)
                        for (n, x) in [(2, fr), (4, fs), (6, ft), (10, f10), (14, f14), (0, 0), (8, 0), (12, 0)] {
                            if double { m.state[fpr64: n] = x } else { m.state[fpr32: n] = UInt32(x) }
                        }
                        let run = m.run(on: backend)
                        #expect(run.end == .left && run.error == nil, "\(run.error ?? "")")
                        let (r1, i1) = v.multiplyAdd(fs: fs, ft: ft, fr: fr, subtract: subtract, negate: negate)
                        let (r2, i2) = v.multiplyAdd(fs: fs, ft: f10, fr: r1, subtract: subtract2, negate: negate2)
                        let (r3, i3) = v.operation([r2, f14], v.multiply)
                        func read(_ n: Int) -> UInt64 { double ? m.state[fpr64: n] : UInt64(m.state[fpr32: n]) }
                        let label = "\(backend) \(mode) \(name).\(f) then \(name2).\(f): \(what)"
                        #expect(read(0) == r1, "\(label): f0 0x\(String(read(0), radix: 16)) want 0x\(String(r1, radix: 16))")
                        #expect(read(8) == r2, "\(label): f8 0x\(String(read(8), radix: 16)) want 0x\(String(r2, radix: 16))")
                        #expect(read(12) == r3, "\(label): f12")
                        #expect((run.mxcsr & 1 != 0) == (i1 || i2 || i3), "\(label): invalid")
                    }
                }
            }
        }
    }

    /// Under legacy NaNs the product and the sum of a MADD, and the next MADD reading it, share
    /// one NaN check: one comparison (the last sum is the only sink). At the block's end the
    /// check's branch goes past the NaN path (which ends in a jump past the fast path); before
    /// another instruction (MFC1) the NaN path is after the block's end, leaving for it.
    @Test func legacyStretchHasOneCheck() throws {
        let m = try GuestMachine("madd.d $f0, $f2, $f4, $f6\nnmsub.d $f8, $f0, $f4, $f10\nnop", mode: .fr)
        m.state[fpr64: 4] = Double(1).bitPattern
        _ = m.run(on: .interpreter)
        let ops = try #require(m.blocks.first).ops
        let check = try #require(ops.firstIndex { $0.opcode == .brcond })
        #expect(ops[..<check].filter { $0.opcode == .fsetcond }.count == 1)
        let fastPath = try #require(ops.firstIndex { $0.opcode == .label && $0.imm == ops[check].imm })
        #expect(ops[fastPath - 1].opcode == .br)
        #expect(!ops[fastPath...].contains { $0.opcode == .brcond }, "the fast path writes the FPRs and goes on")

        let d = try GuestMachine("madd.d $f0, $f2, $f4, $f6\nnmsub.d $f8, $f0, $f4, $f10\nmfc1 $9, $f8\nnop", mode: .fr)
        _ = d.run(on: .interpreter)
        let deferred = try #require(d.blocks.first).ops
        let main = deferred.prefix { $0.opcode != .label }
        #expect(main.filter { $0.opcode == .brcond }.count == 1 && main.filter { $0.opcode == .fsetcond }.count == 1)
        #expect(!main.contains { $0.opcode == .br }, "the fast path is straight code")
        #expect(main.last?.opcode == .gotoTB)
        #expect(deferred.last?.opcode == .lookupAndGoto, "the NaN path leaves for the MFC1")
    }

    /// A stretch with four sinks (f0, f8, f10, f12; madd.d fd, fr, fs, ft reads f6): two comparisons, each its own branch (no
    /// flags combined in integer registers), and a NaN reaching any one sink takes the NaN
    /// path: that register gets the default NaN, the others their numbers, invalid raised.
    /// Ending the block (the NaN path in line) or before an MFC1 (the NaN path after the block's
    /// end, leaving for the MFC1, which then reads the fixed register).
    @Test(arguments: Backend.allCases, ["nop", "mfc1 $9, $f8\nnop"])
    func fourSinks(backend: Backend, tail: String) throws {
        let source = "mul.d $f0, $f2, $f4\nmul.d $f6, $f14, $f16\nmadd.d $f8, $f6, $f18, $f20\naddiu $5, $5, 1\n"
            + "sub.d $f10, $f22, $f24\nadd.d $f12, $f26, $f28\n" + tail
        let defaultNaN: UInt64 = 0x7ff7_ffff_ffff_ffff, signalling: UInt64 = 0x7ff8_0000_0000_0001
        for nanAt in [nil, 0, 8, 10, 12] as [Int?] {
            let m = try GuestMachine(source, mode: .fr)
            for n in stride(from: 2, through: 28, by: 2) { m.state[fpr64: n] = Double(n).bitPattern }
            switch nanAt {
            case 0: m.state[fpr64: 4] = Double.infinity.bitPattern; m.state[fpr64: 2] = 0
            case 8: m.state[fpr64: 14] = Double.infinity.bitPattern; m.state[fpr64: 16] = 0
            case 10: m.state[fpr64: 22] = Double.infinity.bitPattern; m.state[fpr64: 24] = Double.infinity.bitPattern
            case 12: m.state[fpr64: 28] = signalling
            default: break
            }
            let run = m.run(on: backend)
            #expect(run.end == .left)
            func number(_ n: Int) -> Double { Double(bitPattern: m.state[fpr64: n]) }
            let want: [Int: Double] = [0: 2 * 4, 8: 18 * 20 + 14 * 16, 10: 22 - 24, 12: 26 + 28]
            for (n, value) in want {
                #expect(m.state[fpr64: n] == (n == nanAt ? defaultNaN : value.bitPattern), "\(backend) NaN at \(nanAt ?? -1): f\(n)")
            }
            #expect((run.mxcsr & 1 != 0) == (nanAt != nil), "\(backend) NaN at \(nanAt ?? -1): invalid")
            #expect(m[5] == 1)
            if tail != "nop" { #expect(m[9] == UInt32(truncatingIfNeeded: m.state[fpr64: 8]), "MFC1 after the stretch") }
            let ops = try #require(m.blocks.first).ops
            let check = ops.prefix { $0.opcode != .label }
            #expect(check.filter { $0.opcode == .brcond }.count == 2 && check.filter { $0.opcode == .fsetcond }.count == 2)
            #expect(!check.contains { $0.opcode == .or }, "no flags combined")
        }
    }
}

@Suite(.enabled(if: QEMUOracle.available, QEMUOracle.missing))
struct MultiplyAddQEMUTests {
    /// Every case of MultiplyAddNaNTests for each instruction alone against qemu (the whole
    /// FCSR: flags and cause), and for a two-instruction stretch (FCSR without the cause
    /// field: Mirage's cause is every exception since FCSR was last read, qemu's the last
    /// instruction's).
    @Test(arguments: QEMUOracle.configurations)
    func againstQEMU(configuration: QEMUOracle.Configuration) throws {
        var instructions: [String] = []
        var records: [QEMUOracle.Record] = []
        for double in [true, false] {
            let v = MultiplyAddNaNTests.Values(double: double, nan2008: configuration.mode.contains(.nan2008))
            let f = double ? "d" : "s"
            for (name, _, _) in MultiplyAddNaNTests.forms {
                for stretch in [false, true] {
                    let index = UInt32(instructions.count)
                    instructions.append("\(name).\(f) $f0, $f2, $f4, $f6" + (stretch ? "\nmsub.\(f) $f8, $f0, $f4, $f10" : ""))
                    for (fs, ft, fr, _) in v.cases {
                        var fpr = [UInt64](repeating: 0x3ff0_0000_3f80_0000, count: 32)
                        for (n, x) in [(2, fr), (4, fs), (6, ft), (10, fs)] {
                            fpr[n] = double ? x : 0x4000_0000 << 32 | x
                        }
                        records.append(QEMUOracle.Record(index: index, fcsr: 0, hi: 0, lo: 0,
                                                         gpr: [UInt32](repeating: 0, count: 14), fpr: fpr))
                    }
                }
            }
        }
        let expected = try QEMUOracle.run(instructions, records, configuration)
        var failures: [String] = []
        for backend in Backend.allCases {
            for (input, want) in zip(records, expected) {
                let instruction = instructions[Int(input.index)]
                var got = try QEMUOracle.mirage(instruction, input, configuration, backend: backend)
                var reference = want
                if instruction.contains("\n") {
                    got.fcsr &= ~(0x3f << 12)
                    reference.fcsr &= ~(0x3f << 12)
                }
                if got != reference {
                    failures.append("\(configuration) \(backend): \(instruction)\n  input \(QEMUOracleTests.describe(input))\n"
                        + "  differs: \(QEMUOracleTests.differences(reference, got))")
                }
            }
        }
        for failure in failures.prefix(10) { Issue.record(Comment(rawValue: failure)) }
    }
}
