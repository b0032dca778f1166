// VFP register transfers and memory (A7.6, A7.8, A8.8: VMOV in all its core/extension forms,
// VLDR/VSTR, VLDM/VSTM, VPUSH/VPOP, VMRS/VMSR FPSCR), in A32 and Thumb.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct VFPTransferTests {
    static let data = GuestMachine.dataBase + 0x1000

    func machine(_ source: String, thumb: Bool) throws -> GuestMachine {
        GuestMachine(code: try Assembler.assemble(source, thumb: thumb), thumb: thumb)
    }

    @Test(arguments: [false, true])
    func coreAndExtensionMoves(thumb: Bool) throws {
        let m = try machine("""
            vmov s0, r0
            vmov r1, s0
            vmov d1, r2, r3
            vmov r4, r5, d1
            vmov s5, s6, r2, r3
            vmov r6, r7, s5, s6
            vmov s31, r0
            vmov d31, r3, r2
            vmov r8, r9, d31
            """, thumb: thumb)
        m[0] = 0x3f80_0000
        m[2] = 0x1111_2222
        m[3] = 0x3333_4444
        m.runToEnd()
        #expect(m.s(0) == 0x3f80_0000)
        #expect(m[1] == 0x3f80_0000)
        #expect(m.d(1) == 0x3333_4444_1111_2222, "Rt is the low word")
        #expect(m[4] == 0x1111_2222 && m[5] == 0x3333_4444)
        #expect(m.s(5) == 0x1111_2222 && m.s(6) == 0x3333_4444)
        #expect(m[6] == 0x1111_2222 && m[7] == 0x3333_4444)
        #expect(m.s(31) == 0x3f80_0000)
        #expect(m.d(31) == 0x1111_2222_3333_4444)
        #expect(m[8] == 0x3333_4444 && m[9] == 0x1111_2222)
    }

    /// VMOV between a core register and one element of a D register.
    @Test(arguments: [false, true])
    func scalarMoves(thumb: Bool) throws {
        let m = try machine("""
            vmov.32 d0[1], r0
            vmov.16 d1[2], r0
            vmov.8 d2[5], r0
            vmov.u8 r1, d3[7]
            vmov.s8 r2, d3[7]
            vmov.u16 r3, d3[1]
            vmov.s16 r4, d3[3]
            vmov.32 r5, d3[1]
            vmov.32 r6, d17[0]
            """, thumb: thumb)
        m[0] = 0xcafe_f00d
        m.setD(0, 0x1111_1111_2222_2222)
        m.setD(1, 0x1111_1111_2222_2222)
        m.setD(2, 0x1111_1111_2222_2222)
        m.setD(3, 0x8877_6655_4433_9911)
        m.setD(17, 0x1234_5678_9abc_def0)
        m.runToEnd()
        #expect(m.d(0) == 0xcafe_f00d_2222_2222)
        #expect(m.d(1) == 0x1111_f00d_2222_2222)
        #expect(m.d(2) == 0x1111_0d11_2222_2222)
        #expect(m[1] == 0x88)
        #expect(m[2] == 0xffff_ff88)
        #expect(m[3] == 0x4433)
        #expect(m[4] == 0xffff_8877)
        #expect(m[5] == 0x8877_6655)
        #expect(m[6] == 0x9abc_def0)
    }

    @Test(arguments: [false, true])
    func registerMovesAndImmediates(thumb: Bool) throws {
        let m = try machine("""
            vmov.f64 d2, d3
            vmov.f32 s1, s11
            vmov.f64 d4, #-2.5
            vmov.f32 s10, #0.125
            vmov.f64 d20, #31.0
            """, thumb: thumb)
        m.setD(3, 0x0123_4567_89ab_cdef)
        m.setS(11, 0xdead_beef)
        m.setS(0, 0x5555_5555)
        m.runToEnd()
        #expect(m.d(2) == 0x0123_4567_89ab_cdef)
        #expect(m.s(1) == 0xdead_beef)
        #expect(m.s(0) == 0x5555_5555, "the other half of d0 is untouched")
        #expect(m.double(4) == -2.5)
        #expect(m.float(10) == 0.125)
        #expect(m.double(20) == 31.0)
    }

    @Test(arguments: [false, true])
    func loadsAndStores(thumb: Bool) throws {
        let m = try machine("""
            vldr d0, [r0]
            vldr d1, [r0, #8]
            vldr s8, [r0, #-4]
            vldr s9, [r0, #1020]
            vstr d0, [r1, #16]
            vstr s8, [r1, #-8]
            vstr d1, [r1]
            vldr d2, 1f
            vldr s6, 1f
            b 2f
            .align 3
            1:
            .word 0x11223344
            .word 0x55667788
            2:
            """, thumb: thumb)
        let a = Self.data, b = Self.data + 0x400
        m[0] = a
        m[1] = b
        m.store64(a, 0x0102_0304_0506_0708)
        m.store64(a + 8, 0x1112_1314_1516_1718)
        m.store32(a - 4, 0x2122_2324)
        m.store32(a + 1020, 0x3132_3334)
        m.runToEnd()
        #expect(m.d(0) == 0x0102_0304_0506_0708)
        #expect(m.d(1) == 0x1112_1314_1516_1718)
        #expect(m.s(8) == 0x2122_2324)
        #expect(m.s(9) == 0x3132_3334)
        #expect(m.load64(b + 16) == 0x0102_0304_0506_0708)
        #expect(m.load32(b - 8) == 0x2122_2324)
        #expect(m.load64(b) == 0x1112_1314_1516_1718)
        #expect(m.d(2) == 0x5566_7788_1122_3344)
        #expect(m.s(6) == 0x1122_3344)
    }

    @Test(arguments: [false, true])
    func multipleAndStack(thumb: Bool) throws {
        let m = try machine("""
            vldmia r0, {d0-d2}
            vldmia r1!, {s8-s10}
            vstmdb r2!, {d0-d1}
            vstmia r3!, {s8, s9}
            vldmdb r4!, {s12-s13}
            vpush {d0-d2}
            vpush {s8}
            vpop {s20}
            vpop {d16-d18}
            vldmia r5, {d29-d31}
            """, thumb: thumb)
        let a = Self.data
        for i in 0..<16 { m.store32(a + UInt32(4 * i), 0x100 + UInt32(i)) }
        m[0] = a
        m[1] = a
        m[2] = a + 0x200
        m[3] = a + 0x300
        m[4] = a + 16
        m[5] = a
        m.runToEnd()
        #expect(m.d(0) == 0x101_0000_0100 && m.d(1) == 0x103_0000_0102 && m.d(2) == 0x105_0000_0104)
        #expect(m.s(8) == 0x100 && m.s(9) == 0x101 && m.s(10) == 0x102)
        #expect(m[1] == a + 12, "vldmia writeback: 3 words")
        #expect(m[2] == a + 0x200 - 16)
        #expect(m.load64(a + 0x200 - 16) == m.d(0) && m.load64(a + 0x200 - 8) == m.d(1))
        #expect(m[3] == a + 0x308)
        #expect(m.load32(a + 0x300) == 0x100 && m.load32(a + 0x304) == 0x101)
        #expect(m[4] == a + 8)
        #expect(m.s(12) == 0x102 && m.s(13) == 0x103)
        #expect(m.s(20) == 0x100)
        #expect(m.d(16) == m.d(0) && m.d(17) == m.d(1) && m.d(18) == m.d(2))
        #expect(m.state.sp == GuestMachine.stackTop)
        #expect(m.load64(GuestMachine.stackTop - 24) == m.d(0), "vpush: d0 lowest")
        #expect(m.d(29) == m.d(0) && m.d(31) == m.d(2))
    }

    /// VMSR then VMRS FPSCR returns the written control bits and NZCV; VMRS APSR_nzcv copies
    /// FPSCR's NZCV to the flags.
    @Test(arguments: [false, true])
    func fpscrTransfers(thumb: Bool) throws {
        let m = try machine("vmsr fpscr, r0\nvmrs r1, fpscr\nvmrs APSR_nzcv, fpscr", thumb: thumb)
        for nzcv: UInt32 in 0..<16 {
            for control: UInt32 in [0, 0x00c0_0000, 0x0040_0000, 0x0300_0000] {
                m.restart()
                m[0] = nzcv << 28 | control
                m.nzcv = ~nzcv & 0xf
                m.runToEnd()
                #expect(m[1] & 0xffc0_0000 == nzcv << 28 | control, "fpscr 0x\(String(m[0], radix: 16))")
                #expect(m.nzcv == nzcv)
            }
        }
        m.state.fpscr = 0
    }
}
