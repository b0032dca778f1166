// The NEON visitor methods of the foundation: bitwise and integer three-same ops (A7.4.1),
// modified immediates (A7.4.6), VMVN, VSWP, VCNT, VCLZ, VEXT, VDUP (scalar), and the element
// and structure loads and stores (A7.7).

import ARMDecoder
import IR

extension NEONDecoding {
    // A7.4.1 bitwise
    mutating func VAND_reg(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm, vector: { b, _, n, m in b.vbitwise(.vand, n, m) }) { b, _, n, m in b.and(n, m) } }
    mutating func VBIC_reg(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm, vector: { b, _, n, m in b.vbitwise(.vandc, n, m) }) { b, _, n, m in b.andc(n, m) } }
    mutating func VORR_reg(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm, vector: { b, _, n, m in b.vbitwise(.vor, n, m) }) { b, _, n, m in b.or(n, m) } }
    mutating func VORN_reg(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) { b, _, n, m in b.orc(n, m) } }
    mutating func VEOR(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm, vector: { b, _, n, m in b.vbitwise(.vxor, n, m) }) { b, _, n, m in b.xor(n, m) } }
    /// VBSL: d = (n & d) | (m & ~d).
    mutating func VBSL(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm, vector: { b, d, n, m in b.vbitwise(.vor, b.vbitwise(.vand, n, d), b.vbitwise(.vandc, m, d)) }) { b, d, n, m in b.or(b.and(n, d), b.andc(m, d)) } }
    /// VBIT: d = (n & m) | (d & ~m).
    mutating func VBIT(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm, vector: { b, d, n, m in b.vbitwise(.vor, b.vbitwise(.vand, n, m), b.vbitwise(.vandc, d, m)) }) { b, d, n, m in b.or(b.and(n, m), b.andc(d, m)) } }
    /// VBIF: d = (d & m) | (n & ~m).
    mutating func VBIF(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { bitwise(D: D, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm, vector: { b, d, n, m in b.vbitwise(.vor, b.vbitwise(.vand, d, m), b.vbitwise(.vandc, n, m)) }) { b, d, n, m in b.or(b.and(d, m), b.andc(n, m)) } }

    // A7.4.1 integer lanes
    mutating func VADD_int(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.add, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VSUB_int(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.sub, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VTST(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.tst, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VCEQ_reg_A1(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.ceq, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VCGT_reg_A1(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.cgt, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VCGE_reg_A1(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.cge, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMAX_int(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.max, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMIN_int(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.min, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VPADD_int(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.padd, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VPMAX_int(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.pmax, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VPMIN_int(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.pmin, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VABD_int(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.abd, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VABA(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.aba, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VHADD(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.hadd, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VHSUB(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.hsub, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VRHADD(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.rhadd, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VQADD(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { size != 3 && integer(.qadd, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VQSUB(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { size != 3 && integer(.qsub, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    /// VMUL: op 1 is polynomial, 8-bit lanes only.
    mutating func VMUL_int(op: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        guard op != 0 else { return integer(.mul, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard size == 0, Self.valid(Q: Q, d, n, m) else { return false }
        return long(.pmul, unsigned: true, size: 0, quad: Q != 0, d: d, n: n, m: m)
    }
    mutating func VMLA_int(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.mla, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VMLS_int(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { integer(.mls, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }

    // A7.4.6 One register and a modified immediate
    mutating func VMOV_imm(i: UInt32, D: UInt32, imm3: UInt32, Vd: UInt32, Q: UInt32, imm4: UInt32, cmode: UInt32, op: UInt32) -> Bool {
        immediate(i: i, D: D, imm3: imm3, Vd: Vd, Q: Q, imm4: imm4, cmode: cmode, op: op) { _, _, c in c }
    }
    mutating func VORR_imm(i: UInt32, D: UInt32, imm3: UInt32, Vd: UInt32, Q: UInt32, imm4: UInt32, cmode: UInt32) -> Bool {
        immediate(i: i, D: D, imm3: imm3, Vd: Vd, Q: Q, imm4: imm4, cmode: cmode, op: 0) { b, d, c in b.or(d, c) }
    }
    mutating func VMVN_imm(i: UInt32, D: UInt32, imm3: UInt32, Vd: UInt32, Q: UInt32, imm4: UInt32, cmode: UInt32) -> Bool {
        immediate(i: i, D: D, imm3: imm3, Vd: Vd, Q: Q, imm4: imm4, cmode: cmode, op: 0) { b, _, c in b.not(c) }
    }
    mutating func VBIC_imm(i: UInt32, D: UInt32, imm3: UInt32, Vd: UInt32, Q: UInt32, imm4: UInt32, cmode: UInt32) -> Bool {
        immediate(i: i, D: D, imm3: imm3, Vd: Vd, Q: Q, imm4: imm4, cmode: cmode, op: 0) { b, d, c in b.andc(d, c) }
    }

    // A7.4.5 Two registers, miscellaneous (part)
    mutating func VMVN_reg(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        size == 0 && bitwise(D: D, Vn: Vm, Vd: Vd, N: M, Q: Q, M: M, Vm: Vm) { b, _, _, m in b.not(m) }
    }
    mutating func VSWP(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard size == 0, Self.valid(Q: Q, d, m) else { return false }
        for r in 0..<(Q != 0 ? 2 : 1) {
            let x = t.b.loadState(.i64, ARMState.d(Int(d) + r)), y = t.b.loadState(.i64, ARMState.d(Int(m) + r))
            t.b.storeState(ARMState.d(Int(d) + r), y)
            t.b.storeState(ARMState.d(Int(m) + r), x)
        }
        return true
    }
    mutating func VCNT(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { count(op: 0, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func VCLZ(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { count(op: 1, D: D, size: size, Vd: Vd, Q: Q, M: M, Vm: Vm) }
    mutating func count(op: UInt32, D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d, m), size != 3, op == 1 || size == 0 else { return false }
        let o = NEONOperands(op: op, size: size, unsigned: true, quad: Q != 0, d: d, n: 0, m: m)
        t.b.call(ARMHelpers.neonCount, effects: [.readsState, .writesState], result: nil, t.const32(o.packed))
        return true
    }
    mutating func VEXT(D: UInt32, Vn: UInt32, Vd: UInt32, imm4: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d, n, m), Q != 0 || imm4 < 8 else { return false }
        let o = NEONOperands(op: imm4, size: 0, unsigned: true, quad: Q != 0, d: d, n: n, m: m)
        t.b.call(ARMHelpers.neonExtract, effects: [.readsState, .writesState], result: nil, t.const32(o.packed))
        return true
    }
    /// VDUP (scalar): imm4 = index:size marker (xxx1 bytes, xx10 halfwords, x100 words).
    mutating func VDUP_scalar(D: UInt32, imm4: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d) else { return false }
        let size: Int, index: UInt32
        if imm4 & 1 != 0 { (size, index) = (1, imm4 >> 1) }
        else if imm4 & 2 != 0 { (size, index) = (2, imm4 >> 2) }
        else if imm4 & 4 != 0 { (size, index) = (4, imm4 >> 3) }
        else { return false }
        let word = t.b.loadState(.i32, ARMState.d(Int(m)) + Int(index) * size & ~3)
        let value = size == 4 ? word : t.b.extract(word, position: (Int(index) * size & 3) * 8, length: size * 8)
        var v = value
        if size == 1 { v = t.b.mul(v, t.const32(0x0101_0101)) }
        if size == 2 { v = t.b.mul(v, t.const32(0x0001_0001)) }
        for r in 0..<(Q != 0 ? 2 : 1) {
            t.b.storeState(ARMState.d(Int(d) + r), v)
            t.b.storeState(ARMState.d(Int(d) + r) + 4, v)
        }
        return true
    }

    // A7.7 Element and structure loads and stores
    mutating func VST1_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: false, structures: 1, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VST2_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: false, structures: 2, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VST3_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: false, structures: 3, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VST4_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: false, structures: 4, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VLD1_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: true, structures: 1, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VLD2_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: true, structures: 2, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VLD3_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: true, structures: 3, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VLD4_multi(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool { multiple(load: true, structures: 4, D: D, Rn: Rn, Vd: Vd, size: size, align: align, Rm: Rm, type: type) }
    mutating func VST1_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: false, structures: 1, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VST2_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: false, structures: 2, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VST3_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: false, structures: 3, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VST4_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: false, structures: 4, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VLD1_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: true, structures: 1, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VLD2_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: true, structures: 2, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VLD3_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: true, structures: 3, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VLD4_lane(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool { lane(load: true, structures: 4, D: D, Rn: Rn, Vd: Vd, size: size, index_align: index_align, Rm: Rm) }
    mutating func VLD1_all(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, T: UInt32, a: UInt32, Rm: UInt32) -> Bool { allLanes(structures: 1, D: D, Rn: Rn, Vd: Vd, size: size, T: T, a: a, Rm: Rm) }
    mutating func VLD2_all(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, T: UInt32, a: UInt32, Rm: UInt32) -> Bool { allLanes(structures: 2, D: D, Rn: Rn, Vd: Vd, size: size, T: T, a: a, Rm: Rm) }
    mutating func VLD3_all(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, T: UInt32, a: UInt32, Rm: UInt32) -> Bool { allLanes(structures: 3, D: D, Rn: Rn, Vd: Vd, size: size, T: T, a: a, Rm: Rm) }
    mutating func VLD4_all(D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, T: UInt32, a: UInt32, Rm: UInt32) -> Bool { allLanes(structures: 4, D: D, Rn: Rn, Vd: Vd, size: size, T: T, a: a, Rm: Rm) }
}
