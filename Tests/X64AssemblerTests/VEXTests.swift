// The VEX three-operand arithmetic (Assembler+VEX.swift): exact bytes, as GNU as 2.40 encodes
// the same instructions (two-byte C5 form when src2 is xmm0-7, three-byte C4 otherwise), and
// objdump reading each back as its mnemonic.

import Testing
@testable import X64Assembler

@Suite struct VEXTests {
    static let cases: [(String, String, @Sendable (inout Assembler) -> Void)] = [
        ("vmulsd", "c4 41 1b 59 d5", { $0.vex(.mul, .sd, .xmm10, .xmm12, .xmm13) }),
        ("vaddsd", "c5 f3 58 c2", { $0.vex(.add, .sd, .xmm0, .xmm1, .xmm2) }),
        ("vsubss", "c5 82 5c df", { $0.vex(.sub, .ss, .xmm3, .xmm15, .xmm7) }),
        ("vdivsd", "c4 41 7b 5e ce", { $0.vex(.div, .sd, .xmm9, .xmm0, .xmm14) }),
        ("vaddps", "c4 c1 68 58 c8", { $0.vex(.add, .ps, .xmm1, .xmm2, .xmm8) }),
        ("vmulpd", "c4 41 01 59 ff", { $0.vex(.mul, .pd, .xmm15, .xmm15, .xmm15) }),
        ("vminsd", "c5 d3 5d e6", { $0.vex(.min, .sd, .xmm4, .xmm5, .xmm6) }),
        ("vmaxss", "c5 62 5f e4", { $0.vex(.max, .ss, .xmm12, .xmm3, .xmm4) }),
    ]

    @Test func bytes() {
        for (name, expected, emit) in Self.cases {
            #expect(hex(assemble(emit)) == expected, "\(name)")
        }
    }

    @Test func objdumpReadsTheMnemonic() throws {
        guard Objdump.isAvailable else { return }
        for (name, _, emit) in Self.cases {
            let lines = try Objdump.disassemble(assemble(emit))
            #expect(lines.count == 1 && lines[0]?.mnemonic == name, "\(name): \(lines.values.map(\.text))")
        }
    }
}
