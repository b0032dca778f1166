// Advanced SIMD integer ops of three registers of different lengths (A7.4.2: VADDL ...
// VQDMULL), the integer by-scalar forms (A7.4.3) and the doubling multiplies VQDMULH and
// VQRDMULH, and the polynomial VMUL.P8. Elements are wide integers, as in the pseudocode.

import IR

enum NEONLongOp: UInt32 {
    // Qd = f(Dn or Qn, Dm), 2*esize results.
    case addl = 0, addw, subl, subw, abal, abdl, mlal, mlsl, qdmlal, qdmlsl, mull, pmull, qdmull
    // Dd = high halves of Qn +/- Qm (esize results from 2*esize operands).
    case addhn, raddhn, subhn, rsubhn
    // Same length (quad per NEONOperands): Vd = f(Vn, Vm or a scalar).
    case qdmulh, qrdmulh, mul, mla, mls, pmul
}

extension ARMHelpers {
    /// PolynomialMult: the carry-less product of two `bits`-bit polynomials over GF(2).
    static func polynomialMultiply(_ x: UInt64, _ y: UInt64, bits: Int) -> UInt64 {
        var r: UInt64 = 0
        for i in 0..<bits where y >> UInt64(i) & 1 != 0 { r ^= x << UInt64(i) }
        return r
    }

    /// a = NEONOperands (size = log2 of the narrow element's bytes), b = NEONScalar or 0.
    static let neonLong: HelperFunction = { state, a, b, _ in
        let o = NEONOperands(a)
        guard let op = NEONLongOp(rawValue: o.op) else { return 0 }
        let bits = o.bits, unsigned = o.unsigned
        var saturated = false
        let scalarIndex = NEONScalar.index(b)
        /// Element e of Dm, or the scalar.
        func second(_ m: NEONLanes, _ e: Int) -> Int128 { m.int(scalarIndex ?? e, bits, unsigned: unsigned) }
        switch op {
        case .addl, .addw, .subl, .subw, .abal, .abdl, .mlal, .mlsl, .qdmlal, .qdmlsl, .mull, .pmull, .qdmull:
            let wideN = op == .addw || op == .subw
            let n = NEONLanes(state, o.n, count: wideN ? 2 : 1), m = NEONLanes(state, o.m, count: 1)
            var out = NEONLanes(state, o.d, count: 2)
            for e in 0..<(64 / bits) {
                let x = wideN ? n.int(e, 2 * bits, unsigned: unsigned) : n.int(e, bits, unsigned: unsigned)
                let y = second(m, e)
                let d = out.int(e, 2 * bits, unsigned: unsigned)
                var r: Int128
                switch op {
                case .addl, .addw: r = x + y
                case .subl, .subw: r = x - y
                case .abal: r = d + (x > y ? x - y : y - x)
                case .abdl: r = x > y ? x - y : y - x
                case .mlal: r = d + x * y
                case .mlsl: r = d - x * y
                case .mull: r = x * y
                case .pmull: r = Int128(polynomialMultiply(n[e, bits], m[e, bits], bits: bits))
                default:
                    // VQDMULL, VQDMLAL, VQDMLSL: SatQ(2 * x * y), then SatQ(d +/- that).
                    let (product, sat1) = NEONSaturation.saturate(2 * x * y, 2 * bits, unsigned: false)
                    r = product
                    saturated = saturated || sat1
                    if op != .qdmull {
                        let (sum, sat2) = NEONSaturation.saturate(op == .qdmlal ? d + product : d - product, 2 * bits, unsigned: false)
                        r = sum
                        saturated = saturated || sat2
                    }
                }
                out.set(e, 2 * bits, r)
            }
            out.store(state, o.d, count: 2)
        case .addhn, .raddhn, .subhn, .rsubhn:
            let n = NEONLanes(state, o.n, count: 2), m = NEONLanes(state, o.m, count: 2)
            var out = NEONLanes()
            for e in 0..<(64 / bits) {
                let x = n.int(e, 2 * bits, unsigned: true), y = m.int(e, 2 * bits, unsigned: true)
                let round: Int128 = op == .raddhn || op == .rsubhn ? Int128(1) << (bits - 1) : 0
                let r = (op == .addhn || op == .raddhn ? x + y : x - y) + round
                out.set(e, bits, r >> bits)
            }
            out.store(state, o.d, count: 1)
        case .qdmulh, .qrdmulh, .mul, .mla, .mls, .pmul:
            let count = o.registers
            let n = NEONLanes(state, o.n, count: count), m = NEONLanes(state, o.m, count: count)
            var out = NEONLanes(state, o.d, count: count)
            for e in 0..<o.elements {
                let x = n.int(e, bits, unsigned: false), y = second(m, e)
                switch op {
                case .qdmulh, .qrdmulh:
                    // SatQ((2 * x * y + round_const) >> esize), round_const 2^(esize-1) for VQRDMULH.
                    let round: Int128 = op == .qrdmulh ? Int128(1) << (bits - 1) : 0
                    let (v, sat) = NEONSaturation.saturate((2 * x * y + round) >> bits, bits, unsigned: false)
                    out.set(e, bits, v)
                    saturated = saturated || sat
                case .mul: out.set(e, bits, x * y)
                case .mla: out.set(e, bits, out.int(e, bits, unsigned: false) + x * y)
                case .mls: out.set(e, bits, out.int(e, bits, unsigned: false) - x * y)
                default: out[e, bits] = polynomialMultiply(n[e, bits], m[e, bits], bits: bits)
                }
            }
            out.store(state, o.d, count: count)
        }
        if saturated { NEONSaturation.setQC(state) }
        return 0
    }
}
