// The generated "shortest immediate" overloads (imm8 when the value fits a sign-extended byte)
// and the constant loads.

import Testing
@testable import X64Assembler

@Suite struct ShortestFormTests {
    @Test func aluImmediates() {
        #expect(hex(assemble { $0.add(.eax, 1) }) == "83 c0 01")
        #expect(hex(assemble { $0.add(.eax, 127) }) == "83 c0 7f")
        #expect(hex(assemble { $0.add(.eax, 128) }) == "81 c0 80 00 00 00")
        #expect(hex(assemble { $0.sub(.rsp, -128) }) == "48 83 ec 80")
        #expect(hex(assemble { $0.sub(.rsp, -129) }) == "48 81 ec 7f ff ff ff")
        #expect(hex(assemble { $0.cmp(.word(.rax), 300) }) == "66 81 38 2c 01")
        #expect(hex(assemble { $0.and(.qword(.rip(0)), -16) }) == "48 83 25 00 00 00 00 f0")
        #expect(hex(assemble { $0.imul(.eax, .ecx, 10) }) == "6b c1 0a")
        #expect(hex(assemble { $0.imul(.rax, .qword(.rbx), 1000) }) == "48 69 03 e8 03 00 00")
        #expect(hex(assemble { $0.push(5) }) == "6a 05")
        #expect(hex(assemble { $0.push(0x100) }) == "68 00 01 00 00")
    }

    @Test func constants() {
        #expect(hex(assemble { $0.mov(.rax, 0) }) == "b8 00 00 00 00")
        #expect(hex(assemble { $0.mov(.r8, 0xFFFF_FFFF) }) == "41 b8 ff ff ff ff")
        #expect(hex(assemble { $0.mov(.rcx, UInt64(bitPattern: -1)) }) == "48 c7 c1 ff ff ff ff")
        #expect(hex(assemble { $0.mov(.rcx, UInt64(bitPattern: Int64(Int32.min))) }) == "48 c7 c1 00 00 00 80")
        #expect(hex(assemble { $0.mov(.r15, 0x1_0000_0000) }) == "49 bf 00 00 00 00 01 00 00 00")
        #expect(hex(assemble { $0.mov(.edx, 7) }) == "ba 07 00 00 00")
    }

    @Test func conditions() {
        #expect(Condition.allCases.count == 16)
        for condition in Condition.allCases {
            #expect(condition.inverted.inverted == condition && condition.inverted != condition)
        }
        #expect(Condition.e.inverted == .ne && Condition.l.inverted == .ge && Condition.z == .e && Condition.nae == .b)
    }
}
