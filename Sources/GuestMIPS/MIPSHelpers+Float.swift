// NaN results and the exception flags SSE cannot give a MIPS FPU. Arithmetic runs on SSE; when
// a result is a NaN, these helpers make it the one qemu-mips gives:
// - NaN2008 (IEEE encoding, default NaN 0x7fc00000 / 0x7ff8000000000000, positive unlike
//   x86's): the first signalling NaN operand made quiet, else the first quiet one, else the
//   default NaN.
// - Legacy encoding (quiet NaNs have the quiet bit clear; default NaN 0x7fbfffff /
//   0x7ff7ffffffffffff): always the default NaN, whatever the operands (qemu runs legacy
//   MIPS in default-NaN mode; checked by QEMUOracleTests).
// Invalid is raised for a signalling NaN operand or an invalid operation.
//
// Under the legacy encoding SSE takes a legacy quiet NaN for a signalling one (their quiet bits
// are opposite), so an operation on one raises invalid where the MIPS FPU does not. Such an
// operation always ends on a NaN path (its result is a NaN, or its compare unordered), which
// marks in the state that MXCSR.IE is no longer the guest's and whether this operation raised
// a guest invalid (MIPSHelpers.hostInvalidUntrusted, invalidRaised); the fold reads the
// guest's flag from them. The arithmetic and compare NaN paths do it in IR
// (Translator+FPU.swift), the conversions here. Fast paths pay nothing.

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
        let signalling = operands.first(where: isSignalling)
        if !nan2008 { return (defaultNaN, signalling != nil || !operands.contains(where: isNaN)) }
        if let s = signalling { return (silenced(s), true) }
        if let q = operands.first(where: isQuiet) { return (q, false) }
        return (defaultNaN, true)
    }
}

extension MIPSHelpers {
    /// Raises invalid in the host's flags (the guest's, while it runs).
    static func raiseInvalid() {
        chost_set_mxcsr(chost_get_mxcsr() | 1)
    }

    /// After an operation that ended on a NaN path: raises invalid when it is invalid by the
    /// MIPS rules. Under legacy NaNs the host's flag is not the guest's: marks that, and this
    /// operation's invalid, in the state (MIPSHelpers.invalidMarks) for the fold.
    static func settleInvalid(_ state: UnsafeMutableRawPointer, _ rules: NaNRules, invalid: Bool) {
        if rules.nan2008 {
            if invalid { raiseInvalid() }
            return
        }
        let fcsr = state.load(fromByteOffset: MIPSState.fcsr, as: UInt32.self)
        let marked = fcsr | hostInvalidUntrusted | (invalid ? invalidRaised : 0)
        if marked != fcsr { state.storeBytes(of: marked, toByteOffset: MIPSState.fcsr, as: UInt32.self) }
    }

    /// A legacy-NaN conversion to an integer that is invalid (a NaN, or out of range): ftoi
    /// raised invalid in the host's flags; mark it as the guest's (settleInvalid).
    static let conversionInvalid: HelperFunction = { state, _, _, _ in
        settleInvalid(state, NaNRules(double: true, nan2008: false), invalid: true)
        return 0
    }

    /// The NaN result of a one- or two-operand operation whose SSE result was a NaN: a, b =
    /// the operands' bits (b: c bit 2 says it is an operand), c = NaNRules.packed | 4 when two.
    static let nanResult: HelperFunction = { state, a, b, c in
        let rules = NaNRules(packed: c)
        let (nan, invalid) = rules.result(c & 4 != 0 ? [a, b] : [a])
        settleInvalid(state, rules, invalid: invalid)
        return nan
    }

    /// CVT.S.D (c bit 0 clear: to single) or CVT.D.S of a NaN a. Legacy: the default NaN.
    /// NaN2008: silenced, then its payload moved to the other format (the top fraction bits
    /// kept); a payload that would vanish gives the default NaN.
    static let convertNaN: HelperFunction = { state, a, _, c in
        let toDouble = c & 1 != 0
        let source = NaNRules(double: !toDouble, nan2008: c & 2 != 0)
        let target = NaNRules(double: toDouble, nan2008: c & 2 != 0)
        var x = a
        let signalling = source.isSignalling(x)
        settleInvalid(state, source, invalid: signalling)
        if signalling { x = source.silenced(x) }
        if !source.nan2008 { return target.defaultNaN }
        let sign = x & source.signBit != 0
        let fraction = toDouble ? (x & source.fractionMask) << 29 : (x & source.fractionMask) >> 29
        guard fraction != 0 else { return target.defaultNaN }
        return (sign ? target.signBit : 0) | target.exponentMask | fraction
    }

    /// The flags of a C.cond.fmt whose operands are unordered: invalid when the condition
    /// signals (cond bit 3) or an operand is a signalling NaN. c = NaNRules.packed | 4 when it
    /// signals.
    static let unorderedCompare: HelperFunction = { state, a, b, c in
        let rules = NaNRules(packed: c)
        settleInvalid(state, rules, invalid: c & 4 != 0 || rules.isSignalling(a) || rules.isSignalling(b))
        return 0
    }

    /// Whether the double a, rounded to an integer by mode b (a RoundingMode raw value, or 4:
    /// the host's current mode, which is the guest's), lies outside the 32-bit signed range.
    /// Compares only (no flags): the conversion itself already raised them.
    static let wordOutOfRange: HelperFunction = { _, a, b, _ in
        let x = Double(bitPattern: a)
        var mode = RoundingMode(rawValue: UInt8(truncatingIfNeeded: b))
        if b == 4 {
            // MXCSR RC: 0 nearest, 1 down, 2 up, 3 toward zero.
            mode = [.nearestEven, .towardMinusInfinity, .towardPlusInfinity, .towardZero][Int(chost_get_mxcsr() >> 13 & 3)]
        }
        let low = -0x1p31, high = 0x1p31
        let valid: Bool = switch mode ?? .towardZero {
        case .nearestEven: x >= low - 0.5 && x < high - 0.5
        case .towardZero: x > low - 1 && x < high
        case .towardPlusInfinity: x > low - 1 && x <= high - 1
        case .towardMinusInfinity: x >= low && x < high
        }
        return valid ? 0 : 1
    }
}
