// extract, sextract and deposit at every field of an i32 and at the edge fields of an i64
// (position 0, near 31/32, near 63; length 1 through the width).

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: bit fields")
struct BitFieldTests {
    static func fields(_ bits: Int) -> [(Int, Int)] {
        if bits == 32 {
            return (0..<32).flatMap { p in (1...(32 - p)).map { (p, $0) } }
        }
        let edges = [0, 1, 7, 8, 15, 16, 31, 32, 33, 47, 48, 62, 63]
        let lengths = [1, 2, 7, 8, 15, 16, 17, 31, 32, 33, 48, 63, 64]
        return edges.flatMap { p in lengths.filter { p + $0 <= 64 }.map { (p, $0) } }
    }

    static func values(_ bits: Int, seed: UInt64) -> [[UInt64]] {
        var rng = SplitMix64(seed: seed)
        let mask: UInt64 = bits == 32 ? 0xffff_ffff : ~0
        let singles: [UInt64] = [0, ~0, 0x5555_5555_5555_5555, 0xaaaa_aaaa_aaaa_aaaa, 0x8000_0000_0000_0001,
                                 0x8000_0000, 0x7fff_ffff, 0x1_8000_0000]
        return (0..<12).map { i in [(i < singles.count ? singles[i] : rng.next()) & mask, rng.operand(bits: bits)] }
    }

    @Test("extract, sextract and deposit", arguments: [Opcode.extract, .sextract, .deposit], [IRType.i32, .i64])
    func field(opcode: Opcode, type: IRType) {
        var reports: [String] = []
        let values = Self.values(type.bits, seed: UInt64(opcode.rawValue)).map { Kernel.image($0) }
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for (p, l) in Self.fields(type.bits) {
                for shape in Shape.allCases {
                    let block = Kernel.block(inputs: [type, type], shape: shape) { b, v in
                        switch opcode {
                        case .extract: b.extract(v[0], position: p, length: l)
                        case .sextract: b.sextract(v[0], position: p, length: l)
                        default: b.deposit(v[0], v[1], position: p, length: l)
                        }
                    }
                    reports += d.sweep(block, values, limit: 1)
                }
                if reports.count >= 2 { break }
            }
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("deposit of a value into itself")
    func depositSelf() {
        var reports: [String] = []
        let d = Differential()
        for type in [IRType.i32, .i64] {
            let values = Self.values(type.bits, seed: 9).map { Kernel.image($0) }
            for (p, l) in Self.fields(type.bits) where p % 3 == 0 {
                let block = Kernel.block(inputs: [type]) { b, v in b.deposit(v[0], v[0], position: p, length: l) }
                reports += d.sweep(block, values, limit: 1)
            }
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }
}
