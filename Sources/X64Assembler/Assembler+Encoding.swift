// The byte-level rules every generated method shares (Intel SDM Vol. 2, ch. 2):
//
//   [legacy prefixes] [REX] opcode [ModRM [SIB] [disp8 | disp32]] [immediate]
//
// REX (0100WRXB) extends ModRM.reg (R), SIB.index (X) and ModRM.rm/SIB.base/opcode register
// (B) to 16 registers; it is left out when all its bits are 0, unless a byte operand is spl,
// bpl, sil or dil (with any REX, byte registers 4-7 are those instead of ah..bh).
// Memory special cases, all from the ModRM/SIB tables:
//   rm = 100 means "a SIB byte follows", so rsp and r12 as a base need a SIB;
//   mod = 00 with rm = 101 means RIP + disp32, so rbp and r13 as a base need a displacement
//   (a zero disp8);
//   SIB index = 100 means "no index", so rsp cannot be an index (r12 can: REX.X makes it 1100);
//   SIB base = 101 with mod = 00 means "no base, disp32".

extension Assembler {
    /// No operands in ModRM: prefixes, REX.W if asked, opcode (CDQ, RET, UD2, Jcc rel).
    @inline(__always)
    mutating func emit(_ op: Opcode) {
        emitPrefixes(op)
        if op.w { buffer.emit8(0x48) }
        emitOpcode(op, plus: 0)
    }

    /// A register in the opcode's low three bits, REX.B for the fourth (+rb/+rw/+rd/+ro).
    @inline(__always)
    mutating func emit(_ op: Opcode, plusReg register: UInt8) {
        emitPrefixes(op)
        emitREX(w: op.w, r: 0, x: 0, b: register)
        emitOpcode(op, plus: register & 7)
    }

    /// ModRM with mod = 11: `reg` is a register number or an opcode extension digit, `rm` a
    /// register.
    @inline(__always)
    mutating func emit(_ op: Opcode, reg: UInt8, rm: UInt8) {
        emitPrefixes(op)
        emitREX(w: op.w, r: reg, x: 0, b: rm)
        emitOpcode(op, plus: 0)
        buffer.emit8(0xC0 | (reg & 7) << 3 | rm & 7)
    }

    /// ModRM (and SIB and displacement) for a memory operand. `trailing` is the size of the
    /// immediate that follows, which a RIP-relative displacement must skip.
    mutating func emit(_ op: Opcode, reg: UInt8, mem address: Address, trailing: Int = 0) {
        emitPrefixes(op)
        emitREX(w: op.w, r: reg, x: address.indexCode, b: address.baseCode)
        emitOpcode(op, plus: 0)
        emitMemory(reg: reg & 7, address, trailing: trailing)
    }

    @inline(__always)
    mutating func emitPrefixes(_ op: Opcode) {
        guard op.prefixes != 0 else { return }
        if op.prefixes > 0xFF { buffer.emit8(UInt8(truncatingIfNeeded: op.prefixes >> 8)) }
        buffer.emit8(UInt8(truncatingIfNeeded: op.prefixes))
    }

    /// `r`, `x`, `b`: register codes (number in bits 0-3, `RegisterCode` flags above) or 0.
    @inline(__always)
    mutating func emitREX(w: Bool, r: UInt8, x: UInt8, b: UInt8) {
        let rex: UInt8 = 0x40 | (w ? 8 : 0) | (r >> 3 & 1) << 2 | (x >> 3 & 1) << 1 | b >> 3 & 1
        let flags = r | b
        guard rex != 0x40 || flags & RegisterCode.needsREX != 0 else { return }
        precondition(flags & RegisterCode.forbidsREX == 0,
                     "ah, ch, dh and bh cannot be encoded in an instruction that needs a REX prefix")
        buffer.emit8(rex)
    }

    @inline(__always)
    mutating func emitOpcode(_ op: Opcode, plus: UInt8) {
        if op.count == 3 { buffer.emit8(UInt8(truncatingIfNeeded: op.bytes >> 16)) }
        if op.count >= 2 { buffer.emit8(UInt8(truncatingIfNeeded: op.bytes >> 8)) }
        buffer.emit8(UInt8(truncatingIfNeeded: op.bytes) | plus)
    }

    /// ModRM, SIB and displacement for `address`; `reg` is ModRM.reg (three bits).
    mutating func emitMemory(reg: UInt8, _ address: Address, trailing: Int) {
        let regBits = reg << 3
        if address.base == Address.ripBase {
            buffer.emit8(regBits | 0b101)
            emitRIPDisplacement(address, trailing: trailing)
            return
        }
        let index = address.index == Address.noIndex ? 0b100 : address.index & 7
        let scaleBits = address.scale.rawValue << 6
        if address.base == Address.noBase {
            // SIB with base 101 and mod 00: no base, a disp32 (also the only absolute form:
            // rm = 101 alone would be RIP-relative in 64-bit mode).
            buffer.emit8(regBits | 0b100)
            buffer.emit8(scaleBits | index << 3 | 0b101)
            buffer.emit32(UInt32(bitPattern: address.displacement))
            return
        }
        let base = address.base & 7
        let displacement = address.displacement
        let mod: UInt8
        if displacement == 0 && base != 0b101 {
            mod = 0b00
        } else if displacement >= -128 && displacement <= 127 {
            mod = 0b01
        } else {
            mod = 0b10
        }
        if address.index != Address.noIndex || base == 0b100 {
            buffer.emit8(mod << 6 | regBits | 0b100)
            buffer.emit8(scaleBits | index << 3 | base)
        } else {
            buffer.emit8(mod << 6 | regBits | base)
        }
        if mod == 0b01 {
            buffer.emit8(UInt8(truncatingIfNeeded: displacement))
        } else if mod == 0b10 {
            buffer.emit32(UInt32(bitPattern: displacement))
        }
    }

    /// The disp32 of a RIP-relative operand: as given, or from a label (now if it is bound,
    /// else when it is).
    mutating func emitRIPDisplacement(_ address: Address, trailing: Int) {
        guard let label = address.ripLabel else {
            buffer.emit32(UInt32(bitPattern: address.displacement))
            return
        }
        let field = buffer.position
        buffer.emit32(UInt32(bitPattern: address.displacement))
        reference(label, field: field, size: 4, tail: trailing)
    }
}
