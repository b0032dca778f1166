// Guest memory ops (load, store, cmpxchg, fence) and guest-state ops.

import IR
import IRInterpreter
import Testing
import TestTools

@Suite("Guest memory and guest state")
struct MemoryTests {
    /// Runs `load.<type> memop [address + offset]` with the address in an i32 (or i64) value.
    func load(_ m: Machine, _ memop: MemOp, _ type: IRType, address: UInt64, offset: UInt64 = 0,
              addressType: IRType = .i32) -> UInt64 {
        let k = Kernel(m, inputs: [addressType], result: type) { b, v in
            b.load(memop, type, address: v[0], offset: offset)
        }
        return k(address)
    }

    func store(_ m: Machine, _ memop: MemOp, _ type: IRType, address: UInt64, offset: UInt64 = 0,
               value: UInt64, addressType: IRType = .i32) {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let a = b.loadState(addressType, 0), v = b.loadState(type, 8)
        b.store(memop, address: a, offset: offset, v)
        b.exitTB(.yield)
        m.setState64(0, address)
        m.setState64(8, value)
        m.run(b.finish(guestSize: 0, instructionCount: 0))
    }

    @Test("loads: every size, sign and byte order, into i32 and i64")
    func loads() {
        let m = Machine()
        m.setBytes(0x100, [0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88])
        let cases: [(MemOp, UInt64, UInt64)] = [   // memop, i64 result, i32 result
            (.u8, 0x81, 0x81),
            (.s8, 0xffff_ffff_ffff_ff81, 0xffff_ff81),
            (.u16, 0x8281, 0x8281),
            (.s16, 0xffff_ffff_ffff_8281, 0xffff_8281),
            (.u16.withBigEndian(true), 0x8182, 0x8182),
            (.s16.withBigEndian(true), 0xffff_ffff_ffff_8182, 0xffff_8182),
            (.u32, 0x8483_8281, 0x8483_8281),
            (.s32, 0xffff_ffff_8483_8281, 0x8483_8281),
            (.u32.withBigEndian(true), 0x8182_8384, 0x8182_8384),
            (.s32.withBigEndian(true), 0xffff_ffff_8182_8384, 0x8182_8384),
            (.u64, 0x8887_8685_8483_8281, 0x8483_8281),
            (.u64.withBigEndian(true), 0x8182_8384_8586_8788, 0x8586_8788),
        ]
        for (memop, wide, narrow) in cases {
            #expect(load(m, memop, .i64, address: 0x100) == wide, "\(memop) into i64")
            #expect(load(m, memop, .i32, address: 0x100) == narrow, "\(memop) into i32")
        }
        // A signed 8-bit load of a positive byte.
        m.setBytes(0x200, [0x7f])
        #expect(load(m, .s8, .i64, address: 0x200) == 0x7f)
    }

    @Test("stores: every size and byte order write exactly size bytes")
    func stores() {
        let m = Machine()
        let value: UInt64 = 0x1122_3344_5566_7788
        let cases: [(MemOp, [UInt8])] = [
            (.u8, [0x88]), (.u16, [0x88, 0x77]), (.u16.withBigEndian(true), [0x77, 0x88]),
            (.u32, [0x88, 0x77, 0x66, 0x55]), (.u32.withBigEndian(true), [0x55, 0x66, 0x77, 0x88]),
            (.u64, [0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11]),
            (.u64.withBigEndian(true), [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]),
        ]
        for (memop, bytes) in cases {
            m.setBytes(0x300, Array(repeating: 0xee, count: 10))
            store(m, memop, .i64, address: 0x301, value: value)
            #expect(m.bytes(0x300, 10) == [0xee] + bytes + Array(repeating: 0xee, count: 9 - bytes.count), "\(memop)")
        }
        // An i32 value stored with a 1-byte memop stores its low byte; the sign bit of the MemOp
        // does not matter to a store.
        m.setBytes(0x400, [0, 0])
        store(m, .s8, .i32, address: 0x400, value: 0xabcd)
        #expect(m.bytes(0x400, 2) == [0xcd, 0])
    }

    @Test("big-endian store then load round-trips at every size; random values")
    func roundTrip() {
        let m = Machine()
        var rng = SplitMix64(seed: 21)
        for size in [1, 2, 4, 8] {
            for be in [false, true] {
                let memop = MemOp(size: size, bigEndian: be)
                for _ in 0..<50 {
                    let v = rng.next()
                    let address = 0x1000 + rng.next() % 0x1000
                    store(m, memop, .i64, address: address, value: v)
                    let mask: UInt64 = size == 8 ? ~0 : (1 << UInt64(8 * size)) - 1
                    #expect(load(m, memop, .i64, address: address) == v & mask)
                    // The bytes are in the stated order.
                    let bytes = m.bytes(Int(address), size)
                    let assembled = (be ? bytes : bytes.reversed()).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                    #expect(assembled == v & mask)
                }
            }
        }
    }

    @Test("float loads and stores move bit patterns")
    func floatMemory() {
        let m = Machine()
        store(m, .u32, .f32, address: 0x500, value: Float(1.5).bits64)
        #expect(m.bytes(0x500, 4) == [0x00, 0x00, 0xc0, 0x3f])
        #expect(load(m, .u32, .f32, address: 0x500) == Float(1.5).bits64)
        store(m, MemOp.u64.withBigEndian(true), .f64, address: 0x508, value: Double(-2).bits64)
        #expect(m.bytes(0x508, 8) == [0xc0, 0, 0, 0, 0, 0, 0, 0])
        #expect(load(m, MemOp.u64.withBigEndian(true), .f64, address: 0x508) == Double(-2).bits64)
    }

    @Test("the address is a + imm, wrapping at 32 bits for an i32 address")
    func addressWrap32() {
        let m = Machine()
        m.setBytes(0x10, [0x5a])
        m.setBytes(0x1c, [0xa5])
        // 0xfffffff0 + 0x20 = 0x1_0000_0010, which wraps to 0x10.
        #expect(load(m, .u8, .i32, address: 0xffff_fff0, offset: 0x20) == 0x5a)
        // A displacement of -4 written as a 64-bit pattern.
        #expect(load(m, .u8, .i32, address: 0x20, offset: UInt64(bitPattern: -4)) == 0xa5)
        store(m, .u8, .i32, address: 0xffff_ffff, offset: 0x12, value: 0x77)
        #expect(m.byte(0x11) == 0x77)
    }

    @Test("an i64 address is used whole: a + imm")
    func address64() {
        let m = Machine()
        m.setBytes(0x1010, [0x42])
        #expect(load(m, .u8, .i64, address: 0x1000, offset: 0x10, addressType: .i64) == 0x42)
        // Wrapping through 2^64 back into the buffer: (2^64 - 16) + 0x1020 = 0x1010.
        #expect(load(m, .u8, .i64, address: ~0 - 15, offset: 0x1020, addressType: .i64) == 0x42)
        store(m, .u16, .i64, address: 0x2000, offset: 2, value: 0xbeef, addressType: .i64)
        #expect(m.bytes(0x2002, 2) == [0xef, 0xbe])
    }

    @Test("unaligned accesses without the alignment bit just work")
    func unaligned() {
        let m = Machine()
        store(m, .u64, .i64, address: 0x601, value: 0x0102_0304_0506_0708)
        #expect(load(m, .u64, .i64, address: 0x601) == 0x0102_0304_0506_0708)
        #expect(load(m, .u32, .i32, address: 0x603) == 0x0304_0506)
    }

    @Test("aligned accesses with the alignment bit run normally")
    func alignedWithBit() {
        let m = Machine()
        store(m, MemOp.u32.withAlignment(true), .i32, address: 0x700, value: 0xcafe_f00d)
        #expect(load(m, MemOp.u32.withAlignment(true), .i32, address: 0x700) == 0xcafe_f00d)
    }

    @Test("an alignment fault names its op in the fault slot, so its guest instruction is known; an exit_tb names none")
    func alignmentFaultSlot() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        b.insnStart(0x1000)
        b.storeState(0, b.const32(1))
        b.insnStart(0x1004, resume: 1)
        b.storeState(4, b.load(MemOp.u32.withAlignment(true), .i32, address: b.const32(0x102)))
        b.insnStart(0x1008)
        b.exitTB(.yield)
        let prepared = PreparedBlock(b.finish(guestSize: 12, instructionCount: 3))
        defer { prepared.deallocate() }
        let registers = UnsafeMutablePointer<UInt64>.allocate(capacity: prepared.valueCount)
        defer { registers.deallocate() }
        registers.initialize(repeating: 0, count: prepared.valueCount)
        #expect(Interpreter.run(prepared, state: m.state, memory: m.memory, registers: registers) == .exit(.alignmentFault, payload: 0x102))
        let start = prepared.instruction(atOp: Int(registers[prepared.faultSlot]) - 1)
        #expect(start?.pc == 0x1004 && start?.resume == 1)

        var e = IRBuilder(key: BlockKey(pc: 0x2000, flags: 0))
        e.insnStart(0x2000)
        e.storeState(4, e.load(.u32, .i32, address: e.const32(0x100)))
        e.exitTB(.alignmentFault, payload: 0x2002)
        let exiting = PreparedBlock(e.finish(guestSize: 4, instructionCount: 1))
        defer { exiting.deallocate() }
        #expect(Interpreter.run(exiting, state: m.state, memory: m.memory, registers: registers) == .exit(.alignmentFault, payload: 0x2002))
        #expect(registers[exiting.faultSlot] == 0)
    }

    @Test("MemOp packs size, sign, byte order and alignment in one byte")
    func memOpBits() {
        #expect(MemOp.u8.rawValue == 0 && MemOp.u16.rawValue == 1 && MemOp.u32.rawValue == 2 && MemOp.u64.rawValue == 3)
        #expect(MemOp.s8.rawValue == 4 && MemOp.s32.rawValue == 6)
        #expect(MemOp(size: 4, signed: true, bigEndian: true, aligned: true).rawValue == 0b11110)
        #expect(MemOp(rawValue: 0b11110).size == 4)
        #expect(MemOp.u32.withBigEndian(true).withBigEndian(false) == .u32)
        #expect("\(MemOp(size: 2, signed: true, bigEndian: true, aligned: true))" == "s16be.al")
        #expect("\(MemOp.u8)" == "u8")
        #expect("\(MemOp.u64)" == "u64le")
    }

    /// Runs `old = cmpxchg memop [address], expected, new`, returns old.
    func cmpxchg(_ m: Machine, _ memop: MemOp, _ type: IRType, address: UInt64, expected: UInt64, new: UInt64) -> UInt64 {
        let k = Kernel(m, inputs: [.i32, type, type], result: type) { b, v in
            b.cmpxchg(memop, address: v[0], expected: v[1], new: v[2])
        }
        return k(address, expected, new)
    }

    @Test("cmpxchg succeeds when memory equals expected and fails otherwise, every size and order")
    func compareExchange() {
        let m = Machine()
        for size in [1, 2, 4, 8] {
            for be in [false, true] {
                let memop = MemOp(size: size, bigEndian: be)
                let type: IRType = size == 8 ? .i64 : .i32
                let mask: UInt64 = size == 8 ? ~0 : (1 << UInt64(8 * size)) - 1
                let old: UInt64 = 0x8877_6655_4433_2211 & mask, new: UInt64 = 0x0102_0304_0506_0708 & mask
                store(m, memop, .i64, address: 0x800, value: old)
                // Failure: returns the current value, memory unchanged.
                #expect(cmpxchg(m, memop, type, address: 0x800, expected: old ^ 1, new: new) == old)
                #expect(load(m, memop, .i64, address: 0x800) == old, "\(memop) failed cmpxchg wrote")
                // Success: returns the old value, memory holds the new one, in the memop's order.
                #expect(cmpxchg(m, memop, type, address: 0x800, expected: old, new: new) == old)
                #expect(load(m, memop, .i64, address: 0x800) == new, "\(memop) successful cmpxchg did not write")
                let bytes = m.bytes(0x800, size)
                #expect((be ? bytes : bytes.reversed()).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == new)
            }
        }
    }

    @Test("cmpxchg compares at the access width: bits of expected above it are ignored")
    func compareExchangeWidth() {
        let m = Machine()
        m.setBytes(0x900, [0x80, 0xee])
        #expect(cmpxchg(m, .u8, .i32, address: 0x900, expected: 0xffff_ff80, new: 0x1_23) == 0x80)
        #expect(m.bytes(0x900, 2) == [0x23, 0xee])
    }

    @Test("fence runs and changes nothing")
    func fence() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.fence()
        b.storeState(0, b.const32(1))
        b.exitTB(.yield)
        #expect(m.run(b.finish(guestSize: 0, instructionCount: 0)) == .exit(.yield, payload: 0))
        #expect(m.state32(0) == 1)
    }

    @Test("load_state/store_state: each type at any byte offset, touching only its own bytes")
    func stateOps() {
        let m = Machine()
        for (type, size, value) in [(IRType.i32, 4, UInt64(0x1122_3344)), (.i64, 8, 0x1122_3344_5566_7788),
                                    (.f32, 4, Float(-0.5).bits64), (.f64, 8, Double.pi.bits64)] {
            for offset in [64, 67] {
                for i in 0..<16 { m.state.storeBytes(of: 0xee, toByteOffset: offset - 4 + i, as: UInt8.self) }
                var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
                b.storeState(offset, b.constant(type, value))
                let back = b.loadState(type, offset)
                b.storeState(512, back)
                b.exitTB(.yield)
                m.run(b.finish(guestSize: 0, instructionCount: 0))
                let raw = (0..<16).map { m.state.load(fromByteOffset: offset - 4 + $0, as: UInt8.self) }
                let expected = [UInt8](repeating: 0xee, count: 4)
                    + (0..<size).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
                    + [UInt8](repeating: 0xee, count: 12 - size)
                #expect(raw == expected, "\(type.name) at \(offset)")
                #expect((size == 4 ? UInt64(m.state32(512)) : m.state64(512)) == value)
            }
        }
    }
}
