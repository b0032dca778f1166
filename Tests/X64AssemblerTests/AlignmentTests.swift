// Padding: every NOP length is one instruction (or as few as possible), objdump reads it as
// NOPs, and align() reaches the boundary.

import Testing
@testable import X64Assembler

@Suite struct AlignmentTests {
    /// The SDM's recommended sequences, lengths 1-9.
    @Test func recommendedSequences() {
        let expected = [
            "90", "66 90", "0f 1f 00", "0f 1f 40 00", "0f 1f 44 00 00", "66 0f 1f 44 00 00",
            "0f 1f 80 00 00 00 00", "0f 1f 84 00 00 00 00 00", "66 0f 1f 84 00 00 00 00 00",
        ]
        for (index, text) in expected.enumerated() {
            #expect(hex(assemble { $0.nop(length: index + 1) }) == text)
        }
        #expect(assemble { $0.nop(length: 0) }.isEmpty)
    }

    @Test func longPaddingIsFewNOPs() throws {
        for length in 1...40 {
            let code = assemble { $0.nop(length: length) }
            #expect(code.count == length)
            guard Objdump.isAvailable else { continue }
            let lines = try Objdump.disassemble(code)
            #expect(lines.count == (length + 8) / 9, "length \(length)")
            #expect(lines.values.allSatisfy { $0.mnemonic == "nop" || $0.mnemonic == "xchg" && $0.operands == ["ax", "ax"] },
                    "length \(length): \(lines.values.map(\.text))")
        }
    }

    @Test func alignReachesTheBoundary() {
        for start in 0..<40 {
            var a = Assembler()
            a.nop(length: start)
            a.align(16)
            #expect(a.position % 16 == 0 && a.position >= start && a.position - start < 16)
            a.align(16)
            #expect(a.position % 16 == 0 && a.position - start < 16, "already aligned: no padding")
        }
    }
}
