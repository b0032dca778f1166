// The rest of what user code touches: big-endian data after SETEND (A2.4.3: words,
// halfwords, doublewords, VFP doubles and exclusives in big-endian byte order), the TLS
// registers through CP15, barriers and hints, in A32 and Thumb.

import GuestARM
import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct SystemTests {
    static let data = GuestMachine.dataBase + 0x3000

    @Test(arguments: [false, true])
    func bigEndianData(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            setend be
            ldr r0, [r4]
            ldrh r1, [r4]
            ldrsh r2, [r4, #2]
            str r5, [r4, #8]
            strh r5, [r4, #12]
            ldrd r6, r7, [r4]
            vldr d0, [r4]
            vstr d1, [r4, #16]
            vldr s4, [r4]
            ldrexd r8, r9, [r4]
            ldrexd r2, r3, [r12]
            strexd r10, r6, r7, [r12]
            setend le
            ldr r11, [r4]
            """, thumb: thumb), thumb: thumb)
        m.setBytes(Self.data, [1, 2, 3, 4, 5, 6, 7, 8])
        m[4] = Self.data
        m[5] = 0x1122_3344
        m[12] = Self.data + 24
        m.setD(1, 0xaabb_ccdd_eeff_0011)
        m.runToEnd()
        #expect(m[0] == 0x0102_0304)
        #expect(m[1] == 0x0102)
        #expect(m.bytes(Self.data + 8, 6) == [0x11, 0x22, 0x33, 0x44, 0x33, 0x44])
        #expect(m[6] == 0x0102_0304 && m[7] == 0x0506_0708)
        #expect(m.d(0) == 0x0102_0304_0506_0708)
        #expect(m.bytes(Self.data + 16, 8) == [0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00, 0x11])
        #expect(m.s(4) == 0x0102_0304)
        #expect(m[8] == 0x0102_0304 && m[9] == 0x0506_0708, "LDREXD: Rt from the lower address")
        #expect(m[2] == 0 && m[3] == 0)
        #expect(m[10] == 0, "STREXD succeeded")
        #expect(m.bytes(Self.data + 24, 8) == [1, 2, 3, 4, 5, 6, 7, 8], "STREXD: Rt at the lower address, big-endian")
        #expect(m[11] == 0x0403_0201)
        #expect(m.field(ARMState.bigEndian) == 0)
        #expect(m.blocks.contains { $0.key.flags & ARMFrontend.bigEndianFlag != 0 }, "blocks translated for big-endian data")
    }

    @Test(arguments: [false, true])
    func threadRegisters(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            mrc p15, 0, r0, c13, c0, 3
            mcr p15, 0, r1, c13, c0, 2
            mrc p15, 0, r2, c13, c0, 2
            """, thumb: thumb), thumb: thumb)
        m.state.tpidruro = 0xb6ff_0700
        m[1] = 0x1234
        m.runToEnd()
        #expect(m[0] == 0xb6ff_0700)
        #expect(m[2] == 0x1234)
        #expect(m.field(ARMState.tpidrurw) == 0x1234)
        // TPIDRURO is read-only from user mode.
        let write = GuestMachine(code: try Assembler.assemble("mcr p15, 0, r1, c13, c0, 3", thumb: thumb), thumb: thumb)
        #expect(write.run() == .exit(.undefined, payload: UInt64(write.code.fetch32(UInt64(GuestMachine.codeBase)).map {
            thumb ? ($0 & 0xffff) << 16 | $0 >> 16 : $0 } ?? 0)))
    }

    /// Barriers and hints change no register or flag; ISB ends the block (the next
    /// instruction is fetched anew).
    @Test(arguments: [false, true])
    func barriersAndHints(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            dmb ish
            dsb sy
            isb
            mcr p15, 0, r0, c7, c10, 5
            nop
            yield
            wfe
            sev
            pld [r4]
            pli [r4, #64]
            add r1, r1, #1
            """, thumb: thumb), thumb: thumb)
        m.nzcv = 0b1010
        m[4] = Self.data
        m.runToEnd()
        #expect(m[1] == 1)
        #expect(m.nzcv == 0b1010)
        #expect(m.blocks.count == 2, "ISB ends the first block")
    }
}
