// vfadd, vfsub, vfmul: binary32 lanes in the standard vector mode (Documentation/IR.md,
// "Vectors"): round to nearest even, subnormal inputs read as zeros of their sign, results
// tiny before rounding (below 2^-126 in magnitude) flushed to zeros of their sign, and every
// NaN result the default NaN 0x7fc00000. This is ARM's Advanced SIMD arithmetic under the
// "standard FPSCR value" (ARM ARM A2.7.3; FPUnpack, FPProcessNaNs, FPRound with FZ and DN).
//
// The exact sum or product of two singles is worked out in Double: a product is exact (24 + 24
// bits); a sum is rounded once, but rounding that Double to single is still the correctly
// rounded sum (53 >= 2 * 24 + 2), and TwoSum's error term says whether the sum was exact and
// breaks the tie of a Double exactly halfway between two singles.

import CHost
import IR

/// The exception flags a vector float op ORs into its state word.
public enum VectorFloatFlags {
    public static let invalid: UInt32 = 1 << 0, divideByZero: UInt32 = 1 << 1, overflow: UInt32 = 1 << 2
    public static let underflow: UInt32 = 1 << 3, inexact: UInt32 = 1 << 4, inputDenormal: UInt32 = 1 << 7
}

public enum VectorFloat {
    public static let defaultNaN: UInt32 = 0x7fc0_0000
    static let minNormal = Double(Float.leastNormalMagnitude)

    /// The op on each 32-bit lane of a and b; raises inexact in the FP environment (MXCSR.PE,
    /// as a scalar op would) and ORs the other flags raised into the i32 at
    /// `state + flagsOffset`. Host arithmetic runs at round to nearest, whatever MXCSR held.
    static func evaluate(_ opcode: Opcode, _ a: SIMD2<UInt64>, _ b: SIMD2<UInt64>,
                         state: UnsafeMutableRawPointer, flagsOffset: Int) -> SIMD2<UInt64> {
        let saved = chost_get_mxcsr()
        chost_set_mxcsr(0x1f80)
        let x = unsafeBitCast(a, to: SIMD4<UInt32>.self), y = unsafeBitCast(b, to: SIMD4<UInt32>.self)
        var out = SIMD4<UInt32>()
        var flags: UInt32 = 0
        for k in 0..<4 { out[k] = lane(opcode, x[k], y[k], &flags) }
        chost_set_mxcsr(flags & VectorFloatFlags.inexact != 0 ? saved | 0x20 : saved)
        flags &= ~VectorFloatFlags.inexact
        if flags != 0 {
            let word = state.load(fromByteOffset: flagsOffset, as: UInt32.self)
            state.storeBytes(of: word | flags, toByteOffset: flagsOffset, as: UInt32.self)
        }
        return unsafeBitCast(out, to: SIMD2<UInt64>.self)
    }

    public static func lane(_ opcode: Opcode, _ a: UInt32, _ b: UInt32, _ flags: inout UInt32) -> UInt32 {
        let x = unpack(a, &flags), y = unpack(b, &flags)
        if isNaN(a) || isNaN(b) {
            if isSignalingNaN(a) || isSignalingNaN(b) { flags |= VectorFloatFlags.invalid }
            return defaultNaN
        }
        switch opcode {
        case .vfmul:
            return round(Double(x) * Double(y), &flags)
        case .vfsub:
            let (s, e) = twoSum(Double(x), -Double(y))
            return round(s, error: e, &flags)
        default:
            let (s, e) = twoSum(Double(x), Double(y))
            return round(s, error: e, &flags)
        }
    }

    static func isNaN(_ x: UInt32) -> Bool { x & 0x7fff_ffff > 0x7f80_0000 }
    static func isSignalingNaN(_ x: UInt32) -> Bool { isNaN(x) && x & 0x0040_0000 == 0 }

    /// A subnormal input is a zero of its sign, and raises input-denormal.
    static func unpack(_ x: UInt32, _ flags: inout UInt32) -> Float {
        if x & 0x7f80_0000 == 0 && x & 0x007f_ffff != 0 {
            flags |= VectorFloatFlags.inputDenormal
            return Float(bitPattern: x & 0x8000_0000)
        }
        return Float(bitPattern: x)
    }

    /// Rounds the exact value `value + error` (error far below an ulp of value) to single:
    /// nearest even, tiny results (decided before rounding) flushed with underflow and no
    /// inexact.
    static func round(_ value: Double, error: Double = 0, _ flags: inout UInt32) -> UInt32 {
        if value.isNaN {
            flags |= VectorFloatFlags.invalid
            return defaultNaN
        }
        if value.isInfinite || (value == 0 && error == 0) { return Float(value).bitPattern }
        let tiny = value.magnitude < minNormal
            || (value.magnitude == minNormal && error != 0 && (error < 0) != (value < 0))
        if tiny {
            flags |= VectorFloatFlags.underflow
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
            flags |= VectorFloatFlags.overflow | VectorFloatFlags.inexact
        } else if Double(r) != value || error != 0 {
            flags |= VectorFloatFlags.inexact
        }
        return r.bitPattern
    }

    /// The exact sum a + b as (rounded Double, error) (Knuth's TwoSum).
    static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        guard s.isFinite else { return (s, 0) }
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }
}

extension ReferenceHelpers {
    /// vfadd/vfsub/vfmul for a code generator's slow path: a = the address of 48 bytes holding
    /// operand a, operand b and (written here) the result; b = the Opcode's raw value; c = the
    /// flags word's state offset.
    public static let vectorFloat: HelperFunction = { state, a, b, c in
        guard let p = UnsafeMutableRawPointer(bitPattern: UInt(a)), let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: b)) else { return 0 }
        let x = p.loadUnaligned(as: SIMD2<UInt64>.self), y = p.loadUnaligned(fromByteOffset: 16, as: SIMD2<UInt64>.self)
        let r = VectorFloat.evaluate(opcode, x, y, state: state, flagsOffset: Int(c))
        p.storeBytes(of: r, toByteOffset: 32, as: SIMD2<UInt64>.self)
        return 0
    }
}
