// Single-precision arithmetic under the "standard FPSCR value" Advanced SIMD uses (ARM ARM
// A2.7.3 StandardFPSCRValue: round to nearest, flush-to-zero, default NaN), written from the
// A2 pseudocode (FPUnpack, FPProcessNaNs, FPRound, FPAdd, FPMul, FPMulAdd, FPMax, FPMin,
// FPCompare*, FPToFixed, FixedToFP, FPRecipEstimate, FPRSqrtEstimate). Exception flags go to
// FPSCR's cumulative bits as FPProcessException does with the traps disabled.
//
// The exact value of a sum or product of two singles is computed in Double: a product is exact
// (24 + 24 bits), a sum is rounded once but the rounding to single of that Double is still the
// correctly rounded sum (53 >= 2 * 24 + 2), and the error term from TwoSum says whether the sum
// was exact. A fused multiply-add corrects the one case double rounding gets wrong (a Double
// exactly halfway between two singles). Unpacking and rounding are IR's StandardFloat, the
// same arithmetic the IR's vector float ops are defined by.

import IR

/// The cumulative exception bits a sequence of operations raised (FPSCR bit positions).
struct NEONFloatFlags {
    var bits: UInt32 = 0
    static let invalid = StandardFloatFlags.invalid, divideByZero = StandardFloatFlags.divideByZero
    static let overflow = StandardFloatFlags.overflow, underflow = StandardFloatFlags.underflow
    static let inexact = StandardFloatFlags.inexact, inputDenormal = StandardFloatFlags.inputDenormal

    mutating func raise(_ f: UInt32) { bits |= f }

    /// ORs the flags into the guest's FPSCR.
    func commit(_ state: UnsafeMutableRawPointer) {
        guard bits != 0 else { return }
        let fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        state.storeBytes(of: fpscr | bits, toByteOffset: ARMState.fpscr, as: UInt32.self)
    }
}

enum NEONFloat {
    static let defaultNaN = StandardFloat.defaultNaN
    static let minNormal = StandardFloat.minNormal

    static func isNaN(_ x: UInt32) -> Bool { StandardFloat.isNaN(x) }
    static func isSignalingNaN(_ x: UInt32) -> Bool { StandardFloat.isSignalingNaN(x) }

    /// FPUnpack with FZ: a denormal input is a zero of its sign (and raises IDC).
    static func unpack(_ x: UInt32, _ flags: inout NEONFloatFlags) -> Float { StandardFloat.unpack(x, &flags.bits) }

    /// FPProcessNaNs with DN: nil when no operand is a NaN; else the default NaN, raising
    /// Invalid Operation when one of them is signaling.
    static func processNaNs(_ operands: UInt32..., flags: inout NEONFloatFlags) -> UInt32? {
        guard operands.contains(where: isNaN) else { return nil }
        if operands.contains(where: isSignalingNaN) { flags.raise(NEONFloatFlags.invalid) }
        return defaultNaN
    }

    /// FPRound of the exact value `value + error` (error much smaller than an ulp of value)
    /// to single, round to nearest even, flushing tiny results to zero (UFC, no IXC).
    static func round(_ value: Double, error: Double = 0, _ flags: inout NEONFloatFlags) -> UInt32 {
        StandardFloat.round(value, error: error, &flags.bits)
    }

    /// The exact sum a + b as (rounded Double, error) (Knuth's TwoSum).
    static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) { StandardFloat.twoSum(a, b) }

    static func add(_ a: UInt32, _ b: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if let nan = processNaNs(a, b, flags: &flags) { return nan }
        let (s, e) = twoSum(Double(x), Double(y))
        return round(s, error: e, &flags)
    }

    static func sub(_ a: UInt32, _ b: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if let nan = processNaNs(a, b, flags: &flags) { return nan }
        let (s, e) = twoSum(Double(x), -Double(y))
        return round(s, error: e, &flags)
    }

    static func mul(_ a: UInt32, _ b: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if let nan = processNaNs(a, b, flags: &flags) { return nan }
        return round(Double(x) * Double(y), &flags)
    }

    /// FPMulAdd: addend + a * b with one rounding.
    static func mulAdd(_ addend: UInt32, _ a: UInt32, _ b: UInt32, _ flags: inout NEONFloatFlags) -> UInt32 {
        let c = unpack(addend, &flags), x = unpack(a, &flags), y = unpack(b, &flags)
        if let nan = processNaNs(addend, a, b, flags: &flags) {
            // A quiet NaN addend with an invalid product (infinity times zero) is still invalid.
            if isNaN(addend) && ((x.isInfinite && y == 0) || (x == 0 && y.isInfinite)) { flags.raise(NEONFloatFlags.invalid) }
            return nan
        }
        let p = Double(x) * Double(y)
        let (s, e) = twoSum(Double(c), p)
        if s.isNaN || (p.isNaN) {
            flags.raise(NEONFloatFlags.invalid)
            return defaultNaN
        }
        return round(s, error: e, &flags)
    }

    /// FPMax / FPMin: NaN in, default NaN out; max(+0, -0) is +0 and min(+0, -0) is -0.
    static func maxMin(_ a: UInt32, _ b: UInt32, max: Bool, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if let nan = processNaNs(a, b, flags: &flags) { return nan }
        if x == 0 && y == 0 {
            let negative = max ? (x.sign == .minus && y.sign == .minus) : (x.sign == .minus || y.sign == .minus)
            return negative ? 0x8000_0000 : 0
        }
        return (max ? (x > y ? x : y) : (x < y ? x : y)).bitPattern
    }

    enum Comparison { case eq, ge, gt }

    /// FPCompareEQ (quiet: Invalid only for signaling NaNs), FPCompareGE and FPCompareGT
    /// (Invalid for any NaN).
    static func compare(_ a: UInt32, _ b: UInt32, _ c: Comparison, _ flags: inout NEONFloatFlags) -> Bool {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if isNaN(a) || isNaN(b) {
            if c != .eq || isSignalingNaN(a) || isSignalingNaN(b) { flags.raise(NEONFloatFlags.invalid) }
            return false
        }
        switch c {
        case .eq: return x == y
        case .ge: return x >= y
        case .gt: return x > y
        }
    }

    /// FPToFixed(operand, fraction_bits, unsigned, round_zero = TRUE) to 32 bits.
    static func toFixed(_ a: UInt32, fractionBits: Int, unsigned: Bool, _ flags: inout NEONFloatFlags) -> UInt32 {
        let x = unpack(a, &flags)
        if isNaN(a) {
            flags.raise(NEONFloatFlags.invalid)
            return 0
        }
        let scaled = Double(x) * Double(sign: .plus, exponent: fractionBits, significand: 1)
        let truncated = scaled.rounded(.towardZero)
        let (lo, hi): (Double, Double) = unsigned ? (0, 4_294_967_295) : (-2_147_483_648, 2_147_483_647)
        if truncated > hi || truncated < lo {
            flags.raise(NEONFloatFlags.invalid)
            let v = truncated > hi ? hi : lo
            return unsigned ? UInt32(v) : UInt32(bitPattern: Int32(v))
        }
        if truncated != scaled { flags.raise(NEONFloatFlags.inexact) }
        return unsigned ? UInt32(truncated) : UInt32(bitPattern: Int32(truncated))
    }

    /// FixedToFP(operand, fraction_bits, unsigned, round to nearest).
    static func fromFixed(_ a: UInt32, fractionBits: Int, unsigned: Bool, _ flags: inout NEONFloatFlags) -> UInt32 {
        let integer = unsigned ? Double(a) : Double(Int32(bitPattern: a))
        // Exact in Double (32 significant bits), then one rounding.
        return round(integer / Double(sign: .plus, exponent: fractionBits, significand: 1), &flags)
    }
}
