// FPU loads, stores and moves in both byte orders and both FR modes (MIPS32 Vol. II-A: LWC1,
// LDC1, SWC1, SDC1, the indexed forms, MFC1/MTC1/MFHC1/MTHC1, CFC1/CTC1), on both backends.

import CHost
@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct FPUTransferTests {
    static let data = GuestMachine.dataBase

    /// A doubleword in memory is the register's 64 bits in the guest's byte order; in FR=0 the
    /// even register holds its low word.
    @Test(arguments: Backend.allCases, [MIPSMode.fr, [], [.fr, .bigEndian], .bigEndian])
    func doublewords(backend: Backend, mode: MIPSMode) throws {
        let fr = mode.intersection(.fr)
        let m = try GuestMachine("ldc1 $f2, 8($4)\nlwc1 $f5, 0($4)\nsdc1 $f2, 16($4)\nswc1 $f5, 28($4)\nldxc1 $f6, $5($4)\nsuxc1 $f6, $6($4)\nmfhc1 $7, $f2\nmfc1 $8, $f2\nmthc1 $8, $f10\nmtc1 $7, $f10", mode: mode)
        m[4] = Self.data
        m[5] = 8
        m[6] = 0x23
        m.store64(Self.data + 8, 0x1122_3344_5566_7788)
        m.store32(Self.data, 0xaabb_ccdd)
        m.runToEnd(on: backend)
        #expect(m.state[fpr64: 2] == 0x1122_3344_5566_7788)
        #expect(m.state[fpr32: 2] == 0x5566_7788, "the even register (or the FPR) holds the low word")
        if !fr.contains(.fr) { #expect(m.state[fpr32: 3] == 0x1122_3344, "FR=0: the odd register holds the high word") }
        #expect(m.state[fpr32: 5] == 0xaabb_ccdd)
        #expect(m.load64(Self.data + 16) == 0x1122_3344_5566_7788)
        #expect(m.load32(Self.data + 28) == 0xaabb_ccdd)
        #expect(m.load64(Self.data + 0x20) == 0x1122_3344_5566_7788, "suxc1 aligns the address down to 8")
        #expect(m[7] == 0x1122_3344 && m[8] == 0x5566_7788)
        #expect(m.state[fpr64: 10] == 0x5566_7788_1122_3344)
    }

    @Test(arguments: Backend.allCases)
    func controlRegisters(backend: Backend) throws {
        let m = try GuestMachine("""
            cfc1 $4, $0
            ctc1 $5, $31
            cfc1 $6, $31
            cfc1 $7, $25
            add.s $f0, $f1, $f2
            cfc1 $8, $31
            ctc1 $0, $26
            cfc1 $9, $26
            cfc1 $10, $28
            """, mode: .fr)
        // RM = toward zero, FCC0 and FCC7 set.
        m[5] = 1 | 1 << 23 | 1 << 31
        m.state[fpr32: 1] = Float(1).bitPattern
        m.state[fpr32: 2] = Float(0x1p-30).bitPattern
        m.runToEnd(on: backend)
        #expect(m[4] == MIPSHelpers.firValue)
        #expect(m[6] == 1 | 1 << 23 | 1 << 31)
        #expect(m[7] == 0x81, "FCCR: FCC7-FCC0 in bits 7-0")
        #expect(m.state[fpr32: 0] == Float(1).bitPattern, "1 + 2^-30 rounds toward zero to 1")
        #expect(m[8] & (1 << 2) != 0 && m[8] & (1 << 12) != 0, "inexact flag and cause")
        #expect(m[9] == 0, "FEXR cleared")
        #expect(m[10] == 1, "FENR: RM")
    }

    /// The NaN2008 and ABS2008 bits follow the mode and cannot be written.
    @Test(arguments: Backend.allCases)
    func nan2008Bits(backend: Backend) throws {
        let m = try GuestMachine("ctc1 $0, $31\ncfc1 $4, $31", mode: [.fr, .nan2008])
        m.runToEnd(on: backend)
        #expect(m[4] == 3 << 18)
    }
}
