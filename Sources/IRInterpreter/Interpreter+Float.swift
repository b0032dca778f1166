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
            let source = op.aux2 == IRType.f32.rawValue
                ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: a))) : Double(bitPattern: a)
            let mode = op.aux & 8 != 0 ? currentRounding() : RoundingMode(rawValue: (op.aux >> 1) & 3) ?? .towardZero
            return toInteger(source, signed: op.aux & 1 != 0, bits: op.type.bits, mode)
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

    /// Round to nearest, ties to even, whatever the environment's mode (Swift's
    /// `.toNearestOrEven` becomes `rint`, which follows it). x - trunc(x) is exact.
    static func roundedNearestEven(_ x: Double) -> Double {
        let t = x.rounded(.towardZero)
        let fraction = abs(x - t)
        let away = t + (x < 0 ? -1 : 1)
        if fraction > 0.5 { return away }
        if fraction < 0.5 { return t }
        return t.truncatingRemainder(dividingBy: 2) == 0 ? t : away
    }

    /// Raises host floating-point exception flags (MXCSR: 1 invalid, 0x20 inexact), as the
    /// SSE conversion instructions do, so guests that read their FP status see them.
    @inline(never)
    static func raise(_ flags: UInt32) { chost_set_mxcsr(chost_get_mxcsr() | flags) }

    /// Rounds by `mode`, then saturates to the integer range; NaN gives 0. A NaN or an
    /// out-of-range value raises invalid; a value that rounding changed raises inexact.
    static func toInteger(_ x: Double, signed: Bool, bits: Int, _ mode: RoundingMode) -> UInt64 {
        if x.isNaN {
            raise(0x01)
            return 0
        }
        let rounded: Double = switch mode {
        case .nearestEven: roundedNearestEven(x)
        case .towardPlusInfinity: x.rounded(.up)
        case .towardMinusInfinity: x.rounded(.down)
        case .towardZero: x.rounded(.towardZero)
        }
        let lowest = signed ? -Double(sign: .plus, exponent: bits - 1, significand: 1) : 0
        let limit = Double(sign: .plus, exponent: signed ? bits - 1 : bits, significand: 1)
        if rounded < lowest || rounded >= limit {
            raise(0x01)
        } else if rounded != x {
            raise(0x20)
        }
        if signed {
            let lo = lowest
            let hi = limit
            let v: Int64 = rounded < lo ? (bits == 32 ? Int64(Int32.min) : Int64.min)
                : rounded >= hi ? (bits == 32 ? Int64(Int32.max) : Int64.max) : Int64(rounded)
            return bits == 32 ? UInt64(UInt32(truncatingIfNeeded: v)) : UInt64(bitPattern: v)
        }
        let hi = Double(sign: .plus, exponent: bits, significand: 1)
        if rounded <= 0 { return 0 }
        if rounded >= hi { return bits == 32 ? UInt64(UInt32.max) : UInt64.max }
        return UInt64(rounded)
    }
}
