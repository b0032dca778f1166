// Advanced SIMD two registers, miscellaneous (A7.4.5), the integer and permute part:
// VREV16/32/64, VPADDL, VPADAL, VCLS, VQABS, VQNEG, the integer compares with zero, VABS,
// VNEG, VTRN, VUZP, VZIP; and VTBL/VTBX (A8.8.* VTBL, VTBX).

import IR

enum NEONMiscOp: UInt32 {
    case rev64 = 0, rev32, rev16, paddl, padal, cls, qabs, qneg
    case cgt0, cge0, ceq0, cle0, clt0, abs, neg
    case trn, uzp, zip
    /// size = the table's length - 1 (registers n...).
    case tbl, tbx
}

extension ARMHelpers {
    static let neonMisc: HelperFunction = { state, a, _, _ in
        let o = NEONOperands(a)
        guard let op = NEONMiscOp(rawValue: o.op) else { return 0 }
        let bits = o.bits, count = o.registers
        let m = NEONLanes(state, o.m, count: count)
        var out = NEONLanes(state, o.d, count: count)
        var saturated = false
        switch op {
        case .rev64, .rev32, .rev16:
            // Elements reversed within each 64-, 32- or 16-bit group.
            let group = op == .rev64 ? 64 : op == .rev32 ? 32 : 16
            let perGroup = group / bits
            for e in 0..<o.elements {
                let base = e / perGroup * perGroup
                out[e, bits] = m[base + perGroup - 1 - (e - base), bits]
            }
        case .paddl, .padal:
            for e in 0..<(o.elements / 2) {
                let sum = m.int(2 * e, bits, unsigned: o.unsigned) + m.int(2 * e + 1, bits, unsigned: o.unsigned)
                out.set(e, 2 * bits, op == .padal ? out.int(e, 2 * bits, unsigned: true) + sum : sum)
            }
        case .cls, .qabs, .qneg, .cgt0, .cge0, .ceq0, .cle0, .clt0, .abs, .neg:
            let ones = Int128(NEONLanes.mask(bits))
            for e in 0..<o.elements {
                let x = m.int(e, bits, unsigned: false)
                switch op {
                case .cls:
                    // CountLeadingSignBits: CLZ(x<esize-1:1> EOR x<esize-2:0>).
                    let raw = m[e, bits]
                    let v = (raw >> 1 ^ raw) & NEONLanes.mask(bits - 1)
                    out.set(e, bits, Int128(v.leadingZeroBitCount - (64 - (bits - 1))))
                case .qabs, .qneg:
                    let (v, sat) = NEONSaturation.saturate(op == .qabs ? (x < 0 ? -x : x) : -x, bits, unsigned: false)
                    out.set(e, bits, v)
                    saturated = saturated || sat
                case .cgt0: out.set(e, bits, x > 0 ? ones : 0)
                case .cge0: out.set(e, bits, x >= 0 ? ones : 0)
                case .ceq0: out.set(e, bits, x == 0 ? ones : 0)
                case .cle0: out.set(e, bits, x <= 0 ? ones : 0)
                case .clt0: out.set(e, bits, x < 0 ? ones : 0)
                case .abs: out.set(e, bits, x < 0 ? -x : x)
                default: out.set(e, bits, -x)
                }
            }
        case .trn:
            // Elem[d][2e+1] <-> Elem[m][2e], in that order (d == m is UNKNOWN).
            var mm = m
            for e in 0..<(o.elements / 2) {
                let t = out[2 * e + 1, bits]
                out[2 * e + 1, bits] = mm[2 * e, bits]
                mm[2 * e, bits] = t
            }
            out.store(state, o.d, count: count)
            mm.store(state, o.m, count: count)
            return 0
        case .uzp, .zip:
            // The concatenation m:d (d lowest) unzipped: even elements to d, odd to m; or
            // zipped: d's and m's elements interleaved, low half to d, high half to m.
            var pair = NEONLanes(), result = NEONLanes()
            for i in 0..<count {
                pair[word: i] = out[word: i]
                pair[word: count + i] = m[word: i]
            }
            let elements = o.elements
            for e in 0..<elements {
                if op == .uzp {
                    result[e, bits] = pair[2 * e, bits]
                    result[elements + e, bits] = pair[2 * e + 1, bits]
                } else {
                    result[2 * e, bits] = pair[e, bits]
                    result[2 * e + 1, bits] = pair[elements + e, bits]
                }
            }
            for i in 0..<count {
                NEONLanes.setD(state, o.d + UInt32(i), result[word: i])
            }
            for i in 0..<count {
                NEONLanes.setD(state, o.m + UInt32(i), result[word: count + i])
            }
            return 0
        case .tbl, .tbx:
            // Byte indexes from Dm into the table D[n]...D[n+length-1]; out of range: 0 (VTBL)
            // or Dd's byte kept (VTBX).
            let length = Int(o.size) + 1
            let table = NEONLanes(state, o.n, count: length)
            let index = NEONLanes(state, o.m, count: 1)
            for e in 0..<8 {
                let i = Int(index[e, 8])
                if i < 8 * length { out[e, 8] = table[i, 8] } else if op == .tbl { out[e, 8] = 0 }
            }
            out.store(state, o.d, count: 1)
            return 0
        }
        out.store(state, o.d, count: count)
        if saturated { NEONSaturation.setQC(state) }
        return 0
    }
}
