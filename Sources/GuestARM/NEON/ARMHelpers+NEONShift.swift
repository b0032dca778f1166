// Advanced SIMD shifts (A7.4.1 shifts by register, A7.4.4 shifts by immediate, and the
// narrowing and widening moves of A7.4.5) lane by lane, as the A8 pseudocode writes them:
// each element as a wide integer Int(x, unsigned), shifted, rounded and saturated there.

import IR

/// The shift operations one helper knows; NEONOperands.op.
enum NEONShiftOp: UInt32 {
    // By register: Vm shifted by the signed bottom byte of each element of Vn
    // (VSHL <Dd>, <Dm>, <Dn>).
    case shl = 0, qshl, rshl, qrshl
    // By immediate (b = the amount), same size: source Vm, destination Vd.
    case shr, sra, rshr, rsra, sri, shli, sli, qshli, qshlu
    // Narrowing (Qm of 2*esize to Dd of esize), b = the right shift (0 for the moves).
    case shrn, rshrn, qshrn, qrshrn, qshrun, qrshrun
    // Widening (Dm to Qd of 2*esize), b = the left shift.
    case shll
}

extension ARMHelpers {
    /// a = NEONOperands (size = log2 of the element bytes; for narrowing, of the result's),
    /// b = the immediate shift amount.
    static let neonShift: HelperFunction = { state, a, b, _ in
        let o = NEONOperands(a)
        guard let op = NEONShiftOp(rawValue: o.op) else { return 0 }
        let bits = o.bits, unsigned = o.unsigned, amount = Int(b)
        var saturated = false
        var out = NEONLanes()
        switch op {
        case .shl, .qshl, .rshl, .qrshl:
            let n = NEONLanes(state, o.n, count: o.registers), m = NEONLanes(state, o.m, count: o.registers)
            for e in 0..<o.elements {
                // shift = SInt(Elem[Dn,e,esize]<7:0>); operand = Int(Elem[Dm,e,esize], unsigned)
                let shift = Int(Int8(truncatingIfNeeded: n[e, bits]))
                let x = m.int(e, bits, unsigned: unsigned)
                let rounding = op == .rshl || op == .qrshl
                let r = shiftedRounded(x, shift, round: rounding)
                if op == .shl || op == .rshl {
                    out.set(e, bits, r)
                } else {
                    let (v, sat) = NEONSaturation.saturate(r, bits, unsigned: unsigned)
                    out.set(e, bits, v)
                    saturated = saturated || sat
                }
            }
            out.store(state, o.d, count: o.registers)
        case .shr, .sra, .rshr, .rsra, .sri, .shli, .sli, .qshli, .qshlu:
            let m = NEONLanes(state, o.m, count: o.registers)
            out = NEONLanes(state, o.d, count: o.registers)
            for e in 0..<o.elements {
                let x = m.int(e, bits, unsigned: unsigned && op != .qshlu)
                switch op {
                case .shr: out.set(e, bits, x >> amount)
                case .sra: out.set(e, bits, out.int(e, bits, unsigned: true) + (x >> amount))
                case .rshr: out.set(e, bits, shiftedRounded(x, -amount, round: true))
                case .rsra: out.set(e, bits, out.int(e, bits, unsigned: true) + shiftedRounded(x, -amount, round: true))
                case .sri:
                    // mask = LSR(Ones(esize), shift); d = (d AND NOT mask) OR LSR(m, shift)
                    let mask = NEONLanes.mask(bits) >> UInt64(amount)
                    let shifted = amount >= 64 ? 0 : m[e, bits] >> UInt64(amount)
                    out[e, bits] = out[e, bits] & ~mask | shifted
                case .shli: out.set(e, bits, x << amount)
                case .sli:
                    let mask = NEONLanes.mask(bits) << UInt64(amount)
                    out[e, bits] = out[e, bits] & ~mask | m[e, bits] << UInt64(amount) & mask
                default:
                    let (v, sat) = NEONSaturation.saturate(x << amount, bits, unsigned: unsigned)
                    out.set(e, bits, v)
                    saturated = saturated || sat
                }
            }
            out.store(state, o.d, count: o.registers)
        case .shrn, .rshrn, .qshrn, .qrshrn, .qshrun, .qrshrun:
            let m = NEONLanes(state, o.m, count: 2)
            for e in 0..<(64 / bits) {
                // The plain narrowings shift the raw bits: LSR; the saturating ones read
                // Int(operand, src_unsigned), signed for the ...UN forms.
                let sourceUnsigned = op == .shrn || op == .rshrn || (unsigned && op != .qshrun && op != .qrshrun)
                let x = m.int(e, 2 * bits, unsigned: sourceUnsigned)
                let rounding = op == .rshrn || op == .qrshrn || op == .qrshrun
                let r = shiftedRounded(x, -amount, round: rounding)
                if op == .shrn || op == .rshrn {
                    out.set(e, bits, r)
                } else {
                    let (v, sat) = NEONSaturation.saturate(r, bits, unsigned: unsigned)
                    out.set(e, bits, v)
                    saturated = saturated || sat
                }
            }
            out.store(state, o.d, count: 1)
        case .shll:
            let m = NEONLanes(state, o.m, count: 1)
            for e in 0..<(64 / bits) { out.set(e, 2 * bits, m.int(e, bits, unsigned: unsigned) << amount) }
            out.store(state, o.d, count: 2)
        }
        if saturated { NEONSaturation.setQC(state) }
        return 0
    }

    /// (x + round_const) << shift with round_const = 2^(-shift-1) for a right shift when
    /// rounding, else x << shift; a negative shift shifts right, rounding toward minus
    /// infinity. Amounts are clamped where the result no longer changes (|x| < 2^64).
    static func shiftedRounded(_ x: Int128, _ shift: Int, round: Bool) -> Int128 {
        if shift >= 0 {
            // From 64 on (x << 64 would not fit in 128 bits) every result saturates the same way
            // and is 0 mod 2^esize.
            return shift >= 64 ? (x == 0 ? 0 : x.signum() << 100) : x << shift
        }
        let right = min(-shift, 66)
        let roundConst: Int128 = round ? Int128(1) << (right - 1) : 0
        return (x + roundConst) >> right
    }
}
