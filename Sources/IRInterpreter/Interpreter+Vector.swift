// The v128 lane ops (Documentation/IR.md, "Vectors"). A v128 value occupies two registers,
// low half first (PreparedBlock gives each v128 value a pair past the scalar registers).

import IR

enum VectorOps {
    typealias V = SIMD2<UInt64>

    @inline(__always)
    static func get(_ r: UnsafeMutablePointer<UInt64>, _ v: Value) -> V { V(r[Int(v.index)], r[Int(v.index) + 1]) }

    @inline(__always)
    static func set(_ r: UnsafeMutablePointer<UInt64>, _ v: Value, _ x: V) {
        r[Int(v.index)] = x[0]
        r[Int(v.index) + 1] = x[1]
    }

    /// Runs one of the lane ops vdup ... vfmul.
    @inline(never)
    static func evaluate(_ op: Op, _ r: UnsafeMutablePointer<UInt64>, state: UnsafeMutableRawPointer) {
        let lanes = LaneSize(rawValue: op.aux & 3) ?? .i8
        switch op.opcode {
        case .vdup:
            set(r, op.dst, duplicate(r[Int(op.a.index)], lanes))
        case .vinsert:
            set(r, op.dst, insert(get(r, op.a), lane: Int(op.imm), r[Int(op.b.index)], lanes))
        case .vextract:
            r[Int(op.dst.index)] = extract(get(r, op.a), lane: Int(op.imm), lanes)
        case .vfadd, .vfsub, .vfmul:
            set(r, op.dst, VectorFloat.evaluate(op.opcode, get(r, op.a), get(r, op.b), state: state, flagsOffset: Int(op.imm)))
        case .vfadde, .vfsube, .vfmule, .vfdive, .vfcmp:
            set(r, op.dst, floatLanes(op, get(r, op.a), get(r, op.b)))
        case .vtest:
            r[Int(op.dst.index)] = get(r, op.a) & get(r, op.b) == V(0, 0) ? 0 : 1
        case .vshuffle:
            set(r, op.dst, shuffled(get(r, op.a), get(r, op.b)))
        default:
            set(r, op.dst, binary(op.opcode, lanes, get(r, op.a), get(r, op.b)))
        }
    }

    /// vfadde ... vfdive and vfcmp: each lane through the scalar op of its type, so a lane is
    /// exactly the scalar result (NaN rule, flags in the environment).
    static func floatLanes(_ op: Op, _ a: V, _ b: V) -> V {
        let lanes: LaneSize = op.aux & 3 == 3 ? .i64 : .i32
        let scalar = Opcode.scalarFloat(of: op.opcode)
        let laneOp = Op(scalar, lanes == .i64 ? .f64 : .f32, dst: Value(2), a: Value(0), b: Value(1),
                        aux: op.aux >> 2)
        var out = V(0, 0)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3) { buffer in
            guard let registers = buffer.baseAddress else { return }
            for k in 0..<lanes.count {
                registers[0] = extract(a, lane: k, lanes)
                registers[1] = extract(b, lane: k, lanes)
                var result = FloatOps.evaluate(laneOp, registers)
                if scalar == .fsetcond { result = result != 0 ? ~0 : 0 }
                out = insert(out, lane: k, result, lanes)
            }
        }
        return out
    }

    static func shuffled(_ v: V, _ indices: V) -> V {
        var out = V(0, 0)
        for k in 0..<16 {
            let index = extract(indices, lane: k, .i8)
            if index & 0x80 == 0 { out = insert(out, lane: k, extract(v, lane: Int(index & 15), .i8), .i8) }
        }
        return out
    }

    static func duplicate(_ x: UInt64, _ lanes: LaneSize) -> V {
        let w = x & laneMask(lanes)
        var word = w
        var bits = lanes.bits
        while bits < 64 {
            word |= word << UInt64(bits)
            bits *= 2
        }
        return V(word, word)
    }

    @inline(__always)
    static func laneMask(_ lanes: LaneSize) -> UInt64 { lanes == .i64 ? ~0 : (1 << UInt64(lanes.bits)) - 1 }

    static func insert(_ v: V, lane: Int, _ x: UInt64, _ lanes: LaneSize) -> V {
        let perWord = 64 / lanes.bits, shift = UInt64((lane % perWord) * lanes.bits)
        let m = laneMask(lanes) << shift
        var out = v
        out[lane / perWord] = (v[lane / perWord] & ~m) | ((x << shift) & m)
        return out
    }

    static func extract(_ v: V, lane: Int, _ lanes: LaneSize) -> UInt64 {
        let perWord = 64 / lanes.bits, shift = UInt64((lane % perWord) * lanes.bits)
        return (v[lane / perWord] >> shift) & laneMask(lanes)
    }

    static func binary(_ opcode: Opcode, _ lanes: LaneSize, _ a: V, _ b: V) -> V {
        switch opcode {
        case .vand: return a & b
        case .vor: return a | b
        case .vxor: return a ^ b
        case .vandc: return a & ~b
        default: break
        }
        switch lanes {
        case .i8: return lanewise(opcode, SIMD16<UInt8>.self, SIMD16<Int8>.self, a, b)
        case .i16: return lanewise(opcode, SIMD8<UInt16>.self, SIMD8<Int16>.self, a, b)
        case .i32: return lanewise(opcode, SIMD4<UInt32>.self, SIMD4<Int32>.self, a, b)
        case .i64: return lanewise(opcode, SIMD2<UInt64>.self, SIMD2<Int64>.self, a, b)
        }
    }

    /// One lane op on the lanes of type U (unsigned) and S (the signed view of the same lanes).
    static func lanewise<U: SIMD, S: SIMD>(_ opcode: Opcode, _: U.Type, _: S.Type, _ a: V, _ b: V) -> V
    where U.Scalar: FixedWidthInteger & UnsignedInteger, S.Scalar: FixedWidthInteger & SignedInteger {
        let x = unsafeBitCast(a, to: U.self), y = unsafeBitCast(b, to: U.self)
        let ones = U(repeating: U.Scalar.max), zeros = U(repeating: 0)
        let out: U
        switch opcode {
        case .vadd: out = x &+ y
        case .vsub: out = x &- y
        case .vmul: out = x &* y
        case .vcmpeq: out = zeros.replacing(with: ones, where: x .== y)
        case .vcmpgtu: out = zeros.replacing(with: ones, where: x .> y)
        case .vcmpgt:
            let sx = unsafeBitCast(a, to: S.self), sy = unsafeBitCast(b, to: S.self)
            let gt = sx .> sy
            var m = zeros
            for k in 0..<U.scalarCount where gt[k] { m[k] = U.Scalar.max }
            out = m
        default: out = zeros
        }
        return unsafeBitCast(out, to: V.self)
    }
}
