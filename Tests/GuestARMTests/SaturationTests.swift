// Saturation and the Q flag (A2.2.1, A8.8: SSAT, USAT, SSAT16, USAT16, QADD, QSUB, QDADD,
// QDSUB), and the APSR as MRS and MSR see it (A2.4, A8.8.108-A8.8.111): Q is set on
// saturation and never cleared by these instructions; MSR writes only the fields it names.

import Testing
import TestTools

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct SaturationTests {
    typealias Model = (_ n: UInt32, _ m: UInt32) -> (UInt32, Bool)

    static func s(_ x: UInt32) -> Int64 { Int64(Int32(bitPattern: x)) }
    static func w(_ x: Int64) -> UInt32 { UInt32(truncatingIfNeeded: x) }

    static var cases: [(String, Model)] {
        var c: [(String, Model)] = []
        for bits in [1, 8, 16, 31, 32] {
            c.append(("ssat r0, #\(bits), r1", { n, _ in let (r, q) = Reference.signedSat(s(n), bits); return (w(r), q) }))
        }
        for bits in [0, 1, 8, 16, 31] {
            c.append(("usat r0, #\(bits), r1", { n, _ in let (r, q) = Reference.unsignedSat(s(n), bits); return (w(r), q) }))
        }
        for (shift, amount) in [("lsl", 4), ("lsl", 31), ("asr", 1), ("asr", 31)] {
            c.append(("ssat r0, #12, r1, \(shift) #\(amount)", { n, _ in
                let x = shift == "lsl" ? s(n << UInt32(amount)) : s(n) >> Int64(amount)
                let (r, q) = Reference.signedSat(x, 12); return (w(r), q) }))
            c.append(("usat r0, #12, r1, \(shift) #\(amount)", { n, _ in
                let x = shift == "lsl" ? s(n << UInt32(amount)) : s(n) >> Int64(amount)
                let (r, q) = Reference.unsignedSat(x, 12); return (w(r), q) }))
        }
        for bits in [1, 8, 16] {
            c.append(("ssat16 r0, #\(bits), r1", { n, _ in
                let (lo, q1) = Reference.signedSat(Int64(Int16(truncatingIfNeeded: n)), bits)
                let (hi, q2) = Reference.signedSat(Int64(Int16(truncatingIfNeeded: n >> 16)), bits)
                return (w(lo) & 0xffff | w(hi) << 16, q1 || q2) }))
        }
        for bits in [0, 8, 15] {
            c.append(("usat16 r0, #\(bits), r1", { n, _ in
                let (lo, q1) = Reference.unsignedSat(Int64(Int16(truncatingIfNeeded: n)), bits)
                let (hi, q2) = Reference.unsignedSat(Int64(Int16(truncatingIfNeeded: n >> 16)), bits)
                return (w(lo) & 0xffff | w(hi) << 16, q1 || q2) }))
        }
        // QADD Rd, Rm, Rn: Rm + Rn; QDADD: Rm + sat(2 * Rn).
        c.append(("qadd r0, r1, r2", { n, m in let (r, q) = Reference.signedSat(s(n) + s(m), 32); return (w(r), q) }))
        c.append(("qsub r0, r1, r2", { n, m in let (r, q) = Reference.signedSat(s(n) - s(m), 32); return (w(r), q) }))
        c.append(("qdadd r0, r1, r2", { n, m in
            let (d, q1) = Reference.signedSat(2 * s(m), 32)
            let (r, q2) = Reference.signedSat(s(n) + d, 32); return (w(r), q1 || q2) }))
        c.append(("qdsub r0, r1, r2", { n, m in
            let (d, q1) = Reference.signedSat(2 * s(m), 32)
            let (r, q2) = Reference.signedSat(s(n) - d, 32); return (w(r), q1 || q2) }))
        return c
    }

    @Test(arguments: [false, true])
    func saturation(thumb: Bool) throws {
        let cases = Self.cases
        var rng = SplitMix64(seed: thumb ? 41 : 42)
        for ((line, model), bytes) in zip(cases, try Assembler.instructions(cases.map(\.0), thumb: thumb)) {
            let machine = GuestMachine(code: bytes, thumb: thumb)
            var inputs: [(UInt32, UInt32)] = []
            for a in Operands.edges { for b in [0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x4000_0000, 0xc000_0000] as [UInt32] { inputs.append((a, b)) } }
            for _ in 0..<60 { inputs.append((rng.word(), rng.word())) }
            for (n, m) in inputs {
                for qIn in [false, true] {
                    machine.restart()
                    machine[1] = n
                    machine[2] = m
                    machine.q = qIn
                    machine.nzcv = 0b0110
                    machine.runToEnd()
                    let (r, q) = model(n, m)
                    let what = "\(line) n=0x\(String(n, radix: 16)) m=0x\(String(m, radix: 16)) Q=\(qIn)"
                    #expect(machine[0] == r, "\(what): result")
                    #expect(machine.q == (qIn || q), "\(what): Q")
                    #expect(machine.nzcv == 0b0110, "\(what): NZCV")
                }
            }
        }
    }

    /// MRS reads N Z C V Q and GE where the APSR has them; MSR writes the fields it names.
    @Test(arguments: [false, true])
    func mrsAndMsr(thumb: Bool) throws {
        let read = GuestMachine(code: try Assembler.assemble("mrs r0, apsr", thumb: thumb), thumb: thumb)
        for nzcvq: UInt32 in 0..<32 {
            for ge: UInt32 in [0, 5, 0xf] {
                read.restart()
                read.nzcv = nzcvq >> 1
                read.q = nzcvq & 1 != 0
                read.ge = ge
                read.runToEnd()
                #expect(read[0] & 0xf80f_0000 == nzcvq << 27 | ge << 16, "nzcvq=\(nzcvq) ge=\(ge)")
            }
        }
        let lines = ["msr apsr_nzcvq, r1", "msr apsr_g, r1", "msr apsr_nzcvqg, r1"]
        for (line, bytes) in zip(lines, try Assembler.instructions(lines, thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            var rng = SplitMix64(seed: 43)
            for _ in 0..<64 {
                let v = UInt32(truncatingIfNeeded: rng.next())
                m.restart()
                m.nzcv = 0b1010
                m.q = false
                m.ge = 0b0110
                m[1] = v
                m.runToEnd()
                let flags = line.contains("nzcvq"), g = line.hasSuffix("g, r1")
                #expect(m.nzcv == (flags ? v >> 28 : 0b1010), "\(line) 0x\(String(v, radix: 16)): NZCV")
                #expect(m.q == (flags ? v >> 27 & 1 != 0 : false), "\(line): Q")
                #expect(m.ge == (g ? v >> 16 & 0xf : 0b0110), "\(line): GE")
                #expect(m.state.thumb == thumb, "\(line) leaves the execution state alone")
            }
        }
    }

    @Test func msrImmediate() throws {
        let m = try GuestMachine(arm: "msr apsr_nzcvq, #0xa8000000\nmsr apsr_g, #0x00030000")
        m.nzcv = 0b0101
        m.runToEnd()
        #expect(m.nzcv == 0b1010)
        #expect(m.q)
        #expect(m.ge == 0b0011)
    }
}
