// The NEON visitor methods the foundation does not implement yet: each declines, so the
// instruction raises SIGILL (and `-d unimp` names it). The NEON issue replaces these.

import ARMDecoder

extension NEONDecoding: NEONVisitor {
    mutating func VSHL_reg(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQSHL_reg(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRSHL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQRSHL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMULH(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQRDMULH(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VFMA(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VFMS(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VADD_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSUB_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VPADD_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VABD_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLA_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLS_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMUL_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCEQ_reg_A2(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCGE_reg_A2(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCGT_reg_A2(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VACGE(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VACGT(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMAX_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMIN_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VPMAX_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VPMIN_fp(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRECPS(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRSQRTS(D: UInt32, sz: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSHR(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSRA(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRSHR(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRSRA(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSRI(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSHL_imm(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSLI(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQSHLU(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQSHL_imm(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSHRN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRSHRN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQSHRUN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQRSHRUN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQSHRN(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQRSHRN(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMOVL(U: UInt32, D: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32, imm3: UInt32) -> Bool { false }
    mutating func VSHLL_A1(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCVT_fp_fixed(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VREV64(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VREV32(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VREV16(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VPADDL(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCLS(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VPADAL(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQABS(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQNEG(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCGT_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCGE_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCEQ_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCLE_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCLT_imm(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VABS(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VNEG(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VTRN(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VUZP(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VZIP(D: UInt32, size: UInt32, Vd: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMOVN(D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQMOVUN(D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQMOVN(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSHLL_A2(D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCVT_hp_sp(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRECPE(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRSQRTE(D: UInt32, size: UInt32, Vd: UInt32, F: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VCVT_fp_int(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VTBL(D: UInt32, Vn: UInt32, Vd: UInt32, len: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VTBX(D: UInt32, Vn: UInt32, Vd: UInt32, len: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VADDL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VADDW(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSUBL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSUBW(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VADDHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRADDHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VABAL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VSUBHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VRSUBHN(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VABDL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLAL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMLAL(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLSL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMLSL(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMULL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, op: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMULL(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLA_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, F: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLS_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, F: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLAL_scalar(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMLSL_scalar(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMLAL_scalar(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMLSL_scalar(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMUL_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, F: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VMULL_scalar(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMULL_scalar(D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQDMULH_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
    mutating func VQRDMULH_scalar(Q: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { false }
}
