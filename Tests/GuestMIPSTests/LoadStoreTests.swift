// Loads and stores in both byte orders (MIPS32 Vol. II-A: LB..LW, SB..SW, LWL/LWR/SWL/SWR,
// LL/SC), on both backends: sizes, sign extension, offsets, the unaligned pairs against the
// manual's pseudocode at every byte offset, and alignment in the strict and the fix-up modes.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct LoadStoreTests {
    static let data = GuestMachine.dataBase

    @Test(arguments: Backend.allCases, byteOrders)
    func sizesAndExtension(backend: Backend, bigEndian: Bool) throws {
        let m = try GuestMachine("""
            lb $4, 0($10)
            lbu $5, 0($10)
            lh $6, 2($10)
            lhu $7, 2($10)
            lw $8, 4($10)
            sb $8, -1($11)
            sh $8, -4($11)
            sw $8, 0x7ffc($10)
            lw $9, -8($11)
            """, bigEndian: bigEndian)
        m[10] = Self.data
        m[11] = Self.data + 0x20
        m.setBytes(Self.data, [0x80, 0x01, 0xfe, 0xdc, 0x12, 0x34, 0x56, 0x78])
        m.setBytes(Self.data + 0x18, [0x11, 0x22, 0x33, 0x44])
        m.runToEnd(on: backend)
        #expect(m[4] == 0xffff_ff80)
        #expect(m[5] == 0x80)
        #expect(m[6] == (bigEndian ? 0xffff_fedc : 0xffff_dcfe))
        #expect(m[7] == (bigEndian ? 0xfedc : 0xdcfe))
        let word: UInt32 = bigEndian ? 0x1234_5678 : 0x7856_3412
        #expect(m[8] == word)
        #expect(m.load8(Self.data + 0x1f) == UInt8(word & 0xff))
        #expect(m.load16(Self.data + 0x1c) == UInt16(word & 0xffff))
        #expect(m.load32(Self.data + 0x7ffc) == word)
        #expect(m.load32(Self.data + 0x18) == (bigEndian ? 0x1122_3344 : 0x4433_2211))
        #expect(m[9] == m.load32(Self.data + 0x18))
    }

    // MARK: LWL, LWR, SWL, SWR

    /// The manual's pseudocode for the four, on the aligned word (as the CPU reads it) at the
    /// address's word and byte = address & 3 (xor 3 for a big-endian CPU).
    static func loadLeft(_ memword: UInt32, _ rt: UInt32, byte: UInt32) -> UInt32 {
        // temp <- memword[7+8*byte..0] || GPR[rt][23-8*byte..0]
        let take = 8 * (byte + 1)
        let high = take == 32 ? memword : memword << (32 - take)
        let lowMask: UInt32 = take == 32 ? 0 : (1 << (32 - take)) - 1
        return high | rt & lowMask
    }
    static func loadRight(_ memword: UInt32, _ rt: UInt32, byte: UInt32) -> UInt32 {
        // temp <- GPR[rt][31..32-8*byte] || memword[31..8*byte]
        let low = memword >> (8 * byte)
        let keep: UInt32 = byte == 0 ? 0 : ~(0xffff_ffff >> (8 * byte))
        return rt & keep | low
    }
    /// The bytes (word significance 0 = least significant) a store writes, and their values.
    static func storeLeft(_ rt: UInt32, byte: UInt32) -> [(Int, UInt8)] {
        // dataword <- 0[24-8*byte] || GPR[rt][31..24-8*byte]: bytes 0..byte
        (0...Int(byte)).map { ($0, UInt8(truncatingIfNeeded: rt >> (24 - 8 * byte + 8 * UInt32($0)))) }
    }
    static func storeRight(_ rt: UInt32, byte: UInt32) -> [(Int, UInt8)] {
        // dataword <- GPR[rt][31-8*byte..0] || 0[8*byte]: bytes byte..3
        (Int(byte)...3).map { ($0, UInt8(truncatingIfNeeded: rt >> (8 * (UInt32($0) - byte)))) }
    }

    @Test(arguments: Backend.allCases, byteOrders)
    func unalignedPairsAtEveryOffset(backend: Backend, bigEndian: Bool) throws {
        let m = try GuestMachine("lwl $4, 0($10)\nlwr $5, 0($10)\nswl $6, 0($11)\nswr $6, 0($12)", bigEndian: bigEndian)
        let memory: [UInt8] = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]
        for offset in 0..<4 {
            m.restart()
            m.setBytes(Self.data, memory)
            m.setBytes(Self.data + 0x10, memory)
            m.setBytes(Self.data + 0x20, memory)
            m[10] = Self.data + 4 + UInt32(offset)
            m[11] = Self.data + 0x14 + UInt32(offset)
            m[12] = Self.data + 0x24 + UInt32(offset)
            m[4] = 0xa1a2_a3a4
            m[5] = 0xb1b2_b3b4
            m[6] = 0xc1c2_c3c4
            m.runToEnd(on: backend)
            let byte = UInt32(offset) ^ (bigEndian ? 3 : 0)
            let memword = m.load32(Self.data + 4)
            #expect(m[4] == Self.loadLeft(memword, 0xa1a2_a3a4, byte: byte), "lwl +\(offset)")
            #expect(m[5] == Self.loadRight(memword, 0xb1b2_b3b4, byte: byte), "lwr +\(offset)")
            // A byte of word significance s lives at address 3 - s (big-endian) or s.
            func expectStored(_ base: UInt32, _ writes: [(Int, UInt8)], _ name: String) {
                var expected = memory
                for (significance, value) in writes {
                    expected[4 + (bigEndian ? 3 - significance : significance)] = value
                }
                #expect(m.bytes(base, 8) == expected, "\(name) +\(offset)")
            }
            expectStored(Self.data + 0x10, Self.storeLeft(0xc1c2_c3c4, byte: byte), "swl")
            expectStored(Self.data + 0x20, Self.storeRight(0xc1c2_c3c4, byte: byte), "swr")
        }
    }

    /// The assembler's unaligned word load and store (ulw/usw: the pair at a and a + 3) move
    /// a word at any address, in both byte orders.
    @Test(arguments: Backend.allCases, byteOrders)
    func unalignedWordIdioms(backend: Backend, bigEndian: Bool) throws {
        let load = bigEndian ? "lwl $4, 0($10)\nlwr $4, 3($10)" : "lwl $4, 3($10)\nlwr $4, 0($10)"
        let store = bigEndian ? "swl $4, 0($11)\nswr $4, 3($11)" : "swl $4, 3($11)\nswr $4, 0($11)"
        let m = try GuestMachine(load + "\n" + store, bigEndian: bigEndian)
        let bytes: [UInt8] = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]
        for offset: UInt32 in 0..<4 {
            m.restart()
            m.setBytes(Self.data, bytes)
            m.setBytes(Self.data + 0x40, [UInt8](repeating: 0, count: 8))
            m[10] = Self.data + offset
            m[11] = Self.data + 0x41 + offset
            m.runToEnd(on: backend)
            let expected = m.load32(Self.data + offset)
            #expect(m[4] == expected)
            #expect(m.bytes(Self.data + 0x41 + offset, 4) == Array(bytes[Int(offset)..<Int(offset) + 4]))
        }
    }

    // MARK: Alignment

    /// Under strict alignment an unaligned halfword or word access is an address error (the
    /// payload is the address); under the kernel's fix-up (the default mode) it just works.
    @Test(arguments: Backend.allCases, byteOrders)
    func alignment(backend: Backend, bigEndian: Bool) throws {
        for (source, size) in [("lw $4, 1($10)", 4), ("lh $4, 1($10)", 2), ("sw $4, 2($10)", 4), ("sh $4, 3($10)", 2)] {
            var mode: MIPSMode = bigEndian ? .bigEndian : []
            let relaxed = try GuestMachine(source, mode: mode)
            relaxed[10] = Self.data
            relaxed.setBytes(Self.data, [1, 2, 3, 4, 5, 6, 7, 8])
            relaxed.runToEnd(on: backend)
            if source.hasPrefix("l") {
                let value = size == 4 ? relaxed.load32(Self.data + 1) : UInt32(UInt16(bitPattern: Int16(bitPattern: relaxed.load16(Self.data + 1))))
                #expect(relaxed[4] == (size == 2 ? UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: value))) : value))
            }
            mode.insert(.strictAlignment)
            let strict = try GuestMachine(source, mode: mode)
            strict[10] = Self.data
            let offset = UInt32(source.split(separator: " ")[2].prefix { $0 != "(" }) ?? 0
            #expect(strict.run(on: backend).end == .exit(.alignmentFault, payload: UInt64(Self.data + offset)), "\(source)")
        }
    }

    // MARK: LL and SC

    @Test(arguments: Backend.allCases, byteOrders)
    func linkedPairs(backend: Backend, bigEndian: Bool) throws {
        // An atomic increment: ll, add, sc, retry while sc fails.
        let m = try GuestMachine("1: ll $4, 0($10)\naddiu $5, $4, 1\nsc $5, 0($10)\nbeq $5, $0, 1b\nnop", bigEndian: bigEndian)
        m[10] = Self.data
        m.store32(Self.data, 41)
        m.runToEnd(on: backend)
        #expect(m.load32(Self.data) == 42)
        #expect(m[5] == 1)
        #expect(m.state.raw.load(fromByteOffset: MIPSState.llAddress, as: UInt64.self) == ~0, "SC drops the link")

        // SC without a link, or after the word changed, fails and stores nothing.
        let sc = try GuestMachine("sc $5, 0($10)", bigEndian: bigEndian)
        sc[10] = Self.data
        sc[5] = 7
        sc.runToEnd(on: backend)
        #expect(sc[5] == 0 && sc.load32(Self.data) == 0)

        let changed = try GuestMachine("ll $4, 0($10)\nsw $6, 0($10)\nsc $5, 0($10)", bigEndian: bigEndian)
        changed[10] = Self.data
        changed[5] = 7
        changed[6] = 9
        changed.runToEnd(on: backend)
        #expect(changed[5] == 0 && changed.load32(Self.data) == 9)

        let other = try GuestMachine("ll $4, 0($10)\nsc $5, 4($10)", bigEndian: bigEndian)
        other[10] = Self.data
        other[5] = 7
        other.runToEnd(on: backend)
        #expect(other[5] == 0 && other.load32(Self.data + 4) == 0, "SC to another address fails")
    }

    /// LL and SC need word alignment even when the other accesses are fixed up.
    @Test(arguments: Backend.allCases)
    func linkedPairsNeedAlignment(backend: Backend) throws {
        let m = try GuestMachine("ll $4, 2($10)")
        m[10] = Self.data
        #expect(m.run(on: backend).end == .exit(.alignmentFault, payload: UInt64(Self.data + 2)))
    }
}
