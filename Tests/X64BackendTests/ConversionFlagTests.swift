// The conversions' exception flags on both backends against an independent reference of
// Documentation/IR.md. ftoi: NaN or out of range raises invalid, else a value rounding changed
// raises inexact, and nothing else: no inexact for the integral values of 2^53 and more (2^24
// for f32), no denormal for subnormal inputs, in every rounding mode, width and signedness. itof:
// inexact exactly when the integer is not a float of the target type.

import IR
import Testing

@Suite("Conversion exception flags")
struct ConversionFlagTests {
    /// IR.md's ftoi on the value `x` (an f32 input already widened): the result's bits and
    /// the flags (MXCSR bits: 0x01 invalid, 0x20 inexact). `flushed`: the input is a subnormal
    /// of its format and MXCSR.DAZ reads it as zero.
    static func reference(_ x: Double, signed: Bool, bits: Int, _ mode: RoundingMode, flushed: Bool) -> (UInt64, UInt32) {
        if x.isNaN { return (0, 0x01) }
        let input = flushed ? 0 : x
        let rule: FloatingPointRoundingRule = switch mode {
        case .nearestEven: .toNearestOrEven
        case .towardPlusInfinity: .up
        case .towardMinusInfinity: .down
        case .towardZero: .towardZero
        }
        let r = input.rounded(rule)
        let low = signed ? -Double(sign: .plus, exponent: bits - 1, significand: 1) : 0
        let high = Double(sign: .plus, exponent: signed ? bits - 1 : bits, significand: 1)
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        if r < low { return (signed ? UInt64(bitPattern: Int64(low)) & mask : 0, 0x01) }
        if r >= high { return (signed ? mask >> 1 : mask, 0x01) }
        let value = r < 0 ? UInt64(bitPattern: Int64(r)) & mask : UInt64(r)
        return (value, r != input ? 0x20 : 0)
    }

    static let doubles: [Double] = [
        0x1p53, -0x1p53, 0x1p53 + 2, 0x1p54 + 4, 0x1p60, -0x1p60, 0x1.fffffffffffffp62, -0x1p63, 0x1p63,
        0x1.fffffffffffffp63, 0x1p64, -0x1p64, 0x1p31, -0x1p31, 0x1p32 - 1, 0x1p32, 0x1p52 + 0.5, 0x1p52 + 1.5,
        -0x1p52 - 0.5, 0.5, 1.5, 2.5, -0.5, -0.4, -0.6, 0.25, 1, -1, 0, -0.0, 1e300, -1e300,
        0x1p-1074, -0x1p-1074, 0x1p-1023, 0x1p-1022, .infinity, -.infinity, .nan,
    ]
    static let floats: [Float] = [
        0x1p24, -0x1p24, 0x1p24 + 2, 0x1p30, 1e10, -1e10, 0x1p31, -0x1p31, 0x1p32, 0x1p62, -0x1p63, 0x1p63,
        0x1p64, 0x1p100, 0x1p23 + 0.5, 0x1p23 + 1.5, 0.5, 1.5, -0.5, -0.6, 3, 0,
        0x1p-149, -0x1p-149, 0x1p-127, 0x1p-126, .infinity, -.infinity, .nan,
    ]

    @Test("ftoi: the result and only IR.md's flags, on both backends", arguments: [IRType.f32, .f64])
    func exactFlags(from: IRType) {
        let d = Differential()
        let inputs: [(bits: UInt64, value: Double, subnormal: Bool)] = from == .f32
            ? Self.floats.map { (UInt64($0.bitPattern), Double($0), $0.isSubnormal) }
            : Self.doubles.map { ($0.bitPattern, $0, $0.isSubnormal) }
        var failures: [String] = []
        for to in [IRType.i32, .i64] {
            for signed in [false, true] {
                for mode in RoundingMode.allCases {
                    let c = d.prepare(Kernel.block(inputs: [from]) { b, v in b.ftoi(v[0], to: to, signed: signed, rounding: mode) })
                    defer { c.prepared.deallocate() }
                    for mxcsr: UInt32 in [0x1f80, 0x1fc0] {
                        for (bits, value, subnormal) in inputs {
                            let (result, flags) = Self.reference(value, signed: signed, bits: to.bits, mode,
                                                                 flushed: subnormal && mxcsr & 0x40 != 0)
                            let image = Kernel.image([bits])
                            let interpreted = d.runInterpreter(c, image, mxcsr: mxcsr)
                            let compiled = d.runJIT(c, image, mxcsr: mxcsr, lookupKey: nil)
                            let width: UInt64 = to.bits == 32 ? 0xffff_ffff : ~0
                            for (name, outcome, state) in [("interpreter", interpreted, d.interpreter.stateBytes), ("JIT", compiled, d.jit.stateBytes)] {
                                let got = state.load64(Kernel.resultOffset) & width
                                if got != result || outcome.mxcsr & 0x3f != flags {
                                    failures.append("\(name) ftoi.\(to.name) \(signed ? "signed" : "unsigned") \(mode) \(value) MXCSR 0x\(String(mxcsr, radix: 16)): "
                                        + "0x\(String(got, radix: 16)) flags 0x\(String(outcome.mxcsr & 0x3f, radix: 16)), "
                                        + "want 0x\(String(result, radix: 16)) flags 0x\(String(flags, radix: 16))")
                                }
                            }
                        }
                    }
                }
            }
        }
        let count = failures.count
        #expect(count == 0, "\(failures.prefix(12).joined(separator: "\n"))")
    }

    @Test("itof: inexact exactly when the integer has no float of its own, in every mode, on both backends",
          arguments: [IRType.f32, .f64])
    func itofFlags(to: IRType) {
        let d = Differential()
        let values: [UInt64] = [0, 1, 3, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x100_0000, 0x100_0001, 0x20_0000_0000_0000,
                                0x20_0000_0000_0001, 0x7fff_ffff_ffff_ffff, 0x8000_0000_0000_0000, 0x8000_0000_0000_0001,
                                0xffff_ffff_ffff_f800, 0xffff_ffff_ffff_ffff, 0xffff_ffff_8000_0000]
        var failures: [String] = []
        for from in [IRType.i32, .i64] {
            for signed in [false, true] {
                let c = d.prepare(Kernel.block(inputs: [from]) { b, v in b.itof(v[0], to: to, signed: signed) })
                defer { c.prepared.deallocate() }
                for mxcsr: UInt32 in [0x1f80, 0x3f80, 0x5f80, 0x7f80] {
                    for raw in values {
                        let a = from == .i32 ? raw & 0xffff_ffff : raw
                        let exact: Bool = switch (from, signed, to) {
                        case (.i32, true, .f32): Float(exactly: Int32(truncatingIfNeeded: a)) != nil
                        case (.i32, false, .f32): Float(exactly: UInt32(truncatingIfNeeded: a)) != nil
                        case (.i32, _, _): true
                        case (_, true, .f32): Float(exactly: Int64(bitPattern: a)) != nil
                        case (_, false, .f32): Float(exactly: a) != nil
                        case (_, true, _): Double(exactly: Int64(bitPattern: a)) != nil
                        default: Double(exactly: a) != nil
                        }
                        let image = Kernel.image([a])
                        for (name, outcome) in [("interpreter", d.runInterpreter(c, image, mxcsr: mxcsr)),
                                                ("JIT", d.runJIT(c, image, mxcsr: mxcsr, lookupKey: nil))]
                        where outcome.mxcsr & 0x3f != (exact ? 0 : 0x20) {
                            failures.append("\(name) itof.\(to.name) from \(from.name) \(signed ? "signed" : "unsigned") 0x\(String(a, radix: 16)) "
                                + "MXCSR 0x\(String(mxcsr, radix: 16)): flags 0x\(String(outcome.mxcsr & 0x3f, radix: 16))")
                        }
                    }
                }
            }
        }
        let count = failures.count
        #expect(count == 0, "\(failures.prefix(12).joined(separator: "\n"))")
    }
}
