// Exact bytes: moves, extensions, LEA, MOVBE, XCHG, CMOVcc, SETcc, BSWAP, PUSH and POP.

import X64Assembler

extension ByteCase {
    static func move() -> [ByteCase] {
        var c: [ByteCase] = []
        c.add("MOV r/m8, r8", "44 88 cc") { $0.mov(.spl, .r9b) }
        c.add("MOV r/m16, r16", "66 44 89 d0") { $0.mov(.ax, .r10w) }
        c.add("MOV r/m32, r32", "41 89 c8") { $0.mov(.r8d, .ecx) }
        c.add("MOV r/m64, r64", "48 89 c8") { $0.mov(.rax, .rcx) }
        c.add("MOV r8, r/m8", "8a 13") { $0.mov(.dl, .byte(.rbx)) }
        c.add("MOV r16, r/m16", "66 8b 74 24 08") { $0.mov(.si, .word(.rsp, 8)) }
        c.add("MOV r32, r/m32", "8b 45 00") { $0.mov(.eax, .dword(.rbp)) }
        c.add("MOV r64, r/m64", "4f 8b bc ec 00 01 00 00") { $0.mov(.r15, .qword(.r12, .r13, .x8, 0x100)) }
        c.add("MOV r32, imm32", "41 b9 ef be ad de") { $0.mov(.r9d, imm32: 0xDEAD_BEEF) }
        c.add("MOV r64, imm64", "48 b8 88 77 66 55 44 33 22 11") { $0.mov(.rax, imm64: 0x1122_3344_5566_7788) }
        c.add("MOV r/m8, imm8", "c6 00 ff") { $0.mov(.byte(.rax), imm8: -1) }
        c.add("MOV r/m16, imm16", "66 c7 47 02 34 12") { $0.mov(.word(.rdi, 2), imm16: 0x1234) }
        c.add("MOV r/m32, imm32", "c7 04 24 07 00 00 00") { $0.mov(.dword(.rsp), imm32: 7) }
        c.add("MOV r/m64, imm32", "48 c7 c1 fe ff ff ff") { $0.mov(.rcx, imm32: -2) }
        c.add("MOVZX r16, r/m8", "66 0f b6 c3") { $0.movzx(.ax, .bl) }
        c.add("MOVZX r32, r/m8", "40 0f b6 c6") { $0.movzx(.eax, .sil) }
        c.add("MOVZX r64, r/m8", "4c 0f b6 18") { $0.movzx(.r11, .byte(.rax)) }
        c.add("MOVZX r32, r/m16", "0f b7 ca") { $0.movzx(.ecx, .dx) }
        c.add("MOVZX r64, r/m16", "48 0f b7 16") { $0.movzx(.rdx, .word(.rsi)) }
        c.add("MOVSX r16, r/m8", "66 0f be d4") { $0.movsx(.dx, .ah) }
        c.add("MOVSX r32, r/m8", "41 0f be c0") { $0.movsx(.eax, .r8b) }
        c.add("MOVSX r64, r/m8", "48 0f be c1") { $0.movsx(.rax, .cl) }
        c.add("MOVSX r32, r/m16", "0f bf 18") { $0.movsx(.ebx, .word(.rax)) }
        c.add("MOVSX r64, r/m16", "4d 0f bf f7") { $0.movsx(.r14, .r15w) }
        c.add("MOVSXD r64, r/m32", "48 63 c1") { $0.movsxd(.rax, .ecx) }
        c.add("LEA r16, m", "66 8d 43 04") { $0.lea(.ax, Address(.rbx, 4)) }
        c.add("LEA r32, m", "8d 04 40") { $0.lea(.eax, Address(.rax, .rax, .x2)) }
        c.add("LEA r64, m", "48 8d 05 10 00 00 00") { $0.lea(.rax, .rip(0x10)) }
        c.add("MOVBE r16, m16", "66 0f 38 f0 07") { $0.movbe(.ax, .word(.rdi)) }
        c.add("MOVBE r32, m32", "44 0f 38 f0 00") { $0.movbe(.r8d, .dword(.rax)) }
        c.add("MOVBE r64, m64", "48 0f 38 f0 00") { $0.movbe(.rax, .qword(.rax)) }
        c.add("MOVBE m16, r16", "66 0f 38 f1 08") { $0.movbe(.word(.rax), .cx) }
        c.add("MOVBE m32, r32", "41 0f 38 f1 45 00") { $0.movbe(.dword(.r13), .eax) }
        c.add("MOVBE m64, r64", "48 0f 38 f1 54 24 08") { $0.movbe(.qword(.rsp, 8), .rdx) }
        c.add("XCHG r/m8, r8", "86 c8") { $0.xchg(.al, .cl) }
        c.add("XCHG r/m16, r16", "66 87 10") { $0.xchg(.word(.rax), .dx) }
        c.add("XCHG r/m32, r32", "87 c0") { $0.xchg(.eax, .eax) }
        c.add("XCHG r/m64, r64", "4c 87 c1") { $0.xchg(.rcx, .r8) }
        c.add("CMOVcc r16, r/m16", "66 0f 44 c1") { $0.cmovcc(.e, .ax, .cx) }
        c.add("CMOVcc r32, r/m32", "0f 4c 03") { $0.cmovcc(.l, .eax, .dword(.rbx)) }
        c.add("CMOVcc r64, r/m64", "4d 0f 47 d3") { $0.cmovcc(.a, .r10, .r11) }
        c.add("SETcc r/m8", "40 0f 95 c7") { $0.setcc(.ne, .dil) }
        c.add("BSWAP r32", "0f c9") { $0.bswap(.ecx) }
        c.add("BSWAP r64", "49 0f cc") { $0.bswap(.r12) }
        c.add("PUSH r64", "41 54") { $0.push(.r12) }
        c.add("PUSH r/m64", "ff 70 08") { $0.push(.qword(.rax, 8)) }
        c.add("PUSH imm8", "6a ff") { $0.push(imm8: -1) }
        c.add("PUSH imm32", "68 00 10 00 00") { $0.push(imm32: 0x1000) }
        c.add("POP r64", "5d") { $0.pop(.rbp) }
        c.add("POP r/m64", "8f 04 24") { $0.pop(.qword(.rsp)) }
        return c
    }
}
