// A runner for Advanced SIMD instruction tests: each case is one instruction and a model of
// it written from the manual's pseudocode over the sixteen registers D0-D15 and FPSCR, run on
// random and edge operands in A32 and Thumb, comparing every register and FPSCR afterwards.

import Testing
import TestTools

/// D0-D15 and FPSCR as a model sees them.
struct NEONRegisters {
    var d: [UInt64]
    var fpscr: UInt32

    /// Element e of `bits` width counting from D[r] up (a Q register is D[r], D[r+1]).
    func lane(_ r: Int, _ e: Int, _ bits: Int) -> UInt64 {
        let position = e * bits
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        return (d[r + position / 64] >> UInt64(position % 64)) & mask
    }
    /// The same element sign-extended (or zero-extended when unsigned) as a wide integer.
    func int(_ r: Int, _ e: Int, _ bits: Int, unsigned: Bool) -> Int128 {
        let raw = lane(r, e, bits)
        if unsigned { return Int128(raw) }
        let s = UInt64(64 - bits)
        return Int128(Int64(bitPattern: raw << s) >> Int64(s))
    }
    mutating func setLane(_ r: Int, _ e: Int, _ bits: Int, _ v: UInt64) {
        let position = e * bits
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        let i = r + position / 64, s = UInt64(position % 64)
        d[i] = d[i] & ~(mask << s) | (v & mask) << s
    }
    mutating func setInt(_ r: Int, _ e: Int, _ bits: Int, _ v: Int128) {
        setLane(r, e, bits, UInt64(truncatingIfNeeded: v))
    }
    /// SatQ with FPSCR.QC set on saturation.
    mutating func saturate(_ v: Int128, _ bits: Int, unsigned: Bool) -> Int128 {
        let hi: Int128 = unsigned ? (Int128(1) << bits) - 1 : (Int128(1) << (bits - 1)) - 1
        let lo: Int128 = unsigned ? 0 : -(Int128(1) << (bits - 1))
        if v > hi { fpscr |= 1 << 27; return hi }
        if v < lo { fpscr |= 1 << 27; return lo }
        return v
    }
}

struct NEONCase {
    var source: String
    var model: (inout NEONRegisters) -> Void
    init(_ source: String, _ model: @escaping (inout NEONRegisters) -> Void) {
        self.source = source
        self.model = model
    }
}

enum NEONRunner {
    /// 64-bit operands with edge lanes (zeros, ones, sign bits, maxima) often.
    static func operand(_ rng: inout SplitMix64) -> UInt64 {
        switch rng.next() % 6 {
        case 0: return [0, ~0, 0x8000_0000_0000_0000, 0x7fff_ffff_ffff_ffff, 0x8080_8080_8080_8080, 0x7f7f_7f7f_7f7f_7f7f,
                        0x8000_8000_8000_8000, 0x7fff_7fff_7fff_7fff, 0x8000_0000_7fff_ffff, 1, 0x0101_0101_0101_0101][Int(rng.next() % 11)]
        case 1: return rng.next() >> (rng.next() % 64)
        case 2:
            // Small signed lanes (shift counts, near-zero values).
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(UInt8(bitPattern: Int8(truncatingIfNeeded: Int(rng.next() % 150) - 75))) << UInt64(i * 8) }
            return v
        default: return rng.next()
        }
    }

    /// Runs every case `trials` times on random registers in A32 and Thumb; `operands` makes
    /// the register values (default: `operand`).
    /// Only the FPSCR bits in `fpscrMask` are compared (default: all).
    static func run(_ cases: [NEONCase], trials: Int = 40, seed: UInt64, fpscrIn: UInt32 = 0, fpscrMask: UInt32 = ~0,
                    operands: ((inout SplitMix64) -> UInt64)? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for thumb in [false, true] {
            let programs = try Assembler.instructions(cases.map(\.source), thumb: thumb)
            var rng = SplitMix64(seed: seed)
            for (c, bytes) in zip(cases, programs) {
                let m = GuestMachine(code: bytes, thumb: thumb)
                var failures = 0
                for _ in 0..<trials {
                    var r = NEONRegisters(d: (0..<16).map { _ in operands?(&rng) ?? operand(&rng) }, fpscr: fpscrIn)
                    for i in 0..<16 { m.setD(i, r.d[i]) }
                    m.state.fpscr = r.fpscr
                    m.restart()
                    m.runToEnd(sourceLocation: sourceLocation)
                    let input = r
                    c.model(&r)
                    let got = NEONRegisters(d: (0..<16).map { m.d($0) }, fpscr: m.state.fpscr)
                    if got.d != r.d || got.fpscr & fpscrMask != r.fpscr & fpscrMask {
                        failures += 1
                        if failures <= 3 {
                            let diff = (0..<16).filter { got.d[$0] != r.d[$0] }.map {
                                "d\($0): got 0x\(String(got.d[$0], radix: 16)) want 0x\(String(r.d[$0], radix: 16))"
                            }
                            let inputs = (0..<16).map { "d\($0)=0x\(String(input.d[$0], radix: 16))" }.joined(separator: " ")
                            Issue.record("\(thumb ? "T32" : "A32") \(c.source): \(diff.joined(separator: ", ")) fpscr got 0x\(String(got.fpscr, radix: 16)) want 0x\(String(r.fpscr, radix: 16)); inputs \(inputs)",
                                         sourceLocation: sourceLocation)
                        }
                    }
                }
            }
        }
    }
}
