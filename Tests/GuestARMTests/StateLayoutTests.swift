// The ARM guest-state layout is declared once as offsets (ARMState); translated code and
// Swift code both depend on them. These tests pin every offset, check that no two fields
// share a byte, that the S registers alias the D registers as the manual says, and that
// ARMStatePointer's CPSR view round-trips every bit it represents.

@testable import GuestARM
import Testing
import TestTools

@Suite struct StateLayoutTests {
    /// Every field: (name, offset, size in bytes).
    static var fields: [(String, Int, Int)] {
        var f: [(String, Int, Int)] = (0..<16).map { ("r\($0)", ARMState.r($0), 4) }
        f += [
            ("nf", ARMState.nf, 4), ("zf", ARMState.zf, 4), ("cf", ARMState.cf, 4), ("vf", ARMState.vf, 4),
            ("qf", ARMState.qf, 4), ("ge", ARMState.ge, 4), ("thumb", ARMState.thumb, 4),
            ("itState", ARMState.itState, 4), ("bigEndian", ARMState.bigEndian, 4),
            ("tpidruro", ARMState.tpidruro, 4), ("tpidrurw", ARMState.tpidrurw, 4), ("fpscr", ARMState.fpscr, 4),
            ("exitRequest", ARMState.exitRequest, 4), ("faultAddress", ARMState.faultAddress, 4),
            ("exclusiveAddress", ARMState.exclusiveAddress, 8),
            ("exclusiveValue", ARMState.exclusiveValue, 8), ("memoryBase", ARMState.memoryBase, 8),
        ]
        f += (0..<32).map { ("d\($0)", ARMState.d($0), 8) }
        return f
    }

    @Test func offsetsArePinned() {
        for n in 0..<16 { #expect(ARMState.r(n) == n * 4) }
        #expect(ARMState.sp == 52)
        #expect(ARMState.lr == 56)
        #expect(ARMState.pc == 60)
        #expect(ARMState.nf == 64)
        #expect(ARMState.zf == 68)
        #expect(ARMState.cf == 72)
        #expect(ARMState.vf == 76)
        #expect(ARMState.qf == 80)
        #expect(ARMState.ge == 84)
        #expect(ARMState.thumb == 88)
        #expect(ARMState.itState == 92)
        #expect(ARMState.bigEndian == 96)
        #expect(ARMState.tpidruro == 100)
        #expect(ARMState.tpidrurw == 104)
        #expect(ARMState.fpscr == 108)
        #expect(ARMState.exitRequest == 112)
        #expect(ARMState.faultAddress == 116)
        #expect(ARMState.exclusiveAddress == 120)
        #expect(ARMState.exclusiveValue == 128)
        #expect(ARMState.memoryBase == 136)
        for n in 0..<32 { #expect(ARMState.d(n) == 256 + 8 * n) }
        for n in 0..<64 { #expect(ARMState.s(n) == 256 + 4 * n) }
        #expect(ARMState.size == 512)
    }

    @Test func fieldsDoNotOverlapAndFit() {
        var owner = [String?](repeating: nil, count: ARMState.size)
        for (name, offset, size) in Self.fields {
            #expect(offset % size == 0, "\(name) at \(offset) is not aligned to its size \(size)")
            #expect(offset >= 0 && offset + size <= ARMState.size, "\(name) lies outside the block")
            for byte in offset..<min(offset + size, ARMState.size) {
                #expect(owner[byte] == nil, "\(name) overlaps \(owner[byte] ?? "")")
                owner[byte] = name
            }
        }
        // The JIT addresses 64-bit fields with aligned moves: the block itself is 16-aligned.
        let p = ARMStatePointer.allocate()
        defer { p.deallocate() }
        #expect(Int(bitPattern: p.raw) % 16 == 0)
    }

    /// s(2n) is the low half of d(n), s(2n+1) the high half (A2.6.1: the S registers are the
    /// halves of D0-D15, on a little-endian host the low word first).
    @Test func singleRegistersAliasDoubles() {
        let p = ARMStatePointer.allocate()
        defer { p.deallocate() }
        for n in 0..<16 {
            #expect(ARMState.s(2 * n) == ARMState.d(n))
            #expect(ARMState.s(2 * n + 1) == ARMState.d(n) + 4)
            let v = 0x1111_1111_0000_0000 &* UInt64(n + 1) | UInt64(0x0101_0101 &* UInt32(n + 2))
            p[d: n] = v
            #expect(p.raw.load(fromByteOffset: ARMState.s(2 * n), as: UInt32.self) == UInt32(truncatingIfNeeded: v))
            #expect(p.raw.load(fromByteOffset: ARMState.s(2 * n + 1), as: UInt32.self) == UInt32(v >> 32))
        }
    }

    @Test func allocateStartsZeroedWithTheMonitorClear() {
        let p = ARMStatePointer.allocate()
        defer { p.deallocate() }
        for offset in stride(from: 0, to: ARMState.size, by: 8) where offset != ARMState.exclusiveAddress {
            #expect(p.raw.load(fromByteOffset: offset, as: UInt64.self) == 0, "byte \(offset) not zero")
        }
        #expect(p.raw.load(fromByteOffset: ARMState.exclusiveAddress, as: UInt64.self) == ~0)
    }

    @Test func typedAccessorsUseTheOffsets() {
        let p = ARMStatePointer.allocate()
        defer { p.deallocate() }
        func word(_ o: Int) -> UInt32 { p.raw.load(fromByteOffset: o, as: UInt32.self) }
        for n in 0..<16 {
            p[register: n] = 0x100 + UInt32(n)
            #expect(word(ARMState.r(n)) == 0x100 + UInt32(n))
        }
        p.pc = 0x8000
        #expect(word(ARMState.pc) == 0x8000)
        p.sp = 0x7000
        #expect(word(ARMState.sp) == 0x7000)
        p.thumb = true
        #expect(word(ARMState.thumb) == 1)
        p.itState = 0xab
        #expect(word(ARMState.itState) == 0xab)
        p.tpidruro = 0xcafe
        #expect(word(ARMState.tpidruro) == 0xcafe)
        p.fpscr = 0x0300_0000
        #expect(word(ARMState.fpscr) == 0x0300_0000)
        p.exitRequest = true
        #expect(word(ARMState.exitRequest) == 1)
        let base = UnsafeMutableRawPointer(bitPattern: 0x7f00_1234_5000)
        p.memoryBase = base
        #expect(p.raw.load(fromByteOffset: ARMState.memoryBase, as: UInt64.self) == 0x7f00_1234_5000)
        #expect(p.memoryBase == base)
    }

    /// Every CPSR bit user mode can see: set alone, it reads back alone (plus the USR mode
    /// bits); the bits the state does not hold (J, A, I, F, mode) read as USR mode.
    @Test func cpsrRoundTripsEveryBit() {
        let p = ARMStatePointer.allocate()
        defer { p.deallocate() }
        let represented: [UInt32] = [31, 30, 29, 28, 27, 26, 25, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 5]
        for bit in represented {
            p.cpsr = 1 << bit
            #expect(p.cpsr == 1 << bit | 0x10, "bit \(bit)")
        }
        for bit: UInt32 in [24, 23, 22, 21, 20, 8, 7, 6, 4, 3, 2, 1, 0] {
            p.cpsr = 1 << bit
            #expect(p.cpsr == 0x10, "bit \(bit) is not represented and must read as 0")
        }
        var rng = SplitMix64(seed: 7)
        let mask = represented.reduce(UInt32(0)) { $0 | 1 << $1 }
        for _ in 0..<1000 {
            let v = UInt32(truncatingIfNeeded: rng.next())
            p.cpsr = v
            #expect(p.cpsr == v & mask | 0x10)
        }
    }

    /// The CPSR view agrees with the fields' documented representation.
    @Test func cpsrFieldsMatchTheirRepresentation() {
        let p = ARMStatePointer.allocate()
        defer { p.deallocate() }
        func word(_ o: Int) -> UInt32 { p.raw.load(fromByteOffset: o, as: UInt32.self) }
        p.cpsr = 0xf80f_0220 | 0x0600_fc00  // NZCVQ, GE, E, T, IT all ones
        #expect(word(ARMState.nf) >> 31 == 1)
        #expect(word(ARMState.zf) == 0)
        #expect(word(ARMState.cf) == 1)
        #expect(word(ARMState.vf) >> 31 == 1)
        #expect(word(ARMState.qf) == 1)
        #expect(word(ARMState.ge) == 0xf)
        #expect(word(ARMState.bigEndian) == 1)
        #expect(word(ARMState.thumb) == 1)
        #expect(word(ARMState.itState) == 0xff)
        // IT[1:0] are CPSR bits 26:25, IT[7:2] bits 15:10.
        p.cpsr = 1 << 25
        #expect(word(ARMState.itState) == 1)
        p.cpsr = 1 << 10
        #expect(word(ARMState.itState) == 4)
        p.cpsr = 1 << 15
        #expect(word(ARMState.itState) == 0x80)
        p.cpsr = 0
        #expect(word(ARMState.nf) >> 31 == 0)
        #expect(word(ARMState.zf) != 0)
        #expect(word(ARMState.cf) == 0)
        #expect(word(ARMState.vf) >> 31 == 0)
        // Z reads from the field as "zero exactly when Z is set", whatever nonzero value it holds.
        p.raw.storeBytes(of: UInt32(0x1234), toByteOffset: ARMState.zf, as: UInt32.self)
        #expect(p.cpsr & (1 << 30) == 0)
        p.raw.storeBytes(of: UInt32(0x7fff_ffff), toByteOffset: ARMState.nf, as: UInt32.self)
        #expect(p.cpsr & (1 << 31) == 0)
    }
}
