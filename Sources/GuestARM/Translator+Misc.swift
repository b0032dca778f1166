// Bit manipulation, extension, moves of immediates, status register access, exclusive
// access, barriers and coprocessor reads (ARM ARM A8.8).

import IR

extension Translator {
    // MARK: Bits and bytes

    /// CLZ, RBIT, REV, REV16, REVSH.
    enum ByteOp { case clz, rbit, rev, rev16, revsh }

    mutating func bitOp(_ op: ByteOp, d: UInt32, m: UInt32) {
        let x = reg(m)
        let r: Value
        switch op {
        case .clz: r = b.unary(.clz, x)
        case .rbit: r = b.call(ARMHelpers.rbit, effects: .pure, result: .i32, x)
        case .rev: r = b.unary(.bswap32, x)
        case .rev16:
            r = b.or(b.andi(b.shri(x, 8), 0x00ff_00ff), b.andi(b.shli(x, 8), 0xff00_ff00))
        case .revsh: r = b.unary(.ext16s, b.unary(.bswap16, x))
        }
        setReg(d, r)
    }

    /// SXTB/SXTH/UXTB/UXTH and the add forms: Rd = Rn + extend(ROR(Rm, rotation * 8)).
    mutating func extend(d: UInt32, n: UInt32?, m: UInt32, rotate: UInt32, from: Opcode) {
        var x = reg(m)
        if rotate != 0 { x = b.rotri(x, UInt64(rotate * 8)) }
        var r = b.unary(from, x)
        if let n { r = b.add(reg(n), r) }
        setReg(d, r)
    }

    /// SXTB16/UXTB16 and the add forms.
    mutating func extend16(d: UInt32, n: UInt32?, m: UInt32, rotate: UInt32, signed: Bool) {
        var x = reg(m)
        if rotate != 0 { x = b.rotri(x, UInt64(rotate * 8)) }
        let addend = n.map { reg($0) } ?? b.const32(0)
        setReg(d, b.call(ARMHelpers.extend16, effects: .pure, result: .i32, x, addend, b.const32(signed ? 1 : 0)))
    }

    /// UBFX/SBFX: Rd = field of Rn at lsb, widthminus1 + 1 bits.
    mutating func bitfieldExtract(d: UInt32, n: UInt32, lsb: UInt32, widthMinus1: UInt32, signed: Bool) {
        guard lsb + widthMinus1 <= 31 else { return undefined() }
        let x = reg(n)
        let r = signed ? b.sextract(x, position: Int(lsb), length: Int(widthMinus1 + 1))
            : b.extract(x, position: Int(lsb), length: Int(widthMinus1 + 1))
        setReg(d, r)
    }

    /// BFI (n given) / BFC (n nil): bits lsb..msb of Rd from the bottom of Rn, or zero.
    mutating func bitfieldInsert(d: UInt32, n: UInt32?, lsb: UInt32, msb: UInt32) {
        guard msb >= lsb else { return undefined() }
        let source = n.map { reg($0) } ?? b.const32(0)
        setReg(d, b.deposit(reg(d), source, position: Int(lsb), length: Int(msb - lsb + 1)))
    }

    /// MOVT: the top halfword of Rd = imm16.
    mutating func moveTop(d: UInt32, imm16: UInt32) {
        setReg(d, b.deposit(reg(d), b.const32(imm16), position: 16, length: 16))
    }

    /// PKHBT/PKHTB: a halfword of Rn and the other of the shifted Rm.
    mutating func pack(d: UInt32, n: UInt32, m: UInt32, topFromM: Bool, imm5: UInt32) {
        let shifted = shiftImmediate(reg(m), type: topFromM ? 2 : 0, imm5: imm5, wantCarry: false).value
        let nv = reg(n)
        let r = topFromM ? b.deposit(nv, shifted, position: 0, length: 16)   // PKHTB: bottom from Rm
            : b.deposit(shifted, nv, position: 0, length: 16)  // PKHBT: bottom from Rn
        setReg(d, r)
    }

    // MARK: Status registers

    /// MRS Rd, APSR.
    mutating func readAPSR(d: UInt32) {
        setReg(d, b.call(ARMHelpers.readCPSR, effects: .readsState, result: .i32))
    }

    /// MSR APSR_<fields>, value: mask bit 1 = nzcvq, bit 0 = g.
    mutating func writeAPSR(_ value: Value, mask: UInt32) {
        b.call(ARMHelpers.writeAPSR, effects: .writesState, result: nil, value, b.const32(mask))
    }

    // MARK: Exclusive access (A3.4)
    //
    // The exclusive accesses must be naturally aligned, whatever SCTLR.A says (A3.2.1): an
    // unaligned one is an Alignment fault, SIGBUS for Linux, which does not fix them up. The
    // IR's alignment bit makes the access exit precisely with .alignmentFault. (A STREX whose
    // address the monitor does not hold fails without an access, so without the fault.)

    /// The MemOp of an exclusive access: aligned.
    func exclusiveMemop(_ access: Access?) -> MemOp {
        (access.map(memop) ?? MemOp(size: 8, bigEndian: bigEndian)).withAlignment(true)
    }

    /// LDREX/LDREXB/LDREXH: Rt = memory[Rn + imm], marking the address exclusive.
    mutating func loadExclusive(_ access: Access, t: UInt32, n: UInt32, imm: UInt32) {
        let address = imm == 0 ? reg(n) : b.addi(reg(n), UInt64(imm))
        let value = b.load(exclusiveMemop(access), .i32, address: address)
        b.storeState(ARMState.exclusiveAddress, b.zext(address))
        b.storeState(ARMState.exclusiveValue, b.zext(value))
        setReg(t, value)
    }

    /// LDREXD: Rt, Rt2 = memory[Rn], memory[Rn + 4].
    mutating func loadExclusiveDual(t: UInt32, t2: UInt32, n: UInt32) {
        let address = reg(n)
        let value = b.load(exclusiveMemop(nil), .i64, address: address)
        b.storeState(ARMState.exclusiveAddress, b.zext(address))
        b.storeState(ARMState.exclusiveValue, value)
        let lo = b.trunc(value), hi = b.trunc(b.shri(value, 32))
        setReg(t, bigEndian ? hi : lo)
        setReg(t2, bigEndian ? lo : hi)
    }

    /// STREX family: if the monitor holds this address and memory still holds the value the
    /// load-exclusive saw, store atomically and Rd = 0; otherwise Rd = 1. The monitor clears.
    /// (Compare-and-swap on the value: the ABA case succeeds, which real monitors would fail,
    /// but no correct lock-free algorithm can tell.)
    mutating func storeExclusive(_ access: Access?, d: UInt32, t: UInt32, t2: UInt32? = nil, n: UInt32, imm: UInt32) {
        let address = imm == 0 ? reg(n) : b.addi(reg(n), UInt64(imm))
        let status = b.newValue(.i32)
        b.assign(status, constant: 1)
        let fail = b.newLabel()
        b.brcond(.ne, b.loadState(.i64, ARMState.exclusiveAddress), b.zext(address), fail)
        let expected = b.loadState(.i64, ARMState.exclusiveValue)
        if let access {
            let expected32 = b.trunc(expected)
            let old = b.cmpxchg(exclusiveMemop(access), address: address, expected: expected32, new: reg(t))
            b.brcond(.ne, old, expected32, fail)
        } else {
            let first = reg(t), second = reg(t2 ?? 0)
            let new = bigEndian ? b.concat(low: second, high: first) : b.concat(low: first, high: second)
            let old = b.cmpxchg(exclusiveMemop(nil), address: address, expected: expected, new: new)
            b.brcond(.ne, old, expected, fail)
        }
        b.assign(status, constant: 0)
        b.label(fail)
        b.storeState(ARMState.exclusiveAddress, b.const64(~0))
        setReg(d, status)
    }

    /// CLREX.
    mutating func clearExclusive() {
        b.storeState(ARMState.exclusiveAddress, b.const64(~0))
    }

    /// SWP/SWPB: Rt = memory[Rn]; memory[Rn] = Rt2, atomically.
    mutating func swap(_ access: Access, t: UInt32, t2: UInt32, n: UInt32) {
        let address = reg(n)
        let new = reg(t2)
        let old = b.newValue(.i32)
        let retry = b.newLabel()
        b.label(retry)
        let seen = b.load(memop(access), .i32, address: address)
        let got = b.cmpxchg(memop(access), address: address, expected: seen, new: new)
        b.assign(old, got)
        b.brcond(.ne, got, seen, retry)
        setReg(t, old)
    }

    // MARK: Coprocessor 15 (user-accessible registers only)

    /// MRC p15, opc1, Rt, CRn, CRm, opc2. Returns false for registers user mode cannot read.
    mutating func readCP15(t: UInt32, opc1: UInt32, crn: UInt32, crm: UInt32, opc2: UInt32) -> Bool {
        guard opc1 == 0, crn == 13, crm == 0, t != 15 else { return false }
        switch opc2 {
        case 3: setReg(t, b.loadState(.i32, ARMState.tpidruro))
        case 2: setReg(t, b.loadState(.i32, ARMState.tpidrurw))
        default: return false
        }
        return true
    }

    /// MCR p15: only TPIDRURW is writable from user mode; the barrier operations of c7 are
    /// accepted as barriers.
    mutating func writeCP15(t: UInt32, opc1: UInt32, crn: UInt32, crm: UInt32, opc2: UInt32) -> Bool {
        if opc1 == 0 && crn == 13 && crm == 0 && opc2 == 2 {
            b.storeState(ARMState.tpidrurw, reg(t))
            return true
        }
        if opc1 == 0 && crn == 7 && ((crm == 10 && (opc2 == 4 || opc2 == 5)) || (crm == 5 && opc2 == 4)) {
            b.fence()
            return true
        }
        return false
    }
}
