// Loads and stores shared by A32 and Thumb (ARM ARM A8.8: LDR/STR and their byte, halfword,
// signed, doubleword and unprivileged forms; LDM/STM and PUSH/POP).

import IR

/// The size and signedness of a single load or store.
enum Access {
    case word, byte, half, signedByte, signedHalf

    var memop: MemOp {
        switch self {
        case .word: .u32
        case .byte: .u8
        case .half: .u16
        case .signedByte: .s8
        case .signedHalf: .s16
        }
    }
}

/// How the address is formed: offset added or subtracted (U), applied before the access (P),
/// written back to the base (W, or always for post-indexed forms).
struct Addressing {
    var add: Bool
    var index: Bool
    var writeBack: Bool

    /// From the P, U, W bits of an A32 (or T32 imm8) encoding. Post-indexed forms always write
    /// back.
    init(P: UInt32, U: UInt32, W: UInt32) {
        add = U != 0
        index = P != 0
        writeBack = P == 0 || W != 0
    }
    init(add: Bool, index: Bool, writeBack: Bool) {
        self.add = add
        self.index = index
        self.writeBack = writeBack
    }
    /// [Rn, #+/-offset] without writeback.
    static let offset = Addressing(add: true, index: true, writeBack: false)
}

extension Translator {
    func memop(_ access: Access) -> MemOp { access.memop.withBigEndian(bigEndian) }

    /// The base register's value; the PC reads word-aligned (literal forms).
    mutating func baseReg(_ n: UInt32) -> Value { n == 15 ? b.const32(pcAligned) : reg(n) }

    /// Returns (access address, offset address) and performs no access.
    mutating func address(base n: UInt32, offset: Value, _ mode: Addressing) -> (Value, Value) {
        let base = baseReg(n)
        let offsetAddress = mode.add ? b.add(base, offset) : b.sub(base, offset)
        return (mode.index ? offsetAddress : base, offsetAddress)
    }

    /// The address of an immediate-offset access: (address, displacement, offset address when
    /// it is written back). Without writeback the offset rides in the access's displacement
    /// (the IR's ea = (address + displacement) mod 2^32), and a literal's address (PC base) is
    /// one constant: no const-and-add for the passes to fold and the code generator to see.
    mutating func address(base n: UInt32, immediate: UInt32, _ mode: Addressing) -> (address: Value, displacement: UInt64, offsetAddress: Value?) {
        let signed = mode.add ? immediate : 0 &- immediate
        if n == 15 { return (b.const32(mode.index ? pcAligned &+ signed : pcAligned), 0, nil) }
        let base = reg(n)
        guard mode.writeBack else {
            return (base, mode.index ? UInt64(bitPattern: Int64(Int32(bitPattern: signed))) : 0, nil)
        }
        let offsetAddress = b.add(base, b.const32(signed))
        return (mode.index ? offsetAddress : base, 0, offsetAddress)
    }

    /// LDR/LDRB/LDRH/LDRSB/LDRSH (immediate, literal): Rt = memory[address].
    mutating func load(_ access: Access, t: UInt32, n: UInt32, immediate: UInt32, _ mode: Addressing) {
        let (address, displacement, offsetAddress) = address(base: n, immediate: immediate, mode)
        let value = b.load(memop(access), .i32, address: address, offset: displacement)
        if let offsetAddress { setReg(n, offsetAddress) }
        writeReg(t, value, .load)
    }

    /// STR/STRB/STRH (immediate): memory[address] = Rt.
    mutating func store(_ access: Access, t: UInt32, n: UInt32, immediate: UInt32, _ mode: Addressing) {
        let (address, displacement, offsetAddress) = address(base: n, immediate: immediate, mode)
        b.store(memop(access), address: address, offset: displacement, reg(t))
        if let offsetAddress { setReg(n, offsetAddress) }
    }

    /// LDRD (immediate, literal): Rt = memory[address], Rt2 = memory[address + 4].
    mutating func loadDual(t: UInt32, t2: UInt32, n: UInt32, immediate: UInt32, _ mode: Addressing) {
        let (address, displacement, offsetAddress) = address(base: n, immediate: immediate, mode)
        let first = b.load(memop(.word), .i32, address: address, offset: displacement)
        let second = b.load(memop(.word), .i32, address: address, offset: displacement &+ 4)
        if let offsetAddress { setReg(n, offsetAddress) }
        setReg(t, first)
        writeReg(t2, second, .load)
    }

    /// STRD (immediate): memory[address] = Rt, memory[address + 4] = Rt2.
    mutating func storeDual(t: UInt32, t2: UInt32, n: UInt32, immediate: UInt32, _ mode: Addressing) {
        let (address, displacement, offsetAddress) = address(base: n, immediate: immediate, mode)
        b.store(memop(.word), address: address, offset: displacement, reg(t))
        b.store(memop(.word), address: address, offset: displacement &+ 4, reg(t2))
        if let offsetAddress { setReg(n, offsetAddress) }
    }

    /// LDR/LDRB/LDRH/LDRSB/LDRSH (immediate, literal, register): Rt = memory[address].
    mutating func load(_ access: Access, t: UInt32, n: UInt32, offset: Value, _ mode: Addressing) {
        let (address, offsetAddress) = address(base: n, offset: offset, mode)
        let value = b.load(memop(access), .i32, address: address)
        if mode.writeBack && n != 15 { setReg(n, offsetAddress) }
        writeReg(t, value, .load)
    }

    /// STR/STRB/STRH: memory[address] = Rt.
    mutating func store(_ access: Access, t: UInt32, n: UInt32, offset: Value, _ mode: Addressing) {
        let (address, offsetAddress) = address(base: n, offset: offset, mode)
        b.store(memop(access), address: address, reg(t))
        if mode.writeBack && n != 15 { setReg(n, offsetAddress) }
    }

    /// LDRD: Rt = memory[address], Rt2 = memory[address + 4].
    mutating func loadDual(t: UInt32, t2: UInt32, n: UInt32, offset: Value, _ mode: Addressing) {
        let (address, offsetAddress) = address(base: n, offset: offset, mode)
        let first = b.load(memop(.word), .i32, address: address)
        let second = b.load(memop(.word), .i32, address: address, offset: 4)
        if mode.writeBack && n != 15 { setReg(n, offsetAddress) }
        setReg(t, first)
        writeReg(t2, second, .load)
    }

    /// STRD: memory[address] = Rt, memory[address + 4] = Rt2.
    mutating func storeDual(t: UInt32, t2: UInt32, n: UInt32, offset: Value, _ mode: Addressing) {
        let (address, offsetAddress) = address(base: n, offset: offset, mode)
        b.store(memop(.word), address: address, reg(t))
        b.store(memop(.word), address: address, offset: 4, reg(t2))
        if mode.writeBack && n != 15 { setReg(n, offsetAddress) }
    }

    /// LDM/STM in the four address modes: increment after/before, decrement after/before.
    /// A loaded PC is a LoadWritePC; with the base in a load list the loaded value wins.
    mutating func blockTransfer(load: Bool, n: UInt32, registers: UInt32, increment: Bool, before: Bool, writeBack: Bool) {
        let list = registers & 0xffff
        let count = UInt32(list.nonzeroBitCount)
        guard count > 0 else {
            undefined()
            return
        }
        let base = reg(n)
        // Lowest address of the transfer.
        let start: UInt32 = increment ? (before ? 4 : 0) : (before ? 0 &- 4 &* count : 4 &- 4 &* count)
        let first = start == 0 ? base : b.addi(base, UInt64(start))
        let final = b.addi(base, UInt64(increment ? 4 &* count : 0 &- 4 &* count))
        var offset: UInt64 = 0
        var loadedPC: Value?
        for r in 0..<16 where list & (1 << r) != 0 {
            if load {
                let v = b.load(memop(.word), .i32, address: first, offset: offset)
                if r == 15 { loadedPC = v } else { setReg(UInt32(r), v) }
            } else {
                b.store(memop(.word), address: first, offset: offset, reg(UInt32(r)))
            }
            offset += 4
        }
        if writeBack && !(load && list & (1 << n) != 0) { setReg(n, final) }
        if let loadedPC { writePC(loadedPC, .load) }
    }
}
