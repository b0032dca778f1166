// The Release 2 bit instructions (EXT, INS, WSBH, SEB, SEH) and CLZ/CLO, against their
// definitions, on both backends; and the field limits the manual leaves UNPREDICTABLE, which
// are reserved instructions here as in qemu.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct BitFieldTests {
    @Test(arguments: Backend.allCases)
    func extractAndInsert(backend: Backend) throws {
        for (pos, size) in [(0, 1), (3, 7), (0, 32), (31, 1), (8, 16), (16, 16), (1, 31)] {
            let m = try GuestMachine("ext $4, $5, \(pos), \(size)\nins $6, $5, \(pos), \(size)")
            for (a, old): (UInt32, UInt32) in [(0x8765_4321, 0x1111_1111), (0xffff_ffff, 0), (0x0f0f_0f0f, 0xf0f0_f0f0)] {
                m.restart()
                m[5] = a
                m[6] = old
                m.runToEnd(on: backend)
                let mask: UInt32 = size == 32 ? ~0 : (1 << UInt32(size)) - 1
                #expect(m[4] == (a >> UInt32(pos)) & mask, "ext \(pos), \(size)")
                #expect(m[6] == (old & ~(mask << UInt32(pos))) | ((a & mask) << UInt32(pos)), "ins \(pos), \(size)")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func bytesAndCounts(backend: Backend) throws {
        let m = try GuestMachine("wsbh $4, $5\nseb $6, $5\nseh $7, $5\nclz $8, $5\nclo $9, $5")
        for a: UInt32 in [0, 0xffff_ffff, 0x1234_5678, 0x8000_0080, 0x0000_7f80, 0xffff_0000, 1, 0x8000_0000] {
            m.restart()
            m[5] = a
            m.runToEnd(on: backend)
            #expect(m[4] == (a & 0xff00_ff00) >> 8 | (a & 0x00ff_00ff) << 8)
            #expect(m[6] == UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: a))))
            #expect(m[7] == UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: a))))
            #expect(m[8] == UInt32(a.leadingZeroBitCount))
            #expect(m[9] == UInt32((~a).leadingZeroBitCount))
        }
    }

    /// EXT with pos + size > 32 and INS with pos > msb: reserved (SIGILL at the instruction).
    @Test(arguments: Backend.allCases)
    func fieldsPastTheWordAreReserved(backend: Backend) throws {
        // ext $4, $5, 16, 17 (msbd = 16, lsb = 16) and ins $4, $5 with msb 3 < lsb 8, as words.
        let ext: UInt32 = 0x7c00_0000 | 5 << 21 | 4 << 16 | 16 << 11 | 16 << 6
        let ins: UInt32 = 0x7c00_0004 | 5 << 21 | 4 << 16 | 3 << 11 | 8 << 6
        for word in [ext, ins] {
            let m = try GuestMachine(".word 0x\(String(word, radix: 16))")
            let result = m.run(on: backend)
            #expect(result.end == .exit(.undefined, payload: UInt64(word)))
            #expect(m.state.pc == GuestMachine.codeBase)
        }
    }
}
