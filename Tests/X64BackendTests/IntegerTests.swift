// Integer arithmetic and logic, both widths: every pair of edge operands in registers and in
// spill slots, and each edge operand as a constant second operand (the JIT folds those into
// immediates). Division by zero and MIN / -1 are among the pairs.

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: integer ops")
struct IntegerTests {
    static let binaryOps: [Opcode] = [.add, .sub, .mul, .mulhu, .mulhs, .divu, .divs, .remu, .rems,
                                      .and, .or, .xor, .andc, .orc]

    @Test("binary ops on two registers", arguments: binaryOps, [IRType.i32, .i64])
    func binary(opcode: Opcode, type: IRType) {
        let pairs = integerPairs(bits: type.bits, seed: UInt64(opcode.rawValue) * 31 + UInt64(type.rawValue))
        let reports = Differential.sweepKernel(inputs: [type, type], pairs) { b, v in b.binary(opcode, v[0], v[1]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("binary ops of a value with itself", arguments: binaryOps, [IRType.i32, .i64])
    func same(opcode: Opcode, type: IRType) {
        let values = Operands.integers.map { [$0 & (type.bits == 32 ? 0xffff_ffff : ~0)] }
        let reports = Differential.sweepKernel(inputs: [type], values) { b, v in b.binary(opcode, v[0], v[0]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("binary ops with a constant second operand", arguments: binaryOps, [IRType.i32, .i64])
    func constant(opcode: Opcode, type: IRType) {
        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
        var rng = SplitMix64(seed: UInt64(opcode.rawValue) &* 77 &+ UInt64(type.rawValue))
        let left = Operands.integers.map { [$0 & mask] } + (0..<20).map { _ in [rng.operand(bits: type.bits)] }
        var reports: [String] = []
        let d = Differential()
        for k in Operands.integers.map({ $0 & mask }) + (0..<10).map({ _ in rng.operand(bits: type.bits) }) {
            for shape in Shape.allCases {
                let block = Kernel.block(inputs: [type], shape: shape) { b, v in b.binary(opcode, v[0], b.constant(type, k)) }
                reports += d.sweep(block, left.map { Kernel.image($0) }, limit: 1)
                // The constant first: never an immediate, but a register the op may reuse.
                let swapped = Kernel.block(inputs: [type], shape: shape) { b, v in b.binary(opcode, b.constant(type, k), v[0]) }
                reports += d.sweep(swapped, left.map { Kernel.image($0) }, limit: 1)
            }
            if reports.count >= 2 { break }
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("not and neg", arguments: [Opcode.not, .neg], [IRType.i32, .i64])
    func unary(opcode: Opcode, type: IRType) {
        var rng = SplitMix64(seed: 3)
        let values = Operands.integers.map { [$0] } + (0..<200).map { _ in [rng.operand(bits: type.bits)] }
        let reports = Differential.sweepKernel(inputs: [type], values.map { $0.map { $0 & (type.bits == 32 ? 0xffff_ffff : ~0) } }) { b, v in
            b.unary(opcode, v[0])
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    static let widthOps: [Opcode] = [.ext8s, .ext8u, .ext16s, .ext16u, .bswap16, .bswap32, .clz, .ctz, .popcount]

    @Test("extensions, byte swaps and bit counts", arguments: widthOps, [IRType.i32, .i64])
    func width(opcode: Opcode, type: IRType) {
        var rng = SplitMix64(seed: 4)
        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
        var values = Operands.integers.map { [$0 & mask] } + (0..<300).map { _ in [rng.operand(bits: type.bits)] }
        // Every single bit set, for the bit counts.
        values += (0..<type.bits).map { [UInt64(1) << UInt64($0)] }
        let reports = Differential.sweepKernel(inputs: [type], values) { b, v in b.unary(opcode, v[0]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("bswap64, zext, sext, trunc, concat")
    func conversions() {
        var rng = SplitMix64(seed: 5)
        let wide = Operands.integers.map { [$0] } + (0..<300).map { _ in [rng.operand(bits: 64)] }
        let narrow = wide.map { $0.map { $0 & 0xffff_ffff } }
        var reports = Differential.sweepKernel(inputs: [.i64], wide) { b, v in b.unary(.bswap64, v[0]) }
        reports += Differential.sweepKernel(inputs: [.i32], narrow) { b, v in b.zext(v[0]) }
        reports += Differential.sweepKernel(inputs: [.i32], narrow) { b, v in b.sext(v[0]) }
        reports += Differential.sweepKernel(inputs: [.i64], wide) { b, v in b.trunc(v[0]) }
        reports += Differential.sweepKernel(inputs: [.i32, .i32], integerPairs(bits: 32, seed: 6)) { b, v in
            b.concat(low: v[0], high: v[1])
        }
        // The i32 operand of zext/sext/concat read through 64-bit paths must not see stale upper
        // bits: feed them values just produced by 32-bit ops.
        reports += Differential.sweepKernel(inputs: [.i32, .i32], integerPairs(bits: 32, seed: 7)) { b, v in
            b.concat(low: b.add(v[0], v[1]), high: b.not(v[1]))
        }
        reports += Differential.sweepKernel(inputs: [.i32, .i32], integerPairs(bits: 32, seed: 8)) { b, v in
            b.add(b.zext(b.sub(v[0], v[1])), b.sext(b.mul(v[0], v[1])))
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }
}
