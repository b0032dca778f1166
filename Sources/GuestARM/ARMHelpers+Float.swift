// Floating-point helpers: fused multiply-add (the conversions are ARMHelpers+VFPConvert).

import CHost
import IR

extension ARMHelpers {
    /// VFMA/VFMS/VFNMA/VFNMS on the registers packed in a: d | n << 8 | m << 16, bit 24 negate
    /// the product, bit 25 negate the addend, bit 26 double precision. d = +/-d + (+/-n) * m
    /// with a single rounding (FPMulAdd). The NaN and invalid cases are decided on the bits
    /// first, as the pseudocode orders them, so the host's fma only ever sees operands it
    /// cannot raise Invalid Operation on (the invalid trap stays for translated code).
    static let fusedMultiplyAdd: HelperFunction = { state, a, _, _ in
        let d = Int(a & 0xff), n = Int(a >> 8 & 0xff), m = Int(a >> 16 & 0xff)
        let negateProduct = a & (1 << 24) != 0, negateAddend = a & (1 << 25) != 0
        let fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        let dn = fpscr & (1 << 25) != 0
        if fpscr & (1 << 24) != 0 {
            FlushToZero.fusedMultiplyAdd(state, d: d, n: n, m: m, negateProduct: negateProduct, negateAddend: negateAddend,
                                         double: a & (1 << 26) != 0, fpscr: fpscr)
            return 0
        }
        if a & (1 << 26) != 0 {
            let load = { (r: Int) in state.load(fromByteOffset: ARMState.d(r), as: UInt64.self) }
            let sign: UInt64 = 1 << 63
            let op1 = load(n) ^ (negateProduct ? sign : 0), op2 = load(m), addend = load(d) ^ (negateAddend ? sign : 0)
            let r = FloatBits.double.special(addend, op1, op2, defaultNaN: dn)
                ?? tinyChecked(.fmaDouble, op1, op2, addend,
                               Double(bitPattern: addend).addingProduct(Double(bitPattern: op1), Double(bitPattern: op2)).bitPattern)
            state.storeBytes(of: r, toByteOffset: ARMState.d(d), as: UInt64.self)
        } else {
            let load = { (r: Int) in UInt64(state.load(fromByteOffset: ARMState.s(r), as: UInt32.self)) }
            let sign: UInt64 = 1 << 31
            let op1 = load(n) ^ (negateProduct ? sign : 0), op2 = load(m), addend = load(d) ^ (negateAddend ? sign : 0)
            let r = FloatBits.single.special(addend, op1, op2, defaultNaN: dn)
                ?? tinyChecked(.fmaSingle, op1, op2, addend,
                               UInt64(Float(bitPattern: UInt32(addend)).addingProduct(Float(bitPattern: UInt32(op1)),
                                                                                      Float(bitPattern: UInt32(op2))).bitPattern))
            state.storeBytes(of: UInt32(truncatingIfNeeded: r), toByteOffset: ARMState.s(d), as: UInt32.self)
        }
        return 0
    }

    /// `r`, the rounded result of `op`, after raising Underflow when it rounded up to the
    /// smallest normal from below (ARMHelpers+Underflow).
    static func tinyChecked(_ op: TinyOperation, _ a: UInt64, _ b: UInt64, _ c: UInt64, _ r: UInt64) -> UInt64 {
        let f: FloatBits = op == .fmaSingle ? .single : .double
        if r & ~f.sign == f.minNormal { raiseUnderflowIfTiny(op, a, b, c) }
        return r
    }
}

/// One float format's fields, for deciding FPMulAdd's special cases on the bits.
struct FloatBits {
    let sign: UInt64, exponent: UInt64, minNormal: UInt64, quiet: UInt64, defaultNaN: UInt64

    static let single = FloatBits(sign: 1 << 31, exponent: 0x7f80_0000, minNormal: 0x0080_0000, quiet: 0x0040_0000,
                                  defaultNaN: 0x7fc0_0000)
    static let double = FloatBits(sign: 1 << 63, exponent: 0x7ff0_0000_0000_0000, minNormal: 0x0010_0000_0000_0000,
                                  quiet: 0x0008_0000_0000_0000, defaultNaN: 0x7ff8_0000_0000_0000)

    func magnitude(_ x: UInt64) -> UInt64 { x & (sign - 1) }
    func isNaN(_ x: UInt64) -> Bool { magnitude(x) > exponent }
    func isSignalling(_ x: UInt64) -> Bool { isNaN(x) && x & quiet == 0 }
    func isInfinite(_ x: UInt64) -> Bool { magnitude(x) == exponent }
    /// Zero, or (under FPSCR.FZ, as the host's DAZ reads it) a subnormal.
    func isZero(_ x: UInt64) -> Bool {
        magnitude(x) == 0 || (magnitude(x) < minNormal && chost_get_mxcsr() & 0x40 != 0)
    }

    /// FPMulAdd(addend, op1, op2)'s result when it is a NaN (FPProcessNaNs3, then the invalid
    /// cases: infinity times zero, and infinities of opposite signs added), raising Invalid
    /// Operation where the pseudocode does; nil when the fused operation proper gives it.
    func special(_ addend: UInt64, _ op1: UInt64, _ op2: UInt64, defaultNaN dn: Bool) -> UInt64? {
        let invalidProduct = (isInfinite(op1) && isZero(op2)) || (isZero(op1) && isInfinite(op2))
        var result: UInt64? = nil
        var invalid = false
        for x in [addend, op1, op2] where isSignalling(x) {
            result = x | quiet
            invalid = true
            break
        }
        if result == nil, let x = [addend, op1, op2].first(where: isNaN) { result = x }
        if result != nil && isNaN(addend) && !isSignalling(addend) && invalidProduct {
            result = defaultNaN
            invalid = true
        }
        if result == nil {
            let productSign = (op1 ^ op2) & sign
            let infiniteProduct = isInfinite(op1) || isInfinite(op2)
            if invalidProduct || (isInfinite(addend) && infiniteProduct && addend & sign != productSign) {
                result = defaultNaN
                invalid = true
            }
        }
        guard let r = result else { return nil }
        if invalid { chost_set_mxcsr(chost_get_mxcsr() | 1) }
        return dn ? defaultNaN : r
    }
}
