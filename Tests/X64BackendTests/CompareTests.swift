// setcond, brcond and select: every Condition on both widths, with the second operand in a
// register and as a constant; select on every type with conditions that have only high bits set.

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: comparisons, branches, select")
struct CompareTests {
    @Test("setcond", arguments: Condition.allCases, [IRType.i32, .i64])
    func setcond(cond: Condition, type: IRType) {
        let pairs = integerPairs(bits: type.bits, seed: UInt64(cond.rawValue) + 40)
        var reports = Differential.sweepKernel(inputs: [type, type], pairs) { b, v in b.setcond(cond, v[0], v[1]) }
        let d = Differential()
        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
        for k in Operands.integers.map({ $0 & mask }) {
            let block = Kernel.block(inputs: [type]) { b, v in b.setcond(cond, v[0], b.constant(type, k)) }
            reports += d.sweep(block, Operands.integers.map { Kernel.image([$0 & mask]) }, limit: 1)
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    /// brcond over a store: the stored marker says whether the branch was taken.
    static func branch(_ cond: Condition, _ type: IRType, constant: UInt64?, shape: Shape) -> Block {
        Kernel.block(inputs: [type, type], shape: shape) { b, v in
            let skip = b.newLabel()
            let rhs = constant.map { b.constant(type, $0) } ?? v[1]
            b.storeState(Kernel.resultOffset + 8, b.const32(0x1111))
            b.brcond(cond, v[0], rhs, skip)
            b.storeState(Kernel.resultOffset + 8, b.const32(0x2222))
            b.label(skip)
            return nil
        }
    }

    @Test("brcond", arguments: Condition.allCases, [IRType.i32, .i64])
    func brcond(cond: Condition, type: IRType) {
        var reports: [String] = []
        let pairs = integerPairs(bits: type.bits, seed: UInt64(cond.rawValue) + 80, random: 100).map { Kernel.image($0) }
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for shape in Shape.allCases {
                reports += d.sweep(Self.branch(cond, type, constant: nil, shape: shape), pairs, limit: 1)
            }
        }
        let d = Differential()
        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
        for k in Operands.integers.map({ $0 & mask }) {
            reports += d.sweep(Self.branch(cond, type, constant: k, shape: .registers),
                               Operands.integers.map { Kernel.image([$0 & mask]) }, limit: 1)
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("select on every type", arguments: [IRType.i32, .i64, .f32, .f64])
    func select(type: IRType) {
        var rng = SplitMix64(seed: UInt64(type.rawValue) + 9)
        let conditions: [UInt64] = [0, 1, 0x100, 0x8000_0000, 0xffff_ffff]
        var values: [[UInt64]] = []
        for c in conditions {
            for _ in 0..<20 { values.append([c, rng.value(type), rng.value(type)]) }
        }
        var reports = Differential.sweepKernel(inputs: [.i32, type, type], values) { b, v in b.select(v[0], v[1], v[2]) }
        // The condition computed by setcond, and the same value on both sides.
        reports += Differential.sweepKernel(inputs: [.i32, type, type], values) { b, v in
            b.select(b.setcond(.ne, v[0], b.const32(0)), v[1], v[2])
        }
        reports += Differential.sweepKernel(inputs: [.i32, type, type], values) { b, v in b.select(v[0], v[1], v[1]) }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }
}
