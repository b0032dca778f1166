// T32 loads and stores (ARM ARM A6.3.5-A6.3.10): immediate, literal, register, unprivileged,
// dual, exclusive, multiple, table branches and preload hints.

import ARMDecoder
import IR

extension T32Decoding {
    mutating func access(_ a: Access, load: Bool, Rn: UInt32, Rt: UInt32, offset: Value, _ mode: Addressing) -> Bool {
        if load { t.load(a, t: Rt, n: Rn, offset: offset, mode) } else { t.store(a, t: Rt, n: Rn, offset: offset, mode) }
        return true
    }
    mutating func access(_ a: Access, load: Bool, Rn: UInt32, Rt: UInt32, immediate: UInt32, _ mode: Addressing) -> Bool {
        if load { t.load(a, t: Rt, n: Rn, immediate: immediate, mode) } else { t.store(a, t: Rt, n: Rn, immediate: immediate, mode) }
        return true
    }
    /// [Rn, #imm12]
    mutating func offset12(_ a: Access, load: Bool, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool {
        access(a, load: load, Rn: Rn, Rt: Rt, immediate: imm12, .offset)
    }
    /// [Rn, #+/-imm8]{!} or [Rn], #+/-imm8; P == 0 && W == 0 is UNDEFINED.
    mutating func offset8(_ a: Access, load: Bool, Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool {
        guard P != 0 || W != 0 else { return false }
        return access(a, load: load, Rn: Rn, Rt: Rt, immediate: imm8, Addressing(P: P, U: U, W: W))
    }
    /// The unprivileged forms: [Rn, #imm8], no writeback.
    mutating func unprivileged(_ a: Access, load: Bool, Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool {
        access(a, load: load, Rn: Rn, Rt: Rt, immediate: imm8, .offset)
    }
    /// [Rn, Rm, LSL #imm2]
    mutating func register(_ a: Access, load: Bool, Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool {
        let offset = imm2 == 0 ? t.reg(Rm) : t.b.shli(t.reg(Rm), UInt64(imm2))
        return access(a, load: load, Rn: Rn, Rt: Rt, offset: offset, .offset)
    }
    /// [PC, #+/-imm12] with PC word-aligned.
    mutating func literal(_ a: Access, U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool {
        access(a, load: true, Rn: 15, Rt: Rt, immediate: imm12, Addressing(add: U != 0, index: true, writeBack: false))
    }

    // A6.3.10 Store single data item
    mutating func STRB_imm_T2(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { Rn != 15 && offset12(.byte, load: false, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func STRBT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { Rn != 15 && unprivileged(.byte, load: false, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func STRB_imm_T3(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { Rn != 15 && offset8(.byte, load: false, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func STRB_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { Rn != 15 && register(.byte, load: false, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }
    mutating func STRH_imm_T2(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { Rn != 15 && offset12(.half, load: false, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func STRHT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { Rn != 15 && unprivileged(.half, load: false, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func STRH_imm_T3(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { Rn != 15 && offset8(.half, load: false, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func STRH_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { Rn != 15 && register(.half, load: false, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }
    mutating func STR_imm_T3(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { Rn != 15 && offset12(.word, load: false, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func STRT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { Rn != 15 && unprivileged(.word, load: false, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func STR_imm_T4(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { Rn != 15 && offset8(.word, load: false, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func STR_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { Rn != 15 && register(.word, load: false, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }

    // A6.3.7-9 Loads
    mutating func LDRB_lit(U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { literal(.byte, U: U, Rt: Rt, imm12: imm12) }
    mutating func LDRB_imm_T2(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { offset12(.byte, load: true, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func LDRBT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { unprivileged(.byte, load: true, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func LDRB_imm_T3(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { offset8(.byte, load: true, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func LDRB_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { register(.byte, load: true, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }
    mutating func LDRH_lit(U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { literal(.half, U: U, Rt: Rt, imm12: imm12) }
    mutating func LDRH_imm_T2(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { offset12(.half, load: true, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func LDRHT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { unprivileged(.half, load: true, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func LDRH_imm_T3(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { offset8(.half, load: true, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func LDRH_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { register(.half, load: true, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }
    mutating func LDRSB_lit(U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { literal(.signedByte, U: U, Rt: Rt, imm12: imm12) }
    mutating func LDRSB_imm_T1(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { offset12(.signedByte, load: true, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func LDRSBT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { unprivileged(.signedByte, load: true, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func LDRSB_imm_T2(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { offset8(.signedByte, load: true, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func LDRSB_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { register(.signedByte, load: true, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }
    mutating func LDRSH_lit(U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { literal(.signedHalf, U: U, Rt: Rt, imm12: imm12) }
    mutating func LDRSH_imm_T1(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { offset12(.signedHalf, load: true, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func LDRSHT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { unprivileged(.signedHalf, load: true, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func LDRSH_imm_T2(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { offset8(.signedHalf, load: true, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func LDRSH_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { register(.signedHalf, load: true, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }
    mutating func LDR_lit(U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { literal(.word, U: U, Rt: Rt, imm12: imm12) }
    mutating func LDR_imm_T3(Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { offset12(.word, load: true, Rn: Rn, Rt: Rt, imm12: imm12) }
    mutating func LDRT(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { unprivileged(.word, load: true, Rn: Rn, Rt: Rt, imm8: imm8) }
    mutating func LDR_imm_T4(Rn: UInt32, Rt: UInt32, P: UInt32, U: UInt32, W: UInt32, imm8: UInt32) -> Bool { offset8(.word, load: true, Rn: Rn, Rt: Rt, P: P, U: U, W: W, imm8: imm8) }
    mutating func LDR_reg(Rn: UInt32, Rt: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { register(.word, load: true, Rn: Rn, Rt: Rt, imm2: imm2, Rm: Rm) }

    // Preload hints: no effect.
    mutating func PLD_lit(U: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLD_imm_T1(W: UInt32, Rn: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLD_imm_T2(W: UInt32, Rn: UInt32, imm8: UInt32) -> Bool { true }
    mutating func PLD_reg(W: UInt32, Rn: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { true }
    mutating func PLI_lit(U: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLI_imm_T1(Rn: UInt32, imm12: UInt32) -> Bool { true }
    mutating func PLI_imm_T2(Rn: UInt32, imm8: UInt32) -> Bool { true }
    mutating func PLI_reg(Rn: UInt32, imm2: UInt32, Rm: UInt32) -> Bool { true }

    // A6.3.5 Load/store multiple
    mutating func STM(W: UInt32, Rn: UInt32, M: UInt32, register_list: UInt32) -> Bool {
        let list = M << 14 | register_list
        guard list.nonzeroBitCount >= 2 || list != 0 else { return false }
        t.blockTransfer(load: false, n: Rn, registers: list, increment: true, before: false, writeBack: W != 0); return true
    }
    mutating func LDM(W: UInt32, Rn: UInt32, P: UInt32, M: UInt32, register_list: UInt32) -> Bool {
        let list = P << 15 | M << 14 | register_list
        guard list != 0 else { return false }
        t.blockTransfer(load: true, n: Rn, registers: list, increment: true, before: false, writeBack: W != 0); return true
    }
    mutating func STMDB(W: UInt32, Rn: UInt32, M: UInt32, register_list: UInt32) -> Bool {
        let list = M << 14 | register_list
        guard list != 0 else { return false }
        t.blockTransfer(load: false, n: Rn, registers: list, increment: false, before: true, writeBack: W != 0); return true
    }
    mutating func LDMDB(W: UInt32, Rn: UInt32, P: UInt32, M: UInt32, register_list: UInt32) -> Bool {
        let list = P << 15 | M << 14 | register_list
        guard list != 0 else { return false }
        t.blockTransfer(load: true, n: Rn, registers: list, increment: false, before: true, writeBack: W != 0); return true
    }

    // A6.3.6 Load/store dual, exclusive, table branch
    mutating func STRD_imm(P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rt2: UInt32, imm8: UInt32) -> Bool {
        guard P != 0 || W != 0, Rn != 15 else { return false }
        t.storeDual(t: Rt, t2: Rt2, n: Rn, immediate: imm8 << 2, Addressing(P: P, U: U, W: W)); return true
    }
    mutating func LDRD_imm(P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rt2: UInt32, imm8: UInt32) -> Bool {
        guard P != 0 || W != 0 else { return false }
        t.loadDual(t: Rt, t2: Rt2, n: Rn, immediate: imm8 << 2, Addressing(P: P, U: U, W: W)); return true
    }
    mutating func LDRD_lit(P: UInt32, U: UInt32, W: UInt32, Rt: UInt32, Rt2: UInt32, imm8: UInt32) -> Bool {
        guard P != 0 || W != 0 else { return false }
        t.loadDual(t: Rt, t2: Rt2, n: 15, immediate: imm8 << 2, Addressing(add: U != 0, index: true, writeBack: false)); return true
    }
    mutating func STREX(Rn: UInt32, Rt: UInt32, Rd: UInt32, imm8: UInt32) -> Bool { t.storeExclusive(.word, d: Rd, t: Rt, n: Rn, imm: imm8 << 2); return true }
    mutating func STREXB(Rn: UInt32, Rt: UInt32, Rd: UInt32) -> Bool { t.storeExclusive(.byte, d: Rd, t: Rt, n: Rn, imm: 0); return true }
    mutating func STREXH(Rn: UInt32, Rt: UInt32, Rd: UInt32) -> Bool { t.storeExclusive(.half, d: Rd, t: Rt, n: Rn, imm: 0); return true }
    mutating func STREXD(Rn: UInt32, Rt: UInt32, Rt2: UInt32, Rd: UInt32) -> Bool { t.storeExclusive(nil, d: Rd, t: Rt, t2: Rt2, n: Rn, imm: 0); return true }
    mutating func LDREX(Rn: UInt32, Rt: UInt32, imm8: UInt32) -> Bool { t.loadExclusive(.word, t: Rt, n: Rn, imm: imm8 << 2); return true }
    mutating func LDREXB(Rn: UInt32, Rt: UInt32) -> Bool { t.loadExclusive(.byte, t: Rt, n: Rn, imm: 0); return true }
    mutating func LDREXH(Rn: UInt32, Rt: UInt32) -> Bool { t.loadExclusive(.half, t: Rt, n: Rn, imm: 0); return true }
    mutating func LDREXD(Rn: UInt32, Rt: UInt32, Rt2: UInt32) -> Bool { t.loadExclusiveDual(t: Rt, t2: Rt2, n: Rn); return true }
    mutating func TBB(Rn: UInt32, Rm: UInt32) -> Bool { t.tableBranch(n: Rn, m: Rm, half: false); return true }
    mutating func TBH(Rn: UInt32, Rm: UInt32) -> Bool { t.tableBranch(n: Rn, m: Rm, half: true); return true }
}
