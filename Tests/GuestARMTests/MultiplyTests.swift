// Multiplies and divides (A8.8: MUL through UMAAL, the halfword and dual multiplies, SMMUL,
// SDIV/UDIV) against the pseudocode with wide integers: results, long-result halves, the Q
// flag where the manual sets it, NZ for the S forms. A32 and T32.

import Testing
import TestTools

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct MultiplyTests {
    /// r1 = n, r2 = m, r3 = a (or RdHi), r0 = RdLo before. Results: r0 (and r3 for long ones).
    struct Inputs { var n, m, a, lo: UInt32 }
    struct Outputs: Equatable { var r0: UInt32; var r3: UInt32?; var q: Bool }

    typealias Model = (Inputs) -> Outputs

    static func s(_ x: UInt32) -> Int64 { Int64(Int32(bitPattern: x)) }
    static func u(_ x: UInt32) -> Int64 { Int64(x) }
    static func half(_ x: UInt32, top: Bool) -> Int64 { Int64(Int16(truncatingIfNeeded: top ? x >> 16 : x)) }
    static func low(_ v: Int64) -> UInt32 { UInt32(truncatingIfNeeded: v) }
    static func high(_ v: Int64) -> UInt32 { UInt32(truncatingIfNeeded: v >> 32) }
    static func fits(_ v: Int64) -> Bool { v == s(low(v)) }
    static func long(_ i: Inputs) -> Int64 { Int64(bitPattern: UInt64(i.a) << 32 | UInt64(i.lo)) }

    static var cases: [(String, Model)] {
        var c: [(String, Model)] = [
            ("mul r0, r1, r2", { i in Outputs(r0: i.n &* i.m, r3: nil, q: false) }),
            ("mla r0, r1, r2, r3", { i in Outputs(r0: i.n &* i.m &+ i.a, r3: nil, q: false) }),
            ("mls r0, r1, r2, r3", { i in Outputs(r0: i.a &- i.n &* i.m, r3: nil, q: false) }),
            ("umull r0, r3, r1, r2", { i in let p = UInt64(i.n) * UInt64(i.m); return Outputs(r0: UInt32(truncatingIfNeeded: p), r3: UInt32(p >> 32), q: false) }),
            ("smull r0, r3, r1, r2", { i in let p = s(i.n) * s(i.m); return Outputs(r0: low(p), r3: high(p), q: false) }),
            ("umlal r0, r3, r1, r2", { i in let p = UInt64(i.n) * UInt64(i.m) &+ (UInt64(i.a) << 32 | UInt64(i.lo)); return Outputs(r0: UInt32(truncatingIfNeeded: p), r3: UInt32(p >> 32), q: false) }),
            ("smlal r0, r3, r1, r2", { i in let p = s(i.n) * s(i.m) &+ long(i); return Outputs(r0: low(p), r3: high(p), q: false) }),
            ("umaal r0, r3, r1, r2", { i in let p = UInt64(i.n) * UInt64(i.m) + UInt64(i.a) + UInt64(i.lo); return Outputs(r0: UInt32(truncatingIfNeeded: p), r3: UInt32(p >> 32), q: false) }),
            ("sdiv r0, r1, r2", { i in
                let r: UInt32 = i.m == 0 ? 0 : (i.n == 0x8000_0000 && i.m == 0xffff_ffff) ? 0x8000_0000 : UInt32(bitPattern: Int32(bitPattern: i.n) / Int32(bitPattern: i.m))
                return Outputs(r0: r, r3: nil, q: false) }),
            ("udiv r0, r1, r2", { i in Outputs(r0: i.m == 0 ? 0 : i.n / i.m, r3: nil, q: false) }),
            ("smmul r0, r1, r2", { i in Outputs(r0: high(s(i.n) * s(i.m)), r3: nil, q: false) }),
            ("smmulr r0, r1, r2", { i in Outputs(r0: high(s(i.n) * s(i.m) &+ 0x8000_0000), r3: nil, q: false) }),
            ("smmla r0, r1, r2, r3", { i in Outputs(r0: high((s(i.a) << 32) &+ s(i.n) * s(i.m)), r3: nil, q: false) }),
            ("smmlar r0, r1, r2, r3", { i in Outputs(r0: high((s(i.a) << 32) &+ s(i.n) * s(i.m) &+ 0x8000_0000), r3: nil, q: false) }),
            ("smmls r0, r1, r2, r3", { i in Outputs(r0: high((s(i.a) << 32) &- s(i.n) * s(i.m)), r3: nil, q: false) }),
            ("smmlsr r0, r1, r2, r3", { i in Outputs(r0: high((s(i.a) << 32) &- s(i.n) * s(i.m) &+ 0x8000_0000), r3: nil, q: false) }),
            ("usad8 r0, r1, r2", { i in Outputs(r0: usad(i.n, i.m), r3: nil, q: false) }),
            ("usada8 r0, r1, r2, r3", { i in Outputs(r0: usad(i.n, i.m) &+ i.a, r3: nil, q: false) }),
        ]
        for (x, xt) in [("b", false), ("t", true)] {
            for (y, yt) in [("b", false), ("t", true)] {
                c.append(("smul\(x)\(y) r0, r1, r2", { i in Outputs(r0: low(half(i.n, top: xt) * half(i.m, top: yt)), r3: nil, q: false) }))
                c.append(("smla\(x)\(y) r0, r1, r2, r3", { i in
                    let r = half(i.n, top: xt) * half(i.m, top: yt) + s(i.a)
                    return Outputs(r0: low(r), r3: nil, q: !fits(r)) }))
                c.append(("smlal\(x)\(y) r0, r3, r1, r2", { i in
                    let r = half(i.n, top: xt) * half(i.m, top: yt) &+ long(i)
                    return Outputs(r0: low(r), r3: high(r), q: false) }))
            }
            c.append(("smulw\(x) r0, r1, r2", { i in Outputs(r0: low((s(i.n) * half(i.m, top: xt)) >> 16), r3: nil, q: false) }))
            c.append(("smlaw\(x) r0, r1, r2, r3", { i in
                let r = s(i.n) * half(i.m, top: xt) + (s(i.a) << 16)
                return Outputs(r0: low(r >> 16), r3: nil, q: (r >> 16) != s(low(r >> 16))) }))
        }
        for (suffix, exchange) in [("", false), ("x", true)] {
            func products(_ i: Inputs) -> (Int64, Int64) {
                let m = exchange ? (i.m >> 16 | i.m << 16) : i.m
                return (half(i.n, top: false) * half(m, top: false), half(i.n, top: true) * half(m, top: true))
            }
            c.append(("smuad\(suffix) r0, r1, r2", { i in let (a, b) = products(i); return Outputs(r0: low(a + b), r3: nil, q: !fits(a + b)) }))
            c.append(("smusd\(suffix) r0, r1, r2", { i in let (a, b) = products(i); return Outputs(r0: low(a - b), r3: nil, q: false) }))
            c.append(("smlsd\(suffix) r0, r1, r2, r3", { i in let (a, b) = products(i); let r = a - b + s(i.a); return Outputs(r0: low(r), r3: nil, q: !fits(r)) }))
            c.append(("smlald\(suffix) r0, r3, r1, r2", { i in let (a, b) = products(i); let r = a + b &+ long(i); return Outputs(r0: low(r), r3: high(r), q: false) }))
            c.append(("smlsld\(suffix) r0, r3, r1, r2", { i in let (a, b) = products(i); let r = a - b &+ long(i); return Outputs(r0: low(r), r3: high(r), q: false) }))
        }
        return c
    }

    /// SMLAD: Q only when the whole sum p1 + p2 + a overflows (A8.8.177), not when p1 + p2
    /// alone does (fixed in ef7feb0).
    static var smlad: [(String, Model)] {
        [("", false), ("x", true)].map { suffix, exchange in
            ("smlad\(suffix) r0, r1, r2, r3", { i in
                let m = exchange ? (i.m >> 16 | i.m << 16) : i.m
                let r = half(i.n, top: false) * half(m, top: false) + half(i.n, top: true) * half(m, top: true) + s(i.a)
                return Outputs(r0: low(r), r3: nil, q: !fits(r))
            })
        }
    }

    static func usad(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (0..<4).reduce(0) { sum, i in
            let x = Int((a >> (8 * UInt32(i))) & 0xff), y = Int((b >> (8 * UInt32(i))) & 0xff)
            return sum + UInt32(abs(x - y))
        }
    }

    static let edges: [UInt32] = [0, 1, 0xffff_ffff, 0x8000_0000, 0x7fff_ffff, 0x8000_8000, 0x7fff_7fff,
                                  0x0001_ffff, 0xffff_0001, 0x1234_5678, 0x0000_8000, 0x8000_0001]

    func run(_ cases: [(String, Model)], thumb: Bool) throws {
        let instructions = try Assembler.instructions(cases.map(\.0), thumb: thumb)
        var rng = SplitMix64(seed: thumb ? 11 : 12)
        for ((line, model), bytes) in zip(cases, instructions) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            var inputs: [Inputs] = []
            for n in Self.edges { for mm in Self.edges { inputs.append(Inputs(n: n, m: mm, a: rng.word(), lo: rng.word())) } }
            for _ in 0..<100 { inputs.append(Inputs(n: rng.word(), m: rng.word(), a: rng.word(), lo: rng.word())) }
            inputs += [Inputs(n: 0x8000_8000, m: 0x8000_8000, a: 0x8000_0000, lo: 0),
                       Inputs(n: 0x8000_8000, m: 0x8000_8000, a: 0xc000_0000, lo: 0),
                       Inputs(n: 0x8000_0000, m: 0xffff_ffff, a: 0, lo: 0), Inputs(n: 5, m: 0, a: 0, lo: 0)]
            for i in inputs {
                m.restart()
                m[1] = i.n
                m[2] = i.m
                m[3] = i.a
                m[0] = i.lo
                m.q = false
                m.nzcv = 0b0011
                m.runToEnd()
                let want = model(i)
                let got = Outputs(r0: m[0], r3: want.r3 == nil ? nil : m[3], q: m.q)
                #expect(got == want, "\(line) n=0x\(String(i.n, radix: 16)) m=0x\(String(i.m, radix: 16)) a=0x\(String(i.a, radix: 16)) lo=0x\(String(i.lo, radix: 16))")
                #expect(m.nzcv == 0b0011, "\(line) sets no flags")
            }
        }
    }

    @Test(arguments: [false, true])
    func multiplies(thumb: Bool) throws { try run(Self.cases, thumb: thumb) }

    @Test(arguments: [false, true])
    func smladQ(thumb: Bool) throws { try run(Self.smlad, thumb: thumb) }

    /// SMLAD's values are right even where its Q is not.
    @Test(arguments: [false, true])
    func smladResult(thumb: Bool) throws {
        let values: [(String, Model)] = Self.smlad.map { line, model in
            (line, { i in var o = model(i); o.q = false; return o })
        }
        let instructions = try Assembler.instructions(values.map(\.0), thumb: thumb)
        var rng = SplitMix64(seed: 5)
        for ((line, model), bytes) in zip(values, instructions) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            for _ in 0..<200 {
                let i = Inputs(n: rng.word(), m: rng.word(), a: rng.word(), lo: 0)
                m.restart()
                m[1] = i.n
                m[2] = i.m
                m[3] = i.a
                m.runToEnd()
                #expect(m[0] == model(i).r0, "\(line)")
            }
        }
    }

    /// The S forms (A32 only): N and Z from the (64-bit) result; C and V unchanged.
    @Test func flagSettingForms() throws {
        let cases: [(String, (Inputs) -> (UInt32, Bool))] = [
            ("muls r0, r1, r2", { i in let r = i.n &* i.m; return (r >> 31, r == 0) }),
            ("mlas r0, r1, r2, r3", { i in let r = i.n &* i.m &+ i.a; return (r >> 31, r == 0) }),
            ("umulls r0, r3, r1, r2", { i in let p = UInt64(i.n) * UInt64(i.m); return (UInt32(p >> 63), p == 0) }),
            ("smulls r0, r3, r1, r2", { i in let p = Self.s(i.n) * Self.s(i.m); return (p < 0 ? 1 : 0, p == 0) }),
            ("umlals r0, r3, r1, r2", { i in let p = UInt64(i.n) * UInt64(i.m) &+ (UInt64(i.a) << 32 | UInt64(i.lo)); return (UInt32(p >> 63), p == 0) }),
            ("smlals r0, r3, r1, r2", { i in let p = Self.s(i.n) * Self.s(i.m) &+ Self.long(i); return (p < 0 ? 1 : 0, p == 0) }),
        ]
        let instructions = try Assembler.instructions(cases.map(\.0), thumb: false)
        var rng = SplitMix64(seed: 99)
        for ((line, model), bytes) in zip(cases, instructions) {
            let m = GuestMachine(code: bytes, thumb: false)
            var inputs = [Inputs(n: 0, m: 5, a: 0, lo: 0), Inputs(n: 0x1_0000, m: 0x1_0000, a: 0, lo: 0),
                          Inputs(n: 0xffff_ffff, m: 1, a: 0, lo: 0), Inputs(n: 0x8000_0000, m: 2, a: 0, lo: 0)]
            for _ in 0..<50 { inputs.append(Inputs(n: rng.word(), m: rng.word(), a: rng.word(), lo: rng.word())) }
            for i in inputs {
                for cv: UInt32 in [0, 3] {
                    m.restart()
                    m[0] = i.lo
                    m[1] = i.n
                    m[2] = i.m
                    m[3] = i.a
                    m.nzcv = cv | 0b1100
                    m.runToEnd()
                    let (n, z) = model(i)
                    #expect(m.nzcv == (n << 3 | (z ? 4 : 0) | cv), "\(line) n=\(i.n) m=\(i.m)")
                }
            }
        }
    }
}
