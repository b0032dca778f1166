// Conditional execution (A8.3): every condition on every NZCV combination, for a plain
// instruction, a flag-setting one, a direct branch and an indirect branch that ends the block
// (whose not-taken path must continue with the next instruction), in A32 and Thumb.

import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct ConditionTests {
    static let away: UInt32 = 0x4_0000

    /// Runs `snippet(cond)` for every condition and NZCV; `check` gets the machine and whether
    /// the condition held.
    func each(thumb: Bool, _ snippet: (String) -> String,
              setup: (GuestMachine) -> Void = { _ in },
              check: (GuestMachine, Bool, String) -> Void) throws {
        for (cond, name) in Reference.conditionNames.enumerated() {
            let m = GuestMachine(code: try Assembler.assemble(snippet(name), thumb: thumb), thumb: thumb)
            for nzcv: UInt32 in 0..<16 {
                m.restart()
                for r in 0..<13 { m[r] = 0 }
                m.nzcv = nzcv
                setup(m)
                let end = m.run()
                #expect(end == .left, "\(name) nzcv=\(nzcv): \(end)")
                check(m, Reference.conditionHolds(cond, nzcv: nzcv), "\(name) with nzcv=\(String(nzcv, radix: 2))")
            }
        }
    }

    @Test(arguments: [false, true])
    func plainInstruction(thumb: Bool) throws {
        try each(thumb: thumb, { c in thumb ? "it \(c)\nmov\(c) r0, #1\nmov r1, #2" : "mov\(c) r0, #1\nmov r1, #2" }) { m, holds, what in
            #expect(m[0] == (holds ? 1 : 0), "\(what)")
            #expect(m[1] == 2, "\(what): the next instruction runs")
        }
    }

    /// A conditional flag-setting instruction changes the flags only when it executes.
    @Test(arguments: [false, true])
    func flagSettingInstruction(thumb: Bool) throws {
        let snippet = { (c: String) in thumb ? "it \(c)\ncmp\(c) r2, r2" : "cmp\(c) r2, r2" }
        var before: UInt32 = 0
        try each(thumb: thumb, snippet, setup: { before = $0.nzcv }) { m, holds, what in
            #expect(m.nzcv == (holds ? 0b0110 : before), "\(what)")
        }
    }

    @Test(arguments: [false, true])
    func directBranch(thumb: Bool) throws {
        // Thumb: the 16-bit B<c>, then the 32-bit one.
        for wide in thumb ? [false, true] : [false] {
            let snippet = { (c: String) in "b\(c)\(wide ? ".w" : "") 1f\nmov r0, #1\n1:\nmov r1, #2" }
            try each(thumb: thumb, snippet) { m, holds, what in
                #expect(m[0] == (holds ? 0 : 1), "\(what)\(wide ? " (wide)" : "")")
                #expect(m[1] == 2, "\(what)")
            }
        }
    }

    /// BX<c> ends the block when taken; when not, the block must go on to the next instruction.
    @Test(arguments: [false, true])
    func indirectBranchEndingTheBlock(thumb: Bool) throws {
        let snippet = { (c: String) in (thumb ? "it \(c)\n" : "") + "bx\(c) r3\nmov r0, #1" }
        try each(thumb: thumb, snippet, setup: { $0[3] = Self.away | (thumb ? 1 : 0) }) { m, holds, what in
            #expect(m.state.pc == (holds ? Self.away : m.code.end), "\(what): pc")
            #expect(m[0] == (holds ? 0 : 1), "\(what)")
        }
    }

    /// A conditional load of the pc: the same, through LoadWritePC.
    @Test func conditionalLoadOfPC() throws {
        let snippet = { (c: String) in "ldr\(c) pc, [r4]\nmov r0, #1" }
        try each(thumb: false, snippet, setup: { m in
            m[4] = GuestMachine.dataBase
            m.store32(GuestMachine.dataBase, Self.away)
        }) { m, holds, what in
            #expect(m.state.pc == (holds ? Self.away : m.code.end), "\(what): pc")
            #expect(m[0] == (holds ? 0 : 1), "\(what)")
        }
    }

    /// After cmp in the same block the translator tests the compared values directly (one
    /// host compare) instead of the stored flags: every condition on operand pairs around the
    /// signed and unsigned boundaries, on both backends, against the flags of x - y (A2.2.1).
    @Test(arguments: [false, true])
    func conditionsAfterCompare(thumb: Bool) throws {
        let values: [UInt32] = [0, 1, 2, 0x7fff_ffff, 0x8000_0000, 0x8000_0001, 0xffff_ffff, 0xffff_fffe]
        let jit = JITRunner()
        for (cond, name) in Reference.conditionNames.enumerated() where cond < 14 {
            let source = "cmp r0, r1\n" + (thumb ? "it \(name)\n" : "") + """
                mov\(name) r2, #1
                b\(name) 1f
                mov r3, #1
                1:
                """
            let m = GuestMachine(code: try Assembler.assemble(source, thumb: thumb), thumb: thumb)
            for x in values {
                for y in values {
                    let (result, carry, overflow) = Reference.addWithCarry(x, ~y, true)
                    let holds = Reference.conditionHolds(cond, nzcv: Reference.nzcv(result, carry: carry, overflow: overflow))
                    for backend in [Backend.interpreter, .jit] {
                        m.restart()
                        m[0] = x
                        m[1] = y
                        m[2] = 0
                        m[3] = 0
                        let run = m.run(on: backend, jit: jit)
                        let what = "\(name) after cmp \(String(x, radix: 16)), \(String(y, radix: 16)) on the \(backend)"
                        #expect(run.end == .left, "\(what): \(run.end) \(run.error ?? "")")
                        #expect(m[2] == (holds ? 1 : 0), "\(what): conditional mov")
                        #expect(m[3] == (holds ? 0 : 1), "\(what): conditional branch")
                    }
                }
            }
        }
    }
}
