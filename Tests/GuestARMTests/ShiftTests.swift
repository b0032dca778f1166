// The shifter operand (A8.4): every shift type by immediates and by registers (counts 0, 1,
// 31, 32, 33, 255 and counts whose bottom byte differs from the register), in A32, T32 and
// T16 forms, checked against Shift_C for the result and the carry out; arithmetic ops ignore
// the shifter's carry, logical ones set C from it, and V is left alone.

import Testing
import TestTools

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct ShiftTests {
    /// How r0 is formed from r3 and the shifted r1: MOV (also the Thumb shift instructions,
    /// whose Rdn is r0 = r1), AND (logical: C from the shifter), ADD (C from the addition).
    enum Form { case mov, and, add }

    struct Case {
        var line: String
        var shift: Reference.Shift
        /// nil: by the register r2.
        var amount: Int?
        var form: Form
    }

    static func immediateCases(thumb: Bool) -> [Case] {
        var cases: [Case] = []
        let amounts: [(Reference.Shift, String, [Int])] = [
            (.lsl, "lsl", [1, 2, 15, 31]), (.lsr, "lsr", [1, 2, 16, 31, 32]),
            (.asr, "asr", [1, 16, 31, 32]), (.ror, "ror", [1, 8, 31]),
        ]
        let wide = thumb ? ".w" : ""
        for (shift, name, list) in amounts {
            for n in list {
                let mov = thumb ? "\(name)s.w r0, r1, #\(n)" : "movs r0, r1, \(name) #\(n)"
                cases.append(Case(line: mov, shift: shift, amount: n, form: .mov))
                cases.append(Case(line: "ands\(wide) r0, r3, r1, \(name) #\(n)", shift: shift, amount: n, form: .and))
                cases.append(Case(line: "adds\(wide) r0, r3, r1, \(name) #\(n)", shift: shift, amount: n, form: .add))
                if thumb && shift != .ror {
                    cases.append(Case(line: "\(name)s r0, r1, #\(n)", shift: shift, amount: n, form: .mov))
                }
            }
        }
        cases.append(Case(line: thumb ? "rrxs r0, r1" : "movs r0, r1, rrx", shift: .rrx, amount: 1, form: .mov))
        cases.append(Case(line: "ands\(wide) r0, r3, r1, rrx", shift: .rrx, amount: 1, form: .and))
        cases.append(Case(line: "adds\(wide) r0, r3, r1, rrx", shift: .rrx, amount: 1, form: .add))
        // LSL #0 is no shift at all: C unchanged.
        cases.append(Case(line: "ands\(wide) r0, r3, r1, lsl #0", shift: .lsl, amount: 0, form: .and))
        if thumb { cases.append(Case(line: "lsls r0, r1, #0", shift: .lsl, amount: 0, form: .mov)) }
        return cases
    }

    static func registerCases(thumb: Bool) -> [Case] {
        var cases: [Case] = []
        for (shift, name) in [(Reference.Shift.lsl, "lsl"), (.lsr, "lsr"), (.asr, "asr"), (.ror, "ror")] {
            if thumb {
                cases.append(Case(line: "\(name)s.w r0, r1, r2", shift: shift, amount: nil, form: .mov))
                cases.append(Case(line: "\(name)s r0, r2", shift: shift, amount: nil, form: .mov))
            } else {
                cases.append(Case(line: "movs r0, r1, \(name) r2", shift: shift, amount: nil, form: .mov))
                cases.append(Case(line: "ands r0, r3, r1, \(name) r2", shift: shift, amount: nil, form: .and))
                cases.append(Case(line: "adds r0, r3, r1, \(name) r2", shift: shift, amount: nil, form: .add))
            }
        }
        return cases
    }

    static let registerAmounts: [UInt32] = [0, 1, 8, 31, 32, 33, 255, 0x100, 0x121, 0xffff_ff01]

    static func expected(_ c: Case, x: UInt32, r3: UInt32, amount: Int, nzcvIn: UInt32) -> (UInt32, UInt32) {
        let carryIn = nzcvIn & 2 != 0
        let (shifted, shifterCarry) = Reference.shiftC(x, c.shift, amount, carryIn: carryIn)
        switch c.form {
        case .mov, .and:
            let r = c.form == .mov ? shifted : r3 & shifted
            return (r, Reference.nzcv(r, carry: shifterCarry, overflow: nzcvIn & 1 != 0))
        case .add:
            let (r, carry, overflow) = Reference.addWithCarry(r3, shifted, false)
            return (r, Reference.nzcv(r, carry: carry, overflow: overflow))
        }
    }

    func run(_ cases: [Case], thumb: Bool) throws {
        let instructions = try Assembler.instructions(cases.map(\.line), thumb: thumb)
        var rng = SplitMix64(seed: 0x5417)
        for (c, bytes) in zip(cases, instructions) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            let amounts: [UInt32] = c.amount.map { [UInt32($0)] } ?? Self.registerAmounts
            for x in Operands.edges {
                for amount in amounts {
                    for nzcvIn: UInt32 in [0b0000, 0b0011, 0b1101, 0b0110] {
                        let r3 = c.form == .mov ? 0 : rng.word()
                        m.restart()
                        m[0] = x
                        m[1] = x
                        m[2] = amount
                        m[3] = r3
                        m.nzcv = nzcvIn
                        m.runToEnd()
                        let (r, flags) = Self.expected(c, x: x, r3: r3, amount: Int(amount & 0xff), nzcvIn: nzcvIn)
                        let what = "\(c.line) with r1=0x\(String(x, radix: 16)) r2=\(amount) r3=0x\(String(r3, radix: 16)) nzcv=\(nzcvIn)"
                        #expect(m[0] == r, "\(what): result")
                        #expect(m.nzcv == flags, "\(what): flags")
                    }
                }
            }
        }
    }

    @Test func immediateShiftsA32() throws { try run(Self.immediateCases(thumb: false), thumb: false) }
    @Test func immediateShiftsThumb() throws { try run(Self.immediateCases(thumb: true), thumb: true) }
    @Test func registerShiftsA32() throws { try run(Self.registerCases(thumb: false), thumb: false) }
    @Test func registerShiftsThumb() throws { try run(Self.registerCases(thumb: true), thumb: true) }

    /// Shifts without S leave every flag alone.
    @Test func shiftsWithoutSLeaveFlags() throws {
        for thumb in [false, true] {
            let lines = thumb
                ? ["lsl.w r0, r1, r2", "asr.w r0, r1, #3", "ror.w r0, r1, r2", "rrx r0, r1"]
                : ["mov r0, r1, lsl r2", "mov r0, r1, asr #3", "mov r0, r1, ror r2", "mov r0, r1, rrx"]
            for bytes in try Assembler.instructions(lines, thumb: thumb) {
                let m = GuestMachine(code: bytes, thumb: thumb)
                for nzcv: UInt32 in 0..<16 {
                    m.restart()
                    m[1] = 0x8000_0001
                    m[2] = 1
                    m.nzcv = nzcv
                    m.runToEnd()
                    #expect(m.nzcv == nzcv)
                }
            }
        }
    }
}
