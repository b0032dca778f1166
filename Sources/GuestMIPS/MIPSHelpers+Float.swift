// NaN results and the exception flags SSE cannot give a MIPS FPU. Arithmetic runs on SSE; when
// a result is a NaN, these helpers make it the one the MIPS FPU gives (qemu-mips's rules):
// the first signalling NaN operand, else the first quiet one, else the default NaN; a
// signalling NaN raises invalid and is silenced (set quiet under NaN2008; replaced by the
// default NaN under the legacy encoding, whose quiet NaNs have the quiet bit clear).
//
// Legacy encoding: qNaN 0x7fbfffff-style (quiet bit clear), default NaN 0x7fbfffff and
// 0x7ff7ffffffffffff. NaN2008: the IEEE encoding, default NaN 0x7fc00000 and
// 0x7ff8000000000000 (positive, unlike x86's).
//
// Approximation: under the legacy encoding SSE takes a legacy quiet NaN for a signalling one,
// so an operation on one raises invalid where the MIPS FPU would not (a flag can be added
// afterwards, never taken back).

import CHost
import IR

/// One float format's NaN facts, on bit patterns widened to UInt64.
struct NaNRules {
    let double: Bool
    let nan2008: Bool

    /// The packed argument the translator passes: bit 0 double, bit 1 NaN2008.
    init(packed: UInt64) {
        double = packed & 1 != 0
        nan2008 = packed & 2 != 0
    }
    init(double: Bool, nan2008: Bool) {
        self.double = double
        self.nan2008 = nan2008
    }
    var packed: UInt64 { (double ? 1 : 0) | (nan2008 ? 2 : 0) }

    var exponentMask: UInt64 { double ? 0x7ff0_0000_0000_0000 : 0x7f80_0000 }
    var fractionMask: UInt64 { double ? 0x000f_ffff_ffff_ffff : 0x007f_ffff }
    var quietBit: UInt64 { double ? 1 << 51 : 1 << 22 }
    var signBit: UInt64 { double ? 1 << 63 : 1 << 31 }

    func isNaN(_ x: UInt64) -> Bool { x & exponentMask == exponentMask && x & fractionMask != 0 }
    func isSignalling(_ x: UInt64) -> Bool { isNaN(x) && (x & quietBit != 0) != nan2008 }
    func isQuiet(_ x: UInt64) -> Bool { isNaN(x) && !isSignalling(x) }

    var defaultNaN: UInt64 {
        switch (double, nan2008) {
        case (false, false): 0x7fbf_ffff
        case (true, false): 0x7ff7_ffff_ffff_ffff
        case (false, true): 0x7fc0_0000
        case (true, true): 0x7ff8_0000_0000_0000
        }
    }

    /// A signalling NaN made quiet.
    func silenced(_ x: UInt64) -> UInt64 { nan2008 ? x | quietBit : defaultNaN }

    /// The NaN an operation on `operands` gives, and whether it raises invalid.
    func result(_ operands: [UInt64]) -> (UInt64, invalid: Bool) {
        if let s = operands.first(where: isSignalling) { return (silenced(s), true) }
        if let q = operands.first(where: isQuiet) { return (q, false) }
        return (defaultNaN, true)
    }
}

extension MIPSHelpers {
    /// Raises invalid in the host's flags (the guest's, while it runs).
    static func raiseInvalid() {
        chost_set_mxcsr(chost_get_mxcsr() | 1)
    }

    /// The NaN result of a one- or two-operand operation whose SSE result was a NaN: a, b =
    /// the operands' bits (b: c bit 2 says it is an operand), c = NaNRules.packed | 4 when two.
    static let nanResult: HelperFunction = { _, a, b, c in
        let rules = NaNRules(packed: c)
        let (nan, invalid) = rules.result(c & 4 != 0 ? [a, b] : [a])
        if invalid { raiseInvalid() }
        return nan
    }

    /// CVT.S.D (c bit 0 clear: to single) or CVT.D.S of a NaN a: silenced as the source format
    /// says, then its payload moved to the other format (the top fraction bits kept); a payload
    /// that would vanish gives the default NaN.
    static let convertNaN: HelperFunction = { _, a, _, c in
        let toDouble = c & 1 != 0
        let source = NaNRules(double: !toDouble, nan2008: c & 2 != 0)
        let target = NaNRules(double: toDouble, nan2008: c & 2 != 0)
        var x = a
        if source.isSignalling(x) {
            raiseInvalid()
            if !source.nan2008 { return target.defaultNaN }
            x = source.silenced(x)
        }
        let sign = x & source.signBit != 0
        let fraction = toDouble ? (x & source.fractionMask) << 29 : (x & source.fractionMask) >> 29
        guard fraction != 0 else { return target.defaultNaN }
        return (sign ? target.signBit : 0) | target.exponentMask | fraction
    }

    /// The flags of a C.cond.fmt whose operands are unordered: invalid when the condition
    /// signals (cond bit 3) or an operand is a signalling NaN. c = NaNRules.packed | 4 when it
    /// signals.
    static let unorderedCompare: HelperFunction = { _, a, b, c in
        let rules = NaNRules(packed: c)
        if c & 4 != 0 || rules.isSignalling(a) || rules.isSignalling(b) { raiseInvalid() }
        return 0
    }

    /// A conversion to an integer was invalid (a NaN or out of range) in a way the IR's
    /// conversion did not flag.
    static let invalidConversion: HelperFunction = { _, _, _, _ in
        raiseInvalid()
        return 0
    }
}
