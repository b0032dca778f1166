// Data-processing instructions (A8.8) against a model written from the pseudocode: every op
// with and without S in A32 and T32 (register with an immediate shift), the carry-chain ops on
// edge values for every carry in, the Thumb 16-bit forms, and the modified immediates' carry.

import Testing
import TestTools

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct DataProcessingTests {
    enum Op: String, CaseIterable {
        case and, eor, sub, rsb, add, adc, sbc, rsc, tst, teq, cmp, cmn, orr, mov, bic, mvn, orn

        var isTest: Bool { [.tst, .teq, .cmp, .cmn].contains(self) }
        var isLogical: Bool { [.and, .eor, .tst, .teq, .orr, .mov, .bic, .mvn, .orn].contains(self) }
        var hasRn: Bool { self != .mov && self != .mvn }
        var inA32: Bool { self != .orn }
        var inThumb: Bool { self != .rsc }
    }

    /// (result or nil for the test ops, NZCV after) of `op` on Rn = n and the shifted operand
    /// m with the shifter's carry, when flags are set.
    static func model(_ op: Op, n: UInt32, m: UInt32, shifterCarry: Bool, nzcvIn: UInt32) -> (UInt32, UInt32) {
        let c = nzcvIn & 2 != 0
        var r: UInt32 = 0, carry = shifterCarry, overflow = nzcvIn & 1 != 0
        switch op {
        case .and, .tst: r = n & m
        case .eor, .teq: r = n ^ m
        case .orr: r = n | m
        case .orn: r = n | ~m
        case .bic: r = n & ~m
        case .mov: r = m
        case .mvn: r = ~m
        case .add, .cmn: (r, carry, overflow) = Reference.addWithCarry(n, m, false)
        case .sub, .cmp: (r, carry, overflow) = Reference.addWithCarry(n, ~m, true)
        case .rsb: (r, carry, overflow) = Reference.addWithCarry(~n, m, true)
        case .adc: (r, carry, overflow) = Reference.addWithCarry(n, m, c)
        case .sbc: (r, carry, overflow) = Reference.addWithCarry(n, ~m, c)
        case .rsc: (r, carry, overflow) = Reference.addWithCarry(~n, m, c)
        }
        return (r, Reference.nzcv(r, carry: carry, overflow: overflow))
    }

    static let shifts = ["lsl #0", "lsl #3", "lsr #1", "asr #31", "ror #7", "rrx", "lsr #32", "asr #32"]

    static func line(_ op: Op, s: Bool, shift: String, thumb: Bool) -> String {
        let suffix = s && !op.isTest ? "s" : ""
        if thumb && op == .mov {
            // T32 MOV with a shift is written as the shift instruction.
            let parts = shift.split(separator: " ")
            if shift == "rrx" { return "rrx\(suffix) r0, r2" }
            if shift == "lsl #0" { return "mov\(suffix).w r0, r2" }
            return "\(parts[0])\(suffix).w r0, r2, \(parts[1])"
        }
        let name = op.rawValue + suffix + (thumb ? ".w" : "")
        let operands: String
        if op.isTest { operands = "r1, r2" } else if op.hasRn { operands = "r0, r1, r2" } else { operands = "r0, r2" }
        return "\(name) \(operands), \(shift)"
    }

    func differential(thumb: Bool) throws {
        var rng = SplitMix64(seed: thumb ? 2 : 1)
        var lines: [String] = [], meta: [(Op, Bool, String)] = []
        for op in Op.allCases where thumb ? op.inThumb : op.inA32 {
            for s in op.isTest ? [true] : [false, true] {
                for shift in Self.shifts {
                    lines.append(Self.line(op, s: s, shift: shift, thumb: thumb))
                    meta.append((op, s, shift))
                }
            }
        }
        for ((op, s, shiftText), bytes) in zip(meta, try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            let parts = shiftText.split(separator: " ")
            let (kind, imm): (Int, Int) = switch parts[0] {
            case "lsl": (0, Int(parts[1].dropFirst())!)
            case "lsr": (1, Int(parts[1].dropFirst())! % 32)
            case "asr": (2, Int(parts[1].dropFirst())! % 32)
            case "ror": (3, Int(parts[1].dropFirst())!)
            default: (3, 0)
            }
            let (shift, amount) = Reference.decodeImmShift(kind, imm)
            for _ in 0..<40 {
                let n = rng.word(), x = rng.word(), nzcvIn = UInt32(rng.next() % 16), old = rng.word()
                m.restart()
                m[0] = old
                m[1] = n
                m[2] = x
                m.nzcv = nzcvIn
                m.runToEnd()
                let (shifted, shifterCarry) = Reference.shiftC(x, shift, amount, carryIn: nzcvIn & 2 != 0)
                let (r, flags) = Self.model(op, n: n, m: shifted, shifterCarry: shifterCarry, nzcvIn: nzcvIn)
                let what = "\(Self.line(op, s: s, shift: shiftText, thumb: thumb)) r1=0x\(String(n, radix: 16)) r2=0x\(String(x, radix: 16)) nzcv=\(nzcvIn)"
                #expect(m[0] == (op.isTest ? old : r), "\(what): r0")
                #expect(m.nzcv == (s ? flags : nzcvIn), "\(what): flags")
            }
        }
    }

    @Test func everyOpA32() throws { try differential(thumb: false) }
    @Test func everyOpT32() throws { try differential(thumb: true) }

    /// The carry chain on edge values for both carries in: ADC, SBC, RSC and their
    /// carry-free relatives, A32, T32 and T16.
    @Test(arguments: [false, true])
    func carryChainEdges(thumb: Bool) throws {
        var cases: [(String, Op)] = []
        let ops: [Op] = thumb ? [.add, .adc, .sub, .sbc, .rsb, .cmp, .cmn] : [.add, .adc, .sub, .sbc, .rsb, .rsc, .cmp, .cmn]
        for op in ops {
            let s = op.isTest ? "" : "s"
            let operands = op.isTest ? "r1, r2" : "r0, r1, r2"
            cases.append(("\(op.rawValue)\(s)\(thumb ? ".w" : "") \(operands)", op))
        }
        if thumb {
            // T16 forms: Rdn = r0 (which holds r1's value), Rm = r2.
            cases += [("adcs r0, r2", .adc), ("sbcs r0, r2", .sbc), ("adds r0, r1, r2", .add),
                      ("subs r0, r1, r2", .sub), ("cmp r1, r2", .cmp), ("cmn r1, r2", .cmn)]
        }
        let instructions = try Assembler.instructions(cases.map(\.0), thumb: thumb)
        for ((text, op), bytes) in zip(cases, instructions) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            for a in Operands.edges {
                for b in Operands.edges {
                    for nzcvIn: UInt32 in [0b0000, 0b0010, 0b1101, 0b1111] {
                        m.restart()
                        m[0] = a
                        m[1] = a
                        m[2] = b
                        m.nzcv = nzcvIn
                        m.runToEnd()
                        let (r, flags) = Self.model(op, n: a, m: b, shifterCarry: false, nzcvIn: nzcvIn)
                        let what = "\(text) a=0x\(String(a, radix: 16)) b=0x\(String(b, radix: 16)) nzcv=\(nzcvIn)"
                        if !op.isTest { #expect(m[0] == r, "\(what): result") }
                        #expect(m.nzcv == flags, "\(what): flags")
                    }
                }
            }
        }
    }

    /// Immediate operands: the rotated A32 immediate and ThumbExpandImm set C from bit 31 of
    /// the constant when rotated, and leave it alone when not (A5.2.4, A6.3.2).
    @Test func modifiedImmediateCarry() throws {
        let cases: [(String, Bool, UInt32, Bool?)] = [
            // (line, thumb, value, carry out or nil = unchanged)
            ("movs r0, #0xff", false, 0xff, nil),
            ("movs r0, #0x80000000", false, 0x8000_0000, true),
            ("movs r0, #0x3fc", false, 0x3fc, false),
            ("mvns r0, #0xff000000", false, 0x00ff_ffff, true),
            ("ands r0, r1, #0xf000000f", false, 0xf000_000f, true),
            ("movs.w r0, #0xff", true, 0xff, nil),
            ("movs.w r0, #0x00ff00ff", true, 0x00ff_00ff, nil),
            ("movs.w r0, #0xffffffff", true, 0xffff_ffff, nil),
            ("movs.w r0, #0x80000000", true, 0x8000_0000, true),
            ("movs.w r0, #0x7f800000", true, 0x7f80_0000, false),
            ("mvns.w r0, #0xff000000", true, 0x00ff_ffff, true),
        ]
        for (line, thumb, value, carry) in cases {
            let m = GuestMachine(code: try Assembler.assemble(line, thumb: thumb), thumb: thumb)
            for carryIn in [false, true] {
                m.restart()
                m[1] = 0xffff_ffff
                m.nzcv = carryIn ? 0b0011 : 0b0001
                m.runToEnd()
                #expect(m[0] == value, "\(line)")
                #expect(m.carry == (carry ?? carryIn), "\(line) with C=\(carryIn)")
                #expect(m.nzcv & 1 == 1, "\(line): V kept")
            }
        }
    }

    /// T16 data processing sets flags outside IT blocks (the IT cases are in ITBlockTests).
    @Test func thumb16Forms() throws {
        typealias F = (UInt32, UInt32) -> UInt32
        let and: F = { $0 & $1 }, eor: F = { $0 ^ $1 }, orr: F = { $0 | $1 }, bic: F = { $0 & ~$1 }
        let mvn: F = { ~$1 }, neg: F = { 0 &- $1 }, mul: F = { $0 &* $1 }, mov: F = { $1 }
        let add200: F = { a, _ in a &+ 200 }, sub200: F = { a, _ in a &- 200 }
        let add5: F = { a, _ in a &+ 5 }, sub5: F = { a, _ in a &- 5 }, mov200: F = { _, _ in 200 }
        let cases: [(String, F)] = [
            ("ands r0, r2", and), ("eors r0, r2", eor), ("orrs r0, r2", orr), ("bics r0, r2", bic),
            ("mvns r0, r2", mvn), ("negs r0, r2", neg), ("muls r0, r2, r0", mul), ("movs r0, r2", mov),
            ("adds r0, #200", add200), ("subs r0, #200", sub200), ("adds r0, r1, #5", add5),
            ("subs r0, r1, #5", sub5), ("movs r0, #200", mov200),
        ]
        let instructions = try Assembler.instructions(cases.map(\.0), thumb: true)
        var rng = SplitMix64(seed: 16)
        for ((line, f), bytes) in zip(cases, instructions) {
            #expect(bytes.count == 2, "\(line) is a 16-bit instruction")
            let m = GuestMachine(code: bytes, thumb: true)
            for _ in 0..<50 {
                let a = rng.word(), b = rng.word()
                m.restart()
                m[0] = a
                m[1] = a
                m[2] = b
                m.nzcv = 0
                m.runToEnd()
                let r = f(a, b)
                #expect(m[0] == r, "\(line) a=\(a) b=\(b)")
                #expect(m.nzcv >> 2 == Reference.nzcv(r, carry: false, overflow: false) >> 2, "\(line): N and Z")
            }
        }
    }

    /// High-register forms: ADD/MOV/CMP with r8-r15 (ADD and MOV set no flags; CMP does).
    @Test func thumbHighRegisters() throws {
        let m = try GuestMachine(thumb: """
            add r8, r9
            mov r10, r8
            cmp r10, r11
            mov r0, sp
            add r1, sp, #16
            add sp, #8
            sub sp, #4
            """)
        m[8] = 0x7fff_ffff
        m[9] = 1
        m[11] = 0x8000_0000
        m.nzcv = 0b0001
        m.runToEnd()
        #expect(m[8] == 0x8000_0000)
        #expect(m[10] == 0x8000_0000)
        #expect(m.nzcv == 0b0110)  // equal: Z and C
        #expect(m[0] == GuestMachine.stackTop)
        #expect(m[1] == GuestMachine.stackTop + 16)
        #expect(m.state.sp == GuestMachine.stackTop + 4)
    }
}
