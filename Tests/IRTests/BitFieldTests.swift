// Bit fields, width changes, byte swaps and bit counts, against bit-by-bit references.

import IR
import IRInterpreter
import Testing
import TestTools

enum BitReference {
    static func bit(_ x: UInt64, _ i: Int) -> UInt64 { i < 64 ? (x >> UInt64(i)) & 1 : 0 }
    static func mask(_ bits: Int) -> UInt64 { bits == 64 ? ~0 : (1 << UInt64(bits)) - 1 }

    static func extract(_ a: UInt64, _ pos: Int, _ len: Int) -> UInt64 {
        var r: UInt64 = 0
        for i in 0..<len where bit(a, pos + i) == 1 { r |= 1 << UInt64(i) }
        return r
    }
    static func sextract(_ a: UInt64, _ pos: Int, _ len: Int, width: Int) -> UInt64 {
        var r = extract(a, pos, len)
        if bit(a, pos + len - 1) == 1 { for i in len..<width { r |= 1 << UInt64(i) } }
        return r
    }
    static func deposit(_ a: UInt64, _ b: UInt64, _ pos: Int, _ len: Int) -> UInt64 {
        var r = a
        for i in 0..<len {
            r &= ~(1 << UInt64(pos + i))
            r |= bit(b, i) << UInt64(pos + i)
        }
        return r
    }
    static func byteSwap(_ a: UInt64, bytes: Int) -> UInt64 {
        var r: UInt64 = 0
        for i in 0..<bytes { r |= ((a >> UInt64(8 * i)) & 0xff) << UInt64(8 * (bytes - 1 - i)) }
        return r
    }
    static func clz(_ a: UInt64, width: Int) -> UInt64 {
        var n: UInt64 = 0
        for i in stride(from: width - 1, through: 0, by: -1) { if bit(a, i) == 1 { break }; n += 1 }
        return n
    }
    static func ctz(_ a: UInt64, width: Int) -> UInt64 {
        var n: UInt64 = 0
        for i in 0..<width { if bit(a, i) == 1 { break }; n += 1 }
        return n
    }
    static func popcount(_ a: UInt64, width: Int) -> UInt64 {
        (0..<width).reduce(0) { $0 + bit(a, $1) }
    }
}

@Suite("Bit fields, extensions, byte swaps, bit counts")
struct BitFieldTests {
    @Test("extract, sextract and deposit at every position and length", arguments: [IRType.i32, .i64])
    func fields(_ type: IRType) {
        let width = type.bits
        let m = Machine()
        var rng = SplitMix64(seed: UInt64(width))
        for pos in 0..<width {
            for len in 1...(width - pos) {
                let ex = Kernel(m, inputs: [type], result: type) { b, v in b.extract(v[0], position: pos, length: len) }
                let sx = Kernel(m, inputs: [type], result: type) { b, v in b.sextract(v[0], position: pos, length: len) }
                let dp = Kernel(m, inputs: [type, type], result: type) { b, v in
                    b.deposit(v[0], v[1], position: pos, length: len)
                }
                for _ in 0..<6 {
                    let a = rng.operand(bits: width), c = rng.operand(bits: width)
                    let e = BitReference.extract(a, pos, len)
                    let s = BitReference.sextract(a, pos, len, width: width)
                    let d = BitReference.deposit(a, c, pos, len)
                    guard ex(a) == e, sx(a) == s, dp(a, c) == d else {
                        Issue.record("\(type.name) pos \(pos) len \(len) a=0x\(String(a, radix: 16)) b=0x\(String(c, radix: 16)): extract \(ex(a)) vs \(e), sextract \(sx(a)) vs \(s), deposit \(dp(a, c)) vs \(d)")
                        return
                    }
                }
            }
        }
    }

    @Test("field edge cases")
    func fieldEdges() {
        let whole64 = Kernel(inputs: [.i64], result: .i64) { b, v in b.sextract(v[0], position: 0, length: 64) }
        #expect(whole64(0x8000_0000_0000_0001) == 0x8000_0000_0000_0001)
        let top32 = Kernel(inputs: [.i32], result: .i32) { b, v in b.sextract(v[0], position: 31, length: 1) }
        #expect(top32(0x8000_0000) == 0xffff_ffff)
        #expect(top32(0x7fff_ffff) == 0)
        // deposit takes only the low len bits of b.
        let dep = Kernel(inputs: [.i32, .i32], result: .i32) { b, v in b.deposit(v[0], v[1], position: 8, length: 4) }
        #expect(dep(0xffff_ffff, 0xfff0) == 0xffff_f0ff)
        let depAll = Kernel(inputs: [.i64, .i64], result: .i64) { b, v in b.deposit(v[0], v[1], position: 0, length: 64) }
        #expect(depAll(0x1234, 0xfeed_0000_0000_beef) == 0xfeed_0000_0000_beef)
    }

    @Test("ext8s/ext8u/ext16s/ext16u within the op's type", arguments: [IRType.i32, .i64])
    func smallExtensions(_ type: IRType) {
        let mask = BitReference.mask(type.bits)
        let cases: [(Opcode, UInt64, UInt64)] = [
            (.ext8s, 0x1234_5680, 0xffff_ffff_ffff_ff80 & mask), (.ext8s, 0xffff_ff7f, 0x7f),
            (.ext8u, 0xffff_ff80, 0x80), (.ext16s, 0x0001_8000, 0xffff_ffff_ffff_8000 & mask),
            (.ext16s, 0xffff_7fff, 0x7fff), (.ext16u, 0xffff_8000, 0x8000),
        ]
        for (opcode, a, expected) in cases {
            #expect(Kernel(opcode, type, arity: 1)(a) == expected, "\(opcode) 0x\(String(a, radix: 16))")
        }
        var rng = SplitMix64(seed: 99)
        for opcode in [Opcode.ext8s, .ext8u, .ext16s, .ext16u] {
            let k = Kernel(opcode, type, arity: 1)
            for _ in 0..<300 {
                let a = rng.operand(bits: type.bits)
                let expected: UInt64 = switch opcode {
                case .ext8s: UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: a))) & mask
                case .ext8u: UInt64(UInt8(truncatingIfNeeded: a))
                case .ext16s: UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: a))) & mask
                default: UInt64(UInt16(truncatingIfNeeded: a))
                }
                #expect(k(a) == expected)
            }
        }
    }

    @Test("zext, sext, trunc, concat")
    func widthChanges() {
        let z = Kernel(inputs: [.i32], result: .i64) { b, v in b.zext(v[0]) }
        let s = Kernel(inputs: [.i32], result: .i64) { b, v in b.sext(v[0]) }
        let t = Kernel(inputs: [.i64], result: .i32) { b, v in b.trunc(v[0]) }
        let c = Kernel(inputs: [.i32, .i32], result: .i64) { b, v in b.concat(low: v[0], high: v[1]) }
        #expect(z(0x8000_0000) == 0x8000_0000)
        #expect(s(0x8000_0000) == 0xffff_ffff_8000_0000)
        #expect(s(0x7fff_ffff) == 0x7fff_ffff)
        #expect(t(0x1234_5678_9abc_def0) == 0x9abc_def0)
        #expect(c(0x9abc_def0, 0x1234_5678) == 0x1234_5678_9abc_def0)
        #expect(c(0xffff_ffff, 0) == 0xffff_ffff)
    }

    @Test("bswap16/32/64 on both widths; upper bits zero")
    func byteSwaps() {
        var rng = SplitMix64(seed: 5)
        let cases: [(Opcode, IRType, Int)] = [(.bswap16, .i32, 2), (.bswap16, .i64, 2), (.bswap32, .i32, 4),
                                              (.bswap32, .i64, 4), (.bswap64, .i64, 8)]
        for (opcode, type, bytes) in cases {
            let k = Kernel(opcode, type, arity: 1)
            for _ in 0..<300 {
                let a = rng.operand(bits: type.bits)
                #expect(k(a) == BitReference.byteSwap(a, bytes: bytes), "\(opcode).\(type.name) 0x\(String(a, radix: 16))")
            }
        }
        #expect(Kernel(.bswap16, .i32, arity: 1)(0xaabb_ccdd) == 0xddcc)
        #expect(Kernel(.bswap32, .i64, arity: 1)(0x1122_3344_5566_7788) == 0x8877_6655)
        #expect(Kernel(.bswap64, .i64, arity: 1)(0x1122_3344_5566_7788) == 0x8877_6655_4433_2211)
    }

    @Test("clz, ctz, popcount; clz/ctz of zero is the width", arguments: [IRType.i32, .i64])
    func bitCounts(_ type: IRType) {
        let width = type.bits
        let clz = Kernel(.clz, type, arity: 1), ctz = Kernel(.ctz, type, arity: 1)
        let pop = Kernel(.popcount, type, arity: 1)
        #expect(clz(0) == UInt64(width))
        #expect(ctz(0) == UInt64(width))
        #expect(pop(0) == 0)
        var rng = SplitMix64(seed: 11)
        for a in Operands.special.map({ $0 & BitReference.mask(width) }) + (0..<500).map({ _ in rng.operand(bits: width) }) {
            #expect(clz(a) == BitReference.clz(a, width: width))
            #expect(ctz(a) == BitReference.ctz(a, width: width))
            #expect(pop(a) == BitReference.popcount(a, width: width))
        }
    }
}
