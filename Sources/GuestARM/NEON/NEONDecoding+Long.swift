// Advanced SIMD three registers of different lengths (A7.4.2), two registers and a scalar
// (A7.4.3), and the doubling multiplies of A7.4.1 (VQDMULH, VQRDMULH). Lanes are computed by
// ARMHelpers.neonLong (integers) and ARMHelpers.neonFloat (the float by-scalar forms).

import ARMDecoder
import IR

extension NEONDecoding {
    mutating func long(_ op: NEONLongOp, unsigned: Bool, size: UInt32, quad: Bool = false, d: UInt32, n: UInt32, m: UInt32, scalar: UInt32 = 0) -> Bool {
        let o = NEONOperands(op: op.rawValue, size: size, unsigned: unsigned, quad: quad, d: d, n: n, m: m)
        t.b.call(ARMHelpers.neonLong, effects: [.readsState, .writesState], result: nil, t.const32(o.packed), t.const32(scalar))
        return true
    }

    /// Qd = f(Dn, Dm) (Qn for the W forms); the HN forms are Dd = f(Qn, Qm).
    mutating func differentLengths(_ op: NEONLongOp, U: UInt32 = 0, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard size != 3 else { return false }
        switch op {
        case .addhn, .raddhn, .subhn, .rsubhn: guard n & 1 == 0, m & 1 == 0 else { return false }
        case .addw, .subw: guard d & 1 == 0, n & 1 == 0 else { return false }
        case .qdmlal, .qdmlsl, .qdmull: guard d & 1 == 0, size != 0 else { return false }
        default: guard d & 1 == 0 else { return false }
        }
        return long(op, unsigned: U != 0, size: size, d: d, n: n, m: m)
    }

    /// The scalar operand Dm[x] of A7.4.3: (register, index) for 16-bit lanes Vm<2:0> and
    /// M:Vm<3>, for 32-bit lanes Vm and M; other sizes are UNDEFINED.
    static func scalar(size: UInt32, M: UInt32, Vm: UInt32) -> (m: UInt32, index: UInt32)? {
        switch size {
        case 1: return (Vm & 7, M << 1 | Vm >> 3)
        case 2: return (Vm, M)
        default: return nil
        }
    }

    /// A by-scalar op; `long` ones write Qd from Dn, the others Vd from Vn (Q).
    mutating func byScalar(_ op: NEONLongOp, float: NEONFloatOp? = nil, U: UInt32 = 0, Q: UInt32 = 0, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn)
        guard let (m, index) = Self.scalar(size: size, M: M, Vm: Vm) else { return false }
        switch op {
        case .mlal, .mlsl, .mull, .qdmlal, .qdmlsl, .qdmull: guard d & 1 == 0 else { return false }
        default: guard Self.valid(Q: Q, d, n) else { return false }
        }
        if let float {
            guard size == 2 else { return false }
            return self.float(float, quad: Q != 0, d: d, n: n, m: m, extra: NEONScalar.packed(index: index))
        }
        return long(op, unsigned: U != 0, size: size, quad: Q != 0, d: d, n: n, m: m, scalar: NEONScalar.packed(index: index))
    }

    // A7.4.2
    mutating func VADDL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.addl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VADDW(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.addw, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VSUBL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.subl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VSUBW(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.subw, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VADDHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.addhn, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VRADDHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.raddhn, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VSUBHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.subhn, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VRSUBHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.rsubhn, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VABAL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.abal, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VABDL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.abdl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VMLAL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.mlal, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VMLSL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.mlsl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQDMLAL(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.qdmlal, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQDMLSL(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.qdmlsl, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQDMULL(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { differentLengths(.qdmull, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    /// VMULL: op 1 is polynomial (VMULL.P8 only in ARMv7: U == 0, size == 00).
    mutating func VMULL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, op: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        guard op == 0 || (U == 0 && size == 0) else { return false }
        return differentLengths(op != 0 ? .pmull : .mull, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm)
    }

    // A7.4.1 doubling multiplies (16- and 32-bit lanes)
    mutating func VQDMULH(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { doubling(.qdmulh, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VQRDMULH(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { doubling(.qrdmulh, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func doubling(_ op: NEONLongOp, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard size == 1 || size == 2, Self.valid(Q: Q, d, n, m) else { return false }
        return long(op, unsigned: false, size: size, quad: Q != 0, d: d, n: n, m: m)
    }

    // A7.4.3 two registers and a scalar
    mutating func VMLA_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, F: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.mla, float: F != 0 ? .mla : nil, Q: Q, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VMLS_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, F: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.mls, float: F != 0 ? .mls : nil, Q: Q, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VMUL_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, F: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.mul, float: F != 0 ? .mul : nil, Q: Q, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VMLAL_scalar(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.mlal, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VMLSL_scalar(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.mlsl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VMULL_scalar(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.mull, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQDMLAL_scalar(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.qdmlal, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQDMLSL_scalar(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.qdmlsl, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQDMULL_scalar(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.qdmull, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQDMULH_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.qdmulh, Q: Q, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
    mutating func VQRDMULH_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { byScalar(.qrdmulh, Q: Q, D: D, size: size, Vn: Vn, Vd: Vd, N: N, M: M, Vm: Vm) }
}
