// A32 loads and stores (ARM ARM A5.2.8-A5.2.10, A5.3, A5.5): immediate, literal, register and
// unprivileged forms, doubleword, exclusive, and load/store multiple.

import ARMDecoder
import IR

extension A32Decoding {
    // MARK: Word and unsigned byte (A5.3)

    mutating func immediate(_ access: Access, load: Bool, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm: UInt32) -> Bool {
        let mode = Addressing(P: P, U: U, W: W)
        if load { t.load(access, t: Rt, n: Rn, immediate: imm, mode) } else { t.store(access, t: Rt, n: Rn, immediate: imm, mode) }
        return true
    }

    mutating func register(_ access: Access, load: Bool, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32,
                           imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool {
        let offset = t.shiftImmediate(t.reg(Rm), type: type, imm5: imm5, wantCarry: false).value
        let mode = Addressing(P: P, U: U, W: W)
        if load { t.load(access, t: Rt, n: Rn, offset: offset, mode) } else { t.store(access, t: Rt, n: Rn, offset: offset, mode) }
        return true
    }

    /// The unprivileged forms: post-indexed, as the user-mode access they are here.
    static func unprivileged(U: UInt32) -> (P: UInt32, U: UInt32, W: UInt32) { (0, U, 1) }

    mutating func STR_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.word, load: false, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func LDR_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.word, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func STRB_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.byte, load: false, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func LDRB_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.byte, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func LDR_lit(cond: UInt32, U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.word, load: true, P: 1, U: U, W: 0, Rn: 15, Rt: Rt, imm: imm12) }
    mutating func LDRB_lit(cond: UInt32, U: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.byte, load: true, P: 1, U: U, W: 0, Rn: 15, Rt: Rt, imm: imm12) }
    mutating func STR_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.word, load: false, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }
    mutating func LDR_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.word, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }
    mutating func STRB_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.byte, load: false, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }
    mutating func LDRB_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.byte, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }
    mutating func STRT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.word, load: false, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func LDRT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.word, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func STRBT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.byte, load: false, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func LDRBT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm12: UInt32) -> Bool { immediate(.byte, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm12) }
    mutating func STRT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.word, load: false, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }
    mutating func LDRT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.word, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }
    mutating func STRBT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.byte, load: false, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }
    mutating func LDRBT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm5: UInt32, type: UInt32, Rm: UInt32) -> Bool { register(.byte, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm5: imm5, type: type, Rm: Rm) }

    // MARK: Halfword, signed, doubleword (A5.2.8, A5.2.9)

    mutating func extraRegister(_ access: Access, load: Bool, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool {
        register(access, load: load, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm5: 0, type: 0, Rm: Rm)
    }

    mutating func STRH_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.half, load: false, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRH_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.half, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRSB_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.signedByte, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRSH_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.signedHalf, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRH_lit(cond: UInt32, U: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.half, load: true, P: 1, U: U, W: 0, Rn: 15, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRSB_lit(cond: UInt32, U: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.signedByte, load: true, P: 1, U: U, W: 0, Rn: 15, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRSH_lit(cond: UInt32, U: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.signedHalf, load: true, P: 1, U: U, W: 0, Rn: 15, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func STRH_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.half, load: false, P: P, U: U, W: W, Rn: Rn, Rt: Rt, Rm: Rm) }
    mutating func LDRH_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.half, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, Rm: Rm) }
    mutating func LDRSB_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.signedByte, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, Rm: Rm) }
    mutating func LDRSH_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.signedHalf, load: true, P: P, U: U, W: W, Rn: Rn, Rt: Rt, Rm: Rm) }
    mutating func STRHT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.half, load: false, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRHT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.half, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRSBT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.signedByte, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func LDRSHT_A1(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool { immediate(.signedHalf, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, imm: imm4H << 4 | imm4L) }
    mutating func STRHT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.half, load: false, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, Rm: Rm) }
    mutating func LDRHT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.half, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, Rm: Rm) }
    mutating func LDRSBT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.signedByte, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, Rm: Rm) }
    mutating func LDRSHT_A2(cond: UInt32, U: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool { extraRegister(.signedHalf, load: true, P: 0, U: U, W: 1, Rn: Rn, Rt: Rt, Rm: Rm) }

    mutating func LDRD_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool {
        guard Rt & 1 == 0, Rt != 14 else { return false }
        t.loadDual(t: Rt, t2: Rt + 1, n: Rn, immediate: imm4H << 4 | imm4L, Addressing(P: P, U: U, W: W))
        return true
    }
    mutating func LDRD_lit(cond: UInt32, U: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool {
        LDRD_imm(cond: cond, P: 1, U: U, W: 0, Rn: 15, Rt: Rt, imm4H: imm4H, imm4L: imm4L)
    }
    mutating func LDRD_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool {
        guard Rt & 1 == 0, Rt != 14 else { return false }
        t.loadDual(t: Rt, t2: Rt + 1, n: Rn, offset: t.reg(Rm), Addressing(P: P, U: U, W: W))
        return true
    }
    mutating func STRD_imm(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, imm4H: UInt32, imm4L: UInt32) -> Bool {
        guard Rt & 1 == 0, Rt != 14 else { return false }
        t.storeDual(t: Rt, t2: Rt + 1, n: Rn, immediate: imm4H << 4 | imm4L, Addressing(P: P, U: U, W: W))
        return true
    }
    mutating func STRD_reg(cond: UInt32, P: UInt32, U: UInt32, W: UInt32, Rn: UInt32, Rt: UInt32, Rm: UInt32) -> Bool {
        guard Rt & 1 == 0, Rt != 14 else { return false }
        t.storeDual(t: Rt, t2: Rt + 1, n: Rn, offset: t.reg(Rm), Addressing(P: P, U: U, W: W))
        return true
    }

    // MARK: Synchronization primitives (A5.2.10)

    mutating func SWP(cond: UInt32, Rn: UInt32, Rt: UInt32, Rt2: UInt32) -> Bool { t.swap(.word, t: Rt, t2: Rt2, n: Rn); return true }
    mutating func SWPB(cond: UInt32, Rn: UInt32, Rt: UInt32, Rt2: UInt32) -> Bool { t.swap(.byte, t: Rt, t2: Rt2, n: Rn); return true }
    mutating func LDREX(cond: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { t.loadExclusive(.word, t: Rt, n: Rn, imm: 0); return true }
    mutating func LDREXB(cond: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { t.loadExclusive(.byte, t: Rt, n: Rn, imm: 0); return true }
    mutating func LDREXH(cond: UInt32, Rn: UInt32, Rt: UInt32) -> Bool { t.loadExclusive(.half, t: Rt, n: Rn, imm: 0); return true }
    mutating func LDREXD(cond: UInt32, Rn: UInt32, Rt: UInt32) -> Bool {
        guard Rt & 1 == 0, Rt != 14 else { return false }
        t.loadExclusiveDual(t: Rt, t2: Rt + 1, n: Rn); return true
    }
    mutating func STREX(cond: UInt32, Rn: UInt32, Rd: UInt32, Rt: UInt32) -> Bool { t.storeExclusive(.word, d: Rd, t: Rt, n: Rn, imm: 0); return true }
    mutating func STREXB(cond: UInt32, Rn: UInt32, Rd: UInt32, Rt: UInt32) -> Bool { t.storeExclusive(.byte, d: Rd, t: Rt, n: Rn, imm: 0); return true }
    mutating func STREXH(cond: UInt32, Rn: UInt32, Rd: UInt32, Rt: UInt32) -> Bool { t.storeExclusive(.half, d: Rd, t: Rt, n: Rn, imm: 0); return true }
    mutating func STREXD(cond: UInt32, Rn: UInt32, Rd: UInt32, Rt: UInt32) -> Bool {
        guard Rt & 1 == 0, Rt != 14 else { return false }
        t.storeExclusive(nil, d: Rd, t: Rt, t2: Rt + 1, n: Rn, imm: 0); return true
    }

    // MARK: Load/store multiple (A5.5)

    mutating func STMDA(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: false, n: Rn, registers: register_list, increment: false, before: false, writeBack: W != 0); return true }
    mutating func LDMDA(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: true, n: Rn, registers: register_list, increment: false, before: false, writeBack: W != 0); return true }
    mutating func STM(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: false, n: Rn, registers: register_list, increment: true, before: false, writeBack: W != 0); return true }
    mutating func LDM(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: true, n: Rn, registers: register_list, increment: true, before: false, writeBack: W != 0); return true }
    mutating func STMDB(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: false, n: Rn, registers: register_list, increment: false, before: true, writeBack: W != 0); return true }
    mutating func LDMDB(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: true, n: Rn, registers: register_list, increment: false, before: true, writeBack: W != 0); return true }
    mutating func STMIB(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: false, n: Rn, registers: register_list, increment: true, before: true, writeBack: W != 0); return true }
    mutating func LDMIB(cond: UInt32, W: UInt32, Rn: UInt32, register_list: UInt32) -> Bool { t.blockTransfer(load: true, n: Rn, registers: register_list, increment: true, before: true, writeBack: W != 0); return true }
}
