// Shifts and rotations, both widths: counts at and around the width (taken modulo the width by
// the IR), in a register and as a constant, with values in registers and in spill slots.

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: shifts")
struct ShiftTests {
    static let ops: [Opcode] = [.shl, .shr, .sar, .rotl, .rotr]
    static let counts: [UInt64] = [0, 1, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 95, 127, 128, 255, 256,
                                   0x7fff_ffff, 0x8000_0000, 0xffff_ffe0, 0xffff_ffff, 0x1_0000_0000,
                                   0x1_0000_001f, 0x8000_0000_0000_0000, 0xffff_ffff_ffff_ffff, 0xffff_ffff_ffff_ffc1]

    @Test("count in a register", arguments: ops, [IRType.i32, .i64])
    func registerCount(opcode: Opcode, type: IRType) {
        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
        var rng = SplitMix64(seed: UInt64(opcode.rawValue))
        var values: [[UInt64]] = []
        for n in Self.counts {
            for x in Operands.integers + (0..<8).map({ _ in rng.next() }) { values.append([x & mask, n & mask]) }
        }
        let reports = Differential.sweepKernel(inputs: [type, type], values) { b, v in b.binary(opcode, v[0], v[1]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("constant count", arguments: ops, [IRType.i32, .i64])
    func constantCount(opcode: Opcode, type: IRType) {
        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
        var rng = SplitMix64(seed: UInt64(opcode.rawValue) + 100)
        let values = (Operands.integers + (0..<16).map { _ in rng.next() }).map { [$0 & mask] }
        var reports: [String] = []
        let d = Differential()
        for n in Self.counts + (0..<64).map({ UInt64($0) }) {
            for shape in Shape.allCases {
                let block = Kernel.block(inputs: [type], shape: shape) { b, v in b.binary(opcode, v[0], b.constant(type, n & mask)) }
                reports += d.sweep(block, values.map { Kernel.image($0) }, limit: 1)
            }
            if reports.count >= 2 { break }
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("shifting the count register itself", arguments: ops, [IRType.i32, .i64])
    func selfShift(opcode: Opcode, type: IRType) {
        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
        let values = (Operands.integers + Self.counts).map { [$0 & mask] }
        let reports = Differential.sweepKernel(inputs: [type], values) { b, v in b.binary(opcode, v[0], v[0]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }
}
