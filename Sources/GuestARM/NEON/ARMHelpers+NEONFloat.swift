// Advanced SIMD single-precision lanes (A7.4.1 three registers of the same length, A7.4.3
// by scalar, A7.4.5 compares with zero, VABS, VNEG, estimates and conversions) over
// NEONFloat, the standard-FPSCR arithmetic.

import CHost
import IR

/// The float lane operations; NEONOperands.op.
enum NEONFloatOp: UInt32 {
    // Three registers (or Dm replaced by a scalar).
    case add = 0, sub, mul, mla, mls, fma, fms, abd, max, min, padd, pmax, pmin
    case ceq, cge, cgt, acge, acgt, recps, rsqrts
    // Two registers: Vm to Vd.
    case cgt0, cge0, ceq0, cle0, clt0, abs, neg, recpe, rsqrte, urecpe, ursqrte
    /// b = fraction bits: float to signed/unsigned fixed point (round toward zero), and back.
    case toFixed, fromFixed
}

/// A scalar operand in a helper's b argument: bit 31 set, Dm's lane in bits 3:0.
enum NEONScalar {
    static func packed(index: UInt32) -> UInt32 { 1 << 31 | index }
    static func index(_ b: UInt64) -> Int? { b & (1 << 31) != 0 ? Int(b & 0xf) : nil }
}

extension NEONFloat {
    /// StandardFPSCRValue (A2.7.3) without AHP: DN and FZ set, round to nearest.
    static let standardFPSCR: UInt32 = 1 << 25 | 1 << 24
    /// FPSCR.AHP, the one guest bit the standard value keeps.
    static let alternativeHalf: UInt32 = 1 << 26

    /// The host arithmetic below (Double sums, conversions to Float) must round to nearest
    /// whatever the guest's FPSCR put in MXCSR: MXCSR becomes round to nearest, no
    /// flush-to-zero, all exceptions masked, for the helper; the caller restores the value
    /// returned (flags raised meanwhile are dropped: the helper reports its own in FPSCR).
    static func enterStandardRounding() -> UInt32 {
        let saved = chost_get_mxcsr()
        chost_set_mxcsr(0x1f80)
        return saved
    }
}

extension ARMHelpers {
    /// a = NEONOperands (size 2), b = a scalar (NEONScalar) or the fraction bits.
    static let neonFloat: HelperFunction = { state, a, b, _ in
        let o = NEONOperands(a)
        guard let op = NEONFloatOp(rawValue: o.op) else { return 0 }
        let host = NEONFloat.enterStandardRounding()
        defer { chost_set_mxcsr(host) }
        var flags = NEONFloatFlags()
        let count = o.registers, lanes = count * 2
        let n = NEONLanes(state, o.n, count: count), m = NEONLanes(state, o.m, count: count)
        var out = NEONLanes(state, o.d, count: count)
        let scalar = NEONScalar.index(b).map { UInt32(truncatingIfNeeded: NEONLanes(state, o.m, count: 1)[$0, 32]) }
        for e in 0..<lanes {
            let x = UInt32(truncatingIfNeeded: n[e, 32])
            let y = scalar ?? UInt32(truncatingIfNeeded: m[e, 32])
            let d = UInt32(truncatingIfNeeded: out[e, 32])
            let r: UInt32
            switch op {
            case .add: r = NEONFloat.add(x, y, &flags)
            case .sub: r = NEONFloat.sub(x, y, &flags)
            case .mul: r = NEONFloat.mul(x, y, &flags)
            // VMLA/VMLS: the product rounded, then added to (or negated and added to) Vd.
            case .mla: r = NEONFloat.add(d, NEONFloat.mul(x, y, &flags), &flags)
            case .mls: r = NEONFloat.add(d, NEONFloat.mul(x, y, &flags) ^ 0x8000_0000, &flags)
            case .fma: r = NEONFloat.mulAdd(d, x, y, &flags)
            case .fms: r = NEONFloat.mulAdd(d, x ^ 0x8000_0000, y, &flags)
            case .abd: r = NEONFloat.sub(x, y, &flags) & 0x7fff_ffff
            case .max: r = NEONFloat.maxMin(x, y, max: true, &flags)
            case .min: r = NEONFloat.maxMin(x, y, max: false, &flags)
            case .padd, .pmax, .pmin:
                // Pairs of Dn fill the low half, pairs of Dm the high half.
                let source = e < lanes / 2 ? n : m, i = (e % (lanes / 2)) * 2
                let p = UInt32(truncatingIfNeeded: source[i, 32]), q = UInt32(truncatingIfNeeded: source[i + 1, 32])
                r = op == .padd ? NEONFloat.add(p, q, &flags) : NEONFloat.maxMin(p, q, max: op == .pmax, &flags)
            case .ceq: r = NEONFloat.compare(x, y, .eq, &flags) ? ~0 : 0
            case .cge: r = NEONFloat.compare(x, y, .ge, &flags) ? ~0 : 0
            case .cgt: r = NEONFloat.compare(x, y, .gt, &flags) ? ~0 : 0
            case .acge: r = NEONFloat.compare(x & 0x7fff_ffff, y & 0x7fff_ffff, .ge, &flags) ? ~0 : 0
            case .acgt: r = NEONFloat.compare(x & 0x7fff_ffff, y & 0x7fff_ffff, .gt, &flags) ? ~0 : 0
            case .recps: r = NEONFloat.recipStep(x, y, &flags)
            case .rsqrts: r = NEONFloat.rsqrtStep(x, y, &flags)
            case .cgt0: r = NEONFloat.compare(y, 0, .gt, &flags) ? ~0 : 0
            case .cge0: r = NEONFloat.compare(y, 0, .ge, &flags) ? ~0 : 0
            case .ceq0: r = NEONFloat.compare(y, 0, .eq, &flags) ? ~0 : 0
            case .cle0: r = NEONFloat.compare(0, y, .ge, &flags) ? ~0 : 0
            case .clt0: r = NEONFloat.compare(0, y, .gt, &flags) ? ~0 : 0
            // FPAbs and FPNeg change the sign bit only: no flush, no NaN processing.
            case .abs: r = y & 0x7fff_ffff
            case .neg: r = y ^ 0x8000_0000
            case .recpe: r = NEONFloat.recipEstimate(float: y, &flags)
            case .rsqrte: r = NEONFloat.rsqrtEstimate(float: y, &flags)
            case .urecpe: r = NEONFloat.recipEstimate(unsigned: y)
            case .ursqrte: r = NEONFloat.rsqrtEstimate(unsigned: y)
            case .toFixed: r = NEONFloat.toFixed(y, fractionBits: Int(b), unsigned: o.unsigned, &flags)
            case .fromFixed: r = NEONFloat.fromFixed(y, fractionBits: Int(b), unsigned: o.unsigned, &flags)
            }
            out[e, 32] = UInt64(r)
        }
        out.store(state, o.d, count: count)
        flags.commit(state)
        return 0
    }

    /// VCVT between half and single precision (ARM ARM A8.8, VCVT (between half-precision and
    /// single-precision, Advanced SIMD)): op 1 is Dm's four halves to Qd, op 0 is Qm to Dd.
    /// The VFP conversions (FPHalfToSingle, FPSingleToHalf) under the standard FPSCR value
    /// plus the guest's FPSCR.AHP: round to nearest, default NaN, FZ for single inputs only
    /// (half values are never flushed). Integer arithmetic only: MXCSR plays no part.
    static let neonHalf: HelperFunction = { state, a, _, _ in
        let o = NEONOperands(a)
        let fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self) & NEONFloat.alternativeHalf | NEONFloat.standardFPSCR
        var flags = NEONFloatFlags()
        var out = NEONLanes()
        if o.op == 1 {
            let m = NEONLanes(state, o.m, count: 1)
            for e in 0..<4 { out[e, 32] = UInt64(VFPConversion.halfToSingle(UInt32(truncatingIfNeeded: m[e, 16]), fpscr: fpscr, flags: &flags.bits)) }
            out.store(state, o.d, count: 2)
        } else {
            let m = NEONLanes(state, o.m, count: 2)
            for e in 0..<4 { out[e, 16] = UInt64(VFPConversion.singleToHalf(UInt32(truncatingIfNeeded: m[e, 32]), fpscr: fpscr, flags: &flags.bits)) }
            out.store(state, o.d, count: 1)
        }
        flags.commit(state)
        return 0
    }
}
