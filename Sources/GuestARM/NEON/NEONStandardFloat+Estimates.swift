// The reciprocal and reciprocal-square-root estimates and Newton-Raphson steps of Advanced
// SIMD (ARM ARM A2.8.* "Reciprocal estimate and step", "Reciprocal square root"): VRECPE,
// VRSQRTE (single precision and unsigned fixed point) and VRECPS, VRSQRTS. The estimates come
// from the manual's 9-bit tables, computed in integers as its pseudocode does.

extension NEONFloat {
    /// RecipEstimate: a in 256..<512 is x * 512 for 0.5 <= x < 1 (rounded down); the result in
    /// 256..<512 is 256 / (x rounded to the middle of its 1/512 step), rounded to nearest.
    static func recipEstimate(_ a: Int) -> Int {
        let b = (1 << 19) / (a * 2 + 1)
        return (b + 1) / 2
    }

    /// RecipSqrtEstimate: a in 128..<512 is x * 512 for 0.25 <= x < 1; the result in 256..<512
    /// is 256 / sqrt(x at the middle of its step: 1/512 below 0.5, 1/256 above).
    static func recipSqrtEstimate(_ a: Int) -> Int {
        let scaled = a < 256 ? a * 2 + 1 : ((a >> 1) << 1 + 1) * 2
        var b = 512
        while scaled * (b + 1) * (b + 1) < 1 << 28 { b += 1 }
        return (b + 1) / 2
    }

    /// FPRecipEstimate (single precision, standard FPSCR value).
    static func recipEstimate(float a: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags)
        let sign = a & 0x8000_0000
        if isNaN(a) { return processNaNs(a, flags: &flags) ?? defaultNaN }
        if x.isInfinite { return sign }
        if x == 0 {
            flags.raise(NEONFloatFlags.divideByZero)
            return sign | 0x7f80_0000
        }
        if x.magnitude >= 0x1p126 {
            flags.raise(NEONFloatFlags.underflow)
            return sign
        }
        // Scaled to 0.5 <= s < 1 (the fraction's top 8 bits below an implicit 1), and the
        // result's exponent 253 - exponent.
        let exponent = a >> 23 & 0xff
        let estimate = recipEstimate(Int(256 + (a >> 15 & 0xff)))
        return sign | (253 - exponent) << 23 | UInt32(estimate & 0xff) << 15
    }

    /// FPRSqrtEstimate (single precision, standard FPSCR value).
    static func rsqrtEstimate(float a: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags)
        if isNaN(a) { return processNaNs(a, flags: &flags) ?? defaultNaN }
        if x == 0 {
            flags.raise(NEONFloatFlags.divideByZero)
            return a & 0x8000_0000 | 0x7f80_0000
        }
        if x.sign == .minus {
            flags.raise(NEONFloatFlags.invalid)
            return defaultNaN
        }
        if x.isInfinite { return 0 }
        // Even exponent (operand<23> == 0): 0.5 <= s < 1; odd: 0.25 <= s < 0.5.
        let exponent = a >> 23 & 0xff
        let fraction = Int(a & 0x7f_ffff)
        let scaled = exponent & 1 == 0 ? 256 + fraction >> 15 : 128 + fraction >> 16
        let estimate = recipSqrtEstimate(scaled)
        return ((380 - exponent) / 2 & 0xff) << 23 | UInt32(estimate & 0xff) << 15
    }

    /// UnsignedRecipEstimate.
    static func recipEstimate(unsigned a: UInt32) -> UInt32 {
        guard a & 0x8000_0000 != 0 else { return 0xffff_ffff }
        return UInt32(recipEstimate(Int(a >> 23))) << 23
    }

    /// UnsignedRSqrtEstimate.
    static func rsqrtEstimate(unsigned a: UInt32) -> UInt32 {
        guard a & 0xc000_0000 != 0 else { return 0xffff_ffff }
        return UInt32(recipSqrtEstimate(Int(a >> 23))) << 23
    }

    /// FPRecipStep: 2.0 - a * b (two roundings); infinity times zero gives 2.0.
    static func recipStep(_ a: UInt32, _ b: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if let nan = processNaNs(a, b, flags: &flags) { return nan }
        let product: UInt32 = (x.isInfinite && y == 0) || (x == 0 && y.isInfinite) ? 0 : mul(a, b, &flags)
        return sub(0x4000_0000, product, &flags)
    }

    /// FPRSqrtStep: (3.0 - a * b) / 2 (the product rounded, then one rounding); infinity
    /// times zero gives 1.5.
    static func rsqrtStep(_ a: UInt32, _ b: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if let nan = processNaNs(a, b, flags: &flags) { return nan }
        let product: UInt32 = (x.isInfinite && y == 0) || (x == 0 && y.isInfinite) ? 0 : mul(a, b, &flags)
        let p = Double(Float(bitPattern: product))
        if isNaN(product) { return defaultNaN }
        // 3 - p is exact or TwoSum-corrected in Double; halving is exact.
        let (s, e) = twoSum(3, -p)
        return round(s / 2, error: e / 2, &flags)
    }
}
