// Lane access for the Advanced SIMD helpers: up to four consecutive D registers copied out of
// the guest state into a value (so an instruction reads all its sources before it writes any
// destination, as the manual's Din[] copies do), element get/set by width, and the manual's
// saturation functions (A2.2.1 SatQ) with the QC flag (FPSCR bit 27).

/// Four 64-bit words, D registers r..r+3 (or a scratch result), lanes little-endian.
struct NEONLanes {
    var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    init() {}

    /// `count` D registers starting at D[r] (register numbers wrap at 32, which only
    /// happens for encodings the translator already declined).
    init(_ state: UnsafeMutableRawPointer, _ r: UInt32, count: Int) {
        for i in 0..<count { self[word: i] = NEONLanes.d(state, r + UInt32(i)) }
    }

    static func d(_ state: UnsafeMutableRawPointer, _ r: UInt32) -> UInt64 {
        state.load(fromByteOffset: ARMState.d(Int(r & 31)), as: UInt64.self)
    }
    static func setD(_ state: UnsafeMutableRawPointer, _ r: UInt32, _ v: UInt64) {
        state.storeBytes(of: v, toByteOffset: ARMState.d(Int(r & 31)), as: UInt64.self)
    }

    /// Writes words 0..<count to D[r]...
    func store(_ state: UnsafeMutableRawPointer, _ r: UInt32, count: Int) {
        for i in 0..<count { NEONLanes.setD(state, r + UInt32(i), self[word: i]) }
    }

    subscript(word i: Int) -> UInt64 {
        get {
            switch i {
            case 0: w0
            case 1: w1
            case 2: w2
            default: w3
            }
        }
        set {
            switch i {
            case 0: w0 = newValue
            case 1: w1 = newValue
            case 2: w2 = newValue
            default: w3 = newValue
            }
        }
    }

    static func mask(_ bits: Int) -> UInt64 { bits >= 64 ? ~0 : (1 << UInt64(bits)) - 1 }

    /// Element e of `bits` width, zero-extended.
    subscript(e: Int, bits: Int) -> UInt64 {
        get {
            let position = e * bits
            return (self[word: position >> 6] >> UInt64(position & 63)) & NEONLanes.mask(bits)
        }
        set {
            let position = e * bits, shift = UInt64(position & 63), m = NEONLanes.mask(bits)
            let i = position >> 6
            self[word: i] = self[word: i] & ~(m << shift) | (newValue & m) << shift
        }
    }

    /// Element e as the manual's Int(x, unsigned): sign- or zero-extended.
    func int(_ e: Int, _ bits: Int, unsigned: Bool) -> Int128 {
        let raw = self[e, bits]
        if unsigned { return Int128(raw) }
        let s = UInt64(64 - bits)
        return Int128(Int64(bitPattern: raw << s) >> Int64(s))
    }

    /// Stores the low `bits` bits of v in element e.
    mutating func set(_ e: Int, _ bits: Int, _ v: Int128) {
        self[e, bits] = UInt64(truncatingIfNeeded: v)
    }
}

enum NEONSaturation {
    /// SatQ(i, N, unsigned): the value clamped to N bits, and whether it was clamped.
    static func saturate(_ i: Int128, _ bits: Int, unsigned: Bool) -> (Int128, Bool) {
        let (lo, hi): (Int128, Int128) = unsigned
            ? (0, (Int128(1) << bits) - 1)
            : (-(Int128(1) << (bits - 1)), (Int128(1) << (bits - 1)) - 1)
        if i > hi { return (hi, true) }
        if i < lo { return (lo, true) }
        return (i, false)
    }

    /// FPSCR.QC = 1 (bit 27), the cumulative saturation flag of the Advanced SIMD integer ops.
    static func setQC(_ state: UnsafeMutableRawPointer) {
        let fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        state.storeBytes(of: fpscr | 1 << 27, toByteOffset: ARMState.fpscr, as: UInt32.self)
    }
}

extension NEONOperands {
    /// D registers per operand: 2 for quad.
    var registers: Int { quad ? 2 : 1 }
    var bits: Int { 8 << Int(size) }
    /// Elements of `bits` width in one operand.
    var elements: Int { registers * 64 / bits }
}
