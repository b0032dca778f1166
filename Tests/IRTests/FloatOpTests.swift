// Floating-point ops: arithmetic, sign ops, comparisons and conversions, on f32 and f64.

import IR
import IRInterpreter
import Testing
import TestTools

@Suite("Floating point")
struct FloatOpTests {
    static let doubles: [Double] = [
        0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 3, 0x1p-1030, -0x1.8p-1040, 1e308, -1e308, .infinity, -.infinity, .nan,
        .pi, 0x1p-1074, 0x1.fffffffffffffp1023, 1 / 3.0, 16, 2, 1e10,
    ]
    static let floats: [Float] = [
        0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 3, 0x1p-130, -0x1.8p-140, 3e38, -3e38, .infinity, -.infinity, .nan,
        .pi, 0x1p-149, 1 / 3.0, 16, 2, 1e10,
    ]

    func sameFloat(_ a: UInt64, _ b: UInt64, bits: Int) -> Bool {
        // NaN payload and sign are unspecified (Documentation/IR.md): any NaN matches any NaN.
        if bits == 32 {
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: a)), y = Float(bitPattern: UInt32(truncatingIfNeeded: b))
            return x.isNaN ? y.isNaN : a == b
        }
        let x = Double(bitPattern: a), y = Double(bitPattern: b)
        return x.isNaN ? y.isNaN : a == b
    }

    @Test("fadd/fsub/fmul/fdiv agree with IEEE arithmetic (round to nearest even)",
          arguments: [Opcode.fadd, .fsub, .fmul, .fdiv])
    func arithmetic(_ opcode: Opcode) {
        func apply<F: BinaryFloatingPoint>(_ x: F, _ y: F) -> F {
            switch opcode { case .fadd: x + y; case .fsub: x - y; case .fmul: x * y; default: x / y }
        }
        var rng = SplitMix64(seed: UInt64(opcode.rawValue))
        let k64 = Kernel(opcode, .f64), k32 = Kernel(opcode, .f32)
        var ds = Self.doubles.flatMap { x in Self.doubles.map { (x, $0) } }
        ds += (0..<1000).map { _ in (Double(bitPattern: rng.next()), Double(bitPattern: rng.next())) }
        for (x, y) in ds {
            #expect(sameFloat(k64(x.bits64, y.bits64), apply(x, y).bits64, bits: 64), "\(opcode) \(x) \(y)")
        }
        var fs = Self.floats.flatMap { x in Self.floats.map { (x, $0) } }
        fs += (0..<1000).map { _ in (Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())), Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))) }
        for (x, y) in fs {
            #expect(sameFloat(k32(x.bits64, y.bits64), apply(x, y).bits64, bits: 32), "\(opcode) \(x) \(y)")
        }
        // Rounding is to nearest, ties to even: 1 + 2^-53 is a tie between 1 and the next double.
        if opcode == .fadd {
            #expect(k64(Double(1).bits64, Double(0x1p-53).bits64) == Double(1).bits64)
            #expect(k64(Double(1 + 0x1p-52).bits64, Double(0x1p-53).bits64) == Double(1 + 0x1p-51).bits64)
            // Gradual underflow: subnormal results are kept, not flushed to zero.
            #expect(k64(Double(0x1p-1073).bits64, Double(-0x1p-1074).bits64) == Double(0x1p-1074).bits64)
        }
        if opcode == .fdiv {
            #expect(k64(Double(1).bits64, Double(0).bits64) == Double.infinity.bits64)
            #expect(k64(Double(-1).bits64, Double(0).bits64) == (-Double.infinity).bits64)
            #expect(Double(bitPattern: k64(Double(0).bits64, Double(0).bits64)).isNaN)
        }
    }

    @Test("fsqrt, fneg, fabs")
    func unary() {
        let sq64 = Kernel(.fsqrt, .f64, arity: 1), sq32 = Kernel(.fsqrt, .f32, arity: 1)
        for x in Self.doubles { #expect(sameFloat(sq64(x.bits64), x.squareRoot().bits64, bits: 64), "sqrt \(x)") }
        for x in Self.floats { #expect(sameFloat(sq32(x.bits64), x.squareRoot().bits64, bits: 32), "sqrt \(x)") }
        #expect(sq64(Double(-0.0).bits64) == Double(-0.0).bits64)
        #expect(Double(bitPattern: sq64(Double(-1).bits64)).isNaN)
        // fneg and fabs touch only the sign bit, NaNs included.
        let neg64 = Kernel(.fneg, .f64, arity: 1), abs64 = Kernel(.fabs, .f64, arity: 1)
        let neg32 = Kernel(.fneg, .f32, arity: 1), abs32 = Kernel(.fabs, .f32, arity: 1)
        for bits: UInt64 in [0, 0x8000_0000_0000_0000, 0x7ff8_0000_0000_0001, 0xfff0_0000_0000_0001, 0x3ff0_0000_0000_0000] {
            #expect(neg64(bits) == bits ^ 0x8000_0000_0000_0000)
            #expect(abs64(bits) == bits & 0x7fff_ffff_ffff_ffff)
        }
        for bits: UInt64 in [0, 0x8000_0000, 0x7fc0_0001, 0xff80_0001, 0x3f80_0000] {
            #expect(neg32(bits) == bits ^ 0x8000_0000)
            #expect(abs32(bits) == bits & 0x7fff_ffff)
        }
    }

    @Test("fsetcond: every condition, NaN makes ordered ones false", arguments: FloatCondition.allCases)
    func fsetcond(_ cond: FloatCondition) {
        func holds<F: BinaryFloatingPoint>(_ x: F, _ y: F) -> Bool {
            let unordered = x.isNaN || y.isNaN
            switch cond {
            case .oeq: return !unordered && x == y
            case .olt: return !unordered && x < y
            case .ole: return !unordered && x <= y
            case .ogt: return !unordered && x > y
            case .oge: return !unordered && x >= y
            case .une: return unordered || x != y
            case .uno: return unordered
            case .ord: return !unordered
            }
        }
        let k64 = Kernel(inputs: [.f64, .f64], result: .i32) { b, v in b.fsetcond(cond, v[0], v[1]) }
        let k32 = Kernel(inputs: [.f32, .f32], result: .i32) { b, v in b.fsetcond(cond, v[0], v[1]) }
        for x in Self.doubles { for y in Self.doubles {
            #expect(k64(x.bits64, y.bits64) == (holds(x, y) ? 1 : 0), "\(cond) \(x) \(y)")
        } }
        for x in Self.floats { for y in Self.floats {
            #expect(k32(x.bits64, y.bits64) == (holds(x, y) ? 1 : 0), "\(cond) \(x) \(y)")
        } }
        // +0 and -0 are equal.
        #expect(k64(Double(0).bits64, Double(-0.0).bits64) == (cond == .oeq || cond == .ole || cond == .oge || cond == .ord ? 1 : 0))
    }

    @Test("fconvert: f32 -> f64 exact, f64 -> f32 rounds to nearest even")
    func fconvert() {
        let widen = Kernel(inputs: [.f32], result: .f64) { b, v in b.fconvert(v[0], to: .f64) }
        let narrow = Kernel(inputs: [.f64], result: .f32) { b, v in b.fconvert(v[0], to: .f32) }
        for x in Self.floats { #expect(sameFloat(widen(x.bits64), Double(x).bits64, bits: 64)) }
        for x in Self.doubles { #expect(sameFloat(narrow(x.bits64), Float(x).bits64, bits: 32)) }
        #expect(narrow(Double(1 + 0x1p-24).bits64) == Float(1).bits64)                 // tie, to even
        #expect(narrow(Double(1 + 3 * 0x1p-24).bits64) == Float(1 + 0x1p-22).bits64)  // tie, to even
        #expect(narrow(Double(1e300).bits64) == Float.infinity.bits64)
        #expect(narrow(Double(1e-50).bits64) == 0)
        #expect(Float(bitPattern: UInt32(narrow(Double.nan.bits64))).isNaN)
    }

    @Test("itof from i32/i64, signed and unsigned, to f32/f64")
    func itof() {
        var rng = SplitMix64(seed: 17)
        for source in [IRType.i32, .i64] {
            for target in [IRType.f32, .f64] {
                for signed in [false, true] {
                    let k = Kernel(inputs: [source], result: target) { b, v in b.itof(v[0], to: target, signed: signed) }
                    let values = Operands.special + (0..<300).map { _ in rng.operand(bits: 64) }
                    for raw in values {
                        let a = source == .i32 ? raw & 0xffff_ffff : raw
                        let expected: UInt64
                        switch (source, target, signed) {
                        case (.i32, .f32, true): expected = Float(Int32(truncatingIfNeeded: a)).bits64
                        case (.i32, .f32, false): expected = Float(UInt32(truncatingIfNeeded: a)).bits64
                        case (.i32, _, true): expected = Double(Int32(truncatingIfNeeded: a)).bits64
                        case (.i32, _, false): expected = Double(UInt32(truncatingIfNeeded: a)).bits64
                        case (_, .f32, true): expected = Float(Int64(bitPattern: a)).bits64
                        case (_, .f32, false): expected = Float(a).bits64
                        case (_, _, true): expected = Double(Int64(bitPattern: a)).bits64
                        default: expected = Double(a).bits64
                        }
                        #expect(k(a) == expected, "itof \(source.name)->\(target.name) signed=\(signed) 0x\(String(a, radix: 16))")
                    }
                }
            }
        }
        let u32 = Kernel(inputs: [.i32], result: .f64) { b, v in b.itof(v[0], to: .f64, signed: false) }
        #expect(u32(0xffff_ffff) == Double(4_294_967_295).bits64)
        let s32 = Kernel(inputs: [.i32], result: .f64) { b, v in b.itof(v[0], to: .f64, signed: true) }
        #expect(s32(0xffff_ffff) == Double(-1).bits64)
        let s64 = Kernel(inputs: [.i64], result: .f64) { b, v in b.itof(v[0], to: .f64, signed: true) }
        #expect(s64(1 << 53 + 1) == Double(0x1p53).bits64)   // rounds to nearest even
    }

    /// Independent reference for ftoi: round by `mode`, then clamp; NaN gives 0.
    static func ftoiReference(_ x: Double, signed: Bool, bits: Int, _ mode: RoundingMode) -> UInt64 {
        if x.isNaN { return 0 }
        let rule: FloatingPointRoundingRule = switch mode {
        case .nearestEven: .toNearestOrEven
        case .towardPlusInfinity: .up
        case .towardMinusInfinity: .down
        case .towardZero: .towardZero
        }
        let r = x.rounded(rule)
        switch (signed, bits) {
        case (true, 32): return UInt64(UInt32(bitPattern: Int32(exactly: r) ?? (r < 0 ? .min : .max)))
        case (true, _): return UInt64(bitPattern: Int64(exactly: r) ?? (r < 0 ? .min : .max))
        case (false, 32): return UInt64(UInt32(exactly: r) ?? (r < 0 ? .min : .max))
        default: return UInt64(exactly: r) ?? (r < 0 ? .min : .max)
        }
    }

    @Test("ftoi: every rounding mode, signedness and width; saturating; NaN is 0",
          arguments: RoundingMode.allCases)
    func ftoi(_ mode: RoundingMode) {
        var rng = SplitMix64(seed: 23 + UInt64(mode.rawValue))
        var values: [Double] = Self.doubles + [
            2.5, 3.5, -2.5, -3.5, 2.1, -2.1, 2.9, -2.9, 0.4, -0.4, 0.6, -0.6,
            2_147_483_647.5, 2_147_483_648, -2_147_483_648.5, -2_147_483_649, 4_294_967_295.5, 4_294_967_296,
            0x1p63, -0x1p63, 0x1p64, -0x1p64 - 4096, 0x1.fffffffffffffp62, 0x1.fffffffffffffp63,
        ]
        values += (0..<300).map { _ in Double(Int64(bitPattern: rng.next()) >> (rng.next() % 64)) + 0.25 * Double(rng.next() % 8) }
        for source in [IRType.f32, .f64] {
            for target in [IRType.i32, .i64] {
                for signed in [false, true] {
                    let k = Kernel(inputs: [source], result: target) { b, v in
                        b.ftoi(v[0], to: target, signed: signed, rounding: mode)
                    }
                    for x in values {
                        let input = source == .f32 ? Double(Float(x)) : x
                        let bits = source == .f32 ? Float(x).bits64 : x.bits64
                        let expected = Self.ftoiReference(input, signed: signed, bits: target.bits, mode)
                        #expect(k(bits) == expected, "ftoi \(source.name)->\(target.name) signed=\(signed) \(mode) \(input)")
                    }
                }
            }
        }
    }

    @Test("ftoi spot values")
    func ftoiSpots() {
        func run(_ x: Double, _ target: IRType, signed: Bool, _ mode: RoundingMode) -> UInt64 {
            Kernel(inputs: [.f64], result: target) { b, v in b.ftoi(v[0], to: target, signed: signed, rounding: mode) }(x.bits64)
        }
        #expect(run(2.5, .i32, signed: true, .nearestEven) == 2)
        #expect(run(3.5, .i32, signed: true, .nearestEven) == 4)
        #expect(run(-2.5, .i32, signed: true, .nearestEven) == UInt64(UInt32(bitPattern: -2)))
        #expect(run(2.1, .i32, signed: true, .towardPlusInfinity) == 3)
        #expect(run(-2.1, .i32, signed: true, .towardMinusInfinity) == UInt64(UInt32(bitPattern: -3)))
        #expect(run(-2.9, .i32, signed: true, .towardZero) == UInt64(UInt32(bitPattern: -2)))
        #expect(run(1e10, .i32, signed: true, .towardZero) == 0x7fff_ffff)
        #expect(run(-1e10, .i32, signed: true, .towardZero) == 0x8000_0000)
        #expect(run(-1, .i32, signed: false, .towardZero) == 0)
        #expect(run(1e30, .i64, signed: false, .towardZero) == ~0)
        #expect(run(.nan, .i64, signed: true, .towardZero) == 0)
        #expect(run(.infinity, .i32, signed: false, .towardZero) == 0xffff_ffff)
        #expect(run(-.infinity, .i64, signed: true, .towardZero) == 0x8000_0000_0000_0000)
    }

    @Test("bitcast between same-width integer and float keeps the bits")
    func bitcast() {
        let toF32 = Kernel(inputs: [.i32], result: .f32) { b, v in b.bitcast(v[0], to: .f32) }
        let toI32 = Kernel(inputs: [.f32], result: .i32) { b, v in b.bitcast(v[0], to: .i32) }
        let toF64 = Kernel(inputs: [.i64], result: .f64) { b, v in b.bitcast(v[0], to: .f64) }
        let toI64 = Kernel(inputs: [.f64], result: .i64) { b, v in b.bitcast(v[0], to: .i64) }
        var rng = SplitMix64(seed: 31)
        for _ in 0..<200 {
            let x = rng.next()
            #expect(toF32(x & 0xffff_ffff) == x & 0xffff_ffff)
            #expect(toI32(x & 0xffff_ffff) == x & 0xffff_ffff)
            #expect(toF64(x) == x)
            #expect(toI64(x) == x)
        }
        // The bits go through a float op unchanged: bitcast, fneg, bitcast.
        let negate = Kernel(inputs: [.i64], result: .i64) { b, v in
            b.bitcast(b.unary(.fneg, b.bitcast(v[0], to: .f64)), to: .i64)
        }
        #expect(negate(0x7ff4_0000_0000_0001) == 0xfff4_0000_0000_0001)
    }
}
