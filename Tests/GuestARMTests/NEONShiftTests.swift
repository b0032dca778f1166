// Advanced SIMD shifts against lane models written from the A8 pseudocode: by register
// (VSHL, VQSHL, VRSHL, VQRSHL with negative and oversized counts), by immediate (VSHR ...
// VQSHLU), narrowing (VSHRN ... VQRSHRUN, VMOVN, VQMOVN, VQMOVUN) and widening (VSHLL,
// VMOVL). Saturation must set FPSCR.QC.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct NEONShiftTests {
    static let types: [(String, Int, Bool)] = [("s8", 8, false), ("u8", 8, true), ("s16", 16, false), ("u16", 16, true),
                                               ("s32", 32, false), ("u32", 32, true), ("s64", 64, false), ("u64", 64, true)]

    /// VSHL/VQSHL/VRSHL/VQRSHL (register): Dd = Dm << SInt(Dn<7:0>) per lane, right for negative.
    @Test func byRegister() throws {
        var cases: [NEONCase] = []
        for (t, bits, unsigned) in Self.types {
            for (name, round, saturate) in [("vshl", false, false), ("vrshl", true, false), ("vqshl", false, true), ("vqrshl", true, true)] {
                for quad in [false, true] {
                    let (d, m, n) = quad ? (2, 4, 6) : (0, 1, 3)
                    let regs = quad ? "q1, q2, q3" : "d0, d1, d3"
                    cases.append(NEONCase("\(name).\(t) \(regs)") { r in
                        let input = r
                        for e in 0..<((quad ? 128 : 64) / bits) {
                            let shift = Int(Int8(truncatingIfNeeded: input.lane(n, e, bits)))
                            let x = input.int(m, e, bits, unsigned: unsigned)
                            // (Int(x) + round_const) << shift with round_const = 2^(-shift-1) for right shifts.
                            var v: Int128
                            if shift >= 0 {
                                v = shift >= 64 ? (x == 0 ? 0 : (x < 0 ? -1 : 1) * (Int128(1) << 100)) : x << shift
                            } else {
                                let k = min(-shift, 100)
                                v = ((round ? x + (Int128(1) << (k - 1)) : x)) >> k
                            }
                            if saturate { v = r.saturate(v, bits, unsigned: unsigned) }
                            r.setInt(d, e, bits, v)
                        }
                    })
                }
            }
        }
        try NEONRunner.run(cases, trials: 25, seed: 71)
    }

    /// Shifts by immediate for each element size and a spread of amounts.
    @Test func byImmediate() throws {
        var cases: [NEONCase] = []
        for (t, bits, unsigned) in Self.types {
            for amount in Set([1, 2, bits / 2, bits - 1, bits]) {
                for (name, accumulate, round) in [("vshr", false, false), ("vsra", true, false), ("vrshr", false, true), ("vrsra", true, true)] {
                    cases.append(NEONCase("\(name).\(t) q1, q2, #\(amount)") { r in
                        let input = r
                        for e in 0..<(128 / bits) {
                            let x = input.int(4, e, bits, unsigned: unsigned)
                            var v = ((round ? x + (Int128(1) << (amount - 1)) : x)) >> amount
                            if accumulate { v += input.int(2, e, bits, unsigned: true) }
                            r.setInt(2, e, bits, v)
                        }
                    })
                }
                if !unsigned {
                    // VSRI: mask = LSR(Ones(esize), shift); Dd = (Dd AND NOT mask) OR LSR(Dm, shift).
                    cases.append(NEONCase("vsri.\(bits) d0, d1, #\(amount)") { r in
                        for e in 0..<(64 / bits) {
                            let ones = bits == 64 ? UInt64.max : (1 << UInt64(bits)) - 1
                            let mask = amount >= 64 ? 0 : ones >> UInt64(amount)
                            let shifted = amount >= 64 ? 0 : r.lane(1, e, bits) >> UInt64(amount)
                            r.setLane(0, e, bits, r.lane(0, e, bits) & ~mask | shifted)
                        }
                    })
                }
                let left = amount - 1  // 0 ..< esize
                if !unsigned {
                    cases.append(NEONCase("vshl.i\(bits) d0, d1, #\(left)") { r in
                        for e in 0..<(64 / bits) { r.setLane(0, e, bits, r.lane(1, e, bits) << UInt64(left)) }
                    })
                    cases.append(NEONCase("vsli.\(bits) d0, d1, #\(left)") { r in
                        for e in 0..<(64 / bits) {
                            let ones = bits == 64 ? UInt64.max : (1 << UInt64(bits)) - 1
                            let mask = ones << UInt64(left) & ones
                            r.setLane(0, e, bits, r.lane(0, e, bits) & ~mask | r.lane(1, e, bits) << UInt64(left) & mask)
                        }
                    })
                    cases.append(NEONCase("vqshlu.s\(bits) q1, q2, #\(left)") { r in
                        let input = r
                        for e in 0..<(128 / bits) {
                            r.setInt(2, e, bits, r.saturate(input.int(4, e, bits, unsigned: false) << left, bits, unsigned: true))
                        }
                    })
                }
                cases.append(NEONCase("vqshl.\(t) d0, d1, #\(left)") { r in
                    for e in 0..<(64 / bits) {
                        r.setInt(0, e, bits, r.saturate(r.int(1, e, bits, unsigned: unsigned) << left, bits, unsigned: unsigned))
                    }
                })
            }
        }
        try NEONRunner.run(cases, trials: 12, seed: 72)
    }

    /// Narrowing: Qm's 2*esize lanes shifted right into Dd, plain, rounding and saturating.
    @Test func narrowing() throws {
        var cases: [NEONCase] = []
        for bits in [8, 16, 32] {
            for amount in Set([1, bits / 2, bits]) {
                // (mnemonic, source unsigned, result unsigned, round, saturate)
                let forms: [(String, Bool, Bool, Bool, Bool)] = [
                    ("vshrn.i\(2 * bits)", true, true, false, false), ("vrshrn.i\(2 * bits)", true, true, true, false),
                    ("vqshrn.s\(2 * bits)", false, false, false, true), ("vqshrn.u\(2 * bits)", true, true, false, true),
                    ("vqrshrn.s\(2 * bits)", false, false, true, true), ("vqrshrn.u\(2 * bits)", true, true, true, true),
                    ("vqshrun.s\(2 * bits)", false, true, false, true), ("vqrshrun.s\(2 * bits)", false, true, true, true),
                ]
                for (name, sourceUnsigned, unsigned, round, saturate) in forms {
                    cases.append(NEONCase("\(name) d0, q2, #\(amount)") { r in
                        for e in 0..<(64 / bits) {
                            let x = r.int(4, e, 2 * bits, unsigned: sourceUnsigned)
                            var v = (round ? x + (Int128(1) << (amount - 1)) : x) >> amount
                            if saturate { v = r.saturate(v, bits, unsigned: unsigned) }
                            r.setInt(0, e, bits, v)
                        }
                    })
                }
            }
            for (name, sourceUnsigned, unsigned, saturate) in [("vmovn.i\(2 * bits)", true, true, false), ("vqmovn.s\(2 * bits)", false, false, true),
                                                               ("vqmovn.u\(2 * bits)", true, true, true), ("vqmovun.s\(2 * bits)", false, true, true)] {
                cases.append(NEONCase("\(name) d1, q2") { r in
                    for e in 0..<(64 / bits) {
                        var v = r.int(4, e, 2 * bits, unsigned: sourceUnsigned)
                        if saturate { v = r.saturate(v, bits, unsigned: unsigned) }
                        r.setInt(1, e, bits, v)
                    }
                })
            }
            // Widening: VMOVL, VSHLL by 1 and by esize (the A2 encoding).
            for (t, unsigned) in [("s", false), ("u", true)] {
                for amount in [0, 1, bits - 1, bits] {
                    let source = amount == 0 ? "vmovl.\(t)\(bits) q1, d6" : amount == bits ? "vshll.i\(bits) q1, d6, #\(amount)" : "vshll.\(t)\(bits) q1, d6, #\(amount)"
                    cases.append(NEONCase(source) { r in
                        let input = r
                        for e in 0..<(64 / bits) { r.setInt(2, e, 2 * bits, input.int(6, e, bits, unsigned: unsigned) << amount) }
                    })
                }
            }
        }
        try NEONRunner.run(cases, trials: 15, seed: 73)
    }

    /// QC is sticky: a non-saturating operation leaves it set, and nothing clears it.
    @Test func stickyQC() throws {
        try NEONRunner.run([NEONCase("vshl.s8 d0, d1, d2") { r in
            let input = r
            for e in 0..<8 {
                let shift = Int(Int8(truncatingIfNeeded: input.lane(2, e, 8)))
                let x = input.int(1, e, 8, unsigned: false)
                r.setInt(0, e, 8, shift >= 0 ? (shift >= 64 ? 0 : x << shift) : x >> min(-shift, 100))
            }
        }], trials: 10, seed: 74, fpscrIn: 1 << 27)
    }
}
