// Advanced SIMD three registers of different lengths (A7.4.2), by scalar (A7.4.3), the
// doubling multiplies, polynomial multiplies, and the two-register miscellaneous group
// (A7.4.5: VREV, VPADDL, VPADAL, VCLS, VQABS, VQNEG, compares with zero, VABS, VNEG,
// VTRN, VUZP, VZIP) and VTBL/VTBX, against lane models from the A8 pseudocode.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct NEONLongTests {
    static func poly(_ x: UInt64, _ y: UInt64, _ bits: Int) -> UInt64 {
        var r: UInt64 = 0
        for i in 0..<bits where (y >> UInt64(i)) & 1 == 1 { r ^= x << UInt64(i) }
        return r
    }

    /// Qd(q1 = d2,d3) from Dn (d6) and Dm (d7); the W forms read Qn (q2 = d4,d5).
    @Test func differentLengths() throws {
        var cases: [NEONCase] = []
        for bits in [8, 16, 32] {
            for (t, unsigned) in [("s", false), ("u", true)] {
                let ty = "\(t)\(bits)"
                let forms: [(String, (Int128, Int128, Int128) -> Int128)] = [
                    ("vaddl", { _, x, y in x + y }), ("vsubl", { _, x, y in x - y }),
                    ("vabal", { d, x, y in d + (x > y ? x - y : y - x) }), ("vabdl", { _, x, y in x > y ? x - y : y - x }),
                    ("vmlal", { d, x, y in d + x * y }), ("vmlsl", { d, x, y in d - x * y }), ("vmull", { _, x, y in x * y }),
                ]
                for (name, f) in forms {
                    cases.append(NEONCase("\(name).\(ty) q1, d6, d7") { r in
                        let input = r
                        for e in 0..<(64 / bits) {
                            r.setInt(2, e, 2 * bits, f(input.int(2, e, 2 * bits, unsigned: unsigned), input.int(6, e, bits, unsigned: unsigned), input.int(7, e, bits, unsigned: unsigned)))
                        }
                    })
                }
                for (name, sign) in [("vaddw", Int128(1)), ("vsubw", Int128(-1))] {
                    cases.append(NEONCase("\(name).\(ty) q1, q2, d7") { r in
                        let input = r
                        for e in 0..<(64 / bits) {
                            r.setInt(2, e, 2 * bits, input.int(4, e, 2 * bits, unsigned: unsigned) + sign * input.int(7, e, bits, unsigned: unsigned))
                        }
                    })
                }
            }
            // Narrow high halves: Dd = (Qn +/- Qm (+ 2^(esize-1))) >> esize.
            for (name, subtract, round) in [("vaddhn", false, false), ("vraddhn", false, true), ("vsubhn", true, false), ("vrsubhn", true, true)] {
                cases.append(NEONCase("\(name).i\(2 * bits) d0, q2, q3") { r in
                    for e in 0..<(64 / bits) {
                        let x = r.int(4, e, 2 * bits, unsigned: true), y = r.int(6, e, 2 * bits, unsigned: true)
                        r.setInt(0, e, bits, ((subtract ? x - y : x + y) + (round ? Int128(1) << (bits - 1) : 0)) >> bits)
                    }
                })
            }
            if bits != 8 {
                // VQDMULL, VQDMLAL, VQDMLSL: SatQ(2xy, 2esize) then SatQ(d +/- product).
                for (name, accumulate) in [("vqdmull", 0), ("vqdmlal", 1), ("vqdmlsl", -1)] {
                    cases.append(NEONCase("\(name).s\(bits) q1, d6, d7") { r in
                        let input = r
                        for e in 0..<(64 / bits) {
                            let p = r.saturate(2 * input.int(6, e, bits, unsigned: false) * input.int(7, e, bits, unsigned: false), 2 * bits, unsigned: false)
                            let v = accumulate == 0 ? p : r.saturate(input.int(2, e, 2 * bits, unsigned: false) + Int128(accumulate) * p, 2 * bits, unsigned: false)
                            r.setInt(2, e, 2 * bits, v)
                        }
                    })
                }
                // VQDMULH, VQRDMULH on D and Q.
                for (name, round) in [("vqdmulh", false), ("vqrdmulh", true)] {
                    cases.append(NEONCase("\(name).s\(bits) q1, q2, q3") { r in
                        let input = r
                        for e in 0..<(128 / bits) {
                            let v = (2 * input.int(4, e, bits, unsigned: false) * input.int(6, e, bits, unsigned: false) + (round ? Int128(1) << (bits - 1) : 0)) >> bits
                            r.setInt(2, e, bits, r.saturate(v, bits, unsigned: false))
                        }
                    })
                }
            }
        }
        cases.append(NEONCase("vmull.p8 q1, d6, d7") { r in
            let input = r
            for e in 0..<8 { r.setLane(2, e, 16, Self.poly(input.lane(6, e, 8), input.lane(7, e, 8), 8)) }
        })
        cases.append(NEONCase("vmul.p8 q1, q2, q3") { r in
            let input = r
            for e in 0..<16 { r.setLane(2, e, 8, Self.poly(input.lane(4, e, 8), input.lane(6, e, 8), 8)) }
        })
        try NEONRunner.run(cases, trials: 20, seed: 91)
    }

    /// By scalar: Dm[x] with the 16-bit scalar in d0-d7 (index 0-3) and the 32-bit one in
    /// d0-d15 (index 0-1).
    @Test func byScalar() throws {
        var cases: [NEONCase] = []
        for bits in [16, 32] {
            let (sm, index) = bits == 16 ? (5, 3) : (7, 1)
            func scalar(_ r: NEONRegisters, unsigned: Bool) -> Int128 { r.int(sm, index, bits, unsigned: unsigned) }
            for (name, f) in [("vmla.i\(bits)", { (d: Int128, x: Int128, y: Int128) in d + x * y }), ("vmls.i\(bits)", { d, x, y in d - x * y }), ("vmul.i\(bits)", { _, x, y in x * y })] {
                cases.append(NEONCase("\(name) q1, q2, d\(sm)[\(index)]") { r in
                    let input = r
                    for e in 0..<(128 / bits) { r.setInt(2, e, bits, f(input.int(2, e, bits, unsigned: false), input.int(4, e, bits, unsigned: false), scalar(input, unsigned: false))) }
                })
            }
            for (t, unsigned) in [("s", false), ("u", true)] {
                for (name, f) in [("vmlal", { (d: Int128, x: Int128, y: Int128) in d + x * y }), ("vmlsl", { d, x, y in d - x * y }), ("vmull", { _, x, y in x * y })] {
                    cases.append(NEONCase("\(name).\(t)\(bits) q1, d6, d\(sm)[\(index)]") { r in
                        let input = r
                        for e in 0..<(64 / bits) { r.setInt(2, e, 2 * bits, f(input.int(2, e, 2 * bits, unsigned: unsigned), input.int(6, e, bits, unsigned: unsigned), scalar(input, unsigned: unsigned))) }
                    })
                }
            }
            for (name, round) in [("vqdmulh", false), ("vqrdmulh", true)] {
                cases.append(NEONCase("\(name).s\(bits) d0, d1, d\(sm)[\(index)]") { r in
                    let input = r
                    for e in 0..<(64 / bits) {
                        let v = (2 * input.int(1, e, bits, unsigned: false) * scalar(input, unsigned: false) + (round ? Int128(1) << (bits - 1) : 0)) >> bits
                        r.setInt(0, e, bits, r.saturate(v, bits, unsigned: false))
                    }
                })
            }
            for (name, accumulate) in [("vqdmull", 0), ("vqdmlal", 1), ("vqdmlsl", -1)] {
                cases.append(NEONCase("\(name).s\(bits) q1, d6, d\(sm)[\(index)]") { r in
                    let input = r
                    for e in 0..<(64 / bits) {
                        let p = r.saturate(2 * input.int(6, e, bits, unsigned: false) * scalar(input, unsigned: false), 2 * bits, unsigned: false)
                        r.setInt(2, e, 2 * bits, accumulate == 0 ? p : r.saturate(input.int(2, e, 2 * bits, unsigned: false) + Int128(accumulate) * p, 2 * bits, unsigned: false))
                    }
                })
            }
        }
        // Float by scalar: the product rounded, then the sum (VMLA/VMLS), standard FPSCR value.
        typealias M = StandardFloatModel
        for (name, f) in [("vmul.f32", { (_: UInt32, n: UInt32, s: UInt32) in M.binary(n, s, *) }),
                          ("vmla.f32", { d, n, s in M.binary(d, M.binary(n, s, *), +) }),
                          ("vmls.f32", { d, n, s in M.binary(d, M.binary(n, s, *) ^ 0x8000_0000, +) })] {
            cases.append(NEONCase("\(name) q1, q2, d9[1]") { r in
                let input = r
                for e in 0..<4 { r.setLane(2, e, 32, UInt64(f(UInt32(input.lane(2, e, 32)), UInt32(input.lane(4, e, 32)), UInt32(input.lane(9, 1, 32))))) }
            })
        }
        try NEONRunner.run(cases, trials: 20, seed: 92, fpscrMask: 1 << 27)
    }

    /// Two registers, miscellaneous (integer and permutes).
    @Test func miscellaneous() throws {
        var cases: [NEONCase] = []
        for bits in [8, 16, 32] {
            for (name, region) in [("vrev64", 64), ("vrev32", 32), ("vrev16", 16)] where bits < region {
                cases.append(NEONCase("\(name).\(bits) q1, q2") { r in
                    let input = r, per = region / bits
                    for e in 0..<(128 / bits) { r.setLane(2, e, bits, input.lane(4, e / per * per + per - 1 - e % per, bits)) }
                })
            }
            for (t, unsigned) in [("s", false), ("u", true)] {
                cases.append(NEONCase("vpaddl.\(t)\(bits) q1, q2") { r in
                    let input = r
                    for e in 0..<(64 / bits) { r.setInt(2, e, 2 * bits, input.int(4, 2 * e, bits, unsigned: unsigned) + input.int(4, 2 * e + 1, bits, unsigned: unsigned)) }
                })
                cases.append(NEONCase("vpadal.\(t)\(bits) d0, d1") { r in
                    let input = r
                    for e in 0..<(32 / bits) { r.setInt(0, e, 2 * bits, input.int(0, e, 2 * bits, unsigned: true) + input.int(1, 2 * e, bits, unsigned: unsigned) + input.int(1, 2 * e + 1, bits, unsigned: unsigned)) }
                })
            }
            let signedForms: [(String, (inout NEONRegisters, Int128) -> Int128)] = [
                ("vqabs.s", { r, x in r.saturate(x < 0 ? -x : x, bits, unsigned: false) }),
                ("vqneg.s", { r, x in r.saturate(-x, bits, unsigned: false) }),
                ("vabs.s", { _, x in x < 0 ? -x : x }), ("vneg.s", { _, x in -x }),
                ("vcls.s", { _, x in
                    // Leading bits below the sign bit that equal it.
                    var count: Int128 = 0
                    var i = bits - 2
                    while i >= 0 && ((x >> i) & 1) == (x < 0 ? 1 : 0) { count += 1; i -= 1 }
                    return count
                }),
                ("vcgt.s", { _, x in x > 0 ? -1 : 0 }), ("vcge.s", { _, x in x >= 0 ? -1 : 0 }), ("vceq.i", { _, x in x == 0 ? -1 : 0 }),
                ("vcle.s", { _, x in x <= 0 ? -1 : 0 }), ("vclt.s", { _, x in x < 0 ? -1 : 0 }),
            ]
            for (name, f) in signedForms {
                let zero = name.hasPrefix("vc") && name != "vcls.s" ? ", #0" : ""
                cases.append(NEONCase("\(name)\(bits) q1, q2\(zero)") { r in
                    let input = r
                    for e in 0..<(128 / bits) { r.setInt(2, e, bits, f(&r, input.int(4, e, bits, unsigned: false))) }
                })
            }
            cases.append(NEONCase("vtrn.\(bits) q1, q2") { r in
                for e in 0..<(64 / bits) {
                    let t = r.lane(2, 2 * e + 1, bits)
                    r.setLane(2, 2 * e + 1, bits, r.lane(4, 2 * e, bits))
                    r.setLane(4, 2 * e, bits, t)
                }
            })
            for quad in [false, true] where quad || bits != 32 {
                let count = (quad ? 128 : 64) / bits, (d, m) = quad ? (2, 4) : (0, 1)
                let regs = quad ? "q1, q2" : "d0, d1"
                cases.append(NEONCase("vzip.\(bits) \(regs)") { r in
                    let input = r
                    for e in 0..<count {
                        // Zipped m:d: element 2e from d, 2e+1 from m; low half to d, high to m.
                        for (k, v) in [(2 * e, input.lane(d, e, bits)), (2 * e + 1, input.lane(m, e, bits))] {
                            r.setLane(k < count ? d : m, k % count, bits, v)
                        }
                    }
                })
                cases.append(NEONCase("vuzp.\(bits) \(regs)") { r in
                    let input = r
                    func pair(_ k: Int) -> UInt64 { k < count ? input.lane(d, k, bits) : input.lane(m, k - count, bits) }
                    for e in 0..<count {
                        r.setLane(d, e, bits, pair(2 * e))
                        r.setLane(m, e, bits, pair(2 * e + 1))
                    }
                })
            }
        }
        // Tables of one to four registers from d8; indexes in d1 (small values often hit).
        for length in 1...4 {
            let list = (8..<(8 + length)).map { "d\($0)" }.joined(separator: ", ")
            for extend in [false, true] {
                cases.append(NEONCase("\(extend ? "vtbx" : "vtbl").8 d0, {\(list)}, d1") { r in
                    let input = r
                    for e in 0..<8 {
                        let i = Int(input.lane(1, e, 8))
                        if i < 8 * length { r.setLane(0, e, 8, input.lane(8, i, 8)) } else if !extend { r.setLane(0, e, 8, 0) }
                    }
                })
            }
        }
        try NEONRunner.run(cases, trials: 20, seed: 93)
    }
}
