// VFP arithmetic under FPSCR.FZ, as helpers. The host's DAZ/FTZ flush as ARM does in most
// cases but not in three: a flushed denormal input raises nothing on x86 (ARM: Input
// Denormal, IDC); a flushed result raises Underflow and Inexact on x86 (ARM: Underflow
// alone); and x86 decides a result is tiny after rounding, ARM before (FPRound, A2.7.8), so a
// product or quotient just below the smallest normal that rounds up to it is that normal on
// x86 and a zero on ARM. Blocks translated under FZ (a block-key flag, like DN) call these
// instead of using SSE directly: flush-to-zero code pays, ordinary code does not.
//
// Most operations take a fast path: with ordinary operands (normal, not zero, infinite or
// NaN) the host's operation under the guest's MXCSR is ARM's, flags included, unless the
// result is at or below the smallest normal. Everything else takes the slow path: every
// exception masked, DAZ and FTZ off and the guest's rounding mode (two MXCSR writes, which
// cost more than the rest), that one operation's flags read, flushing decided here.

import CHost
import IR

extension ARMHelpers {
    /// Operations of `flushedOperation`.
    enum FlushedOperation: UInt32 { case add, sub, mul, div, sqrt, toSingle, toDouble }

    /// One operation under FZ, the slow path of a block translated under FZ
    /// (Translator.underFlushToZero): a and b the operands' bits (b unused by sqrt and the
    /// conversions), c the FlushedOperation | source double precision << 4 | FPSCR.DN << 5.
    /// The result's bits; the operation's exception flags go into the host's MXCSR, where
    /// the inline operations put theirs (readFPSCR folds them into FPSCR), IDC as MXCSR.DE.
    /// Nothing in the guest state is read or written, so the block keeps its values in
    /// registers around the call (HelperEffects.rare).
    static let flushedValue: HelperFunction = { _, a, b, c in
        let op = FlushedOperation(rawValue: UInt32(c & 0xf)) ?? .add
        let double = c & 1 << 4 != 0
        let mask: UInt64 = double ? ~0 : 0xffff_ffff
        return flushedOperation(op, a & mask, b & mask, double: double, defaultNaN: c & 1 << 5 != 0)
    }

    static func flushedOperation(_ op: FlushedOperation, _ a: UInt64, _ b: UInt64, double: Bool, defaultNaN dn: Bool) -> UInt64 {
        if op.rawValue <= FlushedOperation.sqrt.rawValue, let r = FlushToZero.fast(op, a, b, double: double) { return r }
        if op == .toSingle, let r = FlushToZero.fastToSingle(a) { return r }
        if op == .toDouble, FloatBits.single.isOrdinary(a) { return Double(Float(bitPattern: UInt32(truncatingIfNeeded: a))).bitPattern }
        // Every exception masked, DAZ and FTZ off, the guest's rounding (MXCSR's while guest
        // code runs).
        let saved = chost_get_mxcsr()
        chost_set_mxcsr(0x1f80 | saved & 0x6000)
        var flags: UInt32 = 0
        let r: UInt64
        switch op {
        case .toSingle: r = FlushToZero.doubleToSingle(a, dn: dn, flags: &flags)
        case .toDouble: r = FlushToZero.singleToDouble(a, dn: dn, flags: &flags)
        default: r = FlushToZero.arithmetic(op, a, b, double ? .double : .single, dn: dn, flags: &flags)
        }
        chost_set_mxcsr(saved | mxcsrFlags(flags))
        return r
    }

    /// FPSCR cumulative flags as MXCSR exception flags, Input Denormal as DE. (Under FZ the
    /// host runs with DAZ, which never raises DE itself: a DE flag under DAZ is IDC.)
    static func mxcsrFlags(_ flags: UInt32) -> UInt32 {
        var m: UInt32 = 0
        if flags & FPException.invalid != 0 { m |= 0x01 }
        if flags & FPException.inputDenormal != 0 { m |= 0x02 }
        if flags & FPException.divideByZero != 0 { m |= 0x04 }
        if flags & FPException.overflow != 0 { m |= 0x08 }
        if flags & FPException.underflow != 0 { m |= 0x10 }
        if flags & FPException.inexact != 0 { m |= 0x20 }
        return m
    }

    /// Input Denormal for the operands of an instruction whose arithmetic the host's DAZ gets
    /// right (comparisons, conversions to integer): a and b the operands' bits, c bit 0 double
    /// precision, bit 1 b is an operand too. IDC goes into MXCSR as DE, as flushedValue's.
    static let flushedInputs: HelperFunction = { _, a, b, c in
        let f: FloatBits = c & 1 != 0 ? .double : .single
        let mask: UInt64 = c & 1 != 0 ? ~0 : 0xffff_ffff
        if f.isDenormal(a & mask) || (c & 2 != 0 && f.isDenormal(b & mask)) {
            chost_set_mxcsr(chost_get_mxcsr() | mxcsrFlags(FPException.inputDenormal))
        }
        return 0
    }
}

extension FloatBits {
    func isDenormal(_ x: UInt64) -> Bool { magnitude(x) != 0 && magnitude(x) < minNormal }
    /// Normal: not zero, denormal, infinite or NaN.
    func isOrdinary(_ x: UInt64) -> Bool { x & exponent != 0 && x & exponent != exponent }
    /// FPUnpack under FZ: a denormal is a zero of its sign, raising Input Denormal.
    func flushed(_ x: UInt64, flags: inout UInt32) -> UInt64 {
        guard isDenormal(x) else { return x }
        flags |= FPException.inputDenormal
        return x & sign
    }
}

enum FlushToZero {
    /// The fast path: nil unless the operands are ordinary (and a square root's positive) and
    /// their exponents rule a tiny result out, when the host's result and flags are ARM's. (A
    /// sum of multiples of 2^(emin + 1) is 0 or not tiny; so is a product or quotient whose
    /// exponents say it is at least 2^(emin + 1).) Nothing here reads or writes MXCSR, which
    /// costs more than the arithmetic.
    static func fast(_ op: ARMHelpers.FlushedOperation, _ a: UInt64, _ b: UInt64, double: Bool) -> UInt64? {
        let f: FloatBits = double ? .double : .single
        let fraction: UInt64 = double ? 52 : 23, bias: UInt64 = double ? 1023 : 127
        guard f.isOrdinary(a), op == .sqrt ? a & f.sign == 0 : f.isOrdinary(b) else { return nil }
        let ea = (a & f.exponent) >> fraction, eb = (b & f.exponent) >> fraction
        switch op {
        case .add, .sub: guard ea >= fraction + 2 && eb >= fraction + 2 else { return nil }
        case .mul: guard ea + eb >= bias + 2 else { return nil }
        case .div: guard ea + bias >= eb + 3 else { return nil }
        default: break
        }
        if double {
            let p = Double(bitPattern: a), q = Double(bitPattern: b)
            switch op {
            case .add: return (p + q).bitPattern
            case .sub: return (p - q).bitPattern
            case .mul: return (p * q).bitPattern
            case .div: return (p / q).bitPattern
            default: return p.squareRoot().bitPattern
            }
        }
        let p = Float(bitPattern: UInt32(truncatingIfNeeded: a)), q = Float(bitPattern: UInt32(truncatingIfNeeded: b))
        switch op {
        case .add: return UInt64((p + q).bitPattern)
        case .sub: return UInt64((p - q).bitPattern)
        case .mul: return UInt64((p * q).bitPattern)
        case .div: return UInt64((p / q).bitPattern)
        default: return UInt64(p.squareRoot().bitPattern)
        }
    }

    /// Double to single, fast: an ordinary double not below single's smallest normal converts
    /// on the host as on ARM (FTZ cannot act on a result that is not tiny).
    static func fastToSingle(_ a: UInt64) -> UInt64? {
        guard FloatBits.double.isOrdinary(a) else { return nil }
        let v = Double(bitPattern: a)
        guard v.magnitude >= Double(Float.leastNormalMagnitude) else { return nil }
        return UInt64(Float(v).bitPattern)
    }

    /// The host's exception flags of the last operation as FPSCR bits (Underflow left out:
    /// the caller decides it).
    static func hostFlags() -> UInt32 { ARMHelpers.cumulativeFlags(chost_get_mxcsr()) & ~FPException.underflow }

    static func arithmetic(_ op: ARMHelpers.FlushedOperation, _ a: UInt64, _ b: UInt64, _ f: FloatBits, dn: Bool,
                           flags: inout UInt32) -> UInt64 {
        let unary = op == .sqrt
        let x = f.flushed(a, flags: &flags), y = unary ? 0 : f.flushed(b, flags: &flags)
        // FPProcessNaNs: the first signalling NaN quieted, else the first quiet NaN.
        var nan: UInt64? = nil
        if f.isSignalling(x) || (!unary && f.isSignalling(y)) {
            nan = (f.isSignalling(x) ? x : y) | f.quiet
            flags |= FPException.invalid
        } else if f.isNaN(x) || (!unary && f.isNaN(y)) {
            nan = f.isNaN(x) ? x : y
        }
        if let nan { return dn ? f.defaultNaN : nan }
        let double = f.sign == FloatBits.double.sign
        var r: UInt64
        var tinyBeforeRounding = false
        if double {
            let p = Double(bitPattern: x), q = Double(bitPattern: y)
            let v: Double
            switch op {
            case .add: v = p + q
            case .sub: v = p - q
            case .mul: v = p * q
            case .div: v = p / q
            default: v = p.squareRoot()
            }
            r = v.bitPattern
            flags |= hostFlags()
            // A result rounded up to the smallest normal: was the exact one below it?
            if flags & FPException.inexact != 0 && v.magnitude == Double.leastNormalMagnitude {
                if op == .mul { tinyBeforeRounding = (-v).addingProduct(p, q).sign != v.sign }
                if op == .div { tinyBeforeRounding = (p.addingProduct(-v, q).sign != q.sign) != (v.sign == .minus) }
            }
        } else {
            let p = Float(bitPattern: UInt32(truncatingIfNeeded: x)), q = Float(bitPattern: UInt32(truncatingIfNeeded: y))
            let v: Float
            switch op {
            case .add: v = p + q
            case .sub: v = p - q
            case .mul: v = p * q
            case .div: v = p / q
            default: v = p.squareRoot()
            }
            r = UInt64(v.bitPattern)
            flags |= hostFlags()
            if flags & FPException.inexact != 0 && v.magnitude == Float.leastNormalMagnitude {
                // Exact in double: the product, and the quotient's comparison with 2^-126.
                let minimum = Double(Float.leastNormalMagnitude)
                if op == .mul { tinyBeforeRounding = (Double(p) * Double(q)).magnitude < minimum }
                if op == .div { tinyBeforeRounding = Double(p).magnitude < minimum * Double(q).magnitude }
            }
        }
        if f.isNaN(r) { return f.defaultNaN }  // an invalid operation: FPDefaultNaN
        // FPRound under FZ: a result tiny before rounding is a zero of its sign, raising
        // Underflow alone. (Zero and inexact: it underflowed from a tiny non-zero value.)
        let tiny = f.isDenormal(r) || (f.magnitude(r) == 0 && flags & FPException.inexact != 0) || tinyBeforeRounding
        if tiny {
            flags = flags & ~FPException.inexact | FPException.underflow
            r &= f.sign
        }
        return r
    }

    /// FPDoubleToSingle under FZ.
    static func doubleToSingle(_ a: UInt64, dn: Bool, flags: inout UInt32) -> UInt64 {
        let f = FloatBits.double
        let x = f.flushed(a, flags: &flags)
        let sign = UInt64(x >> 63) << 31
        if f.isNaN(x) {
            if f.isSignalling(x) { flags |= FPException.invalid }
            return dn ? FloatBits.single.defaultNaN : sign | 0x7fc0_0000 | (x >> 29 & 0x3f_ffff)
        }
        let v = Double(bitPattern: x)
        if v.magnitude < Double(Float.leastNormalMagnitude) {
            if v != 0 { flags |= FPException.underflow }
            return sign
        }
        let r = Float(v)
        flags |= hostFlags()
        return UInt64(r.bitPattern)
    }

    /// FPSingleToDouble under FZ: exact but for NaNs.
    static func singleToDouble(_ a: UInt64, dn: Bool, flags: inout UInt32) -> UInt64 {
        let f = FloatBits.single
        let x = f.flushed(a & 0xffff_ffff, flags: &flags)
        if f.isNaN(x) {
            if f.isSignalling(x) { flags |= FPException.invalid }
            return dn ? FloatBits.double.defaultNaN : (x >> 31) << 63 | 0x7ff8_0000_0000_0000 | (x & 0x3f_ffff) << 29
        }
        return Double(Float(bitPattern: UInt32(truncatingIfNeeded: x))).bitPattern
    }

    /// VFMA and its kin under FZ (ARMHelpers.fusedMultiplyAdd's operands): inputs flushed with
    /// Input Denormal, a tiny result flushed with Underflow alone. (A result rounded up to the
    /// smallest normal from below stays that normal: the fused residual is not computed.)
    static func fusedMultiplyAdd(_ state: UnsafeMutableRawPointer, d: Int, n: Int, m: Int, negateProduct: Bool,
                                 negateAddend: Bool, double: Bool, fpscr: UInt32) {
        let f: FloatBits = double ? .double : .single
        var flags: UInt32 = 0
        let load = { (r: Int) in
            double ? state.load(fromByteOffset: ARMState.d(r), as: UInt64.self)
                : UInt64(state.load(fromByteOffset: ARMState.s(r), as: UInt32.self))
        }
        let op1 = f.flushed(load(n) ^ (negateProduct ? f.sign : 0), flags: &flags)
        let op2 = f.flushed(load(m), flags: &flags)
        let addend = f.flushed(load(d) ^ (negateAddend ? f.sign : 0), flags: &flags)
        let store = { (r: UInt64) in
            if double {
                state.storeBytes(of: r, toByteOffset: ARMState.d(d), as: UInt64.self)
            } else {
                state.storeBytes(of: UInt32(truncatingIfNeeded: r), toByteOffset: ARMState.s(d), as: UInt32.self)
            }
        }
        // The fast path, as for the other operations: ordinary operands whose exponents make the
        // exact result a multiple of 2^(emin + 1), so zero or not tiny.
        let fraction: UInt64 = double ? 52 : 23, bias: UInt64 = double ? 1023 : 127
        let e = { (x: UInt64) in (x & f.exponent) >> fraction }
        if f.isOrdinary(op1) && f.isOrdinary(op2) && f.isOrdinary(addend) && e(addend) >= fraction + 2
            && e(op1) + e(op2) >= bias + 2 * fraction + 2 {
            return store(fma(addend, op1, op2, double: double))
        }
        let saved = chost_get_mxcsr()
        chost_set_mxcsr(0x1f80 | ARMHelpers.mxcsrRounding(fpscr) << 13)
        var r: UInt64
        if let special = f.special(addend, op1, op2, defaultNaN: fpscr & (1 << 25) != 0) {
            r = special
            flags |= hostFlags()
        } else {
            r = fma(addend, op1, op2, double: double)
            flags |= hostFlags()
            if f.isDenormal(r) || (f.magnitude(r) == 0 && flags & FPException.inexact != 0) {
                flags = flags & ~FPException.inexact | FPException.underflow
                r &= f.sign
            }
        }
        chost_set_mxcsr(saved)
        store(r)
        let now = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        state.storeBytes(of: now | flags, toByteOffset: ARMState.fpscr, as: UInt32.self)
    }

    /// addend + op1 * op2 with one rounding, on the bits.
    static func fma(_ addend: UInt64, _ op1: UInt64, _ op2: UInt64, double: Bool) -> UInt64 {
        if double {
            return Double(bitPattern: addend).addingProduct(Double(bitPattern: op1), Double(bitPattern: op2)).bitPattern
        }
        return UInt64(Float(bitPattern: UInt32(truncatingIfNeeded: addend))
            .addingProduct(Float(bitPattern: UInt32(truncatingIfNeeded: op1)), Float(bitPattern: UInt32(truncatingIfNeeded: op2))).bitPattern)
    }
}
