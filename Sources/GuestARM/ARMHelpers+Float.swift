// Floating-point helpers: fused multiply-add and half-precision conversions.

import IR

extension ARMHelpers {
    /// VFMA/VFMS/VFNMA/VFNMS on the registers packed in a: d | n << 8 | m << 16, bit 24 negate
    /// the product, bit 25 negate the addend, bit 26 double precision. d = +/-d + (+/-n) * m
    /// with a single rounding.
    static let fusedMultiplyAdd: HelperFunction = { state, a, _, _ in
        let d = Int(a & 0xff), n = Int(a >> 8 & 0xff), m = Int(a >> 16 & 0xff)
        let negateProduct = a & (1 << 24) != 0, negateAddend = a & (1 << 25) != 0
        if a & (1 << 26) != 0 {
            let load = { (r: Int) in Double(bitPattern: state.load(fromByteOffset: ARMState.d(r), as: UInt64.self)) }
            var x = load(n)
            if negateProduct { x = -x }
            var acc = load(d)
            if negateAddend { acc = -acc }
            let r = acc.addingProduct(x, load(m))
            state.storeBytes(of: r.bitPattern, toByteOffset: ARMState.d(d), as: UInt64.self)
        } else {
            let load = { (r: Int) in Float(bitPattern: state.load(fromByteOffset: ARMState.s(r), as: UInt32.self)) }
            var x = load(n)
            if negateProduct { x = -x }
            var acc = load(d)
            if negateAddend { acc = -acc }
            let r = acc.addingProduct(x, load(m))
            state.storeBytes(of: r.bitPattern, toByteOffset: ARMState.s(d), as: UInt32.self)
        }
        return 0
    }

    /// IEEE half precision (in the low 16 bits) to single.
    static let halfToSingle: HelperFunction = { _, a, _, _ in
        UInt64(Float(Float16(bitPattern: UInt16(truncatingIfNeeded: a))).bitPattern)
    }

    /// Single to IEEE half precision, rounding to nearest even.
    static let singleToHalf: HelperFunction = { _, a, _, _ in
        UInt64(Float16(Float(bitPattern: UInt32(truncatingIfNeeded: a))).bitPattern)
    }
}
