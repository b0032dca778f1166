// Single and doubleword loads and stores (A8.8.62-A8.8.210): sizes and sign extension,
// offset/pre-indexed/post-indexed addressing with register and shifted-register offsets, and
// LDRD/STRD, in A32 and Thumb.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct LoadStoreTests {
    static let base = GuestMachine.dataBase + 0x400

    /// (line, expected r0 or nil for stores, expected address accessed, expected r4 after).
    /// r4 = base, r5 = 8, memory at base + i holds byte 0x80 + i.
    static func loads(thumb: Bool) -> [(String, UInt32?, UInt32, UInt32)] {
        let b = base
        func word(_ a: UInt32) -> UInt32 { (0..<4).reduce(0) { $0 | ((0x80 + a - b + UInt32($1)) & 0xff) << (8 * UInt32($1)) } }
        func half(_ a: UInt32) -> UInt32 { word(a) & 0xffff }
        func byte(_ a: UInt32) -> UInt32 { word(a) & 0xff }
        var cases: [(String, UInt32?, UInt32, UInt32)] = [
            ("ldr r0, [r4]", word(b), b, b),
            ("ldr r0, [r4, #12]", word(b + 12), b + 12, b),
            ("ldr r0, [r4, #-4]", nil, b - 4, b),
            ("ldr r0, [r4, #4]!", word(b + 4), b + 4, b + 4),
            ("ldr r0, [r4], #4", word(b), b, b + 4),
            ("ldr r0, [r4, #-4]!", nil, b - 4, b - 4),
            ("ldr r0, [r4, r5]", word(b + 8), b + 8, b),
            ("ldr r0, [r4, r5, lsl #1]", word(b + 16), b + 16, b),
            ("ldrb r0, [r4, #3]", byte(b + 3), b + 3, b),
            ("ldrsb r0, [r4, #3]", 0xffff_ff83, b + 3, b),
            ("ldrh r0, [r4, #2]", half(b + 2), b + 2, b),
            ("ldrsh r0, [r4, #2]", 0xffff_8382, b + 2, b),
            ("ldrb r0, [r4], #1", byte(b), b, b + 1),
            ("ldrh r0, [r4, #6]!", half(b + 6), b + 6, b + 6),
            ("ldrsh r0, [r4, r5]", 0xffff_8988, b + 8, b),
            ("ldrsb r0, [r4, r5]", 0xffff_ff88, b + 8, b),
        ]
        if thumb {
            cases += [
                ("ldr.w r0, [r4, #255]!", word(b + 255), b + 255, b + 255),
                ("ldr r0, [r4, r5, lsl #2]", word(b + 32), b + 32, b),
                ("ldrb.w r0, [r4, #4095]", nil, b + 4095, b),
            ]
        } else {
            cases += [
                ("ldr r0, [r4, -r5]", nil, b - 8, b),
                ("ldr r0, [r4, r5, lsr #2]!", word(b + 2), b + 2, b + 2),
                ("ldr r0, [r4], -r5, asr #1", word(b), b, b - 4),
                ("ldrh r0, [r4], -r5", half(b), b, b - 8),
                ("ldr r0, [r4, #4095]", nil, b + 4095, b),
            ]
        }
        return cases
    }

    @Test(arguments: [false, true])
    func singleLoads(thumb: Bool) throws {
        let cases = Self.loads(thumb: thumb)
        for ((line, value, address, r4), bytes) in zip(cases, try Assembler.instructions(cases.map(\.0), thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            for i in 0..<0x2000 { m.store8(Self.base - 0x1000 + UInt32(i), UInt8(truncatingIfNeeded: 0x80 + i - 0x1000)) }
            m[4] = Self.base
            m[5] = 8
            m.runToEnd()
            let expected = value ?? m.load32(address)  // addresses below base: whatever is there
            let size = line.hasPrefix("ldrb") || line.hasPrefix("ldrsb") ? 1 : line.hasPrefix("ldrh") || line.hasPrefix("ldrsh") ? 2 : 4
            if value == nil && size < 4 {
                #expect(m[0] == m.load32(address) & (size == 1 ? 0xff : 0xffff), "\(line)")
            } else {
                #expect(m[0] == expected, "\(line)")
            }
            #expect(m[4] == r4, "\(line): base register")
        }
    }

    @Test(arguments: [false, true])
    func singleStores(thumb: Bool) throws {
        let b = Self.base
        var cases: [(String, UInt32, Int, UInt32)] = [
            // (line, address, size, r4 after); r0 = 0x8485_8687, r5 = 8
            ("str r0, [r4]", b, 4, b),
            ("str r0, [r4, #-4]!", b - 4, 4, b - 4),
            ("str r0, [r4], #12", b, 4, b + 12),
            ("strb r0, [r4, #1]", b + 1, 1, b),
            ("strh r0, [r4, r5]", b + 8, 2, b),
            ("strh r0, [r4, #2]!", b + 2, 2, b + 2),
            ("str r0, [r4, r5, lsl #2]", b + 32, 4, b),
        ]
        if !thumb { cases += [("strb r0, [r4], -r5", b, 1, b - 8), ("str r0, [r4, -r5, lsl #1]!", b - 16, 4, b - 16)] }
        for ((line, address, size, r4), bytes) in zip(cases, try Assembler.instructions(cases.map(\.0), thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            m[0] = 0x8485_8687
            m[4] = b
            m[5] = 8
            m.runToEnd()
            let stored = m.bytes(address - 4, size + 8)
            let expected = [UInt8](repeating: 0, count: 4) + [0x87, 0x86, 0x85, 0x84].prefix(size) + [UInt8](repeating: 0, count: 4)
            #expect(stored == expected, "\(line)")
            #expect(m[4] == r4, "\(line): base register")
        }
    }

    /// LDRD/STRD: Rt from the lower address, Rt2 from address + 4, every addressing form.
    @Test(arguments: [false, true])
    func doubleword(thumb: Bool) throws {
        let b = Self.base
        var cases: [(String, UInt32, UInt32)] = [
            // (line, address, r4 after); r5 = 8
            ("ldrd r0, r1, [r4]", b, b),
            ("ldrd r0, r1, [r4, #8]", b + 8, b),
            ("ldrd r0, r1, [r4, #-8]!", b - 8, b - 8),
            ("ldrd r0, r1, [r4], #16", b, b + 16),
            ("strd r2, r3, [r4, #8]", b + 8, b),
            ("strd r2, r3, [r4, #-16]!", b - 16, b - 16),
            ("strd r2, r3, [r4], #-8", b, b - 8),
        ]
        if thumb {
            cases += [("ldrd r0, r7, [r4, #1020]", b + 1020, b), ("strd r2, r8, [r4, #-4]", b - 4, b)]
        } else {
            cases += [("ldrd r0, r1, [r4, r5]", b + 8, b), ("ldrd r0, r1, [r4, -r5]!", b - 8, b - 8),
                      ("strd r2, r3, [r4], r5", b, b + 8), ("strd r2, r3, [r4, -r5]", b - 8, b)]
        }
        for ((line, address, r4), bytes) in zip(cases, try Assembler.instructions(cases.map(\.0), thumb: thumb)) {
            let m = GuestMachine(code: bytes, thumb: thumb)
            m.store32(address, 0x1111_1111)
            m.store32(address + 4, 0x2222_2222)
            m[2] = 0x3333_3333
            m[3] = 0x4444_4444
            m[8] = 0x4444_4444
            m[4] = b
            m[5] = 8
            m.runToEnd()
            if line.hasPrefix("ldrd") {
                let second = line.contains("r7") ? 7 : 1
                #expect(m[0] == 0x1111_1111, "\(line): Rt")
                #expect(m[second] == 0x2222_2222, "\(line): Rt2")
            } else {
                #expect(m.load32(address) == 0x3333_3333, "\(line): Rt stored")
                #expect(m.load32(address + 4) == 0x4444_4444, "\(line): Rt2 stored")
            }
            #expect(m[4] == r4, "\(line): base register")
        }
    }

    /// SWP/SWPB: the old memory value to Rt, Rt2 to memory.
    @Test func swap() throws {
        let m = try GuestMachine(arm: "swp r0, r1, [r4]\nswpb r2, r3, [r5]")
        m[4] = Self.base
        m[5] = Self.base + 16
        m[1] = 0xaaaa_aaaa
        m[3] = 0x1234_56bb
        m.store32(Self.base, 0x5555_5555)
        m.store32(Self.base + 16, 0x1111_11cc)
        m.runToEnd()
        #expect(m[0] == 0x5555_5555)
        #expect(m.load32(Self.base) == 0xaaaa_aaaa)
        #expect(m[2] == 0xcc)
        #expect(m.load32(Self.base + 16) == 0x1111_11bb)
    }

    /// T16 SP-relative forms and the unprivileged forms (user mode: plain accesses).
    @Test func spRelativeAndUnprivileged() throws {
        let t = try GuestMachine(thumb: "str r1, [sp, #8]\nldr r0, [sp, #8]\nadd r2, sp, #1020\nldrt r3, [r4, #4]\nstrbt r1, [r4, #1]")
        t[1] = 0x1234_5678
        t[4] = Self.base
        t.store32(Self.base + 4, 0xabcd)
        t.runToEnd()
        #expect(t.load32(GuestMachine.stackTop + 8) == 0x1234_5678)
        #expect(t[0] == 0x1234_5678)
        #expect(t[2] == GuestMachine.stackTop + 1020)
        #expect(t[3] == 0xabcd)
        #expect(t.load8(Self.base + 1) == 0x78)
        #expect(t[4] == Self.base, "T32 unprivileged forms do not write back")
        let a = try GuestMachine(arm: "ldrt r0, [r4], #4\nstrt r1, [r4], #-8\nldrbt r2, [r4], r5\nldrht r3, [r4], #2")
        a[1] = 0x5555_aaaa
        a[4] = Self.base
        a[5] = 3
        a.store32(Self.base, 0x1111_2222)
        a.store32(Self.base - 4, 0x77)
        a.runToEnd()
        #expect(a[0] == 0x1111_2222)
        #expect(a.load32(Self.base + 4) == 0x5555_aaaa)
        #expect(a[2] == 0x77, "ldrbt from base + 4 - 8")
        #expect(a[3] == 0x2200, "ldrht from base - 1")
        #expect(a[4] == Self.base + 4 - 8 + 3 + 2)
    }
}
