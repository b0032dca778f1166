// Floating point: arithmetic, square root, sign ops, comparisons, conversions and bit casts on
// f32 and f64, over NaNs (quiet and signalling), infinities, signed zeros, subnormals and the
// integer-range edges; under the default MXCSR and under every rounding mode with and without
// flush-to-zero / denormals-are-zero. Results, and the MXCSR exception flags, must agree.

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: floating point")
struct FloatTests {
    /// Default, then each rounding mode, then FTZ + DAZ with round-to-nearest.
    static let environments: [UInt32] = [0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0]

    static func specials(_ type: IRType) -> [UInt64] {
        type == .f32 ? Operands.floats32.map { UInt64($0) } : Operands.floats64
    }

    static func pairs(_ type: IRType, seed: UInt64, random: Int = 200) -> [[UInt64]] {
        let s = specials(type)
        var out = s.flatMap { x in s.map { [x, $0] } }
        var rng = SplitMix64(seed: seed)
        for _ in 0..<random { out.append([rng.float(type), rng.float(type)]) }
        return out
    }

    static func singles(_ type: IRType, seed: UInt64, random: Int = 200) -> [[UInt64]] {
        var rng = SplitMix64(seed: seed)
        return specials(type).map { [$0] } + (0..<random).map { _ in [rng.float(type)] }
    }

    static func sweep(_ inputs: [IRType], _ values: [[UInt64]], environments: [UInt32] = environments,
                      _ build: (inout IRBuilder, [Value]) -> Value?) -> [String] {
        var reports: [String] = []
        for mxcsr in environments {
            reports += Differential.sweepKernel(inputs: inputs, values, mxcsr: mxcsr, limit: 1, build)
            if reports.count >= 2 { break }
        }
        return reports
    }

    static func isSignallingNaN(_ bits: UInt64, _ type: IRType) -> Bool {
        type == .f32 ? Float(bitPattern: UInt32(truncatingIfNeeded: bits)).isSignalingNaN
            : Double(bitPattern: bits).isSignalingNaN
    }

    static func isSubnormal(_ bits: UInt64, _ type: IRType) -> Bool {
        type == .f32 ? Float(bitPattern: UInt32(truncatingIfNeeded: bits)).isSubnormal : Double(bitPattern: bits).isSubnormal
    }

    static func isNegative(_ bits: UInt64, _ type: IRType) -> Bool { bits >> UInt64(type.bits - 1) & 1 != 0 }

    @Test("fadd, fsub, fmul, fdiv", arguments: [Opcode.fadd, .fsub, .fmul, .fdiv], [IRType.f32, .f64])
    func arithmetic(opcode: Opcode, type: IRType) {
        let reports = Self.sweep([type, type], Self.pairs(type, seed: UInt64(opcode.rawValue))) { b, v in
            b.binary(opcode, v[0], v[1])
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("fsqrt, fneg, fabs", arguments: [Opcode.fsqrt, .fneg, .fabs], [IRType.f32, .f64])
    func unary(opcode: Opcode, type: IRType) {
        let values = Self.singles(type, seed: UInt64(opcode.rawValue))
        let reports = Self.sweep([type], values) { b, v in b.unary(opcode, v[0]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("fsetcond", arguments: FloatCondition.allCases, [IRType.f32, .f64])
    func fsetcond(cond: FloatCondition, type: IRType) {
        let values = Self.pairs(type, seed: UInt64(cond.rawValue) + 50)
        let reports = Self.sweep([type, type], values,
                                 environments: [0x1f80, 0x9fc0]) { b, v in b.fsetcond(cond, v[0], v[1]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("fconvert both ways")
    func fconvert() {
        var reports = Self.sweep([.f32], Self.singles(.f32, seed: 60)) { b, v in b.fconvert(v[0], to: .f64) }
        reports += Self.sweep([.f64], Self.singles(.f64, seed: 61)) { b, v in b.fconvert(v[0], to: .f32) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("itof", arguments: [IRType.i32, .i64], [IRType.f32, .f64])
    func itof(from: IRType, to: IRType) {
        var rng = SplitMix64(seed: 70)
        // Values around the 24- and 53-bit significand limits round.
        var values = Operands.integers.map { [$0 & (from.bits == 32 ? 0xffff_ffff : ~0)] }
        values += [0x100_0001, 0x100_0003, 0x20_0000_0000_0001, 0x20_0000_0000_0003, 0xffff_ff7f, 0xffff_ff80,
                   0xffff_ffff_ffff_fbff, 0xffff_ffff_ffff_fc00, 0x8000_0000_0000_0401].map { [$0 & (from.bits == 32 ? 0xffff_ffff : ~0)] }
        values += (0..<200).map { _ in [rng.operand(bits: from.bits)] }
        var reports: [String] = []
        for signed in [false, true] {
            reports += Self.sweep([from], values, environments: Self.environments) { b, v in b.itof(v[0], to: to, signed: signed) }
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("ftoi in every rounding mode", arguments: [IRType.f32, .f64], [IRType.i32, .i64])
    func ftoi(from: IRType, to: IRType) {
        let values = Self.singles(from, seed: 80, random: 300)
        var reports: [String] = []
        for signed in [false, true] {
            for mode in RoundingMode.allCases.map(Optional.some) + [nil] {
                reports += Self.sweep([from], values, environments: mode == nil ? Self.environments : [0x1f80, 0x7f80]) { b, v in
                    b.ftoi(v[0], to: to, signed: signed, rounding: mode)
                }
            }
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("bitcast", arguments: [IRType.i32, .i64, .f32, .f64])
    func bitcast(from: IRType) {
        var rng = SplitMix64(seed: 90)
        let to: IRType = switch from {
        case .i32: .f32
        case .i64: .f64
        case .f32: .i32
        case .f64, .v128: .i64
        }
        let values = (0..<200).map { _ in [rng.value(from)] }
        // Bitcast, then an op in the new domain, so the value moves between register files.
        var reports = Self.sweep([from], values, environments: [0x1f80]) { b, v in b.bitcast(v[0], to: to) }
        reports += Self.sweep([from], values, environments: [0x1f80]) { b, v in
            let x = b.bitcast(v[0], to: to)
            return b.bitcast(to.isFloat ? b.unary(.fneg, x) : b.unary(.not, x), to: from)
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("float constants of every special value", arguments: [IRType.f32, .f64])
    func constants(type: IRType) {
        let d = Differential()
        var reports: [String] = []
        for k in Self.specials(type) {
            let block = Kernel.block(inputs: [type]) { b, v in b.binary(.fadd, v[0], b.constant(type, k)) }
            reports += d.sweep(block, Self.singles(type, seed: 91, random: 0).map { Kernel.image($0) }, limit: 1)
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }
}
