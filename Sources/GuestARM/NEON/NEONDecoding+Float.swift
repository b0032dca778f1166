// Advanced SIMD single-precision instructions: A7.4.1 floating-point three-register ops,
// A7.4.4 VCVT (between floating-point and fixed-point), A7.4.5 VCVT (floating-point and
// integer), half/single conversion, VRECPE, VRSQRTE and the float forms of the compares with
// zero, VABS and VNEG. Only single precision exists (sz == 1 is UNDEFINED).

import ARMDecoder
import IR

extension NEONDecoding {
    mutating func float(_ op: NEONFloatOp, unsigned: Bool = false, quad: Bool, d: UInt32, n: UInt32 = 0, m: UInt32, extra: UInt32 = 0) -> Bool {
        let o = NEONOperands(op: op.rawValue, size: 2, unsigned: unsigned, quad: quad, d: d, n: n, m: m)
        t.b.call(ARMHelpers.neonFloat, effects: [.readsState, .writesState], result: nil, t.const32(o.packed), t.const32(extra))
        return true
    }

    mutating func floatThreeSame(_ op: NEONFloatOp, D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        let pairwise = op == .padd || op == .pmax || op == .pmin
        guard sz == 0, Self.valid(Q: Q, d, n, m), !(pairwise && Q != 0) else { return false }
        if floatLanes(op, quad: Q != 0, d: d, n: n, m: m) { return true }
        return float(op, quad: Q != 0, d: d, n: n, m: m)
    }

    /// A two-register float op (size must be 10, 32-bit lanes).
    mutating func floatMisc(_ op: NEONFloatOp, D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard size == 2, Self.valid(Q: Q, d, m) else { return false }
        return float(op, quad: Q != 0, d: d, m: m)
    }

    mutating func VADD_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.add, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VSUB_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.sub, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMUL_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.mul, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMLA_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.mla, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMLS_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.mls, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VFMA(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.fma, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VFMS(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.fms, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VABD_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.abd, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VPADD_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.padd, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMAX_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.max, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMIN_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.min, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VPMAX_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.pmax, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VPMIN_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.pmin, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VCEQ_reg_A2(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.ceq, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VCGE_reg_A2(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.cge, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VCGT_reg_A2(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.cgt, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VACGE(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.acge, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VACGT(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.acgt, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VRECPS(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.recps, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VRSQRTS(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatThreeSame(.rsqrts, D: D, sz: sz, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }

    /// VCVT (between floating-point and fixed-point): op 1 is to fixed; fraction bits 64 - imm6,
    /// imm6 < 32 is UNDEFINED (and 000xxx is the modified-immediate space).
    mutating func VCVT_fp_fixed(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard imm6 >= 32, Self.valid(Q: Q, d, m) else { return false }
        return float(op != 0 ? .toFixed : .fromFixed, unsigned: U != 0, quad: Q != 0, d: d, m: m, extra: 64 - imm6)
    }
    /// VCVT (between floating-point and integer): op<1> to integer, op<0> unsigned.
    mutating func VCVT_fp_int(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard size == 2, Self.valid(Q: Q, d, m) else { return false }
        return float(op & 2 != 0 ? .toFixed : .fromFixed, unsigned: op & 1 != 0, quad: Q != 0, d: d, m: m, extra: 0)
    }
    mutating func VCVT_hp_sp(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard size == 1, op == 1 ? d & 1 == 0 : m & 1 == 0 else { return false }
        let o = NEONOperands(op: op, size: 1, unsigned: false, quad: false, d: d, n: 0, m: m)
        t.b.call(ARMHelpers.neonHalf, effects: [.readsState, .writesState], result: nil, t.const32(o.packed))
        return true
    }
    mutating func VRECPE(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatMisc(F != 0 ? .recpe : .urecpe, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VRSQRTE(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { floatMisc(F != 0 ? .rsqrte : .ursqrte, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
}
