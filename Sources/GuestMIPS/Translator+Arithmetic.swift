// Integer arithmetic (MIPS32 Vol. II-A): the trapping adds and subtracts, the multiply and
// divide family on HI/LO, and the bit-field, byte and count instructions of Release 2.

import IR

extension Translator {
    // MARK: Add and subtract with overflow trap

    /// ADD, ADDI: d = x + y, or an Integer Overflow exception (no register written) when the
    /// signed sum does not fit: x and y have the same sign and the sum the other.
    mutating func addTrapping(_ x: Value, _ y: Value, to d: UInt32) {
        let sum = b.add(x, y)
        let overflow = b.and(b.xor(x, sum), b.xor(y, sum))
        exit(if: .lt, overflow, b.const32(0), .breakpoint, payload: MIPSTrap.overflow.payload)
        setGPR(d, sum)
    }

    /// SUB: d = x - y, or an Integer Overflow exception: x and y differ in sign and the result
    /// has y's.
    mutating func subtractTrapping(_ x: Value, _ y: Value, to d: UInt32) {
        let difference = b.sub(x, y)
        let overflow = b.and(b.xor(x, y), b.xor(x, difference))
        exit(if: .lt, overflow, b.const32(0), .breakpoint, payload: MIPSTrap.overflow.payload)
        setGPR(d, difference)
    }

    // MARK: HI and LO

    /// The 64-bit product of GPR[rs] and GPR[rt], signed or unsigned.
    mutating func product(rs: UInt32, rt: UInt32, signed: Bool) -> Value {
        let x = gpr(rs), y = gpr(rt)
        return signed ? b.mul(b.sext(x), b.sext(y)) : b.mul(b.zext(x), b.zext(y))
    }

    /// HI:LO = v.
    mutating func setHILO(_ v: Value) {
        b.storeState(MIPSState.lo, b.trunc(v))
        b.storeState(MIPSState.hi, b.trunc(b.shri(v, 32)))
    }

    /// MULT, MULTU: HI:LO = GPR[rs] * GPR[rt].
    mutating func multiply(rs: UInt32, rt: UInt32, signed: Bool) {
        setHILO(product(rs: rs, rt: rt, signed: signed))
    }

    /// MADD, MADDU, MSUB, MSUBU: HI:LO = HI:LO +/- GPR[rs] * GPR[rt], modulo 2^64.
    mutating func multiplyAccumulate(rs: UInt32, rt: UInt32, signed: Bool, subtract: Bool) {
        let p = product(rs: rs, rt: rt, signed: signed)
        let acc = b.concat(low: b.loadState(.i32, MIPSState.lo), high: b.loadState(.i32, MIPSState.hi))
        setHILO(subtract ? b.sub(acc, p) : b.add(acc, p))
    }

    /// DIV, DIVU: LO = GPR[rs] / GPR[rt], HI = the remainder. The manual leaves division by zero
    /// (and, for DIV, 0x80000000 / -1) UNPREDICTABLE without a trap; this gives what qemu-mips
    /// gives, LO = GPR[rs] and HI = 0, by dividing by 1 instead of 0 (the IR's own results
    /// for -2^31 / -1 are qemu's already: LO = -2^31, HI = 0).
    mutating func divide(rs: UInt32, rt: UInt32, signed: Bool) {
        let x = gpr(rs), y = gpr(rt)
        let divisor = b.or(y, b.setcond(.eq, y, b.const32(0)))
        b.storeState(MIPSState.lo, b.binary(signed ? .divs : .divu, x, divisor))
        b.storeState(MIPSState.hi, b.binary(signed ? .rems : .remu, x, divisor))
    }

    // MARK: Bit fields, bytes and counts (Release 2)

    /// EXT: GPR[rt] = GPR[rs] bits lsb .. lsb + size - 1, zero-extended. A field past bit 31 is
    /// UNPREDICTABLE; it is reserved here, as qemu makes it.
    mutating func extractField(rt: UInt32, rs: UInt32, lsb: UInt32, size: UInt32) -> Bool {
        guard lsb + size <= 32 else { return false }
        setGPR(rt, size == 32 ? gpr(rs) : b.extract(gpr(rs), position: Int(lsb), length: Int(size)))
        return true
    }

    /// INS: GPR[rt] bits lsb .. msb = GPR[rs] bits 0 .. msb - lsb. msb < lsb is UNPREDICTABLE;
    /// reserved here.
    mutating func insertField(rt: UInt32, rs: UInt32, lsb: UInt32, msb: UInt32) -> Bool {
        guard msb >= lsb else { return false }
        setGPR(rt, b.deposit(gpr(rt), gpr(rs), position: Int(lsb), length: Int(msb - lsb + 1)))
        return true
    }

    /// WSBH: swap the bytes within each halfword.
    mutating func swapBytesInHalfwords(rd: UInt32, rt: UInt32) {
        let x = gpr(rt)
        setGPR(rd, b.or(b.andi(b.shri(x, 8), 0x00ff_00ff), b.andi(b.shli(x, 8), 0xff00_ff00)))
    }

    /// CLZ, CLO: the number of leading zeros (ones) of GPR[rs], 32 for all zeros (ones).
    mutating func countLeading(rd: UInt32, rs: UInt32, ones: Bool) {
        let x = gpr(rs)
        setGPR(rd, b.unary(.clz, ones ? b.not(x) : x))
    }

    /// MOVZ, MOVN: GPR[rd] = GPR[rs] when GPR[rt] is zero (nonzero).
    mutating func conditionalMove(rd: UInt32, rs: UInt32, rt: UInt32, ifZero: Bool) {
        guard rd != 0 else { return }
        let moved = b.setcond(ifZero ? .eq : .ne, gpr(rt), b.const32(0))
        setGPR(rd, b.select(moved, gpr(rs), gpr(rd)))
    }

    /// MOVF, MOVT: GPR[rd] = GPR[rs] when FPU condition code cc is false (true).
    mutating func conditionalMoveOnFCC(rd: UInt32, rs: UInt32, cc: UInt32, ifTrue: Bool) {
        guard rd != 0 else { return }
        let moved = b.setcond(ifTrue ? .tstne : .tsteq, b.loadState(.i32, MIPSState.fcc), b.const32(1 << cc))
        setGPR(rd, b.select(moved, gpr(rs), gpr(rd)))
    }
}
