// Loads and stores (MIPS32 Vol. II-A: LB, LBU, LH, LHU, LW, SB, SH, SW, the unaligned-word
// pairs LWL/LWR/SWL/SWR, and LL/SC). Accesses are in the block's byte order; word and halfword
// accesses are checked for alignment only under MIPSMode.strictAlignment (LL and SC always).

import IR

extension Translator {
    /// The effective address as one value.
    mutating func effectiveAddress(base: UInt32, offset: UInt32) -> Value {
        let (a, d) = address(base: base, offset: offset)
        return d == 0 ? a : b.addi(a, d)
    }

    /// LB, LBU, LH, LHU, LW: GPR[rt] = memory[GPR[base] + offset], extended. A load into $0
    /// still reads memory (it may fault).
    mutating func load(_ size: Int, signed: Bool, rt: UInt32, base: UInt32, offset: UInt32) {
        let (a, d) = address(base: base, offset: offset)
        let value = b.load(memop(size, signed: signed), .i32, address: a, offset: d)
        setGPR(rt, value)
    }

    /// SB, SH, SW: memory[GPR[base] + offset] = the low bytes of GPR[rt].
    mutating func store(_ size: Int, rt: UInt32, base: UInt32, offset: UInt32) {
        let (a, d) = address(base: base, offset: offset)
        b.store(memop(size), address: a, offset: d, gpr(rt))
    }

    // MARK: Unaligned word pairs

    /// LWL, LWR: merge part of the aligned word holding the effective address into GPR[rt].
    /// With byte = the address's low two bits (xor 3 on a big-endian CPU), LWL puts the word's
    /// low byte + 1 bytes at the top of rt and LWR its high 4 - byte bytes at the bottom.
    mutating func loadPartial(left: Bool, rt: UInt32, base: UInt32, offset: UInt32) {
        let ea = effectiveAddress(base: base, offset: offset)
        let word = b.load(MemOp(size: 4, bigEndian: bigEndian), .i32, address: b.andi(ea, ~3))
        guard rt != 0 else { return }
        let k8 = b.shli(b.andi(ea, 3), 3)
        // LWL shifts left by 8 * (3 - byte), LWR right by 8 * byte: in address terms 8k or
        // 24 - 8k depending on the byte order.
        let shift = left == bigEndian ? k8 : b.sub(b.const32(24), k8)
        let old = gpr(rt)
        let merged: Value
        if left {
            let keep = b.sub(b.shl(b.const32(1), shift), b.const32(1))
            merged = b.or(b.shl(word, shift), b.and(old, keep))
        } else {
            merged = b.or(b.shr(word, shift), b.andc(old, b.shr(b.const32(0xffff_ffff), shift)))
        }
        setGPR(rt, merged)
    }

    /// SWL, SWR: store part of GPR[rt] into the aligned word holding the effective address,
    /// exactly the bytes the manual names (one to four contiguous bytes, so a concurrent store to
    /// the word's other bytes is not undone). k = the address's low two bits:
    /// - SWL big-endian: the top 4 - k bytes of rt at ea; little-endian: the top k + 1 bytes
    ///   ending at ea (from ea - k).
    /// - SWR big-endian: the low k + 1 bytes ending at ea; little-endian: the low 4 - k bytes
    ///   from ea.
    mutating func storePartial(left: Bool, rt: UInt32, base: UInt32, offset: UInt32) {
        let ea = effectiveAddress(base: base, offset: offset)
        let k = b.andi(ea, 3)
        let value = gpr(rt)
        let done = b.newLabel()
        for kc: UInt32 in 0..<4 {
            let next = b.newLabel()
            if kc < 3 { b.brcond(.ne, k, b.const32(kc), next) }
            let fromAddress = left == bigEndian
            let count = fromAddress ? 4 - Int(kc) : Int(kc) + 1
            let start = fromAddress ? ea : b.sub(ea, b.const32(kc))
            let v = left ? b.shri(value, UInt64(32 - 8 * count)) : value
            storeBytes(v, count: count, at: start)
            b.br(done)
            b.label(next)
        }
        b.label(done)
    }

    /// Stores the low `count` (1-4) bytes of v at address, in the block's byte order.
    mutating func storeBytes(_ v: Value, count: Int, at address: Value) {
        switch count {
        case 1, 2, 4:
            b.store(MemOp(size: count, bigEndian: bigEndian), address: address, v)
        default:
            // Three bytes: a halfword and a byte, most significant first when big-endian.
            if bigEndian {
                b.store(MemOp(size: 2, bigEndian: true), address: address, b.shri(v, 8))
                b.store(.u8, address: address, offset: 2, v)
            } else {
                b.store(MemOp(size: 2), address: address, v)
                b.store(.u8, address: address, offset: 2, b.shri(v, 16))
            }
        }
    }

    // MARK: Load linked, store conditional

    /// LL: GPR[rt] = memory[ea], and the link remembers the address and the word (an address
    /// error when unaligned).
    mutating func loadLinked(rt: UInt32, base: UInt32, offset: UInt32) {
        let ea = effectiveAddress(base: base, offset: offset)
        let value = b.load(memop(4, aligned: true), .i32, address: ea)
        b.storeState(MIPSState.llAddress, b.zext(ea))
        b.storeState(MIPSState.llValue, b.zext(value))
        setGPR(rt, value)
    }

    /// SC: if the link holds this address and memory still holds the word LL read, store GPR[rt]
    /// atomically and GPR[rt] = 1; otherwise GPR[rt] = 0. The link is dropped either way.
    /// (Compare-and-swap on the value: an ABA change in between succeeds where the hardware's
    /// LLbit would fail, which no correct lock-free algorithm can tell.)
    mutating func storeConditional(rt: UInt32, base: UInt32, offset: UInt32) {
        let ea = effectiveAddress(base: base, offset: offset)
        let new = gpr(rt)
        let status = b.newValue(.i32)
        b.assign(status, constant: 0)
        let fail = b.newLabel()
        b.brcond(.ne, b.loadState(.i64, MIPSState.llAddress), b.zext(ea), fail)
        let expected = b.trunc(b.loadState(.i64, MIPSState.llValue))
        let old = b.cmpxchg(memop(4, aligned: true), address: ea, expected: expected, new: new)
        b.brcond(.ne, old, expected, fail)
        b.assign(status, constant: 1)
        b.label(fail)
        b.storeState(MIPSState.llAddress, b.const64(~0))
        setGPR(rt, status)
    }
}
