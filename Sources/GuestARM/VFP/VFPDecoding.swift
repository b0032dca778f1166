// The floating-point instructions and core/extension register transfers (ARM ARM A7.5, A7.6,
// A7.8, A7.9), for both A32 and T32 (the T32 word's top nibble 1110 reads as cond AL).

import ARMDecoder
import IR

struct VFPDecoding {
    /// The translator, in place: a decoder takes its visitor inout, and a visitor holding a
    /// copy of the translator would cost a copy in and out (and a retain and release) per
    /// instruction. The frontend makes each visitor inside withUnsafeMutablePointer(to:) over
    /// its translator (ARMFrontend.translateA32, translateThumb), so the pointer outlives it.
    let translator: UnsafeMutablePointer<Translator>
    var t: Translator {
        unsafeAddress { UnsafePointer(translator) }
        nonmutating unsafeMutableAddress { translator }
    }

    static func reg(_ sz: UInt32, _ v: UInt32, _ x: UInt32) -> Int { Translator.fpRegister(sz, v, x) }

    mutating func arithmetic(_ op: Translator.VFPOp, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        t.vfpArithmetic(op, double: sz != 0, d: Self.reg(sz, Vd, D), n: Self.reg(sz, Vn, N), m: Self.reg(sz, Vm, M))
        return true
    }
}

extension VFPDecoding: VFPVisitor {
    // A7.5 Data processing
    mutating func VMLA(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.mla, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VMLS(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.mls, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VNMLS(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.nmls, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VNMLA(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.nmla, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VMUL(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.mul, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VNMUL(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.nmul, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VADD(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.add, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VSUB(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.sub, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VDIV(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.div, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VFNMS(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.fnms, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VFNMA(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.fnma, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VFMA(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.fma, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }
    mutating func VFMS(cond: UInt32, D: UInt32, Vn: UInt32, Vd: UInt32, sz: UInt32, N: UInt32, M: UInt32, Vm: UInt32) -> Bool { arithmetic(.fms, D: D, Vn: Vn, Vd: Vd, sz: sz, N: N, M: M, Vm: Vm) }

    mutating func VMOV_imm(cond: UInt32, D: UInt32, imm4H: UInt32, Vd: UInt32, sz: UInt32, imm4L: UInt32) -> Bool {
        t.vmovImmediate(double: sz != 0, r: Self.reg(sz, Vd, D), imm8: imm4H << 4 | imm4L); return true
    }
    mutating func unary(_ op: Translator.VFPUnary, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        t.vfpUnary(op, double: sz != 0, d: Self.reg(sz, Vd, D), m: Self.reg(sz, Vm, M)); return true
    }
    mutating func VMOV_reg(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool { unary(.mov, D: D, Vd: Vd, sz: sz, M: M, Vm: Vm) }
    mutating func VABS(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool { unary(.abs, D: D, Vd: Vd, sz: sz, M: M, Vm: Vm) }
    mutating func VNEG(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool { unary(.neg, D: D, Vd: Vd, sz: sz, M: M, Vm: Vm) }
    mutating func VSQRT(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool { unary(.sqrt, D: D, Vd: Vd, sz: sz, M: M, Vm: Vm) }

    mutating func VCVTB(cond: UInt32, D: UInt32, op: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        t.vfpHalf(toHalf: op != 0, top: false, d: Self.reg(0, Vd, D), m: Self.reg(0, Vm, M)); return true
    }
    mutating func VCVTT(cond: UInt32, D: UInt32, op: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        t.vfpHalf(toHalf: op != 0, top: true, d: Self.reg(0, Vd, D), m: Self.reg(0, Vm, M)); return true
    }

    mutating func VCMP_A1(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        t.vfpCompare(double: sz != 0, d: Self.reg(sz, Vd, D), m: Self.reg(sz, Vm, M), quietNaNExc: false); return true
    }
    mutating func VCMPE_A1(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        t.vfpCompare(double: sz != 0, d: Self.reg(sz, Vd, D), m: Self.reg(sz, Vm, M), quietNaNExc: true); return true
    }
    mutating func VCMP_A2(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32) -> Bool {
        t.vfpCompare(double: sz != 0, d: Self.reg(sz, Vd, D), m: nil, quietNaNExc: false); return true
    }
    mutating func VCMPE_A2(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32) -> Bool {
        t.vfpCompare(double: sz != 0, d: Self.reg(sz, Vd, D), m: nil, quietNaNExc: true); return true
    }

    mutating func VCVT_dp_sp(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        // sz == 1: double to single.
        let toDouble = sz == 0
        t.vfpConvertPrecision(toDouble: toDouble, d: Self.reg(toDouble ? 1 : 0, Vd, D), m: Self.reg(sz, Vm, M)); return true
    }
    mutating func VCVT_fp_int(cond: UInt32, D: UInt32, Vd: UInt32, sz: UInt32, op: UInt32, M: UInt32, Vm: UInt32, opc2: UInt32) -> Bool {
        let double = sz != 0
        if opc2 == 0 {
            t.vfpFromInteger(double: double, d: Self.reg(sz, Vd, D), m: Self.reg(0, Vm, M), signed: op != 0)
        } else {
            t.vfpToInteger(double: double, d: Self.reg(0, Vd, D), m: Self.reg(sz, Vm, M), signed: opc2 & 1 != 0, roundTowardZero: op != 0)
        }
        return true
    }
    mutating func VCVT_fp_fixed(cond: UInt32, D: UInt32, op: UInt32, U: UInt32, Vd: UInt32, sf: UInt32, sx: UInt32, i: UInt32, imm4: UInt32) -> Bool {
        let size: UInt32 = sx != 0 ? 32 : 16
        let imm = imm4 << 1 | i
        guard imm <= size else { return false }
        t.vfpFixedPoint(toFixed: op != 0, double: sf != 0, d: Self.reg(sf, Vd, D), signed: U == 0, size16: sx == 0, fracBits: size - imm)
        return true
    }

    // A7.6 Extension register loads and stores
    mutating func VSTR(cond: UInt32, U: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, sz: UInt32, imm8: UInt32) -> Bool {
        t.vfpLoadStore(load: false, double: sz != 0, r: Self.reg(sz, Vd, D), n: Rn, add: U != 0, imm8: imm8); return true
    }
    mutating func VLDR(cond: UInt32, U: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, sz: UInt32, imm8: UInt32) -> Bool {
        t.vfpLoadStore(load: true, double: sz != 0, r: Self.reg(sz, Vd, D), n: Rn, add: U != 0, imm8: imm8); return true
    }
    mutating func multiple(load: Bool, increment: Bool, W: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, sz: UInt32, imm8: UInt32) -> Bool {
        let first = Self.reg(sz, Vd, D)
        let count = sz != 0 ? Int(imm8 / 2) : Int(imm8)
        guard count > 0, first + count <= 32, Rn != 15 || W == 0 else { return false }
        t.vfpLoadStoreMultiple(load: load, double: sz != 0, first: first, n: Rn, imm8: imm8, increment: increment, writeBack: W != 0)
        return true
    }
    mutating func VSTM(cond: UInt32, D: UInt32, W: UInt32, Rn: UInt32, Vd: UInt32, sz: UInt32, imm8: UInt32) -> Bool { multiple(load: false, increment: true, W: W, D: D, Rn: Rn, Vd: Vd, sz: sz, imm8: imm8) }
    mutating func VLDM(cond: UInt32, D: UInt32, W: UInt32, Rn: UInt32, Vd: UInt32, sz: UInt32, imm8: UInt32) -> Bool { multiple(load: true, increment: true, W: W, D: D, Rn: Rn, Vd: Vd, sz: sz, imm8: imm8) }
    mutating func VSTMDB(cond: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, sz: UInt32, imm8: UInt32) -> Bool { multiple(load: false, increment: false, W: 1, D: D, Rn: Rn, Vd: Vd, sz: sz, imm8: imm8) }
    mutating func VLDMDB(cond: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, sz: UInt32, imm8: UInt32) -> Bool { multiple(load: true, increment: false, W: 1, D: D, Rn: Rn, Vd: Vd, sz: sz, imm8: imm8) }

    // A7.8, A7.9 Transfers between core and extension registers
    mutating func VMOV_two_core_two_single(cond: UInt32, op: UInt32, Rt2: UInt32, Rt: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let m = Self.reg(0, Vm, M)
        guard m < 31 else { return false }
        t.vmovCoreDouble(toCore: op != 0, t: Rt, t2: Rt2, lowOffset: ARMState.s(m), highOffset: ARMState.s(m + 1)); return true
    }
    mutating func VMOV_two_core_double(cond: UInt32, op: UInt32, Rt2: UInt32, Rt: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let m = Self.reg(1, Vm, M)
        t.vmovCoreDouble(toCore: op != 0, t: Rt, t2: Rt2, lowOffset: ARMState.d(m), highOffset: ARMState.d(m) + 4); return true
    }
    mutating func VMOV_core_single(cond: UInt32, op: UInt32, Vn: UInt32, Rt: UInt32, N: UInt32) -> Bool {
        t.vmovCoreSingle(toCore: op != 0, t: Rt, s: Self.reg(0, Vn, N)); return true
    }
    mutating func VMSR(cond: UInt32, reg: UInt32, Rt: UInt32) -> Bool { t.vmsr(t: Rt, register: reg) }
    mutating func VMRS(cond: UInt32, reg: UInt32, Rt: UInt32) -> Bool { t.vmrs(t: Rt, register: reg) }

    /// The element of a scalar transfer: (size in bytes, byte offset in the D register).
    static func scalar(opc1: UInt32, opc2: UInt32) -> (Int, Int)? {
        if opc1 & 2 != 0 { return (1, Int((opc1 & 1) << 2 | opc2)) }
        if opc2 & 1 != 0 { return (2, Int(((opc1 & 1) << 1 | opc2 >> 1) * 2)) }
        if opc2 & 2 == 0 { return (4, Int((opc1 & 1) * 4)) }
        return nil
    }
    mutating func VMOV_core_scalar(cond: UInt32, opc1: UInt32, Vd: UInt32, Rt: UInt32, D: UInt32, opc2: UInt32) -> Bool {
        guard let (size, offset) = Self.scalar(opc1: opc1, opc2: opc2) else { return false }
        t.vmovToScalar(d: Self.reg(1, Vd, D), size: size, offset: offset, t: Rt); return true
    }
    mutating func VMOV_scalar_core(cond: UInt32, U: UInt32, opc1: UInt32, Vn: UInt32, Rt: UInt32, N: UInt32, opc2: UInt32) -> Bool {
        guard let (size, offset) = Self.scalar(opc1: opc1, opc2: opc2), !(size == 4 && U != 0) else { return false }
        t.vmovFromScalar(n: Self.reg(1, Vn, N), size: size, offset: offset, t: Rt, signed: U == 0); return true
    }
    mutating func VDUP_core(cond: UInt32, B: UInt32, Q: UInt32, Vd: UInt32, Rt: UInt32, D: UInt32, E: UInt32) -> Bool {
        let size: Int
        switch B << 1 | E {
        case 0: size = 4
        case 1: size = 2
        case 2: size = 1
        default: return false
        }
        let d = Self.reg(1, Vd, D)
        guard Q == 0 || d & 1 == 0 else { return false }
        t.vdupCore(d: d, registers: Q != 0 ? 2 : 1, size: size, t: Rt); return true
    }
}
