// VFPRounding and VFPConversion (the manual's FPRound, FPToFixed, FixedToFP, FPSingleToHalf
// and FPHalfToSingle on the bits) against the host's correctly rounded conversions where
// IEEE 754 and ARM agree: every half to single, random singles to half under round to
// nearest, and fixed point against exact double arithmetic.

@testable import GuestARM
import Testing
import TestTools

struct VFPRoundingTests {
    @Test func everyHalfToSingle() {
        for h in 0...0xffff {
            var flags: UInt32 = 0
            let got = VFPConversion.halfToSingle(UInt32(h), fpscr: 0, flags: &flags)
            let half = Float16(bitPattern: UInt16(h))
            if half.isNaN {
                #expect(got == UInt32(h >> 15) << 31 | 0x7fc0_0000 | UInt32(h & 0x1ff) << 13, "0x\(String(h, radix: 16))")
                #expect(flags == (half.isSignalingNaN ? 1 : 0))
            } else {
                #expect(got == Float(half).bitPattern && flags == 0, "0x\(String(h, radix: 16))")
            }
        }
    }

    /// Round to nearest: the host's Float16(Float) rounds correctly; the flags follow from the
    /// values (Inexact when the conversion changed it, Overflow to infinity, Underflow when the
    /// exact value is below 2^-14 and inexact: tininess before rounding).
    @Test func singlesToHalfRoundToNearest() {
        var rng = SplitMix64(seed: 0x4a1f)
        for k in 0..<200_000 {
            // Exponents around the half range, and now and then anything.
            var x = UInt32(truncatingIfNeeded: rng.next())
            if k % 4 != 0 { x = x & 0x807f_ffff | UInt32(100 + Int(rng.next() % 45)) << 23 }
            let f = Float(bitPattern: x)
            guard !f.isNaN else { continue }
            var flags: UInt32 = 0
            let got = VFPConversion.singleToHalf(x, fpscr: 0, flags: &flags)
            let want = Float16(f)
            var wantFlags: UInt32 = 0
            if want.isInfinite && !f.isInfinite { wantFlags = 0x14 }
            else if Float(want) != f {
                wantFlags = 0x10
                if f.magnitude < Float(Float16.leastNormalMagnitude) { wantFlags |= 0x08 }
            }
            #expect(got == UInt32(want.bitPattern) && flags == wantFlags,
                    "0x\(String(x, radix: 16)): 0x\(String(got, radix: 16)) flags 0x\(String(flags, radix: 16))")
        }
    }

    /// FPToFixed toward zero and FixedToFP to nearest, against double arithmetic (exact for
    /// singles times 2^fbits, and for 32-bit integers over 2^fbits).
    @Test func fixedPoint() {
        var rng = SplitMix64(seed: 0x51f)
        for _ in 0..<100_000 {
            let x = UInt32(truncatingIfNeeded: rng.next()) & 0x807f_ffff | UInt32(110 + Int(rng.next() % 50)) << 23
            let bits = 1 + Int(rng.next() % 32), unsigned = rng.next() & 1 != 0, size = rng.next() & 1 != 0 ? 16 : 32
            let fbits = min(bits, size)
            var flags: UInt32 = 0
            let got = VFPConversion.toFixed(UInt64(x), .single, fractionBits: fbits, unsigned: unsigned, size: size, fz: false, flags: &flags)
            let scaled = Double(Float(bitPattern: x)) * Double(sign: .plus, exponent: fbits, significand: 1)
            let truncated = scaled.rounded(.towardZero)
            let low = unsigned ? 0.0 : -Double(sign: .plus, exponent: size - 1, significand: 1)
            let high = unsigned ? Double(sign: .plus, exponent: size, significand: 1) - 1 : Double(sign: .plus, exponent: size - 1, significand: 1) - 1
            let want = Int64(Swift.min(Swift.max(truncated, low), high))
            let wantFlags: UInt32 = truncated < low || truncated > high ? 1 : truncated != scaled ? 0x10 : 0
            #expect(got == want && flags == wantFlags, "0x\(String(x, radix: 16)) #\(fbits) u\(unsigned) \(size): \(got) flags \(flags)")

            let raw = UInt64(truncatingIfNeeded: rng.next())
            var back: UInt32 = 0
            let float = VFPConversion.fromFixed(raw, .single, fractionBits: fbits, unsigned: unsigned, size: size, fz: false, flags: &back)
            let value = size == 16 ? (unsigned ? Int64(UInt16(truncatingIfNeeded: raw)) : Int64(Int16(truncatingIfNeeded: raw)))
                : (unsigned ? Int64(UInt32(truncatingIfNeeded: raw)) : Int64(Int32(truncatingIfNeeded: raw)))
            let exact = Double(value) / Double(sign: .plus, exponent: fbits, significand: 1)
            #expect(UInt32(float) == Float(exact).bitPattern && back == (Double(Float(exact)) != exact ? 0x10 : 0),
                    "\(value) / 2^\(fbits)")
        }
    }
}
