// Instructions that do not run: UNDEFINED encodings, instructions user mode may not execute,
// and encodings the visitors decline end the block with exitTB(.undefined),
// the state's pc at the instruction and the payload its encoding (Thumb 32-bit: first halfword
// high), after the instructions before it took effect. Also the other non-branch exits (SVC,
// BKPT) and fetch faults.

import GuestARM
import IR
import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct UndefinedTests {
    /// Runs "mov r0, #1; <instruction>; mov r1, #1" and checks the exit.
    func expectUndefined(_ instruction: String, thumb: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try Assembler.assemble("mov r0, #1", thumb: thumb)
        let bytes = try Assembler.assemble("mov r0, #1\n\(instruction)\nmov r1, #1", thumb: thumb)
        let m = GuestMachine(code: bytes, thumb: thumb)
        let at = GuestMachine.codeBase + UInt32(before.count)
        let offset = Int(at - GuestMachine.codeBase)
        var word = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
        if !thumb || word >> 11 >= 0b11101 {
            let second = UInt32(bytes[offset + 2]) | UInt32(bytes[offset + 3]) << 8
            word = thumb ? word << 16 | second : word | second << 16
        }
        let end = m.run()
        #expect(end == .exit(.undefined, payload: UInt64(word)), "\(instruction): \(end)", sourceLocation: sourceLocation)
        #expect(m.state.pc == at, "\(instruction): pc at the instruction", sourceLocation: sourceLocation)
        #expect(m[0] == 1, "\(instruction): the instruction before ran", sourceLocation: sourceLocation)
        #expect(m[1] == 0, "\(instruction): the instruction after did not", sourceLocation: sourceLocation)
        #expect(m.state.thumb == thumb, sourceLocation: sourceLocation)
    }

    @Test func a32() throws {
        for instruction in [
            "udf #0", "udf #0xfff5",
            "mrs r0, spsr", "msr spsr_fsxc, r1",
            "mcr p15, 0, r0, c1, c0, 0",           // SCTLR: not from user mode
            "mrc p15, 0, r0, c0, c0, 0",           // MIDR
            "ldc p5, c1, [r2]", "cdp p5, 0, c1, c2, c3, 0", "mcrr p5, 0, r0, r1, c2",
            ".inst 0xe8900000",                    // LDM r0, {} (empty list)
            ".inst 0xe300f000",                    // MOVW pc, #0
            "srsdb sp!, #19", "rfeia r0",
            // Advanced SIMD encodings the manual makes UNDEFINED: VADD (float) with sz == 1, a
            // Q operand with an odd register, VREV64 with size == 11, VMOVL to an odd Vd.
            ".inst 0xf2100d02", ".inst 0xf2200843", ".inst 0xf3bc0001", ".inst 0xf3881a11",
        ] {
            try expectUndefined(instruction, thumb: false)
        }
    }

    @Test func thumb() throws {
        for instruction in [
            "udf #7", "udf.w #300",
            "mrs r0, spsr",
            "mcr p15, 0, r0, c1, c0, 0",
            "ldc p5, c1, [r2]", "cdp p5, 0, c1, c2, c3, 0",
            ".inst.w 0xef100d02", ".inst.w 0xef200843", ".inst.w 0xffbc0001", ".inst.w 0xff881a11",
        ] {
            try expectUndefined(instruction, thumb: true)
        }
    }

    /// Inside an IT block (condition passed), the exit keeps the instruction's own ITSTATE so a
    /// signal handler returning to it resumes the block.
    @Test func insideITBlock() throws {
        let m = try GuestMachine(thumb: "itt eq\nmoveq r0, #1\n.inst.n 0xde01\nmov r1, #1")
        m.nzcv = 0b0100
        let end = m.run()
        #expect(end == .exit(.undefined, payload: 0xde01))
        #expect(m.state.pc == GuestMachine.codeBase + 4)
        #expect(m[0] == 1)
        // ITT EQ = 0x04; the second slot's ITSTATE is 0x08.
        #expect(m.state.itState == 0x08)
    }

    /// SVC resumes after itself, BKPT stops at itself; both carry their immediates.
    @Test(arguments: [false, true])
    func svcAndBkpt(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("svc #0x42\nbkpt #0x17\nmov r1, #1", thumb: thumb), thumb: thumb)
        let size: UInt32 = thumb ? 2 : 4
        #expect(m.run() == .exit(.syscall, payload: 0x42))
        #expect(m.state.pc == GuestMachine.codeBase + size)
        #expect(m.run() == .exit(.breakpoint, payload: 0x17))
        #expect(m.state.pc == GuestMachine.codeBase + size)
        #expect(m[1] == 0)
    }

    @Test func a32SvcImmediateIs24Bits() throws {
        let m = try GuestMachine(arm: "svc #0xabcdef")
        #expect(m.run() == .exit(.syscall, payload: 0xab_cdef))
    }

    /// A block that starts where no code can be fetched is one fetch-fault exit at that pc.
    @Test(arguments: [false, true])
    func fetchFault(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("nop", thumb: thumb), thumb: thumb)
        var frontend = ARMFrontend()
        let key = BlockKey(pc: 0x9000, flags: thumb ? ARMFrontend.thumbFlag : 0)
        let block = frontend.translate(key, code: m.code, maxInstructions: 10)
        #expect(block.verify() == [])
        #expect(block.ops.last?.opcode == .exitTB)
        #expect(block.ops.last.map { ExitReason(rawValue: $0.aux) } == .fetchFault)
        #expect(block.ops.last?.imm == 0x9000)
        #expect(block.instructionCount == 0)
    }

    /// A 32-bit Thumb instruction whose second halfword cannot be fetched: as the block's first
    /// instruction it faults; after other instructions the block ends before it.
    @Test func truncatedWideThumbInstruction() throws {
        let wide = try Assembler.thumb("movs r0, #1\nmov.w r1, #2")
        let m = GuestMachine(code: Array(wide.prefix(4)), thumb: true)  // movs + first halfword
        var frontend = ARMFrontend()
        let first = frontend.translate(BlockKey(pc: UInt64(GuestMachine.codeBase), flags: ARMFrontend.thumbFlag),
                                       code: m.code, maxInstructions: 10)
        #expect(first.verify() == [])
        #expect(first.instructionCount == 1)
        #expect(first.guestSize == 2)
        let second = frontend.translate(BlockKey(pc: UInt64(GuestMachine.codeBase + 2), flags: ARMFrontend.thumbFlag),
                                        code: m.code, maxInstructions: 10)
        #expect(second.ops.last.map { ExitReason(rawValue: $0.aux) } == .fetchFault)
        #expect(second.ops.last?.imm == UInt64(GuestMachine.codeBase + 2))
    }

    /// Blocks end at the instruction limit and before a page boundary.
    @Test func blockLimits() throws {
        let m = try GuestMachine(arm: Array(repeating: "add r0, r0, #1", count: 20).joined(separator: "\n"))
        m.runToEnd(maxInstructions: 7)
        #expect(m[0] == 20)
        #expect(m.blocks.map(\.instructionCount) == [7, 7, 6])
        // Code straddling a page boundary: the first block stops at the boundary.
        let source = Array(repeating: "add r0, r0, #1", count: 8).joined(separator: "\n")
        let p = GuestMachine(code: try Assembler.arm(source), thumb: false, base: 0x1_0ff0)
        p.runToEnd()
        #expect(p[0] == 8)
        #expect(p.blocks.first?.instructionCount == 4)
        #expect(p.blocks.first?.guestSize == 16)
    }

    /// A 32-bit Thumb instruction crossing a page boundary starts a block of its own.
    @Test func wideThumbInstructionAcrossPages() throws {
        let code = try Assembler.thumb("movs r0, #1\nmov.w r1, #2\nmovs r2, #3")
        let m = GuestMachine(code: code, thumb: true, base: 0x1_0ffc)
        m.runToEnd()
        #expect(m[0] == 1 && m[1] == 2 && m[2] == 3)
        // The crossing instruction is alone in its block: the block's page ends after it.
        #expect(m.blocks.map(\.key.pc) == [0x1_0ffc, 0x1_0ffe, 0x1_1002])
        #expect(m.blocks.map(\.instructionCount) == [1, 1, 1])
    }
}
