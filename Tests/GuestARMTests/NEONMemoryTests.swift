// Advanced SIMD element and structure loads and stores (A7.7, A8.8.320-A8.8.339): VLD1/VST1
// of one to four registers, VLD2-4/VST2-4 interleaving, single lanes, all lanes, and the three
// writeback forms, in A32 and Thumb. The model is the manual's description: structure member
// s of element e sits at byte (e * members + s) * esize of its group.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct NEONMemoryTests {
    static let data = GuestMachine.dataBase + 0x2000

    /// A machine whose memory at `data` holds bytes 0x40, 0x41, ... and whose r0 points there.
    func machine(_ source: String, thumb: Bool) throws -> GuestMachine {
        let m = GuestMachine(code: try Assembler.assemble(source, thumb: thumb), thumb: thumb)
        for i in 0..<256 { m.store8(Self.data + UInt32(i), UInt8(0x40 + i % 192)) }
        m[0] = Self.data
        m[1] = 24
        return m
    }

    static func memory(_ offset: Int) -> UInt8 { UInt8(0x40 + offset % 192) }

    /// The D register value whose bytes are memory[offsets[0]], memory[offsets[1]], ...
    static func gather(_ offsets: [Int]) -> UInt64 {
        offsets.enumerated().reduce(0) { $0 | UInt64(memory($1.element)) << UInt64(8 * $1.offset) }
    }

    /// Byte offsets filling element after element of member `s` of `members`-way structures of
    /// `esize`-byte elements, starting at `start`.
    static func interleaved(member s: Int, members: Int, esize: Int, start: Int = 0) -> [Int] {
        (0..<(8 / esize)).flatMap { e in (0..<esize).map { start + (e * members + s) * esize + $0 } }
    }

    @Test(arguments: [false, true])
    func multipleRegisters(thumb: Bool) throws {
        let m = try machine("""
            vld1.8 {d0}, [r0]
            vld1.16 {d2-d3}, [r0]!
            vld1.32 {d4-d6}, [r0], r1
            vld1.64 {d8-d11}, [r0]
            """, thumb: thumb)
        m.runToEnd()
        #expect(m.d(0) == Self.gather(Array(0..<8)))
        #expect(m.d(2) == Self.gather(Array(0..<8)) && m.d(3) == Self.gather(Array(8..<16)))
        #expect(m.d(4) == Self.gather(Array(16..<24)) && m.d(6) == Self.gather(Array(32..<40)))
        for i in 0..<4 { #expect(m.d(8 + i) == Self.gather(Array((40 + 8 * i)..<(48 + 8 * i)))) }
        #expect(m[0] == Self.data + 16 + 24)
    }

    @Test(arguments: [false, true])
    func interleavedLoads(thumb: Bool) throws {
        let m = try machine("""
            vld2.8 {d0, d1}, [r0]
            vld2.16 {d2, d4}, [r0]
            vld2.32 {d6-d9}, [r0]
            vld3.8 {d10, d11, d12}, [r0]
            vld3.16 {d13, d15, d17}, [r0]
            vld4.8 {d20-d23}, [r0]
            vld4.32 {d24, d26, d28, d30}, [r0]!
            """, thumb: thumb)
        m.runToEnd()
        func check(_ registers: [Int], members: Int, esize: Int, start: Int = 0, _ what: String) {
            for (s, r) in registers.enumerated() {
                #expect(m.d(r) == Self.gather(Self.interleaved(member: s, members: members, esize: esize, start: start)),
                        "\(what): d\(r)")
            }
        }
        check([0, 1], members: 2, esize: 1, "vld2.8")
        check([2, 4], members: 2, esize: 2, "vld2.16")
        // Four registers: two groups, (d6, d8) from the first 16 bytes, (d7, d9) from the next.
        check([6, 8], members: 2, esize: 4, "vld2.32 group 0")
        check([7, 9], members: 2, esize: 4, start: 16, "vld2.32 group 1")
        check([10, 11, 12], members: 3, esize: 1, "vld3.8")
        check([13, 15, 17], members: 3, esize: 2, "vld3.16")
        check([20, 21, 22, 23], members: 4, esize: 1, "vld4.8")
        check([24, 26, 28, 30], members: 4, esize: 4, "vld4.32")
        #expect(m[0] == Self.data + 32)
    }

    /// Stores write exactly what the matching loads read: load, store elsewhere, compare.
    @Test(arguments: [false, true])
    func storesInvertLoads(thumb: Bool) throws {
        let shapes: [(String, String, Int)] = [
            ("vld1.8 {d0-d3}", "vst1.8 {d0-d3}", 32), ("vld2.16 {d0-d3}", "vst2.16 {d0-d3}", 32),
            ("vld2.8 {d0, d2}", "vst2.8 {d0, d2}", 16), ("vld3.32 {d0, d1, d2}", "vst3.32 {d0, d1, d2}", 24),
            ("vld3.8 {d0, d2, d4}", "vst3.8 {d0, d2, d4}", 24), ("vld4.16 {d0-d3}", "vst4.16 {d0-d3}", 32),
            ("vld4.8 {d0, d2, d4, d6}", "vst4.8 {d0, d2, d4, d6}", 32), ("vld1.64 {d5}", "vst1.64 {d5}", 8),
        ]
        for (load, store, size) in shapes {
            let shape = "\(load) / \(store)"
            let m = try machine("\(load), [r0]\n\(store), [r2]!", thumb: thumb)
            let out = Self.data + 0x100
            m[2] = out
            m.runToEnd()
            #expect(m.bytes(out, size) == (0..<size).map(Self.memory), "\(shape)")
            #expect(m.load8(out + UInt32(size)) == 0, "\(shape) writes nothing past its structures")
            #expect(m[2] == out + UInt32(size), "\(shape) writeback")
        }
    }

    @Test(arguments: [false, true])
    func singleLanes(thumb: Bool) throws {
        let m = try machine("""
            vld1.8 {d0[3]}, [r0]
            vld1.32 {d1[1]}, [r0]!
            vld2.16 {d2[2], d3[2]}, [r0]
            vld3.8 {d4[1], d5[1], d6[1]}, [r0]
            vld4.32 {d8[1], d10[1], d12[1], d14[1]}, [r0], r1
            vst1.16 {d16[3]}, [r2]
            vst4.8 {d17[6], d18[6], d19[6], d20[6]}, [r3]
            """, thumb: thumb)
        let fill: UInt64 = 0xeeee_eeee_eeee_eeee
        for r in 0..<21 { m.setD(r, fill) }
        m.setD(16, 0x1122_3344_5566_7788)
        for r in 17...20 { m.setD(r, 0x0101_0101_0101_0101 &* UInt64(r)) }
        let out = Self.data + 0x100
        m[2] = out
        m[3] = out + 0x10
        m.runToEnd()
        func replace(_ value: UInt64, byte i: Int, with bytes: [UInt8]) -> UInt64 {
            var v = value
            for (k, b) in bytes.enumerated() {
                v = v & ~(0xff << UInt64(8 * (i + k))) | UInt64(b) << UInt64(8 * (i + k))
            }
            return v
        }
        let mem = Self.memory
        #expect(m.d(0) == replace(fill, byte: 3, with: [mem(0)]))
        #expect(m.d(1) == replace(fill, byte: 4, with: (0..<4).map(mem)))
        // After the writeback r0 = data + 4.
        #expect(m.d(2) == replace(fill, byte: 4, with: [mem(4), mem(5)]))
        #expect(m.d(3) == replace(fill, byte: 4, with: [mem(6), mem(7)]))
        for (s, r) in [4, 5, 6].enumerated() { #expect(m.d(r) == replace(fill, byte: 1, with: [mem(4 + s)])) }
        for (s, r) in [8, 10, 12, 14].enumerated() {
            #expect(m.d(r) == replace(fill, byte: 4, with: (0..<4).map { mem(4 + 4 * s + $0) }))
        }
        #expect(m[0] == Self.data + 4 + 24)
        #expect(m.bytes(out, 3) == [0x22, 0x11, 0])
        #expect(m.bytes(out + 0x10, 5) == [17, 18, 19, 20, 0])
    }

    @Test(arguments: [false, true])
    func allLanes(thumb: Bool) throws {
        let m = try machine("""
            vld1.8 {d0[]}, [r0]
            vld1.32 {d2[], d3[]}, [r0]
            vld2.16 {d4[], d5[]}, [r0]
            vld3.8 {d6[], d7[], d8[]}, [r0]
            vld4.32 {d10[], d12[], d14[], d16[]}, [r0]!
            """, thumb: thumb)
        m.runToEnd()
        func splat(_ offsets: [Int]) -> UInt64 { Self.gather(Array(repeating: offsets, count: 8 / offsets.count).flatMap { $0 }) }
        #expect(m.d(0) == splat([0]))
        #expect(m.d(2) == splat([0, 1, 2, 3]) && m.d(3) == splat([0, 1, 2, 3]))
        #expect(m.d(4) == splat([0, 1]) && m.d(5) == splat([2, 3]))
        #expect(m.d(6) == splat([0]) && m.d(7) == splat([1]) && m.d(8) == splat([2]))
        for (s, r) in [10, 12, 14, 16].enumerated() { #expect(m.d(r) == splat([4 * s, 4 * s + 1, 4 * s + 2, 4 * s + 3])) }
        #expect(m[0] == Self.data + 16)
    }
}
