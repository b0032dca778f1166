// Advanced SIMD data processing, the implemented subset (A7.4): bitwise ops and selects, VDUP
// from core registers and scalars, modified immediates (AdvSIMDExpandImm), and integer lane
// arithmetic and compares on D and Q registers, against a lane-by-lane model. A32 and Thumb.

import Testing
import TestTools

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct NEONDataTests {
    /// Lanes of a 64-bit value as unsigned integers.
    static func lanes(_ v: UInt64, bits: Int) -> [UInt64] {
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        return (0..<(64 / bits)).map { (v >> UInt64($0 * bits)) & mask }
    }
    static func join(_ lanes: [UInt64], bits: Int) -> UInt64 {
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        return lanes.enumerated().reduce(0) { $0 | ($1.element & mask) << UInt64($1.offset * bits) }
    }
    static func signed(_ x: UInt64, bits: Int) -> Int64 {
        let s = UInt64(64 - bits)
        return Int64(bitPattern: x << s) >> Int64(s)
    }

    @Test(arguments: [false, true])
    func bitwise(thumb: Bool) throws {
        let ops: [(String, (UInt64, UInt64, UInt64) -> UInt64)] = [
            ("vand", { _, n, m in n & m }), ("vorr", { _, n, m in n | m }), ("veor", { _, n, m in n ^ m }),
            ("vbic", { _, n, m in n & ~m }), ("vorn", { _, n, m in n | ~m }),
            ("vbsl", { d, n, m in n & d | m & ~d }), ("vbit", { d, n, m in n & m | d & ~m }),
            ("vbif", { d, n, m in d & m | n & ~m }),
        ]
        let lines = ops.map { "\($0.0) d0, d1, d2" } + ops.map { "\($0.0) q2, q3, q4" } + ops.map { "\($0.0) d5, d5, d6" }
        var rng = SplitMix64(seed: 61)
        for (i, bytes) in try Assembler.instructions(lines, thumb: thumb).enumerated() {
            let (name, f) = ops[i % ops.count]
            let m = GuestMachine(code: bytes, thumb: thumb)
            for _ in 0..<20 {
                var v: [UInt64] = []
                for r in 0..<10 {
                    v.append(rng.next())
                    m.setD(r, v[r])
                }
                m.runToEnd()
                switch i / ops.count {
                case 0: #expect(m.d(0) == f(v[0], v[1], v[2]), "\(name) d")
                case 1:
                    #expect(m.d(4) == f(v[4], v[6], v[8]) && m.d(5) == f(v[5], v[7], v[9]), "\(name) q")
                default: #expect(m.d(5) == f(v[5], v[5], v[6]), "\(name) with d = n")
                }
                m.restart()
            }
        }
    }

    @Test(arguments: [false, true])
    func duplicate(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            vdup.8 d0, r0
            vdup.16 q1, r0
            vdup.32 d4, r0
            vdup.8 d5, d10[3]
            vdup.16 q3, d10[3]
            vdup.32 d8, d10[1]
            vdup.8 q8, d10[7]
            """, thumb: thumb), thumb: thumb)
        m[0] = 0x1234_5678
        m.setD(10, 0x8877_6655_4433_2211)
        m.runToEnd()
        #expect(m.d(0) == 0x7878_7878_7878_7878)
        #expect(m.d(2) == 0x5678_5678_5678_5678 && m.d(3) == 0x5678_5678_5678_5678)
        #expect(m.d(4) == 0x1234_5678_1234_5678)
        #expect(m.d(5) == 0x4444_4444_4444_4444)
        #expect(m.d(6) == 0x8877_8877_8877_8877 && m.d(7) == 0x8877_8877_8877_8877)
        #expect(m.d(8) == 0x8877_6655_8877_6655)
        #expect(m.d(16) == 0x8888_8888_8888_8888 && m.d(17) == 0x8888_8888_8888_8888)
    }

    /// Modified immediates (A7.4.6) for each cmode class and the ops that use them.
    @Test(arguments: [false, true])
    func immediates(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            vmov.i8 d0, #0x55
            vmov.i16 q1, #0x1200
            vmov.i32 d4, #0x45ff
            vmov.i32 d5, #0x45ffff
            vmov.i32 d6, #0xab000000
            vmov.i64 d7, #0xff00ff0000ff00ff
            vmov.f32 d8, #1.5
            vmvn.i32 d9, #0xab
            vorr.i32 d10, #0x100
            vbic.i16 d11, #0xff
            vmov.i16 d12, #0x7f
            """, thumb: thumb), thumb: thumb)
        m.setD(10, 0x0000_0001_0000_0002)
        m.setD(11, 0x1234_5678_9abc_def0)
        m.runToEnd()
        #expect(m.d(0) == 0x5555_5555_5555_5555)
        #expect(m.d(2) == 0x1200_1200_1200_1200 && m.d(3) == 0x1200_1200_1200_1200)
        #expect(m.d(4) == 0x0000_45ff_0000_45ff)
        #expect(m.d(5) == 0x0045_ffff_0045_ffff)
        #expect(m.d(6) == 0xab00_0000_ab00_0000)
        #expect(m.d(7) == 0xff00_ff00_00ff_00ff)
        #expect(m.d(8) == UInt64(Float(1.5).bitPattern) * 0x1_0000_0001)
        #expect(m.d(9) == 0xffff_ff54_ffff_ff54)
        #expect(m.d(10) == 0x0000_0101_0000_0102)
        #expect(m.d(11) == 0x1200_5600_9a00_de00)
        #expect(m.d(12) == 0x007f_007f_007f_007f)
    }

    typealias LaneOp = (_ n: UInt64, _ m: UInt64, _ d: UInt64, _ bits: Int) -> UInt64

    /// Integer lanes: (mnemonic with type, element bits, model on unsigned lane values).
    static var laneCases: [(String, Int, LaneOp)] {
        var c: [(String, Int, LaneOp)] = []
        func all(_ name: String, sizes: [Int], _ f: @escaping LaneOp) {
            for bits in sizes { c.append(("\(name)\(bits)", bits, f)) }
        }
        let ones = { (bits: Int) -> UInt64 in bits == 64 ? ~0 : (1 << UInt64(bits)) - 1 }
        all("vadd.i", sizes: [8, 16, 32, 64]) { n, m, _, _ in n &+ m }
        all("vsub.i", sizes: [8, 16, 32, 64]) { n, m, _, _ in n &- m }
        all("vceq.i", sizes: [8, 16, 32]) { n, m, _, b in n == m ? ones(b) : 0 }
        all("vtst.", sizes: [8, 16, 32]) { n, m, _, b in n & m != 0 ? ones(b) : 0 }
        all("vcgt.s", sizes: [8, 16, 32]) { n, m, _, b in signed(n, bits: b) > signed(m, bits: b) ? ones(b) : 0 }
        all("vcgt.u", sizes: [8, 16, 32]) { n, m, _, b in n > m ? ones(b) : 0 }
        all("vcge.s", sizes: [8, 16, 32]) { n, m, _, b in signed(n, bits: b) >= signed(m, bits: b) ? ones(b) : 0 }
        all("vcge.u", sizes: [8, 16, 32]) { n, m, _, b in n >= m ? ones(b) : 0 }
        all("vmax.s", sizes: [8, 16, 32]) { n, m, _, b in signed(n, bits: b) > signed(m, bits: b) ? n : m }
        all("vmin.u", sizes: [8, 16, 32]) { n, m, _, _ in min(n, m) }
        all("vabd.s", sizes: [8, 16, 32]) { n, m, _, b in UInt64(bitPattern: abs(signed(n, bits: b) - signed(m, bits: b))) }
        all("vhadd.u", sizes: [8, 16, 32]) { n, m, _, _ in (n + m) >> 1 }
        all("vhsub.s", sizes: [8, 16, 32]) { n, m, _, b in UInt64(bitPattern: (signed(n, bits: b) - signed(m, bits: b)) >> 1) }
        all("vrhadd.s", sizes: [8, 16, 32]) { n, m, _, b in UInt64(bitPattern: (signed(n, bits: b) + signed(m, bits: b) + 1) >> 1) }
        all("vqadd.s", sizes: [8, 16, 32]) { n, m, _, b in UInt64(bitPattern: Reference.signedSat(signed(n, bits: b) + signed(m, bits: b), b).0) }
        all("vqadd.u", sizes: [8, 16, 32]) { n, m, _, b in UInt64(Reference.unsignedSat(Int64(n + m), b).0) }
        all("vqsub.u", sizes: [8, 16, 32]) { n, m, _, b in UInt64(Reference.unsignedSat(Int64(n) - Int64(m), b).0) }
        all("vmul.i", sizes: [8, 16, 32]) { n, m, _, _ in n &* m }
        all("vmla.i", sizes: [8, 16, 32]) { n, m, d, _ in d &+ n &* m }
        all("vmls.i", sizes: [8, 16, 32]) { n, m, d, _ in d &- n &* m }
        all("vaba.u", sizes: [8, 16, 32]) { n, m, d, _ in d &+ (n > m ? n - m : m - n) }
        return c
    }

    @Test(arguments: [false, true])
    func integerLanes(thumb: Bool) throws {
        let cases = Self.laneCases
        let lines = cases.map { "\($0.0) d0, d1, d2" } + cases.map { "\($0.0) q2, q4, q6" }
        var rng = SplitMix64(seed: 62)
        for (i, bytes) in try Assembler.instructions(lines, thumb: thumb).enumerated() {
            let (name, bits, f) = cases[i % cases.count]
            let quad = i >= cases.count
            let m = GuestMachine(code: bytes, thumb: thumb)
            for trial in 0..<30 {
                var v: [UInt64] = []
                for r in 0..<16 {
                    // Some trials with equal or edge lanes so compares and saturation trigger.
                    let x = trial % 3 == 0 ? [0, ~0, 0x8080_8080_8080_8080, 0x7f7f_7f7f_7f7f_7f7f][Int(rng.next() % 4)] : rng.next()
                    v.append(trial % 5 == 1 && r % 2 == 0 && r > 0 ? v[r - 1] : x)
                    m.setD(r, v[r])
                }
                m.restart()
                m.runToEnd()
                let pairs = quad ? [(4, 8, 12), (5, 9, 13)] : [(0, 1, 2)]
                for (d, n, mm) in pairs {
                    let want = Self.join(zip(zip(Self.lanes(v[n], bits: bits), Self.lanes(v[mm], bits: bits)), Self.lanes(v[d], bits: bits))
                        .map { f($0.0, $0.1, $1, bits) }, bits: bits)
                    #expect(m.d(d) == want, "\(name) \(quad ? "q" : "d") n=0x\(String(v[n], radix: 16)) m=0x\(String(v[mm], radix: 16))")
                }
            }
        }
    }

    /// Pairwise ops (D only): adjacent pairs of Dn fill the low half, of Dm the high half.
    @Test(arguments: [false, true])
    func pairwise(thumb: Bool) throws {
        let cases: [(String, Int, (UInt64, UInt64, Int) -> UInt64)] = [
            ("vpadd.i8", 8, { a, b, _ in a &+ b }), ("vpadd.i16", 16, { a, b, _ in a &+ b }), ("vpadd.i32", 32, { a, b, _ in a &+ b }),
            ("vpmax.s8", 8, { a, b, w in Self.signed(a, bits: w) > Self.signed(b, bits: w) ? a : b }),
            ("vpmin.u16", 16, { a, b, _ in min(a, b) }), ("vpmax.u32", 32, { a, b, _ in max(a, b) }),
        ]
        var rng = SplitMix64(seed: 63)
        let lines = cases.map { "\($0.0) d0, d1, d2" } + cases.map { "\($0.0) d3, d3, d3" }
        for (i, bytes) in try Assembler.instructions(lines, thumb: thumb).enumerated() {
            let (name, bits, f) = cases[i % cases.count]
            let m = GuestMachine(code: bytes, thumb: thumb)
            for _ in 0..<30 {
                let n = rng.next(), mm = rng.next(), same = rng.next()
                m.restart()
                m.setD(1, n)
                m.setD(2, mm)
                m.setD(3, same)
                m.runToEnd()
                func model(_ n: UInt64, _ m: UInt64) -> UInt64 {
                    let a = Self.lanes(n, bits: bits), b = Self.lanes(m, bits: bits)
                    let pairs = stride(from: 0, to: a.count, by: 2).map { f(a[$0], a[$0 + 1], bits) }
                        + stride(from: 0, to: b.count, by: 2).map { f(b[$0], b[$0 + 1], bits) }
                    return Self.join(pairs, bits: bits)
                }
                if i < cases.count {
                    #expect(m.d(0) == model(n, mm), "\(name) n=0x\(String(n, radix: 16)) m=0x\(String(mm, radix: 16))")
                } else {
                    #expect(m.d(3) == model(same, same), "\(name) with d = n = m")
                }
            }
        }
    }
}

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct NEONMiscTests {
    /// VEXT, VCNT, VCLZ, VSWP, VMVN and VMOV (register, an alias of VORR).
    @Test(arguments: [false, true])
    func miscellaneous(thumb: Bool) throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            vext.8 d0, d1, d2, #3
            vext.8 q2, q3, q4, #13
            vcnt.8 d10, d1
            vclz.i16 d11, d1
            vclz.i32 q6, q3
            vswp d14, d15
            vmvn d16, d1
            vmov d17, d2
            vmov q9, q3
            """, thumb: thumb), thumb: thumb)
        let d1: UInt64 = 0x0807_0605_0403_0201, d2: UInt64 = 0x1817_1615_1413_1211
        m.setD(1, d1)
        m.setD(2, d2)
        m.setD(6, 0x0000_0001_8000_0000)
        m.setD(7, 0x0000_ffff_0000_0000)
        m.setD(8, 0x3837_3635_3433_3231)
        m.setD(9, 0x4847_4645_4443_4241)
        m.setD(14, 0xeeee)
        m.setD(15, 0xffff)
        m.runToEnd()
        // VEXT: bytes imm.. of Vm:Vn with Vn lowest.
        #expect(m.d(0) == 0x1312_1108_0706_0504)
        let q3 = [UInt8](withUnsafeBytes(of: UInt64(0x0000_0001_8000_0000).littleEndian, Array.init))
            + [UInt8](withUnsafeBytes(of: UInt64(0x0000_ffff_0000_0000).littleEndian, Array.init))
        let q4 = [UInt8](withUnsafeBytes(of: UInt64(0x3837_3635_3433_3231).littleEndian, Array.init))
            + [UInt8](withUnsafeBytes(of: UInt64(0x4847_4645_4443_4241).littleEndian, Array.init))
        let extracted = Array((q3 + q4)[13..<29])
        func word(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        #expect(m.d(4) == word(extracted[0..<8]) && m.d(5) == word(extracted[8..<16]))
        #expect(m.d(10) == 0x0103_0202_0102_0101)
        #expect(m.d(11) == 0x0004_0005_0005_0006)
        #expect(m.d(12) == 0x0000_001f_0000_0000 && m.d(13) == 0x0000_0010_0000_0020)
        #expect(m.d(14) == 0xffff && m.d(15) == 0xeeee)
        #expect(m.d(16) == ~d1)
        #expect(m.d(17) == d2)
        #expect(m.d(18) == 0x0000_0001_8000_0000 && m.d(19) == 0x0000_ffff_0000_0000)
    }
}
