// Branches and PC reads (A8.8: B, BL, BLX, BX, CBZ/CBNZ, TBB/TBH; A2.3 the PC as an operand):
// targets, the link register with its Thumb bit, the instruction-set state after
// interworking branches, and PC-relative values (ADR, LDR literal, ADD with the PC) in both
// states.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BranchTests {
    static let base = GuestMachine.codeBase

    /// BX to an odd address enters Thumb, to an even one ARM; BLX sets LR to the next
    /// instruction (with bit 0 set when it is Thumb code).
    @Test func bxAndBlxInterwork() throws {
        // ARM: blx r1 into Thumb code placed after the ARM code; Thumb: bx lr back.
        let arm = try Assembler.arm("blx r1\nmov r2, #2\nb 1f\n.thumb\nthumb_part:\nmovs r3, #3\nbx lr\n.arm\n1:\nmov r4, #4")
        let m = GuestMachine(code: arm, thumb: false)
        m[1] = Self.base + 12 | 1
        m.runToEnd()
        #expect(m[3] == 3, "the Thumb part ran")
        #expect(m[14] == Self.base + 4, "LR = next ARM instruction")
        #expect(m[2] == 2 && m[4] == 4)
        #expect(!m.state.thumb)

        // Thumb: blx r1 into ARM code; LR has bit 0 set.
        let thumb = try Assembler.thumb("blx r1\nmovs r2, #2\nb 1f\n.align 2\n.arm\nmov r3, #3\nbx lr\n.thumb\n1:\nmovs r4, #4")
        let t = GuestMachine(code: thumb, thumb: true)
        t[1] = Self.base + 8
        t.runToEnd()
        #expect(t[3] == 3, "the ARM part ran")
        #expect(t[14] == Self.base + 2 | 1, "LR = next Thumb instruction | 1")
        #expect(t[2] == 2 && t[4] == 4)
        #expect(t.state.thumb)
    }

    /// BX leaving the code: the pc and state the branch sets.
    @Test(arguments: [false, true])
    func bxTargets(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("bx r1", thumb: thumb), thumb: thumb)
        for (target, toThumb) in [(UInt32(0x4_0000), false), (0x4_0001, true), (0x4_0101, true)] {
            m.restart()
            m[1] = target
            m.runToEnd()
            #expect(m.state.pc == target & ~1)
            #expect(m.state.thumb == toThumb)
        }
    }

    /// BLX with LR as the target: the target is read before LR is written.
    @Test(arguments: [false, true])
    func blxLR(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("blx lr", thumb: thumb), thumb: thumb)
        m[14] = 0x4_0001
        m.runToEnd()
        #expect(m.state.pc == 0x4_0000)
        #expect(m.state.thumb)
        #expect(m[14] == Self.base + (thumb ? 2 | 1 : 4))
    }

    /// BL and BLX (immediate): targets and LR. BLX from Thumb aligns the target to the word
    /// (Align(PC, 4) + imm).
    @Test func branchWithLinkImmediate() throws {
        let arm = try GuestMachine(arm: "bl 1f\nnop\n1:\nblx 2f\nnop\n.thumb\n2:\nmovs r0, #1")
        arm.runToEnd()
        #expect(arm[0] == 1)
        #expect(arm[14] == Self.base + 12, "LR from the BLX")
        #expect(arm.state.thumb)

        // Thumb BLX at a halfword-aligned (not word-aligned) address.
        let thumb = try GuestMachine(thumb: "nop\nblx 1f\nnop\nnop\n.align 2\n.arm\n1:\nmov r0, #1\nbl 2f\n2:\nmov r1, #1")
        thumb.runToEnd()
        #expect(thumb[0] == 1 && thumb[1] == 1)
        #expect(thumb[14] == Self.base + 20, "LR from the ARM BL")
        #expect(!thumb.state.thumb)

        let tbl = try GuestMachine(thumb: "bl 1f\nnop\n1:\nmovs r0, #1")
        tbl.runToEnd()
        #expect(tbl[0] == 1)
        #expect(tbl[14] == Self.base + 4 | 1)
    }

    @Test func compareAndBranch() throws {
        let m = try GuestMachine(thumb: "cbz r0, 1f\nmovs r1, #1\n1:\ncbnz r0, 2f\nmovs r2, #2\n2:\nmovs r3, #3")
        for r0: UInt32 in [0, 1, 0x8000_0000] {
            m.restart()
            m[0] = r0
            m[1] = 0
            m[2] = 0
            m.nzcv = 0b1111
            m.runToEnd()
            #expect(m[1] == (r0 == 0 ? 0 : 1), "cbz r0=\(r0)")
            #expect(m[2] == (r0 == 0 ? 2 : 0), "cbnz r0=\(r0)")
            #expect(m[3] == 3)
        }
        // Flags are not touched (the movs in the not-taken paths set them; check a taken-only run).
        let f = try GuestMachine(thumb: "cbz r0, 1f\nnop\n1:\nnop")
        f.nzcv = 0b1011
        f.runToEnd()
        #expect(f.nzcv == 0b1011)
    }

    @Test func tableBranches() throws {
        let tbb = try GuestMachine(thumb: """
            tbb [pc, r0]
            1:
            .byte (2f - 1b) / 2
            .byte (3f - 1b) / 2
            .byte (4f - 1b) / 2
            .byte 0
            2:
            movs r1, #1
            b 5f
            3:
            movs r1, #2
            b 5f
            4:
            movs r1, #3
            5:
            """)
        for i: UInt32 in 0..<3 {
            tbb.restart()
            tbb[0] = i
            tbb.runToEnd()
            #expect(tbb[1] == i + 1, "tbb index \(i)")
        }
        // TBH with the table elsewhere (Rn not the pc), halfword entries.
        let tbh = try GuestMachine(thumb: """
            tbh [r2, r0, lsl #1]
            1:
            movs r1, #1
            b 5f
            2:
            movs r1, #2
            5:
            """)
        let table = GuestMachine.dataBase
        tbh.store16(table, 0)               // to 1b: (1b - (pc + 4)) / 2 = 0
        tbh.store16(table + 2, 2)           // to 2b: 4 bytes after 1b
        for i: UInt32 in 0..<2 {
            tbh.restart()
            tbh[0] = i
            tbh[2] = table
            tbh.runToEnd()
            #expect(tbh[1] == i + 1, "tbh index \(i)")
        }
    }

    /// The PC as an operand: A32 reads the instruction's address + 8, Thumb + 4; ADR and
    /// literal loads use Align(PC, 4).
    @Test func pcReadsA32() throws {
        let m = try GuestMachine(arm: """
            add r0, pc, #0
            mov r1, pc
            adr r2, 1f
            ldr r3, 1f
            add r4, r5, pc
            ldr r6, [pc, #-4]
            b 2f
            1:
            .word 0x12345678
            2:
            """)
        m[5] = 0x1000
        m.runToEnd()
        #expect(m[0] == Self.base + 8)
        #expect(m[1] == Self.base + 4 + 8)
        #expect(m[2] == Self.base + 28)
        #expect(m[3] == 0x1234_5678)
        #expect(m[4] == 0x1000 + Self.base + 16 + 8)
        #expect(m[6] == m.load32(Self.base + 20 + 8 - 4), "ldr r6, [pc, #-4] reads the word after it")
    }

    @Test func pcReadsThumb() throws {
        // Offsets: 0 nop(2), 2 add r0, pc (2), 4 mov r1, pc (2), 6 adr r2 (2), 8 ldr r3 lit (2),
        // 10 adr.w (4), 14 ldr.w lit (4), 18 b (2), 20 .word, 24 end.
        let m = try GuestMachine(thumb: """
            nop
            add r0, pc
            mov r1, pc
            adr r2, 1f
            ldr r3, 1f
            adr.w r4, 1f
            ldr.w r5, 1f
            b 2f
            .align 2
            1:
            .word 0x12345678
            2:
            """)
        m[0] = 0x100
        m.runToEnd()
        #expect(m[0] == 0x100 + Self.base + 2 + 4, "add r0, pc: pc = instruction + 4, not aligned")
        #expect(m[1] == Self.base + 4 + 4)
        #expect(m[2] == Self.base + 20)
        #expect(m[3] == 0x1234_5678, "16-bit LDR literal at a non-word-aligned address")
        #expect(m[4] == Self.base + 20)
        #expect(m[5] == 0x1234_5678)
    }

    /// Branches that leave the code: the pc and state after.
    @Test func branchTargets() throws {
        let a = try GuestMachine(arm: "b .+0x1000")
        a.runToEnd()
        #expect(a.state.pc == Self.base + 0x1000)
        let t = try GuestMachine(thumb: "b.w .+0x1000")
        t.runToEnd()
        #expect(t.state.pc == Self.base + 0x1000)
        let back = try GuestMachine(thumb: "nop\nb.w .-0x102")
        back.runToEnd()
        #expect(back.state.pc == Self.base + 2 - 0x102)
        #expect(back.state.thumb)
    }

    /// MOV pc / ADD pc: ALUWritePC, which interworks in ARM state and not in Thumb state.
    @Test func aluWritesToPC() throws {
        let a = try GuestMachine(arm: "mov pc, r1")
        a[1] = 0x4_0001
        a.runToEnd()
        #expect(a.state.pc == 0x4_0000)
        #expect(a.state.thumb, "ARM ALUWritePC is BXWritePC")
        let t = try GuestMachine(thumb: "mov pc, r1")
        t[1] = 0x4_0000
        t.runToEnd()
        #expect(t.state.pc == 0x4_0000)
        #expect(t.state.thumb, "Thumb ALUWritePC is BranchWritePC")
        let add = try GuestMachine(thumb: "add pc, r1")
        add[1] = 0x100
        add.runToEnd()
        #expect(add.state.pc == Self.base + 4 + 0x100)
    }
}
