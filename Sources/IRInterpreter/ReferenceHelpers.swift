// The interpreter's semantics of a few float ops, as helpers a code generator calls instead of
// open-coding them: then both backends agree by construction on saturating conversions and
// their exception flags.

import IR

public enum ReferenceHelpers {
    /// ftoi: a = the float's bits, b = the op's aux, c = result bits | source IRType << 8.
    public static let floatToInteger: HelperFunction = { _, a, b, c in
        let source = IRType(rawValue: UInt8(truncatingIfNeeded: c >> 8)) ?? .f64
        let aux = UInt8(truncatingIfNeeded: b)
        let mode = aux & 8 != 0 ? FloatOps.currentRounding() : RoundingMode(rawValue: (aux >> 1) & 3) ?? .towardZero
        return FloatOps.toInteger(bits: source == .f32 ? a & 0xffff_ffff : a, single: source == .f32,
                                  signed: aux & 1 != 0, width: Int(c & 0xff), mode)
    }

    /// itof from an unsigned i64: a = the integer, b = 1 for an f32 result.
    public static let unsigned64ToFloat: HelperFunction = { _, a, b, _ in
        FloatOps.unsignedToFloat(a, single: b != 0)
    }
}
