// How backend code reads: a block-shaped sequence written with the public API only, checked
// against objdump's Intel syntax. Doubles as the API's usage example.

import Testing
import X64Assembler

@Suite struct CallSiteTests {
    @Test func blockShapedSequence() throws {
        var a = Assembler()
        let state = GPR.rbp, memoryBase = GPR.r14
        let loop = a.makeLabel(), exit = a.makeLabel(), constant = a.makeLabel()

        a.mov(.eax, .dword(state, 16))                  // guest r4
        a.mov(.ecx, .dword(memoryBase, .rax))           // load from guest memory
        a.bind(loop)
        a.add(.ecx, 1)
        a.cmp(.ecx, .dword(state, .rdx, .x4, -8))
        a.jcc(.l, loop)
        a.shl(.ecx, .cl)
        a.shl(.rax, imm8: 3)
        a.setcc(.e, .al)
        a.movzx(.eax, .al)
        a.mov(.dword(state, 16), .ecx)
        a.mov(.dword(state, 20), imm32: 0xFFFF_FFFF)
        a.mov(.rax, 0x1234_5678_9ABC)
        a.lea(.rdx, Address(.rbx, .rcx, .x8, -8))
        a.movsd(.xmm0, .qword(.rip(constant)))
        a.call(.rax)
        a.jmp(exit, short: true)
        a.align(8)
        a.bind(constant)
        a.buffer.emit64(0x3FF0_0000_0000_0000)
        a.bind(exit)
        a.ret()
        #expect(a.finish() == nil)

        guard Objdump.isAvailable else {
            print("CallSiteTests: skipped objdump check: no objdump on PATH")
            return
        }
        let lines = try Objdump.disassemble(a.bytes).sorted { $0.key < $1.key }.map(\.value.text)
        let text = lines.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(Array(text.prefix(17)) == [
            "mov eax,DWORD PTR [rbp+0x10]",
            "mov ecx,DWORD PTR [r14+rax*1]",
            "add ecx,0x1",
            "cmp ecx,DWORD PTR [rbp+rdx*4-0x8]",
            "jl 0x7",                                   // the loop label, at 7
            "shl ecx,cl",
            "shl rax,0x3",
            "sete al",
            "movzx eax,al",
            "mov DWORD PTR [rbp+0x10],ecx",
            "mov DWORD PTR [rbp+0x14],0xffffffff",
            "movabs rax,0x123456789abc",
            "lea rdx,[rbx+rcx*8-0x8]",
            "movsd xmm0,QWORD PTR [rip+0xb]",           // ends at 61; the constant is at 72
            "call rax",
            "jmp 0x50",                                 // exit: 72 + 8
            "nop DWORD PTR [rax+0x0]",                  // align(8): 65 -> 72
        ])
        #expect(text.last == "ret")
    }
}
