// Advanced SIMD shifts: by register (A7.4.1: VSHL, VQSHL, VRSHL, VQRSHL), by immediate
// (A7.4.4: VSHR ... VQRSHRUN, VSHLL, VMOVL) and the narrowing moves of A7.4.5 (VMOVN,
// VQMOVN, VQMOVUN) and VSHLL (A2). Lanes are computed by ARMHelpers.neonShift.

import ARMDecoder
import IR

extension NEONDecoding {
    /// The element size (log2 bytes) and right shift of a shift-by-immediate encoding
    /// (A8.8.* "case L:imm6 of"): esize - shift is what imm6 holds below its size marker.
    static func rightShift(L: UInt32, imm6: UInt32) -> (size: UInt32, amount: UInt32)? {
        if L == 1 { return (3, 64 - imm6) }
        if imm6 >> 3 == 1 { return (0, 16 - imm6) }
        if imm6 >> 4 == 1 { return (1, 32 - imm6) }
        if imm6 >> 5 == 1 { return (2, 64 - imm6) }
        return nil  // L:imm6 == 0000xxx is the modified-immediate space
    }
    static func leftShift(L: UInt32, imm6: UInt32) -> (size: UInt32, amount: UInt32)? {
        if L == 1 { return (3, imm6) }
        if imm6 >> 3 == 1 { return (0, imm6 - 8) }
        if imm6 >> 4 == 1 { return (1, imm6 - 16) }
        if imm6 >> 5 == 1 { return (2, imm6 - 32) }
        return nil
    }

    mutating func shift(_ op: NEONShiftOp, unsigned: Bool, size: UInt32, quad: Bool, d: UInt32, n: UInt32 = 0, m: UInt32, amount: UInt32) -> Bool {
        let o = NEONOperands(op: op.rawValue, size: size, unsigned: unsigned, quad: quad, d: d, n: n, m: m)
        t.b.call(ARMHelpers.neonShift, effects: [.readsState, .writesState], result: nil, t.const32(o.packed), t.const32(amount))
        return true
    }

    /// VSHL, VQSHL, VRSHL, VQRSHL (register): Dd = Dm shifted by the bottom byte of Dn's lanes.
    mutating func shiftByRegister(_ op: NEONShiftOp, U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d, n, m) else { return false }
        return shift(op, unsigned: U != 0, size: size, quad: Q != 0, d: d, n: n, m: m, amount: 0)
    }

    mutating func shiftRight(_ op: NEONShiftOp, U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d, m), let (size, amount) = Self.rightShift(L: L, imm6: imm6) else { return false }
        return shift(op, unsigned: U != 0, size: size, quad: Q != 0, d: d, m: m, amount: amount)
    }

    mutating func shiftLeft(_ op: NEONShiftOp, U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d, m), let (size, amount) = Self.leftShift(L: L, imm6: imm6) else { return false }
        return shift(op, unsigned: U != 0, size: size, quad: Q != 0, d: d, m: m, amount: amount)
    }

    /// Qm (2*esize lanes) shifted right into Dd (esize lanes).
    mutating func narrow(_ op: NEONShiftOp, unsigned: Bool, D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard m & 1 == 0, let (size, amount) = Self.rightShift(L: 0, imm6: imm6) else { return false }
        return shift(op, unsigned: unsigned, size: size, quad: false, d: d, m: m, amount: amount)
    }

    /// VMOVN, VQMOVN, VQMOVUN: a narrowing with no shift; size is the result's.
    mutating func move(_ op: NEONShiftOp, unsigned: Bool, D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard size != 3, m & 1 == 0 else { return false }
        return shift(op, unsigned: unsigned, size: size, quad: false, d: d, m: m, amount: 0)
    }

    /// Dm's lanes widened (Int(x, unsigned)) and shifted left into Qd.
    mutating func widen(unsigned: Bool, D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32, amount: UInt32) -> Bool {
        let d = Self.reg(D, Vd), m = Self.reg(M, Vm)
        guard size < 3, d & 1 == 0 else { return false }
        return shift(.shll, unsigned: unsigned, size: size, quad: false, d: d, m: m, amount: amount)
    }

    // A7.4.1 shifts by register
    mutating func VSHL_reg(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftByRegister(.shl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VQSHL_reg(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftByRegister(.qshl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VRSHL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftByRegister(.rshl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }
    mutating func VQRSHL(U: UInt32, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftByRegister(.qrshl, U: U, D: D, size: size, Vn: Vn, Vd: Vd, N: N, Q: Q, M: M, Vm: Vm) }

    // A7.4.4 shifts by immediate
    mutating func VSHR(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftRight(.shr, U: U, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VSRA(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftRight(.sra, U: U, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VRSHR(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftRight(.rshr, U: U, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VRSRA(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftRight(.rsra, U: U, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VSRI(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftRight(.sri, U: 1, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VSHL_imm(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftLeft(.shli, U: 1, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VSLI(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftLeft(.sli, U: 1, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    /// VQSHLU: signed source, unsigned saturation (U == 1, op == 0).
    mutating func VQSHLU(D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftLeft(.qshlu, U: 1, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VQSHL_imm(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, L: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool { shiftLeft(.qshli, U: U, D: D, imm6: imm6, Vd: Vd, L: L, Q: Q, M: M, Vm: Vm) }
    mutating func VSHRN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { narrow(.shrn, unsigned: true, D: D, imm6: imm6, Vd: Vd, M: M, Vm: Vm) }
    mutating func VRSHRN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { narrow(.rshrn, unsigned: true, D: D, imm6: imm6, Vd: Vd, M: M, Vm: Vm) }
    mutating func VQSHRUN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { narrow(.qshrun, unsigned: true, D: D, imm6: imm6, Vd: Vd, M: M, Vm: Vm) }
    mutating func VQRSHRUN(D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { narrow(.qrshrun, unsigned: true, D: D, imm6: imm6, Vd: Vd, M: M, Vm: Vm) }
    mutating func VQSHRN(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { narrow(.qshrn, unsigned: U != 0, D: D, imm6: imm6, Vd: Vd, M: M, Vm: Vm) }
    mutating func VQRSHRN(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { narrow(.qrshrn, unsigned: U != 0, D: D, imm6: imm6, Vd: Vd, M: M, Vm: Vm) }
    /// VMOVL: imm3 is the element size marker (001, 010, 100).
    mutating func VMOVL(U: UInt32, D: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32, imm3: UInt32) -> Bool {
        let size: UInt32 = imm3 == 1 ? 0 : imm3 == 2 ? 1 : imm3 == 4 ? 2 : 3
        return widen(unsigned: U != 0, D: D, size: size, Vd: Vd, M: M, Vm: Vm, amount: 0)
    }
    mutating func VSHLL_A1(U: UInt32, D: UInt32, imm6: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        guard let (size, amount) = Self.leftShift(L: 0, imm6: imm6) else { return false }
        return widen(unsigned: U != 0, D: D, size: size, Vd: Vd, M: M, Vm: Vm, amount: amount)
    }
    /// VSHLL (A2): the shift is the element size.
    mutating func VSHLL_A2(D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        widen(unsigned: false, D: D, size: size, Vd: Vd, M: M, Vm: Vm, amount: 8 << size)
    }

    // A7.4.5 narrowing moves
    mutating func VMOVN(D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { move(.shrn, unsigned: true, D: D, size: size, Vd: Vd, M: M, Vm: Vm) }
    mutating func VQMOVUN(D: UInt32, size: UInt32, Vd: UInt32, M: UInt32, Vm: UInt32) -> Bool { move(.qshrun, unsigned: true, D: D, size: size, Vd: Vd, M: M, Vm: Vm) }
    mutating func VQMOVN(D: UInt32, size: UInt32, Vd: UInt32, op: UInt32, M: UInt32, Vm: UInt32) -> Bool { move(.qshrn, unsigned: op != 0, D: D, size: size, Vd: Vd, M: M, Vm: Vm) }
}
