// Half precision for VCVT.F16.F32 / VCVT.F32.F16 (Advanced SIMD) under the standard FPSCR
// value: FPSingleToHalf and FPHalfToSingle of ARM ARM A2.7, in IEEE or alternative (AHP)
// format. Flush-to-zero applies to single inputs only; half values are never flushed.

enum NEONHalf {
    /// FPHalfToSingle: every half is exact in single.
    static func toSingle(_ h: UInt16, alternative: Bool, _ flags: inout NEONFloatFlags) -> UInt32 {
        let sign = UInt32(h >> 15) << 31
        let exponent = Int(h >> 10 & 0x1f), fraction = UInt32(h & 0x3ff)
        if exponent == 31 && !alternative {
            if fraction == 0 { return sign | 0x7f80_0000 }
            if fraction & 0x200 == 0 { flags.raise(NEONFloatFlags.invalid) }
            return NEONFloat.defaultNaN
        }
        if exponent == 0 {
            if fraction == 0 { return sign }
            // A half denormal: fraction * 2^-24, normal in single.
            let f = Float(fraction) * 0x1p-24
            return sign | f.bitPattern
        }
        return sign | UInt32(exponent - 15 + 127) << 23 | fraction << 13
    }

    /// FPSingleToHalf with FPRound to (5-bit exponent, 10-bit fraction), round to nearest.
    static func fromSingle(_ a: UInt32, alternative: Bool, _ flags: inout NEONFloatFlags) -> UInt16 {
        let x = NEONFloat.unpack(a, &flags)
        let sign = UInt16(a >> 31) << 15
        if NEONFloat.isNaN(a) {
            if alternative {
                flags.raise(NEONFloatFlags.invalid)
                return 0
            }
            if NEONFloat.isSignalingNaN(a) { flags.raise(NEONFloatFlags.invalid) }
            return 0x7e00
        }
        if x.isInfinite {
            if alternative {
                flags.raise(NEONFloatFlags.invalid)
                return sign | 0x7fff
            }
            return sign | 0x7c00
        }
        if x == 0 { return sign }
        // 24-bit significand and unbiased exponent of the (normal) single.
        let significand = a & 0x7f_ffff | 0x80_0000
        let unbiased = Int(a >> 23 & 0xff) - 127
        var biased = unbiased + 15
        // Bits to drop: 13 for a normal half, more below the normal range.
        let drop = biased >= 1 ? 13 : 13 + 1 - biased
        if biased < 1 { biased = 0 }
        var kept: UInt32, inexact: Bool
        if drop > 25 {
            (kept, inexact) = (0, true)
        } else {
            kept = significand >> UInt32(drop)
            let rest = significand & ((1 << UInt32(drop)) - 1), half: UInt32 = 1 << UInt32(drop - 1)
            inexact = rest != 0
            if rest > half || (rest == half && kept & 1 != 0) { kept += 1 }
        }
        // Tiny before rounding (below 2^-14) and inexact: underflow.
        if unbiased < -14 && inexact { flags.raise(NEONFloatFlags.underflow) }
        if biased == 0 {
            // A denormal that rounded up to 0x400 is the smallest normal: the same bits.
            if inexact { flags.raise(NEONFloatFlags.inexact) }
            return sign | UInt16(kept)
        }
        if kept == 0x800 { (kept, biased) = (0x400, biased + 1) }
        let limit = alternative ? 32 : 31
        if biased >= limit {
            if alternative {
                flags.raise(NEONFloatFlags.invalid)
                return sign | 0x7fff
            }
            flags.raise(NEONFloatFlags.overflow | NEONFloatFlags.inexact)
            return sign | 0x7c00
        }
        if inexact { flags.raise(NEONFloatFlags.inexact) }
        return sign | UInt16(biased) << 10 | UInt16(kept & 0x3ff)
    }
}
