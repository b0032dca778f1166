// The parallel add/subtract family (A8.8: SADD16 ... UHSUB8) lane by lane, as the pseudocode
// writes each instruction: lanes as integers, then the plain (GE-setting), saturating or
// halving result.

enum ParallelReference {
    enum Prefix: String, CaseIterable { case s, q, sh, u, uq, uh
        var unsigned: Bool { self == .u || self == .uq || self == .uh }
    }
    enum Operation: String, CaseIterable { case add16, asx, sax, sub16, add8, sub8 }

    static func mnemonic(_ p: Prefix, _ o: Operation) -> String { p.rawValue + o.rawValue }

    /// (result, GE or nil when the instruction leaves GE alone) of `prefix op n, m`.
    static func evaluate(_ p: Prefix, _ o: Operation, n: UInt32, m: UInt32) -> (UInt32, UInt32?) {
        let width = o == .add8 || o == .sub8 ? 8 : 16
        let lanes = 32 / width
        func lane(_ x: UInt32, _ i: Int) -> Int64 {
            let raw = (x >> UInt32(i * width)) & (width == 8 ? 0xff : 0xffff)
            if p.unsigned { return Int64(raw) }
            return width == 8 ? Int64(Int8(truncatingIfNeeded: raw)) : Int64(Int16(truncatingIfNeeded: raw))
        }
        var result: UInt32 = 0, ge: UInt32 = 0
        for i in 0..<lanes {
            // Which lane of m pairs with lane i of n, and whether it subtracts.
            let (j, subtract): (Int, Bool) = switch o {
            case .add16, .add8: (i, false)
            case .sub16, .sub8: (i, true)
            case .asx: (1 - i, i == 0)   // lo: n.lo - m.hi; hi: n.hi + m.lo
            case .sax: (1 - i, i == 1)   // lo: n.lo + m.hi; hi: n.hi - m.lo
            }
            let x = lane(n, i), y = lane(m, j)
            var r = subtract ? x - y : x + y
            switch p {
            case .s:
                if r >= 0 { ge |= (width == 16 ? 3 : 1) << UInt32(i * width / 8) }
            case .u:
                if subtract ? r >= 0 : r >= Int64(1) << width { ge |= (width == 16 ? 3 : 1) << UInt32(i * width / 8) }
            case .q:
                r = Reference.signedSat(r, width).0
            case .uq:
                r = Reference.unsignedSat(r, width).0
            case .sh, .uh:
                r >>= 1
            }
            let mask: UInt32 = width == 8 ? 0xff : 0xffff
            result |= (UInt32(truncatingIfNeeded: r) & mask) << UInt32(i * width)
        }
        return (result, p == .s || p == .u ? ge : nil)
    }
}
