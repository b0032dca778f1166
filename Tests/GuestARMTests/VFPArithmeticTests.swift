// VFP data processing (A7.5, A8.8: VADD ... VSQRT, the multiply-accumulates fused and not,
// VCMP/VCMPE with VMRS APSR_nzcv) in single and double precision, A32 and Thumb, against the
// host's IEEE arithmetic. NaN results are compared as NaN only: ARM's default NaN and x86's
// differ in sign, and the IR follows the host for now (Documentation/IR.md).

import GuestARM
import Testing
import TestTools

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct VFPArithmeticTests {
    typealias Model = (_ d: Double, _ n: Double, _ m: Double) -> Double

    static var binaryCases: [(String, Model)] { [
        ("vadd", { _, n, m in n + m }), ("vsub", { _, n, m in n - m }), ("vmul", { _, n, m in n * m }),
        ("vdiv", { _, n, m in n / m }), ("vnmul", { _, n, m in -(n * m) }),
        ("vmla", { d, n, m in let p = n * m; return d + p }), ("vmls", { d, n, m in let p = n * m; return d + -p }),
        ("vnmla", { d, n, m in let p = n * m; return -d + -p }), ("vnmls", { d, n, m in let p = n * m; return -d + p }),
        ("vfma", { d, n, m in d.addingProduct(n, m) }), ("vfms", { d, n, m in d.addingProduct(-n, m) }),
        ("vfnma", { d, n, m in (-d).addingProduct(-n, m) }), ("vfnms", { d, n, m in (-d).addingProduct(n, m) }),
    ] }
    static var unaryCases: [(String, (Double) -> Double)] { [
        ("vabs", { abs($0) }), ("vneg", { -$0 }), ("vsqrt", { $0.squareRoot() }), ("vmov", { $0 }),
    ] }

    /// The same model in single precision (Float arithmetic, one rounding per step as above).
    static func single(_ name: String, _ d: Float, _ n: Float, _ m: Float) -> Float {
        switch name {
        case "vadd": return n + m
        case "vsub": return n - m
        case "vmul": return n * m
        case "vdiv": return n / m
        case "vnmul": return -(n * m)
        case "vmla": let p = n * m; return d + p
        case "vmls": let p = n * m; return d + -p
        case "vnmla": let p = n * m; return -d + -p
        case "vnmls": let p = n * m; return -d + p
        case "vfma": return d.addingProduct(n, m)
        case "vfms": return d.addingProduct(-n, m)
        case "vfnma": return (-d).addingProduct(-n, m)
        case "vfnms": return (-d).addingProduct(n, m)
        case "vabs": return abs(m)
        case "vneg": return -m
        case "vsqrt": return m.squareRoot()
        default: return m
        }
    }

    static let doubles: [Double] = [0, -0.0, 1, -1, 0.5, 3, 1e300, -1e300, 1e-310, .infinity, -.infinity,
                                    .greatestFiniteMagnitude, .leastNonzeroMagnitude, 2.0 / 3.0, 1e16 + 1]
    static let floats: [Float] = [0, -0.0, 1, -1, 0.5, 3, 1e38, -1e38, 1e-40, .infinity, -.infinity,
                                  .greatestFiniteMagnitude, .leastNonzeroMagnitude, 2.0 / 3.0, 16_777_217]

    static func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern }
    static func same(_ a: Float, _ b: Float) -> Bool { a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern }

    @Test(arguments: [false, true])
    func doublePrecision(thumb: Bool) throws {
        let lines = Self.binaryCases.map { "\($0.0).f64 d0, d1, d2" } + Self.unaryCases.map { "\($0.0).f64 d0, d2" }
        let models: [Model] = Self.binaryCases.map(\.1) + Self.unaryCases.map { c in { _, _, m in c.1(m) } }
        var rng = SplitMix64(seed: 51)
        var values = Self.doubles
        for _ in 0..<12 { values.append(Double(bitPattern: rng.next() & 0x7fff_ffff_ffff_ffff | (rng.next() & 1) << 63) / 1e10) }
        for ((line, model), bytes) in zip(zip(lines, models), try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            for n in values {
                for x in values.shuffled(using: &rng).prefix(8) {
                    let d = values[Int(rng.next() % UInt64(values.count))]
                    m.restart()
                    m.setDouble(0, d)
                    m.setDouble(1, n)
                    m.setDouble(2, x)
                    m.runToEnd()
                    let want = model(d, n, x)
                    #expect(Self.same(want, m.double(0)), "\(line) d=\(d) n=\(n) m=\(x): got \(m.double(0)), want \(want)")
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func singlePrecision(thumb: Bool) throws {
        let names = Self.binaryCases.map(\.0) + Self.unaryCases.map(\.0)
        let lines = Self.binaryCases.map { "\($0.0).f32 s0, s3, s5" } + Self.unaryCases.map { "\($0.0).f32 s0, s5" }
        var rng = SplitMix64(seed: 52)
        var values = Self.floats
        for _ in 0..<12 { values.append(Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7f7f_ffff) * (rng.next() & 1 == 0 ? 1 : -1)) }
        for ((name, line), bytes) in zip(zip(names, lines), try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            for n in values {
                for x in values.shuffled(using: &rng).prefix(8) {
                    let d = values[Int(rng.next() % UInt64(values.count))]
                    m.restart()
                    m.setFloat(0, d)
                    m.setS(1, 0x1234_5678)
                    m.setFloat(3, n)
                    m.setFloat(5, x)
                    m.runToEnd()
                    let want = Self.single(name, d, n, x)
                    #expect(Self.same(want, m.float(0)), "\(line) d=\(d) n=\(n) m=\(x): got \(m.float(0)), want \(want)")
                    #expect(m.s(1) == 0x1234_5678, "\(line): the other half of d0 untouched")
                }
            }
        }
    }

    /// VCMP/VCMPE then VMRS APSR_nzcv: less 1000, equal 0110, greater 0010, unordered 0011.
    @Test(arguments: [false, true])
    func compare(thumb: Bool) throws {
        let lines = ["vcmp.f64 d1, d2", "vcmpe.f64 d1, d2", "vcmp.f32 s2, s4", "vcmpe.f32 s2, s4",
                     "vcmp.f64 d1, #0", "vcmpe.f32 s2, #0"]
        let values: [Double] = [0, -0.0, 1, -1, .infinity, -.infinity, .nan, 1e-310, 3]
        for (line, bytes) in zip(lines, try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes + (try Assembler.assemble("vmrs APSR_nzcv, fpscr", thumb: thumb)), thumb: thumb)
            let double = line.contains("f64"), zero = line.hasSuffix("#0")
            for a in values {
                for b in zero ? [0] : values {
                    m.restart()
                    m.nzcv = 0b1111
                    if double {
                        m.setDouble(1, a)
                        m.setDouble(2, b)
                    } else {
                        m.setFloat(2, Float(a))
                        m.setFloat(4, Float(b))
                    }
                    m.runToEnd()
                    let x = double ? a : Double(Float(a)), y = double ? b : Double(Float(b))
                    let want: UInt32 = x.isNaN || y.isNaN ? 0b0011 : x < y ? 0b1000 : x == y ? 0b0110 : 0b0010
                    #expect(m.nzcv == want, "\(line) \(a), \(b)")
                    #expect(m.field(ARMState.fpscr) >> 28 == want, "\(line): FPSCR.NZCV")
                }
            }
        }
    }

    /// FPSCR.FZ flushes denormal operands and results to zero (A2.7.4); without it they stay.
    @Test(arguments: [false, true])
    func flushToZero(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("vadd.f64 d0, d1, d2\nvmul.f32 s6, s8, s8", thumb: thumb), thumb: thumb)
        for fz in [false, true] {
            m.restart()
            m.state.fpscr = fz ? 1 << 24 : 0
            m.setDouble(1, 1e-310)
            m.setDouble(2, 0)
            m.setFloat(8, 1e-20)
            m.runToEnd()
            #expect(m.double(0) == (fz ? 0 : 1e-310), "FZ=\(fz)")
            #expect(m.float(6) == (fz ? 0 : Float(1e-20) * Float(1e-20)), "FZ=\(fz)")
        }
        m.state.fpscr = 0
    }
}
