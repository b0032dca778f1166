// Deterministic random inputs that hit edges often: integer and float special values, and the
// kernel-shaped blocks (load inputs from the state, one op, store the result) most op tests use.

import IR
import TestTools

extension SplitMix64 {
    /// An integer operand of `bits` width, edges often.
    mutating func operand(bits: Int) -> UInt64 {
        let v: UInt64
        switch below(5) {
        case 0, 1: v = pick(Operands.integers)
        case 2: v = next() >> (next() % 64)
        case 3: v = ~(next() >> (next() % 64))
        default: v = next()
        }
        return bits == 32 ? v & 0xffff_ffff : v
    }

    /// A float bit pattern of `type` (f32 or f64), specials often.
    mutating func float(_ type: IRType) -> UInt64 {
        if type == .f32 {
            switch below(4) {
            case 0, 1: return UInt64(pick(Operands.floats32))
            case 2: return UInt64(Float(Int32(truncatingIfNeeded: next() % 2001) - 1000).bitPattern) ^ (next() & 1 << 31)
            default: return next() & 0xffff_ffff
            }
        }
        switch below(4) {
        case 0, 1: return pick(Operands.floats64)
        case 2: return Double(Int64(next() % 2001) - 1000).bitPattern ^ (next() & 1 << 63)
        default: return next()
        }
    }

    mutating func value(_ type: IRType) -> UInt64 {
        type.isInteger ? operand(bits: type.bits) : float(type)
    }
}

enum Operands {
    static let integers: [UInt64] = [
        0, 1, 2, 3, 7, 8, 31, 32, 33, 63, 64, 65, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x1_0000,
        0x7fff_ffff, 0x8000_0000, 0x8000_0001, 0xffff_fffe, 0xffff_ffff, 0x1_0000_0000, 0x1_0000_0001,
        0x7fff_ffff_ffff_ffff, 0x8000_0000_0000_0000, 0xffff_ffff_ffff_ffff, 0xffff_ffff_ffff_fffe,
        0xffff_ffff_8000_0000, 0x0000_0001_ffff_ffff, 0x8000_0000_ffff_ffff,
    ]

    static let floats32: [UInt32] = [
        0, 0x8000_0000, 0x3f80_0000, 0xbf80_0000, 0x3f00_0000, 0x3fc0_0000, 0x4020_0000, 0xbfc0_0000,  // 0 -0 1 -1 .5 1.5 2.5 -1.5
        0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0xffc0_0000, 0x7f80_0001, 0x7fa0_0000, 0xff81_2345,  // inf, NaNs (quiet, signalling)
        0x0000_0001, 0x8000_0001, 0x007f_ffff, 0x0080_0000, 0x7f7f_ffff, 0xff7f_ffff,  // subnormals, min normal, max
        0x4f00_0000, 0xcf00_0000, 0x4f80_0000, 0x5f00_0000, 0xdf00_0000, 0x5f80_0000,  // 2^31, -2^31, 2^32, 2^63, -2^63, 2^64
        0x4eff_ffff, 0x3effffff, 0xbf00_0000, 0x3f7f_ffff,
    ]

    static let floats64: [UInt64] = [
        0, 0x8000_0000_0000_0000, 0x3ff0_0000_0000_0000, 0xbff0_0000_0000_0000, 0x3fe0_0000_0000_0000,
        0x3ff8_0000_0000_0000, 0x4004_0000_0000_0000, 0xbff8_0000_0000_0000, 0xbfe0_0000_0000_0000,
        0x7ff0_0000_0000_0000, 0xfff0_0000_0000_0000, 0x7ff8_0000_0000_0000, 0xfff8_0000_0000_0000,
        0x7ff0_0000_0000_0001, 0x7ff4_0000_0000_0000, 0xfff1_2345_6789_abcd,
        0x0000_0000_0000_0001, 0x8000_0000_0000_0001, 0x000f_ffff_ffff_ffff, 0x0010_0000_0000_0000,
        0x7fef_ffff_ffff_ffff, 0xffef_ffff_ffff_ffff,
        0x41e0_0000_0000_0000, 0xc1e0_0000_0000_0000, 0x41df_ffff_ffc0_0000, 0x41df_ffff_ffe0_0000,  // 2^31, -2^31, 2^31-1, 2^31-0.5
        0x41f0_0000_0000_0000, 0x41ef_ffff_ffe0_0000, 0xc1e0_0000_0020_0000,  // 2^32, 2^32-1, -2^31-1
        0x43e0_0000_0000_0000, 0xc3e0_0000_0000_0000, 0x43f0_0000_0000_0000, 0x43df_ffff_ffff_ffff,  // 2^63, -2^63, 2^64
        0x3810_0000_0000_0000, 0x3690_0000_0000_0000, 0x47f0_0000_0000_0000,  // f32 min normal, below f32 subnormals, above f32 max
        0x3fdf_ffff_ffff_ffff, 0x4330_0000_0000_0001,
    ]
}
