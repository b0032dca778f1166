// Advanced SIMD two registers, miscellaneous (A7.4.5): VREV, VPADDL/VPADAL, VCLS, VQABS,
// VQNEG, compares with zero, VABS, VNEG, VTRN/VUZP/VZIP; VTBL/VTBX; and VMUL.P8 (A7.4.1).

import ARMDecoder
import IR

extension NEONDecoding {
    mutating func misc(_ op: NEONMiscOp, unsigned: Bool = false, size: UInt32, quad: Bool, d: UInt32, n: UInt32 = 0, m: UInt32) -> Bool {
        let o = NEONOperands(op: op.rawValue, size: size, unsigned: unsigned, quad: quad, d: d, n: n, m: m)
        t.b.call(ARMHelpers.neonMisc, effects: [.readsState, .writesState], result: nil, t.const32(o.packed))
        return true
    }

    mutating func twoRegisters(_ op: NEONMiscOp, unsigned: Bool = false, D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard size != 3, Self.valid(Q: Q, d, m) else { return false }
        return misc(op, unsigned: unsigned, size: size, quad: Q != 0, d: d, m: m)
    }

    /// VREV<region>: UNDEFINED unless the elements are smaller than the region.
    mutating func reverse(_ op: NEONMiscOp, region: UInt32, D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        guard 8 << size < region else { return false }
        return twoRegisters(op, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm)
    }

    mutating func VREV64(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { reverse(.rev64, region: 64, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VREV32(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { reverse(.rev32, region: 32, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VREV16(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { reverse(.rev16, region: 16, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    /// VPADDL, VPADAL: op is the U bit.
    mutating func VPADDL(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { twoRegisters(.paddl, unsigned: op != 0, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VPADAL(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { twoRegisters(.padal, unsigned: op != 0, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VCLS(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { twoRegisters(.cls, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VQABS(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { twoRegisters(.qabs, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VQNEG(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { twoRegisters(.qneg, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }

    /// An integer (F == 0, any size but 11) or single-precision (F == 1, size 10) form.
    mutating func integerOrFloat(_ op: NEONMiscOp, _ floatOp: NEONFloatOp, D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        if F != 0 { return floatMisc(floatOp, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
        return twoRegisters(op, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm)
    }
    mutating func VCGT_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integerOrFloat(.cgt0, .cgt0, D: D, size: size, Vd: Vd, F: F, Q: Q, M: M, Vm: Vm) }
    mutating func VCGE_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integerOrFloat(.cge0, .cge0, D: D, size: size, Vd: Vd, F: F, Q: Q, M: M, Vm: Vm) }
    mutating func VCEQ_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integerOrFloat(.ceq0, .ceq0, D: D, size: size, Vd: Vd, F: F, Q: Q, M: M, Vm: Vm) }
    mutating func VCLE_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integerOrFloat(.cle0, .cle0, D: D, size: size, Vd: Vd, F: F, Q: Q, M: M, Vm: Vm) }
    mutating func VCLT_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integerOrFloat(.clt0, .clt0, D: D, size: size, Vd: Vd, F: F, Q: Q, M: M, Vm: Vm) }
    mutating func VABS(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integerOrFloat(.abs, .abs, D: D, size: size, Vd: Vd, F: F, Q: Q, M: M, Vm: Vm) }
    mutating func VNEG(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integerOrFloat(.neg, .neg, D: D, size: size, Vd: Vd, F: F, Q: Q, M: M, Vm: Vm) }

    mutating func VTRN(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { twoRegisters(.trn, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    /// VUZP, VZIP: 32-bit elements in D registers are UNDEFINED (that is VTRN.32).
    mutating func VUZP(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { (Q != 0 || size != 2) && twoRegisters(.uzp, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VZIP(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { (Q != 0 || size != 2) && twoRegisters(.zip, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }

    /// VTBL, VTBX: the table is len + 1 registers from D[n]; past D31 is UNPREDICTABLE.
    mutating func table(_ op: NEONMiscOp, D: UInt32, Vn: UInt32, Vd: UInt32, len: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard n + len < 32 else { return false }
        return misc(op, size: len, quad: false, d: d, n: n, m: m)
    }
    mutating func VTBL(D: UInt32, Vn: UInt32, Vd: UInt32, len: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { table(.tbl, D: D, Vn: Vn, Vd: Vd, len: len, N: N, M: M, Vm: Vm) }
    mutating func VTBX(D: UInt32, Vn: UInt32, Vd: UInt32, len: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { table(.tbx, D: D, Vn: Vn, Vd: Vd, len: len, N: N, M: M, Vm: Vm) }
}
