// Bit and byte instructions (A8.8): CLZ, RBIT, REV, REV16, REVSH; UBFX, SBFX, BFI, BFC;
// the extend family with every rotation (SXTB, UXTAB16, ...); PKHBT/PKHTB; MOVW/MOVT. A32 and
// Thumb, on edge and random operands, against models written from the pseudocode.

import Testing
import TestTools

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BitFieldTests {
    typealias Model = (_ n: UInt32, _ m: UInt32, _ d: UInt32) -> UInt32

    static func ror(_ x: UInt32, _ n: Int) -> UInt32 { n == 0 ? x : x >> UInt32(n) | x << UInt32(32 - n) }
    static func byteSwap(_ x: UInt32) -> UInt32 { x.byteSwapped }

    static var cases: [(String, Model)] {
        var c: [(String, Model)] = [
            ("clz r0, r2", { _, m, _ in UInt32(m.leadingZeroBitCount) }),
            ("rbit r0, r2", { _, m, _ in Reference.bitReverse(m) }),
            ("rev r0, r2", { _, m, _ in byteSwap(m) }),
            ("rev16 r0, r2", { _, m, _ in (m & 0xff00_ff00) >> 8 | (m & 0x00ff_00ff) << 8 }),
            ("revsh r0, r2", { _, m, _ in Reference.signExtend((m & 0xff) << 8 | (m >> 8) & 0xff, bits: 16) }),
            ("movw r0, #0xbeef", { _, _, _ in 0xbeef }),
            ("movt r0, #0xbeef", { _, _, d in 0xbeef_0000 | d & 0xffff }),
        ]
        for (lsb, width) in [(0, 1), (0, 32), (31, 1), (4, 8), (16, 16), (7, 13), (1, 31)] {
            let mask: UInt32 = width == 32 ? ~0 : (1 << UInt32(width)) - 1
            c.append(("ubfx r0, r1, #\(lsb), #\(width)", { n, _, _ in (n >> UInt32(lsb)) & mask }))
            c.append(("sbfx r0, r1, #\(lsb), #\(width)", { n, _, _ in Reference.signExtend((n >> UInt32(lsb)) & mask, bits: width) }))
            c.append(("bfi r0, r1, #\(lsb), #\(width)", { n, _, d in d & ~(mask << UInt32(lsb)) | (n & mask) << UInt32(lsb) }))
            c.append(("bfc r0, #\(lsb), #\(width)", { _, _, d in d & ~(mask << UInt32(lsb)) }))
        }
        for rotation in [0, 8, 16, 24] {
            let r = rotation == 0 ? "" : ", ror #\(rotation)"
            func rot(_ m: UInt32) -> UInt32 { ror(m, rotation) }
            c += [
                ("sxtb r0, r2\(r)", { _, m, _ in Reference.signExtend(rot(m) & 0xff, bits: 8) }),
                ("sxth r0, r2\(r)", { _, m, _ in Reference.signExtend(rot(m) & 0xffff, bits: 16) }),
                ("uxtb r0, r2\(r)", { _, m, _ in rot(m) & 0xff }),
                ("uxth r0, r2\(r)", { _, m, _ in rot(m) & 0xffff }),
                ("sxtab r0, r1, r2\(r)", { n, m, _ in n &+ Reference.signExtend(rot(m) & 0xff, bits: 8) }),
                ("sxtah r0, r1, r2\(r)", { n, m, _ in n &+ Reference.signExtend(rot(m) & 0xffff, bits: 16) }),
                ("uxtab r0, r1, r2\(r)", { n, m, _ in n &+ (rot(m) & 0xff) }),
                ("uxtah r0, r1, r2\(r)", { n, m, _ in n &+ (rot(m) & 0xffff) }),
                ("sxtb16 r0, r2\(r)", { _, m, _ in
                    let x = rot(m)
                    return Reference.signExtend(x & 0xff, bits: 8) & 0xffff | Reference.signExtend(x >> 16 & 0xff, bits: 8) << 16 }),
                ("uxtb16 r0, r2\(r)", { _, m, _ in rot(m) & 0x00ff_00ff }),
                ("sxtab16 r0, r1, r2\(r)", { n, m, _ in
                    let x = rot(m)
                    let lo = (n & 0xffff) &+ Reference.signExtend(x & 0xff, bits: 8)
                    let hi = (n >> 16) &+ Reference.signExtend(x >> 16 & 0xff, bits: 8)
                    return lo & 0xffff | hi << 16 }),
                ("uxtab16 r0, r1, r2\(r)", { n, m, _ in
                    let x = rot(m)
                    let lo = (n & 0xffff) &+ (x & 0xff)
                    let hi = (n >> 16) &+ (x >> 16 & 0xff)
                    return lo & 0xffff | hi << 16 }),
            ]
        }
        for shift in [0, 1, 15, 31] {
            c.append(("pkhbt r0, r1, r2, lsl #\(shift)", { n, m, _ in n & 0xffff | (m << UInt32(shift)) & 0xffff_0000 }))
        }
        for shift in [1, 16, 31, 32] {
            c.append(("pkhtb r0, r1, r2, asr #\(shift)", { n, m, _ in
                n & 0xffff_0000 | UInt32(truncatingIfNeeded: Int64(Int32(bitPattern: m)) >> Int64(shift)) & 0xffff }))
        }
        return c
    }

    @Test(arguments: [false, true])
    func differential(thumb: Bool) throws {
        let cases = Self.cases
        var rng = SplitMix64(seed: thumb ? 21 : 22)
        for ((line, model), bytes) in zip(cases, try Assembler.instructions(cases.map(\.0), thumb: thumb)) {
            let machine = GuestMachine(code: bytes, thumb: thumb)
            var inputs: [(UInt32, UInt32, UInt32)] = Operands.edges.map { ($0, $0, ~$0) }
            for _ in 0..<60 { inputs.append((rng.word(), rng.word(), rng.word())) }
            for (n, m, d) in inputs {
                machine.restart()
                machine[0] = d
                machine[1] = n
                machine[2] = m
                machine.nzcv = 0b1010
                machine.runToEnd()
                #expect(machine[0] == model(n, m, d),
                        "\(line) n=0x\(String(n, radix: 16)) m=0x\(String(m, radix: 16)) d=0x\(String(d, radix: 16))")
                #expect(machine.nzcv == 0b1010, "\(line) sets no flags")
            }
        }
    }

    /// The 16-bit Thumb forms of the same operations.
    @Test func thumb16() throws {
        let lines = ["rev r0, r2", "rev16 r0, r2", "revsh r0, r2", "sxtb r0, r2", "sxth r0, r2", "uxtb r0, r2", "uxth r0, r2"]
        let models = Dictionary(uniqueKeysWithValues: Self.cases.map { ($0.0, $0.1) })
        var rng = SplitMix64(seed: 23)
        for (line, bytes) in zip(lines, try Assembler.instructions(lines, thumb: true)) {
            #expect(bytes.count == 2)
            let machine = GuestMachine(code: bytes, thumb: true)
            for _ in 0..<50 {
                let m = rng.word()
                machine.restart()
                machine[2] = m
                machine.runToEnd()
                #expect(machine[0] == models[line]?(0, m, 0), "\(line) m=0x\(String(m, radix: 16))")
            }
        }
    }

    /// MOVW then MOVT builds any constant; MOVT alone keeps the bottom half.
    @Test(arguments: [false, true])
    func movwMovt(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("movw r0, #0x5678\nmovt r0, #0x1234\nmovt r1, #0xffff\nmovw r2, #0xffff",
                                                          thumb: thumb), thumb: thumb)
        m[1] = 0xaaaa_5555
        m[2] = 0xaaaa_5555
        m.runToEnd()
        #expect(m[0] == 0x1234_5678)
        #expect(m[1] == 0xffff_5555)
        #expect(m[2] == 0x0000_ffff)
    }
}
