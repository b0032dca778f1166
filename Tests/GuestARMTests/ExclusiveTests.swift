// Load/store exclusive (A3.4, A8.8.69-A8.8.215): STREX succeeds (Rd = 0, memory written) only
// after a LDREX of the same address with no CLREX or other STREX between; otherwise it fails
// (Rd = 1, memory unchanged). Byte, halfword, word and doubleword forms, A32 and Thumb.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct ExclusiveTests {
    static let address = GuestMachine.dataBase + 0x800

    func machine(_ source: String, thumb: Bool) throws -> GuestMachine {
        let m = GuestMachine(code: try Assembler.assemble(source, thumb: thumb), thumb: thumb)
        m[4] = Self.address
        m[5] = Self.address + 8
        m[2] = 0xcafe_f00d
        m[3] = 0x0bad_beef
        m.store32(Self.address, 0x1111_1111)
        m.store32(Self.address + 4, 0x2222_2222)
        m.store32(Self.address + 8, 0x3333_3333)
        return m
    }

    @Test(arguments: [false, true])
    func pairSucceeds(thumb: Bool) throws {
        let m = try machine("ldrex r0, [r4]\nstrex r1, r2, [r4]", thumb: thumb)
        m.runToEnd()
        #expect(m[0] == 0x1111_1111)
        #expect(m[1] == 0)
        #expect(m.load32(Self.address) == 0xcafe_f00d)
    }

    @Test(arguments: [false, true])
    func storeWithoutLoadFails(thumb: Bool) throws {
        let m = try machine("strex r1, r2, [r4]", thumb: thumb)
        m[1] = 0x55
        m.runToEnd()
        #expect(m[1] == 1)
        #expect(m.load32(Self.address) == 0x1111_1111)
    }

    /// Failing cases after a LDREX: CLREX between, another address, a second STREX.
    @Test(arguments: [false, true])
    func monitorCleared(thumb: Bool) throws {
        let clrex = try machine("ldrex r0, [r4]\nclrex\nstrex r1, r2, [r4]", thumb: thumb)
        clrex.runToEnd()
        #expect(clrex[1] == 1)
        #expect(clrex.load32(Self.address) == 0x1111_1111)

        let other = try machine("ldrex r0, [r4]\nstrex r1, r2, [r5]", thumb: thumb)
        other.runToEnd()
        #expect(other[1] == 1)
        #expect(other.load32(Self.address + 8) == 0x3333_3333)

        let twice = try machine("ldrex r0, [r4]\nstrex r1, r2, [r4]\nstrex r6, r3, [r4]", thumb: thumb)
        twice.runToEnd()
        #expect(twice[1] == 0)
        #expect(twice[6] == 1)
        #expect(twice.load32(Self.address) == 0xcafe_f00d)
    }

    /// The monitor survives block boundaries (it lives in the guest state).
    @Test(arguments: [false, true])
    func acrossBlocks(thumb: Bool) throws {
        let m = try machine("ldrex r0, [r4]\nadd r6, r0, #1\nstrex r1, r6, [r4]", thumb: thumb)
        m.runToEnd(maxInstructions: 1)
        #expect(m[1] == 0)
        #expect(m.load32(Self.address) == 0x1111_1112)
    }

    @Test(arguments: [false, true])
    func byteAndHalfword(thumb: Bool) throws {
        let m = try machine("ldrexb r0, [r4]\nstrexb r1, r2, [r4]\nldrexh r6, [r5]\nstrexh r7, r3, [r5]", thumb: thumb)
        m.runToEnd()
        #expect(m[0] == 0x11)
        #expect(m[1] == 0)
        #expect(m.load32(Self.address) == 0x1111_110d)
        #expect(m[6] == 0x3333)
        #expect(m[7] == 0)
        #expect(m.load32(Self.address + 8) == 0x3333_beef)
    }

    @Test(arguments: [false, true])
    func doubleword(thumb: Bool) throws {
        let m = try machine("ldrexd r0, r1, [r4]\nstrexd r6, r2, r3, [r4]", thumb: thumb)
        m.runToEnd()
        #expect(m[0] == 0x1111_1111)
        #expect(m[1] == 0x2222_2222)
        #expect(m[6] == 0)
        #expect(m.load32(Self.address) == 0xcafe_f00d)
        #expect(m.load32(Self.address + 4) == 0x0bad_beef)

        let fail = try machine("strexd r6, r2, r3, [r4]", thumb: thumb)
        fail.runToEnd()
        #expect(fail[6] == 1)
        #expect(fail.load64(Self.address) == 0x2222_2222_1111_1111)
    }

    /// T32 LDREX/STREX take a word offset.
    @Test func thumbOffset() throws {
        let m = try machine("ldrex r0, [r4, #8]\nstrex r1, r2, [r4, #8]", thumb: true)
        m.runToEnd()
        #expect(m[0] == 0x3333_3333)
        #expect(m[1] == 0)
        #expect(m.load32(Self.address + 8) == 0xcafe_f00d)
    }

    /// The kuser cmpxchg loop shape: LDREX, compare, conditional STREX, retry.
    @Test func compareAndSwapLoop() throws {
        let m = try machine("""
            1:
            ldrex r3, [r4]
            subs r3, r3, r0
            strexeq r3, r1, [r4]
            teqeq r3, #1
            beq 1b
            rsbs r0, r3, #0
            """, thumb: false)
        m[0] = 0x1111_1111
        m[1] = 0x7777_7777
        m.runToEnd()
        #expect(m[0] == 0)
        #expect(m.carry)
        #expect(m.load32(Self.address) == 0x7777_7777)
        m.restart()
        m[0] = 0x1111_1111
        m.runToEnd()
        #expect(m[0] != 0, "old value no longer matches")
        #expect(!m.carry)
        #expect(m.load32(Self.address) == 0x7777_7777)
    }
}
