// Helpers for Advanced SIMD: integer lane arithmetic on the register file, and the element
// and structure loads and stores. They work on the guest state's D registers directly.

import IR

/// Packed operands of a NEON helper call (one UInt32 constant): register numbers, element
/// size, signedness, quad.
struct NEONOperands {
    var op: UInt32, size: UInt32, unsigned: Bool, quad: Bool, d: UInt32, n: UInt32, m: UInt32

    var packed: UInt32 {
        op | size << 6 | (unsigned ? 1 << 8 : 0) | (quad ? 1 << 9 : 0) | d << 10 | n << 15 | m << 20
    }
    init(op: UInt32, size: UInt32, unsigned: Bool, quad: Bool, d: UInt32, n: UInt32, m: UInt32) {
        (self.op, self.size, self.unsigned, self.quad, self.d, self.n, self.m) = (op, size, unsigned, quad, d, n, m)
    }
    init(_ p: UInt64) {
        let v = UInt32(truncatingIfNeeded: p)
        op = v & 0x3f
        size = v >> 6 & 3
        unsigned = v & (1 << 8) != 0
        quad = v & (1 << 9) != 0
        d = v >> 10 & 31
        n = v >> 15 & 31
        m = v >> 20 & 31
    }
}

/// Integer operations of "three registers of the same length" (A7.4.1) the helper knows.
enum NEONIntegerOp: UInt32 {
    case add = 0, sub, ceq, cgt, cge, tst, max, min, padd, pmax, pmin, abd, aba, hadd, hsub, rhadd, qadd, qsub, mul, mla, mls
}

extension ARMHelpers {
    /// Element e (of `bytes` width) of the register pair starting at D[r], as a signed or
    /// unsigned Int64.
    static func element(_ state: UnsafeMutableRawPointer, _ r: UInt32, _ e: Int, _ bytes: Int, unsigned: Bool) -> Int64 {
        let p = state + ARMState.d(Int(r)) + e * bytes
        switch bytes {
        case 1: return unsigned ? Int64(p.load(as: UInt8.self)) : Int64(p.load(as: Int8.self))
        case 2: return unsigned ? Int64(p.loadUnaligned(as: UInt16.self)) : Int64(p.loadUnaligned(as: Int16.self))
        case 4: return unsigned ? Int64(p.loadUnaligned(as: UInt32.self)) : Int64(p.loadUnaligned(as: Int32.self))
        default: return p.loadUnaligned(as: Int64.self)
        }
    }

    static func setElement(_ out: UnsafeMutableRawPointer, _ e: Int, _ bytes: Int, _ v: Int64) {
        let p = out + e * bytes
        switch bytes {
        case 1: p.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
        case 2: p.storeBytes(of: UInt16(truncatingIfNeeded: v), as: UInt16.self)
        case 4: p.storeBytes(of: UInt32(truncatingIfNeeded: v), as: UInt32.self)
        default: p.storeBytes(of: v, as: Int64.self)
        }
    }

    /// Three-same integer op, lane by lane; the result is built in a scratch buffer first
    /// because d may equal n or m.
    static let neonIntegerThreeSame: HelperFunction = { state, a, _, _ in
        let o = NEONOperands(a)
        guard let op = NEONIntegerOp(rawValue: o.op) else { return 0 }
        let bytes = 1 << Int(o.size)
        let bits = Int64(bytes * 8)
        let lanes = (o.quad ? 16 : 8) / bytes
        var out: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &out) { buffer in
            let base = buffer.baseAddress!
            let mask: Int64 = bytes == 8 ? -1 : (1 << bits) - 1
            let (minimum, maximum): (Int64, Int64) = o.unsigned
                ? (0, bytes == 8 ? Int64.max : (1 << bits) - 1)
                : (bytes == 8 ? Int64.min : -(1 << (bits - 1)), bytes == 8 ? Int64.max : (1 << (bits - 1)) - 1)
            let pairwise = op == .padd || op == .pmax || op == .pmin
            for e in 0..<lanes {
                var x: Int64, y: Int64
                if pairwise {
                    // Pairs of adjacent elements: of Dn for the low half, of Dm for the high half.
                    let half = lanes / 2
                    let source = e < half ? o.n : o.m
                    let i = (e % half) * 2
                    x = element(state, source, i, bytes, unsigned: o.unsigned)
                    y = element(state, source, i + 1, bytes, unsigned: o.unsigned)
                } else {
                    x = element(state, o.n, e, bytes, unsigned: o.unsigned)
                    y = element(state, o.m, e, bytes, unsigned: o.unsigned)
                }
                let r: Int64
                switch op {
                case .add, .padd: r = x &+ y
                case .sub: r = x &- y
                case .ceq: r = (x & mask) == (y & mask) ? -1 : 0
                case .cgt: r = x > y ? -1 : 0
                case .cge: r = x >= y ? -1 : 0
                case .tst: r = x & y & mask != 0 ? -1 : 0
                case .max, .pmax: r = max(x, y)
                case .min, .pmin: r = min(x, y)
                case .abd: r = x > y ? x &- y : y &- x
                case .aba: r = element(state, o.d, e, bytes, unsigned: true) &+ (x > y ? x &- y : y &- x)
                case .hadd: r = (x &+ y) >> 1
                case .hsub: r = (x &- y) >> 1
                case .rhadd: r = (x &+ y &+ 1) >> 1
                case .qadd: r = bytes == 8 ? x &+ y : min(max(x + y, minimum), maximum)
                case .qsub: r = bytes == 8 ? x &- y : min(max(x - y, minimum), maximum)
                case .mul: r = x &* y
                case .mla: r = element(state, o.d, e, bytes, unsigned: true) &+ x &* y
                case .mls: r = element(state, o.d, e, bytes, unsigned: true) &- x &* y
                }
                setElement(base, e, bytes, r)
            }
        }
        state.storeBytes(of: out.0, toByteOffset: ARMState.d(Int(o.d)), as: UInt64.self)
        if o.quad { state.storeBytes(of: out.1, toByteOffset: ARMState.d(Int(o.d) + 1), as: UInt64.self) }
        return 0
    }

    /// VCNT (op 0), VCLZ (op 1) per element.
    static let neonCount: HelperFunction = { state, a, _, _ in
        let o = NEONOperands(a)
        let bytes = 1 << Int(o.size)
        let lanes = (o.quad ? 16 : 8) / bytes
        var out: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &out) { buffer in
            for e in 0..<lanes {
                let x = UInt64(bitPattern: element(state, o.m, e, bytes, unsigned: true))
                let r = o.op == 0 ? x.nonzeroBitCount : x.leadingZeroBitCount - (64 - bytes * 8)
                setElement(buffer.baseAddress!, e, bytes, Int64(r))
            }
        }
        state.storeBytes(of: out.0, toByteOffset: ARMState.d(Int(o.d)), as: UInt64.self)
        if o.quad { state.storeBytes(of: out.1, toByteOffset: ARMState.d(Int(o.d) + 1), as: UInt64.self) }
        return 0
    }

    /// VEXT: bytes imm.. of the concatenation Vm:Vn (Vn lowest). op = imm (byte offset).
    static let neonExtract: HelperFunction = { state, a, _, _ in
        let o = NEONOperands(a)
        let width = o.quad ? 16 : 8
        // Through a local copy of both sources (d may be n or m), without allocating.
        let n = NEONLanes(state, o.n, count: o.quad ? 2 : 1), m = NEONLanes(state, o.m, count: o.quad ? 2 : 1)
        var out = NEONLanes()
        for i in 0..<width {
            let j = Int(o.op) + i
            out[i, 8] = j < width ? n[j, 8] : m[j - width, 8]
        }
        out.store(state, o.d, count: o.quad ? 2 : 1)
        return 0
    }
}
