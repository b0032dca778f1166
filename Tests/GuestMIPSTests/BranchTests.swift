// Branches and jumps with their delay slots (MIPS32 Vol. II-A, and Vol. I-A's "Branch delay
// slot" rules): the slot runs whether or not the branch is taken and sees the link register
// already written, the condition and target are those before the slot ran, branch-likely
// nullifies its slot when not taken, a branch in a slot is reserved, exceptions in a slot
// restart at the branch, and a branch and its slot always share a block.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BranchTests {
    static let base = GuestMachine.codeBase

    /// Every conditional branch on negative, zero and positive values, plain and likely: taken
    /// or not as its condition says, the slot run (plain) or nullified (likely, not taken).
    @Test(arguments: Backend.allCases, byteOrders)
    func conditionsAndSlots(backend: Backend, bigEndian: Bool) throws {
        let kinds: [(String, Bool, (Int32, Int32) -> Bool)] = [
            ("beq $5, $6", true, { $0 == $1 }), ("bne $5, $6", true, { $0 != $1 }),
            ("blez $5", false, { a, _ in a <= 0 }), ("bgtz $5", false, { a, _ in a > 0 }),
            ("bltz $5", false, { a, _ in a < 0 }), ("bgez $5", false, { a, _ in a >= 0 }),
        ]
        for (branch, twoRegisters, condition) in kinds {
            let mnemonic = String(branch.prefix { $0 != " " })
            let operands = branch.dropFirst(mnemonic.count)
            for likely in [false, true] {
                // taken: $7 = 1 (slot) and $8 stays 0; not taken: $8 = 1.
                let source = "\(mnemonic)\(likely ? "l" : "")\(operands), 1f\naddiu $7, $7, 1\naddiu $8, $8, 1\n1: addiu $9, $9, 1"
                let m = try GuestMachine(source, bigEndian: bigEndian)
                for (a, b): (Int32, Int32) in [(-5, 3), (0, 0), (7, 7), (3, -5), (Int32.min, 0)] {
                    m.restart()
                    m[5] = UInt32(bitPattern: a)
                    m[6] = UInt32(bitPattern: b)
                    m[7] = 0
                    m[8] = 0
                    m[9] = 0
                    m.runToEnd(on: backend)
                    let taken = condition(a, twoRegisters ? b : 0)
                    #expect(m[8] == (taken ? 0 : 1), "\(backend) \(source.prefix { $0 != "\n" }) a=\(a) b=\(b)")
                    #expect(m[7] == (likely && !taken ? 0 : 1), "slot of \(mnemonic) likely=\(likely) taken=\(taken)")
                    #expect(m[9] == 1)
                }
            }
        }
    }

    /// The delay slot overwrites the compared register: the branch uses the value before.
    @Test(arguments: Backend.allCases)
    func conditionIsReadBeforeTheSlot(backend: Backend) throws {
        let m = try GuestMachine("beq $4, $0, 1f\naddiu $4, $4, 1\naddiu $5, $0, 1\n1: nop")
        m[4] = 0
        m.runToEnd(on: backend)
        #expect(m[4] == 1)
        #expect(m[5] == 0, "taken on the old $4 == 0")

        let j = try GuestMachine("jr $4\naddiu $4, $4, 8\naddiu $5, $0, 1\naddiu $6, $0, 1\nnop")
        j[4] = Self.base + 12
        j.runToEnd(on: backend)
        #expect(j[5] == 0 && j[6] == 1, "jumped to the old $4")
        #expect(j[4] == Self.base + 20)
    }

    /// JAL, BAL, JALR write the return address pc + 8 before the slot runs.
    @Test(arguments: Backend.allCases, byteOrders)
    func linkRegisters(backend: Backend, bigEndian: Bool) throws {
        // JAL's target is absolute (an unlinked object's label would be relative to 0).
        let m = try GuestMachine("jal 0x\(String(Self.base + 12, radix: 16))\nor $5, $31, $0\nnop\n1: bal 2f\nor $6, $31, $0\nnop\n2: jalr $7, $8\nor $9, $7, $0\nnop\n3: nop", bigEndian: bigEndian)
        m[8] = Self.base + 36
        m.runToEnd(on: backend)
        #expect(m[5] == Self.base + 8, "JAL's slot sees the link")
        #expect(m[6] == Self.base + 20, "BAL's slot sees the link")
        #expect(m[31] == Self.base + 20)
        #expect(m[7] == Self.base + 32 && m[9] == Self.base + 32, "JALR rd")
        #expect(m.state.pc == Self.base + 40)
    }

    /// J and JAL keep the top four bits of the slot's address.
    @Test(arguments: Backend.allCases)
    func jumpRegionAndTargets(backend: Backend) throws {
        let m = try GuestMachine("j 0x2468\nnop")
        m.runToEnd(on: backend)
        #expect(m.state.pc == 0x2468)
    }

    /// BLTZAL and BGEZAL (and their likely forms) link whether or not they branch.
    @Test(arguments: Backend.allCases)
    func branchAndLinkAlwaysLinks(backend: Backend) throws {
        for branch in ["bltzal", "bgezal", "bltzall", "bgezall"] {
            let m = try GuestMachine("\(branch) $5, 1f\nnop\nnop\n1: nop")
            for value: UInt32 in [1, 0xffff_ffff] {
                m.restart()
                m[31] = 0
                m[5] = value
                m.runToEnd(on: backend)
                #expect(m[31] == Self.base + 8, "\(branch) with \(Int32(bitPattern: value)) links")
            }
        }
    }

    /// A loop over several blocks: a branch back with a slot that counts.
    @Test(arguments: Backend.allCases, [64, 2, 1])
    func loops(backend: Backend, maxInstructions: Int) throws {
        let m = try GuestMachine("addiu $4, $0, 10\n1: addiu $4, $4, -1\nbne $4, $0, 1b\naddiu $5, $5, 1\naddiu $6, $0, 1")
        let result = m.run(on: backend, maxInstructions: maxInstructions)
        #expect(result.end == .left)
        #expect(m[5] == 10 && m[6] == 1)
        // A branch and its slot are never split, whatever the limit.
        for block in m.blocks {
            let starts = block.ops.filter { $0.opcode == .insnStart }
            if let last = starts.last, last.aux == 1 { #expect(starts.count >= 2) }
        }
    }

    /// A branch in a delay slot is reserved: SIGILL, reported at the first branch.
    @Test(arguments: Backend.allCases)
    func branchInDelaySlotIsReserved(backend: Backend) throws {
        let m = try GuestMachine("nop\nb 1f\nb 1f\nnop\n1: nop")
        let result = m.run(on: backend)
        guard case .exit(.undefined, _) = result.end else {
            Issue.record("ended with \(result.end)")
            return
        }
        #expect(m.state.pc == Self.base + 4)
    }

    /// SYSCALL in a delay slot resumes where the branch goes; a trap there restarts the branch.
    @Test(arguments: Backend.allCases)
    func exceptionsInDelaySlots(backend: Backend) throws {
        let s = try GuestMachine("beq $4, $0, 1f\nsyscall\nnop\n1: nop")
        for (value, next) in [(UInt32(0), Self.base + 12), (1, Self.base + 8)] {
            s.restart()
            s[4] = value
            #expect(s.run(on: backend).end == .exit(.syscall, payload: 0))
            #expect(s.state.pc == next, "after a syscall in the slot: the branch's destination")
        }
        let j = try GuestMachine("jr $4\nsyscall 5\nnop")
        j[4] = 0x4000
        #expect(j.run(on: backend).end == .exit(.syscall, payload: 5))
        #expect(j.state.pc == 0x4000)

        let t = try GuestMachine("nop\nbne $4, $0, 1f\nteq $0, $0, 9\nnop\n1: nop")
        t[4] = 1
        #expect(t.run(on: backend).end == .exit(.breakpoint, payload: MIPSTrap.trapInstruction(code: 9).payload))
        #expect(t.state.pc == Self.base + 4, "a trap in a delay slot restarts at its branch")

        let r = try GuestMachine("b 1f\n.word 0xbc850000\nnop\n1: nop")
        #expect(r.run(on: backend).end == .exit(.undefined, payload: 0xbc85_0000))
        #expect(r.state.pc == Self.base, "a reserved instruction in a slot reports the branch")
    }

    /// A fault in a delay slot resumes at the branch: insn_start of the slot says so.
    @Test func delaySlotResumesAtItsBranch() throws {
        let m = try GuestMachine("beq $4, $5, 1f\nlw $6, 0($7)\nnop\n1: nop")
        var frontend = MIPSFrontend()
        let block = frontend.translate(BlockKey(pc: UInt64(Self.base), flags: 0), code: m.code, maxInstructions: 64)
        // The block goes on past the forward branch: its slot is the second instruction.
        let starts = block.ops.filter { $0.opcode == .insnStart }.map { ($0.imm, $0.aux) }
        #expect(starts.count >= 2)
        #expect(starts.count >= 2 && starts[1].0 == UInt64(Self.base + 4) && starts[1].1 == 1)
        frontend.resume(at: UInt64(Self.base + 4), resume: 1, of: block.key, state: m.state.raw)
        #expect(m.state.pc == Self.base)
        frontend.resume(at: UInt64(Self.base + 8), resume: 0, of: block.key, state: m.state.raw)
        #expect(m.state.pc == Self.base + 8)
    }

    /// A branch on the last word of a page takes its slot from the next page, in the same block.
    @Test(arguments: Backend.allCases)
    func delaySlotAcrossAPage(backend: Backend) throws {
        let code = try Assembler.assemble("addiu $4, $0, 1\nb 1f\naddiu $5, $0, 2\nnop\n1: addiu $6, $0, 3", bigEndian: false)
        let m = GuestMachine(code: code, mode: [], base: 0x10ff8)
        m.runToEnd(on: backend)
        #expect(m[4] == 1 && m[5] == 2 && m[6] == 3)
        #expect(m.blocks.first?.guestSize == 12, "the first block ends after the slot on the next page")
    }

    /// A branch whose slot cannot be fetched: a fetch fault at the slot's address, reported at
    /// the branch; a block that reaches such a branch ends before it.
    @Test(arguments: Backend.allCases)
    func unfetchableDelaySlot(backend: Backend) throws {
        let code = try Assembler.assemble("addiu $4, $0, 1\nb 1f\n1: nop", bigEndian: false)
        let m = GuestMachine(code: Array(code.prefix(8)), mode: [])
        let result = m.run(on: backend)
        #expect(result.end == .exit(.fetchFault, payload: UInt64(Self.base + 8)))
        #expect(m.state.pc == Self.base + 4)
        #expect(m[4] == 1)
        #expect(m.blocks.count == 2)
    }

    /// An indirect jump to an address that is not a multiple of 4: an address error.
    @Test(arguments: Backend.allCases)
    func unalignedJumpTarget(backend: Backend) throws {
        let m = try GuestMachine("jr $4\nnop\nnop\nnop")
        m[4] = Self.base + 10
        #expect(m.run(on: backend).end == .exit(.alignmentFault, payload: UInt64(Self.base + 10)))
        #expect(m.state.pc == Self.base + 10)
    }
}
