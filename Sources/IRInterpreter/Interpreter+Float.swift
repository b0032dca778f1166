// Floating-point op semantics: IEEE 754 binary32/binary64 with the host's rounding (nearest
// even) and NaN results; conversions saturate (Documentation/IR.md, "Floating point").

import CHost
import IR

enum FloatOps {
    static func evaluate(_ op: Op, _ r: UnsafeMutablePointer<UInt64>) -> UInt64 {
        let a = r[Int(op.a.index)]
        let b = op.b.isNone ? 0 : r[Int(op.b.index)]
        let single = op.type == .f32
        switch op.opcode {
        case .fadd, .fsub, .fmul, .fdiv:
            if single {
                let x = Float(bitPattern: UInt32(truncatingIfNeeded: a)), y = Float(bitPattern: UInt32(truncatingIfNeeded: b))
                return UInt64(arith(op.opcode, x, y).bitPattern)
            }
            return arith(op.opcode, Double(bitPattern: a), Double(bitPattern: b)).bitPattern
        case .fsqrt:
            return single ? UInt64(chost_sqrt_f32(Float(bitPattern: UInt32(truncatingIfNeeded: a))).bitPattern)
                : chost_sqrt_f64(Double(bitPattern: a)).bitPattern
        case .fneg:
            return single ? (a ^ 0x8000_0000) & 0xffff_ffff : a ^ (1 << 63)
        case .fabs:
            return single ? a & 0x7fff_ffff : a & ~(1 << 63)
        case .fsetcond:
            let cond = FloatCondition(rawValue: op.aux) ?? .oeq
            if single {
                let x = Float(bitPattern: UInt32(truncatingIfNeeded: a)), y = Float(bitPattern: UInt32(truncatingIfNeeded: b))
                if cond == .uno || cond == .ord { return (chost_unordered_f32(x, y) != 0) == (cond == .uno) ? 1 : 0 }
                return compare(cond, x, y) ? 1 : 0
            }
            let x = Double(bitPattern: a), y = Double(bitPattern: b)
            if cond == .uno || cond == .ord { return (chost_unordered_f64(x, y) != 0) == (cond == .uno) ? 1 : 0 }
            return compare(cond, x, y) ? 1 : 0
        case .fconvert:
            if single { return UInt64(Float(Double(bitPattern: a)).bitPattern) }
            return Double(Float(bitPattern: UInt32(truncatingIfNeeded: a))).bitPattern
        case .itof:
            let sourceIs64 = op.aux2 == IRType.i64.rawValue
            let signed = op.aux & 1 != 0
            // Unsigned sources convert through signed 64-bit conversions (one cvtsi2s*, as the JIT
            // does): Swift's own unsigned conversions compute (2^52 + x) - 2^52, -0 for 0 when
            // rounding down.
            if !signed { return unsignedToFloat(sourceIs64 ? a : a & 0xffff_ffff, single: single) }
            if single {
                let f: Float = sourceIs64 ? Float(Int64(bitPattern: a)) : Float(Int32(truncatingIfNeeded: a))
                return UInt64(f.bitPattern)
            }
            let f: Double = sourceIs64 ? Double(Int64(bitPattern: a)) : Double(Int32(truncatingIfNeeded: a))
            return f.bitPattern
        case .ftoi:
            let mode = op.aux & 8 != 0 ? currentRounding() : RoundingMode(rawValue: (op.aux >> 1) & 3) ?? .towardZero
            return toInteger(bits: a, single: op.aux2 == IRType.f32.rawValue, signed: op.aux & 1 != 0,
                             width: op.type.bits, mode)
        case .bitcast:
            return op.type.bits == 32 ? a & 0xffff_ffff : a
        default:
            return 0
        }
    }

    @inline(__always)
    static func arith<F: BinaryFloatingPoint>(_ opcode: Opcode, _ x: F, _ y: F) -> F {
        switch opcode {
        case .fadd: x + y
        case .fsub: x - y
        case .fmul: x * y
        default: x / y
        }
    }

    /// An unsigned 64-bit integer to f32/f64 bits, rounded once in the current mode: below 2^63
    /// a signed conversion; above, half the value with the lost bit kept as a sticky bit,
    /// converted and doubled (exact), which rounds the same in every mode.
    static func unsignedToFloat(_ a: UInt64, single: Bool) -> UInt64 {
        if a >> 63 == 0 {
            return single ? UInt64(Float(Int64(bitPattern: a)).bitPattern) : Double(Int64(bitPattern: a)).bitPattern
        }
        let half = Int64(bitPattern: (a >> 1) | (a & 1))
        return single ? UInt64((Float(half) * 2).bitPattern) : (Double(half) * 2).bitPattern
    }

    static func compare<F: BinaryFloatingPoint>(_ cond: FloatCondition, _ x: F, _ y: F) -> Bool {
        switch cond {
        case .oeq: x == y
        case .olt: x < y
        case .ole: x <= y
        case .ogt: x > y
        case .oge: x >= y
        case .une: !(x == y)
        case .uno: x.isNaN || y.isNaN
        case .ord: !(x.isNaN || y.isNaN)
        }
    }

    /// The FP environment's rounding mode (MXCSR.RC: nearest, down, up, toward zero).
    static func currentRounding() -> RoundingMode {
        switch (chost_get_mxcsr() >> 13) & 3 {
        case 0: .nearestEven
        case 1: .towardMinusInfinity
        case 2: .towardPlusInfinity
        default: .towardZero
        }
    }

    /// Raises host floating-point exception flags (MXCSR: 1 invalid, 0x20 inexact), as the
    /// SSE conversion instructions do, so guests that read their FP status see them.
    @inline(never)
    static func raise(_ flags: UInt32) { chost_set_mxcsr(chost_get_mxcsr() | flags) }

    /// ftoi on the bits of an f32 (`single`) or f64: rounds by `mode`, then saturates to the
    /// `width`-bit integer range; NaN gives 0. Flags exactly as Documentation/IR.md says: a NaN
    /// or an out-of-range value raises invalid, else a value that rounding changed raises
    /// inexact, and nothing else. All integer arithmetic on the bits: host FP arithmetic
    /// would raise flags of its own (x + 1 is inexact for |x| >= 2^53, a compare of a
    /// subnormal raises denormal).
    static func toInteger(bits a: UInt64, single: Bool, signed: Bool, width: Int, _ mode: RoundingMode) -> UInt64 {
        let fractionBits = single ? 23 : 52
        let exponentMask: UInt64 = single ? 0xff : 0x7ff
        let negative = a >> (single ? 31 : 63) & 1 != 0
        let biased = a >> UInt64(fractionBits) & exponentMask
        let fraction = a & (1 << UInt64(fractionBits) - 1)
        let wordMask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        // The largest magnitude a result of each sign may have.
        let maxPositive: UInt64 = signed ? wordMask >> 1 : wordMask
        let maxNegative: UInt64 = signed ? (wordMask >> 1) + 1 : 0
        let saturated: UInt64 = negative ? (0 &- maxNegative) & wordMask : maxPositive
        if biased == exponentMask {
            // NaN: 0; infinity: out of range. Both invalid.
            raise(0x01)
            return fraction != 0 ? 0 : saturated
        }
        // A zero, or a subnormal the environment reads as zero (MXCSR.DAZ): 0, no flags.
        if biased == 0 && (fraction == 0 || chost_get_mxcsr() & 0x40 != 0) { return 0 }
        // The value is significand * 2^exponent.
        let significand = biased == 0 ? fraction : fraction | 1 << UInt64(fractionBits)
        let exponent = Int(max(biased, 1)) - (single ? 127 : 1023) - fractionBits
        var magnitude: UInt64 = 0
        var inexact = false
        if exponent >= 0 {
            // Integral already; the significand's top bit lands at fractionBits + exponent.
            guard fractionBits + exponent < 64 else {
                raise(0x01)
                return saturated
            }
            magnitude = significand << UInt64(exponent)
        } else {
            // Split into integer part and the bits below the point, which decide the rounding.
            let shift = -exponent
            let below: UInt64, half: UInt64
            if shift >= 64 {
                // Below 2^-11 (the significand has at most 53 bits): under a half, not zero.
                below = significand
                half = UInt64.max
            } else {
                magnitude = significand >> UInt64(shift)
                below = significand & (1 << UInt64(shift) - 1)
                half = 1 << UInt64(shift - 1)
            }
            inexact = below != 0
            let up: Bool = switch mode {
            case .nearestEven: below > half || (below == half && magnitude & 1 != 0)
            case .towardPlusInfinity: inexact && !negative
            case .towardMinusInfinity: inexact && negative
            case .towardZero: false
            }
            if up { magnitude += 1 }  // below 2^53 here: no overflow
        }
        if magnitude > (negative ? maxNegative : maxPositive) {
            raise(0x01)
            return saturated
        }
        if inexact { raise(0x20) }
        return (negative ? 0 &- magnitude : magnitude) & wordMask
    }
}
