// The ARM ARM's floating-point pseudocode on the bits (A2.7, DDI 0406C: FPUnpack, FPRound),
// for the VFP conversions that run in helpers because SSE has no instruction with ARM's
// result or flags: to and from fixed point, and half precision. Integer arithmetic only, so
// no host flag is raised by accident; the flags go straight into FPSCR's cumulative bits.

/// FPSCR cumulative exception bits (A2.5.3).
enum FPException {
    static let invalid: UInt32 = 1 << 0, divideByZero: UInt32 = 1 << 1, overflow: UInt32 = 1 << 2
    static let underflow: UInt32 = 1 << 3, inexact: UInt32 = 1 << 4, inputDenormal: UInt32 = 1 << 7
}

/// A binary floating-point format: `exponentBits` E and `fractionBits` F.
struct FPFormat {
    let exponentBits: Int, fractionBits: Int

    static let half = FPFormat(exponentBits: 5, fractionBits: 10)
    static let single = FPFormat(exponentBits: 8, fractionBits: 23)
    static let double = FPFormat(exponentBits: 11, fractionBits: 52)

    var bias: Int { (1 << (exponentBits - 1)) - 1 }
    var minimumExponent: Int { 2 - (1 << (exponentBits - 1)) }
    var width: Int { 1 + exponentBits + fractionBits }
    var exponentMask: UInt64 { (1 << UInt64(exponentBits)) - 1 }
    var fractionMask: UInt64 { (1 << UInt64(fractionBits)) - 1 }
}

/// An unpacked operand (FPUnpack): a NaN, an infinity, a zero, or sign * significand *
/// 2^exponent with significand > 0.
enum FPValue {
    case nan(signalling: Bool), infinity, zero, finite(significand: UInt64, exponent: Int)
}

enum VFPRounding {
    /// FPUnpack of the `format` bits `x`: the sign and the value. Under flush-to-zero (`fz`) a
    /// single or double denormal is a zero and raises Input Denormal (half precision never
    /// flushes). In half precision's `alternative` format the top exponent is an ordinary one.
    static func unpack(_ x: UInt64, _ format: FPFormat, fz: Bool, alternative: Bool = false,
                       flags: inout UInt32) -> (sign: Bool, value: FPValue) {
        let sign = x >> UInt64(format.width - 1) & 1 != 0
        let exponent = x >> UInt64(format.fractionBits) & format.exponentMask
        let fraction = x & format.fractionMask
        if exponent == format.exponentMask && !alternative {
            if fraction == 0 { return (sign, .infinity) }
            return (sign, .nan(signalling: fraction >> UInt64(format.fractionBits - 1) == 0))
        }
        if exponent == 0 {
            if fraction == 0 { return (sign, .zero) }
            if fz && format.exponentBits != 5 {
                flags |= FPException.inputDenormal
                return (sign, .zero)
            }
            return (sign, .finite(significand: fraction, exponent: format.minimumExponent - format.fractionBits))
        }
        return (sign, .finite(significand: fraction | 1 << UInt64(format.fractionBits),
                              exponent: Int(exponent) - format.bias - format.fractionBits))
    }

    /// FPRound of sign * significand * 2^exponent (significand > 0) to `format` under FPSCR
    /// RMode `mode` (0 RN, 1 RP, 2 RM, 3 RZ): underflow is tininess before rounding, flush to
    /// zero (`fz`) replaces a tiny result by a zero raising Underflow alone, and `alternative`
    /// is half precision's AHP format (no infinities: an overflow is Invalid Operation).
    static func round(sign: Bool, significand: UInt64, exponent: Int, to format: FPFormat, mode: UInt32, fz: Bool,
                      alternative: Bool = false, flags: inout UInt32) -> UInt64 {
        let signBit: UInt64 = sign ? 1 << UInt64(format.width - 1) : 0
        let F = format.fractionBits
        // The value is in [2^top, 2^(top + 1)).
        let top = exponent + 63 - significand.leadingZeroBitCount
        if fz && top < format.minimumExponent {
            flags |= FPException.underflow
            return signBit
        }
        var biased = top < format.minimumExponent ? 0 : top - format.minimumExponent + 1
        // int_mant = RoundDown(value / 2^unit), with the error's relation to one half.
        let unit = biased == 0 ? format.minimumExponent - F : top - F
        let shift = unit - exponent
        var mantissa: UInt64
        var error = 0  // 0: none, 1: below one half, 2: one half, 3: above
        if shift <= 0 {
            mantissa = significand << UInt64(-shift)
        } else if shift >= 64 {
            mantissa = 0
            error = 1
        } else {
            mantissa = significand >> UInt64(shift)
            let rest = significand & ((1 << UInt64(shift)) - 1), half: UInt64 = 1 << UInt64(shift - 1)
            error = rest == 0 ? 0 : rest < half ? 1 : rest == half ? 2 : 3
        }
        if biased == 0 && error != 0 { flags |= FPException.underflow }
        let roundUp: Bool, overflowToInfinity: Bool
        switch mode & 3 {
        case 0: (roundUp, overflowToInfinity) = (error == 3 || (error == 2 && mantissa & 1 != 0), true)
        case 1: (roundUp, overflowToInfinity) = (error != 0 && !sign, !sign)
        case 2: (roundUp, overflowToInfinity) = (error != 0 && sign, sign)
        default: (roundUp, overflowToInfinity) = (false, false)
        }
        if roundUp {
            mantissa += 1
            if mantissa == 1 << UInt64(F) { biased = 1 }  // a denormal rounded up to the smallest normal
            if mantissa == 1 << UInt64(F + 1) {
                biased += 1
                mantissa >>= 1
            }
        }
        var inexact = error != 0
        var result: UInt64
        if !alternative {
            if biased >= (1 << format.exponentBits) - 1 {
                let infinity = format.exponentMask << UInt64(F)
                result = signBit | (overflowToInfinity ? infinity : infinity - 1)
                flags |= FPException.overflow
                inexact = true
            } else {
                result = signBit | UInt64(biased) << UInt64(F) | mantissa & format.fractionMask
            }
        } else if biased >= 1 << format.exponentBits {
            result = signBit | ((1 << UInt64(format.width - 1)) - 1)
            flags |= FPException.invalid
            inexact = false
        } else {
            result = signBit | UInt64(biased) << UInt64(F) | mantissa & format.fractionMask
        }
        if inexact { flags |= FPException.inexact }
        return result
    }
}
