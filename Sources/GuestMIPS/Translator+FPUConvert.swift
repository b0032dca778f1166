// FPU conversions (MIPS32 Vol. II-A: CVT.S.fmt, CVT.D.fmt, CVT.W.fmt, CVT.L.fmt, and
// ROUND/TRUNC/CEIL/FLOOR to W and L). A conversion to an integer that is invalid (a NaN, or out
// of the format's range) raises invalid (and not inexact) and gives, under the legacy NaN
// encoding, the largest positive integer (qemu-mips's FP_TO_INT32_OVERFLOW, what the R2 cores
// give when the invalid trap is disabled); under NaN2008 it saturates and a NaN gives 0, which
// is the IR's `ftoi`.

import IR

extension Translator {
    /// CVT.D.S and CVT.S.D: SSE's conversion, and MIPSHelpers.convertNaN for a NaN.
    mutating func convertPrecision(fd: UInt32, fs: UInt32, from: FPFormat, to: FPFormat) {
        let x = readFPR(fs, from)
        let converted = b.fconvert(x, to: to.type)
        let out = b.newValue(to.type)
        b.assign(out, converted)
        let done = b.newLabel()
        b.brcond(.eq, b.fsetcond(.uno, converted, converted), b.const32(0), done, hint: .coldFallThrough)
        let rules = NaNRules(double: to == .double, nan2008: nan2008)
        b.assign(out, b.call(MIPSHelpers.convertNaN, effects: [.readsState, .writesState], result: to.type, x, b.const64(0),
                             b.const64(rules.packed)))
        b.label(done)
        writeFPR(fd, to, out)
    }

    /// CVT.S.W, CVT.D.W, CVT.S.L, CVT.D.L: rounded in the guest's mode.
    mutating func convertFromInteger(fd: UInt32, fs: UInt32, from: FPFormat, to: FPFormat) {
        writeFPR(fd, to, b.itof(readFPR(fs, from), to: to.type, signed: true))
    }

    /// CVT.W/L.fmt (`rounding` nil: the guest's mode) and ROUND, TRUNC, CEIL, FLOOR.
    mutating func convertToInteger(fd: UInt32, fs: UInt32, from: FPFormat, to: FPFormat, rounding: RoundingMode?) {
        let x = readFPR(fs, from)
        if nan2008 {
            writeFPR(fd, to, b.ftoi(x, to: to.type, signed: true, rounding: rounding))
            return
        }
        if to == .long {
            // In range exactly when -2^63 <= x < 2^63 (false for a NaN; near the limits every
            // double is an integer); ftoi flagged the rest.
            let wide = b.ftoi(x, to: .i64, signed: true, rounding: rounding)
            let limit = floatConstant(0x1p63, from)
            let inRange = b.and(b.fsetcond(.oge, x, b.unary(.fneg, limit)), b.fsetcond(.olt, x, limit))
            writeFPR(fd, .long, b.select(inRange, wide, b.const64(0x7fff_ffff_ffff_ffff)))
            let done = b.newLabel()
            b.brcond(.ne, inRange, b.const32(0), done)
            b.call(MIPSHelpers.conversionInvalid, effects: [.readsState, .writesState], result: nil)
            b.label(done)
            return
        }
        // ftoi gives the flags (invalid, or inexact for a valid rounding) and saturates; a NaN
        // or a saturated result that was really out of range becomes 0x7fffffff.
        let out = b.newValue(.i32)
        b.assign(out, b.ftoi(x, to: .i32, signed: true, rounding: rounding))
        let valid = b.newLabel(), invalid = b.newLabel(), check = b.newLabel()
        b.brcond(.ne, b.fsetcond(.uno, x, x), b.const32(0), invalid)
        b.brcond(.eq, out, b.const32(0x7fff_ffff), check)
        b.brcond(.ne, out, b.const32(0x8000_0000), valid)
        b.label(check)
        let mode = UInt64(rounding.map { $0.rawValue } ?? 4)
        let outside = b.call(MIPSHelpers.wordOutOfRange, effects: .readsState, result: .i32,
                             from == .double ? x : b.fconvert(x, to: .f64), b.const64(mode))
        b.brcond(.eq, outside, b.const32(0), valid)
        b.label(invalid)
        // The invalid ftoi raised is the guest's (legacy NaNs: MIPSHelpers.settleInvalid).
        b.call(MIPSHelpers.conversionInvalid, effects: [.readsState, .writesState], result: nil)
        b.assign(out, constant: 0x7fff_ffff)
        b.label(valid)
        writeFPR(fd, .word, out)
    }
}
