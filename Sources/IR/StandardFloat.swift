// Single-precision arithmetic in the standard vector mode: round to nearest even, subnormal
// inputs read as zeros of their sign, results tiny before rounding flushed to zeros of their
// sign, every NaN result the default NaN. This is ARM's Advanced SIMD "standard FPSCR value"
// (ARM ARM A2.7.3: FPUnpack, FPProcessNaNs, FPRound with FZ and DN), and the IR's definition
// of vfadd/vfsub/vfmul (Documentation/IR.md, "Vectors"). Here once, for the IR interpreter and
// for the ARM frontend's NEON helpers.
//
// The exact sum or product of two singles is worked out in Double: a product is exact (24 + 24
// bits); a sum is rounded once, but rounding that Double to single is still the correctly
// rounded sum (53 >= 2 * 24 + 2), and TwoSum's error term says whether the sum was exact and
// breaks the tie of a Double exactly halfway between two singles.

/// Exception flags, at FPSCR's cumulative-bit positions.
public enum StandardFloatFlags {
    public static let invalid: UInt32 = 1 << 0, divideByZero: UInt32 = 1 << 1, overflow: UInt32 = 1 << 2
    public static let underflow: UInt32 = 1 << 3, inexact: UInt32 = 1 << 4, inputDenormal: UInt32 = 1 << 7
}

public enum StandardFloat {
    public static let defaultNaN: UInt32 = 0x7fc0_0000
    public static let minNormal = Double(Float.leastNormalMagnitude)

    @inlinable public static func isNaN(_ x: UInt32) -> Bool { x & 0x7fff_ffff > 0x7f80_0000 }
    @inlinable public static func isSignalingNaN(_ x: UInt32) -> Bool { isNaN(x) && x & 0x0040_0000 == 0 }

    /// A subnormal input is a zero of its sign, and raises input-denormal.
    @inlinable
    public static func unpack(_ x: UInt32, _ flags: inout UInt32) -> Float {
        if x & 0x7f80_0000 == 0 && x & 0x007f_ffff != 0 {
            flags |= StandardFloatFlags.inputDenormal
            return Float(bitPattern: x & 0x8000_0000)
        }
        return Float(bitPattern: x)
    }

    /// Rounds the exact value `value + error` (error far below an ulp of value) to single:
    /// nearest even, tiny results (decided before rounding) flushed with underflow and no
    /// inexact.
    @inlinable
    public static func round(_ value: Double, error: Double = 0, _ flags: inout UInt32) -> UInt32 {
        if value.isNaN {
            flags |= StandardFloatFlags.invalid
            return defaultNaN
        }
        if value.isInfinite || (value == 0 && error == 0) { return Float(value).bitPattern }
        let tiny = value.magnitude < minNormal
            || (value.magnitude == minNormal && error != 0 && (error < 0) != (value < 0))
        if tiny {
            flags |= StandardFloatFlags.underflow
            return value < 0 ? 0x8000_0000 : 0
        }
        var r = Float(value)
        if error != 0 && !r.isInfinite {
            // value exactly halfway between two singles: the error decides the direction.
            let rd = Double(r)
            if rd != value {
                let other = value > rd ? r.nextUp : r.nextDown
                if Double(other) - value == value - rd {
                    let (low, high) = rd < value ? (r, other) : (other, r)
                    r = error > 0 ? high : low
                }
            }
        }
        if r.isInfinite {
            flags |= StandardFloatFlags.overflow | StandardFloatFlags.inexact
        } else if Double(r) != value || error != 0 {
            flags |= StandardFloatFlags.inexact
        }
        return r.bitPattern
    }

    /// The exact sum a + b as (rounded Double, error) (Knuth's TwoSum).
    @inlinable
    public static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        guard s.isFinite else { return (s, 0) }
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }
}
