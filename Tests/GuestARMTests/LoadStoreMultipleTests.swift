// LDM/STM (A8.8.58-A8.8.64, A8.8.199-A8.8.205) in all four address modes, with and without
// writeback, with the base in the list where the result is defined, in A32, T32 and T16; and
// PUSH/POP, including loads of the pc that change instruction set.

import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct LoadStoreMultipleTests {
    static let base = GuestMachine.dataBase + 0x200
    static let n = 4

    enum Mode: String, CaseIterable { case ia, ib, da, db }

    struct Case {
        var line: String
        var load: Bool
        var mode: Mode
        var list: [Int]
        var writeBack: Bool
    }

    static func cases(thumb: Bool) -> [Case] {
        var out: [Case] = []
        let lists: [[Int]] = thumb
            ? [[1], [1, 2, 3], [0, 1, 2, 3, 5, 6, 7, 8, 12, 14], [2, 4, 6], [4, 5, 6]]
            : [[1], [1, 2, 3], [0, 1, 2, 3, 5, 6, 7, 8, 12, 14], [2, 4, 6], [4, 5, 6]]
        for load in [true, false] {
            for mode in thumb ? [Mode.ia, .db] : Mode.allCases {
                for list in lists {
                    for writeBack in [false, true] {
                        let hasBase = list.contains(n)
                        // UNPREDICTABLE: A32 LDM with writeback and the base in the list (ARMv7);
                        // T32 any writeback with the base in the list.
                        if writeBack && hasBase && (load || thumb) { continue }
                        let registers = list.map { $0 == 14 ? "lr" : "r\($0)" }.joined(separator: ", ")
                        let op = (load ? "ldm" : "stm") + mode.rawValue + (thumb ? ".w" : "")
                        out.append(Case(line: "\(op) r\(n)\(writeBack ? "!" : ""), {\(registers)}",
                                        load: load, mode: mode, list: list, writeBack: writeBack))
                    }
                }
            }
        }
        return out
    }

    static func initialMemory(_ address: UInt32) -> UInt32 { 0xa000_0000 | address }
    static func initialRegister(_ r: Int) -> UInt32 { 0x100 + UInt32(r) }

    func check(_ c: Case, _ bytes: [UInt8], thumb: Bool) {
        let m = GuestMachine(code: bytes, thumb: thumb)
        for a in stride(from: Self.base - 0x80, to: Self.base + 0x80, by: 4) { m.store32(a, Self.initialMemory(a)) }
        for r in 0..<15 where r != 13 { m[r] = Self.initialRegister(r) }
        m[Self.n] = Self.base
        m.runToEnd()
        let count = UInt32(c.list.count)
        let start: UInt32 = switch c.mode {
        case .ia: Self.base
        case .ib: Self.base + 4
        case .da: Self.base - 4 * count + 4
        case .db: Self.base - 4 * count
        }
        let lowest = c.list.min() == Self.n
        for (i, r) in c.list.sorted().enumerated() {
            let address = start + 4 * UInt32(i)
            if c.load {
                #expect(m[r] == Self.initialMemory(address), "\(c.line): r\(r)")
            } else if r == Self.n {
                // The base stores its original value when it is the lowest register or there is
                // no writeback; otherwise the stored value is UNKNOWN.
                if lowest || !c.writeBack { #expect(m.load32(address) == Self.base, "\(c.line): stored base") }
            } else {
                #expect(m.load32(address) == Self.initialRegister(r), "\(c.line): stored r\(r) at 0x\(String(address, radix: 16))")
            }
        }
        // Nothing outside the transfer changes.
        for a in stride(from: Self.base - 0x80, to: Self.base + 0x80, by: 4) where a < start || a >= start + 4 * count {
            #expect(m.load32(a) == Self.initialMemory(a), "\(c.line): memory at 0x\(String(a, radix: 16)) untouched")
        }
        let final = c.mode == .ia || c.mode == .ib ? Self.base + 4 * count : Self.base - 4 * count
        if c.load && c.list.contains(Self.n) {
            // Loaded value wins (only without writeback here).
        } else {
            #expect(m[Self.n] == (c.writeBack ? final : Self.base), "\(c.line): base")
        }
        for r in 0..<15 where r != 13 && r != Self.n && !(c.load && c.list.contains(r)) {
            #expect(m[r] == Self.initialRegister(r), "\(c.line): r\(r) untouched")
        }
    }

    @Test(arguments: [false, true])
    func allModes(thumb: Bool) throws {
        let cases = Self.cases(thumb: thumb)
        for (c, bytes) in zip(cases, try Assembler.instructions(cases.map(\.line), thumb: thumb)) {
            check(c, bytes, thumb: thumb)
        }
    }

    /// T16 LDM writes back exactly when the base is not in the list; T16 STM always does.
    @Test func thumb16() throws {
        let cases = [
            Case(line: "ldm r4!, {r0, r1, r2}", load: true, mode: .ia, list: [0, 1, 2], writeBack: true),
            Case(line: "ldm r4, {r1, r4, r6}", load: true, mode: .ia, list: [1, 4, 6], writeBack: false),
            Case(line: "stm r4!, {r0, r1, r7}", load: false, mode: .ia, list: [0, 1, 7], writeBack: true),
            Case(line: "stm r4!, {r4, r5}", load: false, mode: .ia, list: [4, 5], writeBack: true),
        ]
        let instructions = try Assembler.instructions(cases.map(\.line), thumb: true)
        for (c, bytes) in zip(cases, instructions) {
            #expect(bytes.count == 2, "\(c.line) is 16-bit")
            check(c, bytes, thumb: true)
        }
    }

    /// STM of the pc stores the instruction's address + 8 (A32: PCStoreValue()).
    @Test func storeOfPC() throws {
        let m = try GuestMachine(arm: "stmia r4, {r0, pc}")
        m[4] = Self.base
        m[0] = 7
        m.runToEnd()
        #expect(m.load32(Self.base) == 7)
        #expect(m.load32(Self.base + 4) == GuestMachine.codeBase + 8)
    }

    /// PUSH and POP in both states, 16- and 32-bit, moving sp.
    @Test(arguments: [false, true])
    func pushPop(thumb: Bool) throws {
        let m = try GuestMachine(code: Assembler.assemble("""
            push {r0, r1, r5, lr}
            mov r0, #0
            mov r1, #0
            mov r5, #0
            mov lr, #0
            pop {r0, r1, r5, lr}
            push {r7}
            pop {r6}
            push.w {r8, r9}
            pop.w {r10, r11}
            """.replacingOccurrences(of: ".w", with: thumb ? ".w" : ""), thumb: thumb), thumb: thumb)
        m[0] = 10
        m[1] = 11
        m[5] = 15
        m[14] = 0x1234
        m[7] = 77
        m[8] = 88
        m[9] = 99
        m.runToEnd()
        #expect(m[0] == 10 && m[1] == 11 && m[5] == 15 && m[14] == 0x1234)
        #expect(m[6] == 77)
        #expect(m[10] == 88 && m[11] == 99)
        #expect(m.state.sp == GuestMachine.stackTop)
        #expect(m.load32(GuestMachine.stackTop - 16) == 10, "lowest register at the lowest address")
        #expect(m.load32(GuestMachine.stackTop - 12) == 11)
    }

    /// A loaded pc interworks (LoadWritePC = BXWritePC): bit 0 selects the instruction set.
    @Test func loadOfPCInterworks() throws {
        // ARM code popping an odd address: Thumb state at the even address.
        let a = try GuestMachine(arm: "ldm r4, {r0, pc}")
        a[4] = Self.base
        a.store32(Self.base, 5)
        a.store32(Self.base + 4, 0x4_0001)
        a.runToEnd()
        #expect(a[0] == 5)
        #expect(a.state.pc == 0x4_0000)
        #expect(a.state.thumb)
        // Thumb code popping an even address: ARM state.
        let t = try GuestMachine(thumb: "pop {r0, pc}")
        t.store32(GuestMachine.stackTop, 6)
        t.store32(GuestMachine.stackTop + 4, 0x4_0000)
        t.runToEnd()
        #expect(t[0] == 6)
        #expect(t.state.pc == 0x4_0000)
        #expect(!t.state.thumb)
        #expect(t.state.sp == GuestMachine.stackTop + 8)
        // T32 LDMDB with the pc, staying in Thumb.
        let w = try GuestMachine(thumb: "ldmdb r4!, {r1, pc}")
        w[4] = Self.base
        w.store32(Self.base - 8, 9)
        w.store32(Self.base - 4, 0x4_0011)
        w.runToEnd()
        #expect(w[1] == 9)
        #expect(w.state.pc == 0x4_0010)
        #expect(w.state.thumb)
        #expect(w[4] == Self.base - 8)
    }
}
