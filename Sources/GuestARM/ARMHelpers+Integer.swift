// Helpers for the integer instructions whose IR would be long: parallel add/subtract (which
// also set GE), saturation, SEL, USAD8, RBIT. Each is a C-convention function the IR calls as
// `helper(state, a, b, c)`.

import IR

enum ARMHelpers {
    @inline(__always) static func u32(_ v: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: v) }

    static func state(_ p: UnsafeMutableRawPointer) -> ARMStatePointer { ARMStatePointer(p) }

    static let rbit: HelperFunction = { _, a, _, _ in
        var x = UInt32(truncatingIfNeeded: a), r: UInt32 = 0
        for _ in 0..<32 {
            r = r << 1 | (x & 1)
            x >>= 1
        }
        return UInt64(r)
    }

    /// Parallel add/subtract (A5.4.1 / A6.3.13). c = prefix << 4 | op, with prefix 1 = S,
    /// 2 = Q, 3 = SH, 5 = U, 6 = UQ, 7 = UH (bit 2 = unsigned) and op 0 ADD16, 1 ASX, 2 SAX,
    /// 3 SUB16, 4 ADD8, 7 SUB8 (the manual's op1/op2 numbering). S and U forms set GE.
    static let parallel: HelperFunction = { state, a, b, c in
        let x = u32(a), y = u32(b)
        let prefix = UInt32(c >> 4) & 7, op = UInt32(c) & 7
        let unsigned = prefix & 4 != 0
        let kind = prefix & 3  // 1 plain (sets GE), 2 saturating, 3 halving
        var result: UInt32 = 0
        var ge: UInt32 = 0
        let lanes: [(shift: UInt32, width: UInt32, subtract: Bool, crossed: Bool)]
        switch op {
        case 0: lanes = [(0, 16, false, false), (16, 16, false, false)]
        case 1: lanes = [(0, 16, true, true), (16, 16, false, true)]  // ASX: lo = lo - hi, hi = hi + lo
        case 2: lanes = [(0, 16, false, true), (16, 16, true, true)]  // SAX: lo = lo + hi, hi = hi - lo
        case 3: lanes = [(0, 16, true, false), (16, 16, true, false)]
        case 4: lanes = [(0, 8, false, false), (8, 8, false, false), (16, 8, false, false), (24, 8, false, false)]
        default: lanes = [(0, 8, true, false), (8, 8, true, false), (16, 8, true, false), (24, 8, true, false)]
        }
        for lane in lanes {
            let mask: UInt32 = (1 << lane.width) - 1
            let xs = (x >> lane.shift) & mask
            let ysShift = lane.crossed ? (lane.shift == 0 ? 16 : 0) : lane.shift
            let ys = (y >> ysShift) & mask
            func signed(_ v: UInt32) -> Int64 {
                let s = 64 - Int64(lane.width)
                return (Int64(v) << s) >> s
            }
            let xv = unsigned ? Int64(xs) : signed(xs)
            let yv = unsigned ? Int64(ys) : signed(ys)
            var r = lane.subtract ? xv - yv : xv + yv
            switch kind {
            case 1:
                // GE: signed result >= 0, or unsigned add carried out / subtract did not borrow.
                let set = unsigned ? (lane.subtract ? r >= 0 : r >= Int64(1) << lane.width) : r >= 0
                if set { ge |= (lane.width == 16 ? 3 : 1) << (lane.shift / 8) }
            case 2:
                let lo: Int64 = unsigned ? 0 : -(Int64(1) << (lane.width - 1))
                let hi: Int64 = unsigned ? (Int64(1) << lane.width) - 1 : (Int64(1) << (lane.width - 1)) - 1
                r = min(max(r, lo), hi)
            default:
                r >>= 1
            }
            result |= (UInt32(truncatingIfNeeded: r) & mask) << lane.shift
        }
        if kind == 1 { state.storeBytes(of: ge, toByteOffset: ARMState.ge, as: UInt32.self) }
        return UInt64(result)
    }

    /// SEL: each byte from a where its GE bit is set, else from b.
    static let select: HelperFunction = { state, a, b, _ in
        let ge = state.load(fromByteOffset: ARMState.ge, as: UInt32.self)
        var r: UInt32 = 0
        for i in 0..<4 {
            let m: UInt32 = 0xff << (i * 8)
            r |= (ge >> i) & 1 != 0 ? u32(a) & m : u32(b) & m
        }
        return UInt64(r)
    }

    /// USAD8: sum of absolute differences of the four byte pairs.
    static let usad8: HelperFunction = { _, a, b, _ in
        var sum: UInt32 = 0
        for i in 0..<4 {
            let x = Int32((u32(a) >> (i * 8)) & 0xff), y = Int32((u32(b) >> (i * 8)) & 0xff)
            sum += UInt32(abs(x - y))
        }
        return UInt64(sum)
    }

    /// SSAT/USAT: a saturated to c bits (c = width; bit 8 of c set for unsigned), Q on saturation.
    static let saturate: HelperFunction = { state, a, _, c in
        let v = Int64(Int32(bitPattern: u32(a)))
        let (r, saturated) = saturateValue(v, bits: Int(c & 0xff), unsigned: c & 0x100 != 0)
        if saturated { state.storeBytes(of: 1, toByteOffset: ARMState.qf, as: UInt32.self) }
        return UInt64(UInt32(truncatingIfNeeded: r))
    }

    /// SSAT16/USAT16: each halfword saturated.
    static let saturate16: HelperFunction = { state, a, _, c in
        var result: UInt32 = 0
        var any = false
        for shift in [UInt32(0), 16] {
            let v = Int64(Int16(truncatingIfNeeded: u32(a) >> shift))
            let (r, saturated) = saturateValue(v, bits: Int(c & 0xff), unsigned: c & 0x100 != 0)
            any = any || saturated
            result |= (UInt32(truncatingIfNeeded: r) & 0xffff) << shift
        }
        if any { state.storeBytes(of: 1, toByteOffset: ARMState.qf, as: UInt32.self) }
        return UInt64(result)
    }

    static func saturateValue(_ v: Int64, bits: Int, unsigned: Bool) -> (Int64, Bool) {
        let lo: Int64 = unsigned ? 0 : -(Int64(1) << (bits - 1))
        let hi: Int64 = unsigned ? (Int64(1) << bits) - 1 : (Int64(1) << (bits - 1)) - 1
        if v < lo { return (lo, true) }
        if v > hi { return (hi, true) }
        return (v, false)
    }

    /// QADD/QSUB/QDADD/QDSUB: c = 0 add, 1 sub, 2 doubling add, 3 doubling sub (doubling
    /// applies to the second operand b, with its own saturation).
    static let saturatingArithmetic: HelperFunction = { state, a, b, c in
        var q = false
        var y = Int64(Int32(bitPattern: u32(b)))
        if c & 2 != 0 {
            let (d, s) = saturateValue(y * 2, bits: 32, unsigned: false)
            y = d
            q = s
        }
        let x = Int64(Int32(bitPattern: u32(a)))
        let (r, s) = saturateValue(c & 1 != 0 ? x - y : x + y, bits: 32, unsigned: false)
        if q || s { state.storeBytes(of: 1, toByteOffset: ARMState.qf, as: UInt32.self) }
        return UInt64(UInt32(truncatingIfNeeded: r))
    }

    /// SXTB16/UXTB16 (c = 1 signed): bytes 0 and 2 of a extended to halfwords, plus the
    /// halfwords of b.
    static let extend16: HelperFunction = { _, a, b, c in
        let x = u32(a), y = u32(b)
        var r: UInt32 = 0
        for (i, shift) in [(0, UInt32(0)), (1, UInt32(16))] {
            let byte = (x >> (shift)) & 0xff
            let ext: UInt32 = c != 0 ? UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: byte))) : byte
            let sum = (ext &+ (y >> shift)) & 0xffff
            r |= sum << (UInt32(i) * 16)
        }
        return UInt64(r)
    }
}
