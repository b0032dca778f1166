// The ALU instructions (MIPS32 Vol. II-A: ADD*, SUB*, AND, OR, XOR, NOR, SLT*, the immediate
// forms and LUI) on edge values and random ones, against the manual's definitions written in
// Swift, on both backends. ADD, ADDI and SUB trap on overflow and leave the destination alone.

@testable import GuestMIPS
import IR
import Testing
import TestTools
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct ArithmeticTests {
    /// A three-register instruction and its definition.
    static let registerOps: [(String, @Sendable (UInt32, UInt32) -> UInt32?)] = [
        ("add", { a, b in
            let (r, o) = Int32(bitPattern: a).addingReportingOverflow(Int32(bitPattern: b))
            return o ? nil : UInt32(bitPattern: r)
        }),
        ("addu", { $0 &+ $1 }),
        ("sub", { a, b in
            let (r, o) = Int32(bitPattern: a).subtractingReportingOverflow(Int32(bitPattern: b))
            return o ? nil : UInt32(bitPattern: r)
        }),
        ("subu", { $0 &- $1 }),
        ("and", { $0 & $1 }), ("or", { $0 | $1 }), ("xor", { $0 ^ $1 }), ("nor", { ~($0 | $1) }),
        ("slt", { Int32(bitPattern: $0) < Int32(bitPattern: $1) ? 1 : 0 }),
        ("sltu", { $0 < $1 ? 1 : 0 }),
        ("sllv", { $1 << ($0 & 31) }), ("srlv", { $1 >> ($0 & 31) }),
        ("srav", { UInt32(bitPattern: Int32(bitPattern: $1) >> Int32($0 & 31)) }),
        ("rotrv", { b, a in let n = b & 31; return n == 0 ? a : a >> n | a << (32 - n) }),
        ("mul", { $0 &* $1 }),
    ]

    /// `op $4, $5, $6` (shifts: `op $4, $6, $5`, the count in $5) for many $5, $6.
    @Test(arguments: Backend.allCases)
    func registerForms(backend: Backend) throws {
        var rng = SplitMix64(seed: 0xa1)
        for (name, definition) in Self.registerOps {
            let shift = name.hasSuffix("v")
            let m = try GuestMachine(shift ? "\(name) $4, $6, $5" : "\(name) $4, $5, $6")
            for _ in 0..<24 {
                let a = rng.word(), b = rng.word()
                m.restart()
                m[4] = 0xdead_beef
                m[5] = a
                m[6] = b
                let result = m.run(on: backend)
                let expected = definition(a, b)
                if let expected {
                    #expect(result.end == .left, "\(name) \(a) \(b): \(result.end)")
                    #expect(m[4] == expected, "\(backend) \(name) 0x\(String(a, radix: 16)), 0x\(String(b, radix: 16))")
                } else {
                    #expect(result.end == .exit(.breakpoint, payload: MIPSTrap.overflow.payload), "\(name) overflow")
                    #expect(m[4] == 0xdead_beef, "\(name): the destination is not written on overflow")
                    #expect(m.state.pc == GuestMachine.codeBase, "the exception's pc is the instruction")
                }
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func immediateForms(backend: Backend) throws {
        var rng = SplitMix64(seed: 0xa2)
        let immediates: [Int32] = [0, 1, -1, 0x7fff, -0x8000, 0x1234, -0x1234]
        for imm in immediates {
            let m = try GuestMachine("""
                addiu $4, $5, \(imm)
                slti $6, $5, \(imm)
                sltiu $7, $5, \(imm)
                andi $8, $5, \(imm & 0xffff)
                ori $9, $5, \(imm & 0xffff)
                xori $10, $5, \(imm & 0xffff)
                lui $11, \(imm & 0xffff)
                """)
            for _ in 0..<16 {
                let a = rng.word()
                m.restart()
                m[5] = a
                m.runToEnd(on: backend)
                let simm = UInt32(bitPattern: imm), zimm = UInt32(bitPattern: imm) & 0xffff
                #expect(m[4] == a &+ simm)
                #expect(m[6] == (Int32(bitPattern: a) < imm ? 1 : 0))
                #expect(m[7] == (a < simm ? 1 : 0), "SLTIU compares with the sign-extended immediate unsigned")
                #expect(m[8] == a & zimm)
                #expect(m[9] == a | zimm)
                #expect(m[10] == a ^ zimm)
                #expect(m[11] == zimm << 16)
            }
        }
    }

    /// ADDI traps on signed overflow; ADDIU never does.
    @Test(arguments: Backend.allCases)
    func addiOverflow(backend: Backend) throws {
        let m = try GuestMachine("addi $4, $5, 1\naddi $6, $5, -1")
        for (a, trapsAt) in [(UInt32(0x7fff_ffff), Optional(0)), (0x8000_0000, 4), (5, nil)] {
            m.restart()
            m[4] = 0x1111
            m[6] = 0x2222
            m[5] = a
            let result = m.run(on: backend)
            if let trapsAt {
                #expect(result.end == .exit(.breakpoint, payload: MIPSTrap.overflow.payload))
                #expect(m.state.pc == GuestMachine.codeBase + UInt32(trapsAt))
            } else {
                #expect(result.end == .left)
                #expect(m[4] == 6 && m[6] == 4)
            }
        }
    }

    /// Shifts by an immediate, all 32 counts.
    @Test(arguments: Backend.allCases)
    func immediateShifts(backend: Backend) throws {
        for sa in [0, 1, 7, 16, 31] {
            let m = try GuestMachine("sll $4, $5, \(sa)\nsrl $6, $5, \(sa)\nsra $7, $5, \(sa)\nrotr $8, $5, \(sa)")
            for a: UInt32 in [0x8765_4321, 0x1234_5678, 0xffff_ffff, 1] {
                m.restart()
                m[5] = a
                m.runToEnd(on: backend)
                #expect(m[4] == a << UInt32(sa))
                #expect(m[6] == a >> UInt32(sa))
                #expect(m[7] == UInt32(bitPattern: Int32(bitPattern: a) >> Int32(sa)))
                #expect(m[8] == (sa == 0 ? a : a >> UInt32(sa) | a << UInt32(32 - sa)))
            }
        }
    }

    /// MOVZ and MOVN move on the condition register and otherwise keep the destination.
    @Test(arguments: Backend.allCases)
    func conditionalMoves(backend: Backend) throws {
        let m = try GuestMachine("movz $4, $5, $6\nmovn $7, $5, $6")
        for condition: UInt32 in [0, 1, 0x8000_0000] {
            m.restart()
            m[4] = 0x44
            m[7] = 0x77
            m[5] = 0x55
            m[6] = condition
            m.runToEnd(on: backend)
            #expect(m[4] == (condition == 0 ? 0x55 : 0x44))
            #expect(m[7] == (condition != 0 ? 0x55 : 0x77))
        }
    }
}
