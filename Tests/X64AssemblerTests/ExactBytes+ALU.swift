// Exact bytes: the integer ALU rows (ADD OR ADC SBB AND SUB XOR CMP: opcodes 00-3F by the
// ModRM direction bit, 80/81/83 with the operation in ModRM.reg) and TEST.

import X64Assembler

extension ByteCase {
    static func alu() -> [ByteCase] {
        var c: [ByteCase] = []
        c.add("ADD r/m8, r8", "00 eb") { $0.add(.bl, .ch) }
        c.add("ADD r/m16, r16", "66 44 01 08") { $0.add(.word(.rax), .r9w) }
        c.add("ADD r/m32, r32", "01 c8") { $0.add(.eax, .ecx) }
        c.add("ADD r/m64, r64", "49 01 c0") { $0.add(.r8, .rax) }
        c.add("ADD r8, r/m8", "02 45 ff") { $0.add(.al, .byte(.rbp, -1)) }
        c.add("ADD r16, r/m16", "66 03 00") { $0.add(.ax, .word(.rax)) }
        c.add("ADD r32, r/m32", "41 03 8c 24 80 00 00 00") { $0.add(.ecx, .dword(.r12, 0x80)) }
        c.add("ADD r64, r/m64", "48 03 14 8d 10 00 00 00") { $0.add(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("ADD r/m8, imm8", "80 c1 05") { $0.add(.cl, imm8: 5) }
        c.add("ADD r/m16, imm8", "66 83 c2 fe") { $0.add(.dx, imm8: -2) }
        c.add("ADD r/m32, imm8", "83 00 01") { $0.add(.dword(.rax), imm8: 1) }
        c.add("ADD r/m64, imm8", "49 83 c7 7f") { $0.add(.r15, imm8: 0x7F) }
        c.add("ADD r/m16, imm16", "66 81 c0 34 12") { $0.add(.ax, imm16: 0x1234) }
        c.add("ADD r/m32, imm32", "81 c3 78 56 34 12") { $0.add(.ebx, imm32: 0x12345678) }
        c.add("ADD r/m64, imm32", "48 81 05 10 00 00 00 ff ff ff ff") { $0.add(.qword(.rip(0x10)), imm32: -1) }
        c.add("OR r/m8, r8", "08 eb") { $0.or(.bl, .ch) }
        c.add("OR r/m16, r16", "66 44 09 08") { $0.or(.word(.rax), .r9w) }
        c.add("OR r/m32, r32", "09 c8") { $0.or(.eax, .ecx) }
        c.add("OR r/m64, r64", "49 09 c0") { $0.or(.r8, .rax) }
        c.add("OR r8, r/m8", "0a 45 ff") { $0.or(.al, .byte(.rbp, -1)) }
        c.add("OR r16, r/m16", "66 0b 00") { $0.or(.ax, .word(.rax)) }
        c.add("OR r32, r/m32", "41 0b 8c 24 80 00 00 00") { $0.or(.ecx, .dword(.r12, 0x80)) }
        c.add("OR r64, r/m64", "48 0b 14 8d 10 00 00 00") { $0.or(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("OR r/m8, imm8", "80 c9 05") { $0.or(.cl, imm8: 5) }
        c.add("OR r/m16, imm8", "66 83 ca fe") { $0.or(.dx, imm8: -2) }
        c.add("OR r/m32, imm8", "83 08 01") { $0.or(.dword(.rax), imm8: 1) }
        c.add("OR r/m64, imm8", "49 83 cf 7f") { $0.or(.r15, imm8: 0x7F) }
        c.add("OR r/m16, imm16", "66 81 c8 34 12") { $0.or(.ax, imm16: 0x1234) }
        c.add("OR r/m32, imm32", "81 cb 78 56 34 12") { $0.or(.ebx, imm32: 0x12345678) }
        c.add("OR r/m64, imm32", "48 81 0d 10 00 00 00 ff ff ff ff") { $0.or(.qword(.rip(0x10)), imm32: -1) }
        c.add("ADC r/m8, r8", "10 eb") { $0.adc(.bl, .ch) }
        c.add("ADC r/m16, r16", "66 44 11 08") { $0.adc(.word(.rax), .r9w) }
        c.add("ADC r/m32, r32", "11 c8") { $0.adc(.eax, .ecx) }
        c.add("ADC r/m64, r64", "49 11 c0") { $0.adc(.r8, .rax) }
        c.add("ADC r8, r/m8", "12 45 ff") { $0.adc(.al, .byte(.rbp, -1)) }
        c.add("ADC r16, r/m16", "66 13 00") { $0.adc(.ax, .word(.rax)) }
        c.add("ADC r32, r/m32", "41 13 8c 24 80 00 00 00") { $0.adc(.ecx, .dword(.r12, 0x80)) }
        c.add("ADC r64, r/m64", "48 13 14 8d 10 00 00 00") { $0.adc(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("ADC r/m8, imm8", "80 d1 05") { $0.adc(.cl, imm8: 5) }
        c.add("ADC r/m16, imm8", "66 83 d2 fe") { $0.adc(.dx, imm8: -2) }
        c.add("ADC r/m32, imm8", "83 10 01") { $0.adc(.dword(.rax), imm8: 1) }
        c.add("ADC r/m64, imm8", "49 83 d7 7f") { $0.adc(.r15, imm8: 0x7F) }
        c.add("ADC r/m16, imm16", "66 81 d0 34 12") { $0.adc(.ax, imm16: 0x1234) }
        c.add("ADC r/m32, imm32", "81 d3 78 56 34 12") { $0.adc(.ebx, imm32: 0x12345678) }
        c.add("ADC r/m64, imm32", "48 81 15 10 00 00 00 ff ff ff ff") { $0.adc(.qword(.rip(0x10)), imm32: -1) }
        c.add("SBB r/m8, r8", "18 eb") { $0.sbb(.bl, .ch) }
        c.add("SBB r/m16, r16", "66 44 19 08") { $0.sbb(.word(.rax), .r9w) }
        c.add("SBB r/m32, r32", "19 c8") { $0.sbb(.eax, .ecx) }
        c.add("SBB r/m64, r64", "49 19 c0") { $0.sbb(.r8, .rax) }
        c.add("SBB r8, r/m8", "1a 45 ff") { $0.sbb(.al, .byte(.rbp, -1)) }
        c.add("SBB r16, r/m16", "66 1b 00") { $0.sbb(.ax, .word(.rax)) }
        c.add("SBB r32, r/m32", "41 1b 8c 24 80 00 00 00") { $0.sbb(.ecx, .dword(.r12, 0x80)) }
        c.add("SBB r64, r/m64", "48 1b 14 8d 10 00 00 00") { $0.sbb(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("SBB r/m8, imm8", "80 d9 05") { $0.sbb(.cl, imm8: 5) }
        c.add("SBB r/m16, imm8", "66 83 da fe") { $0.sbb(.dx, imm8: -2) }
        c.add("SBB r/m32, imm8", "83 18 01") { $0.sbb(.dword(.rax), imm8: 1) }
        c.add("SBB r/m64, imm8", "49 83 df 7f") { $0.sbb(.r15, imm8: 0x7F) }
        c.add("SBB r/m16, imm16", "66 81 d8 34 12") { $0.sbb(.ax, imm16: 0x1234) }
        c.add("SBB r/m32, imm32", "81 db 78 56 34 12") { $0.sbb(.ebx, imm32: 0x12345678) }
        c.add("SBB r/m64, imm32", "48 81 1d 10 00 00 00 ff ff ff ff") { $0.sbb(.qword(.rip(0x10)), imm32: -1) }
        c.add("AND r/m8, r8", "20 eb") { $0.and(.bl, .ch) }
        c.add("AND r/m16, r16", "66 44 21 08") { $0.and(.word(.rax), .r9w) }
        c.add("AND r/m32, r32", "21 c8") { $0.and(.eax, .ecx) }
        c.add("AND r/m64, r64", "49 21 c0") { $0.and(.r8, .rax) }
        c.add("AND r8, r/m8", "22 45 ff") { $0.and(.al, .byte(.rbp, -1)) }
        c.add("AND r16, r/m16", "66 23 00") { $0.and(.ax, .word(.rax)) }
        c.add("AND r32, r/m32", "41 23 8c 24 80 00 00 00") { $0.and(.ecx, .dword(.r12, 0x80)) }
        c.add("AND r64, r/m64", "48 23 14 8d 10 00 00 00") { $0.and(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("AND r/m8, imm8", "80 e1 05") { $0.and(.cl, imm8: 5) }
        c.add("AND r/m16, imm8", "66 83 e2 fe") { $0.and(.dx, imm8: -2) }
        c.add("AND r/m32, imm8", "83 20 01") { $0.and(.dword(.rax), imm8: 1) }
        c.add("AND r/m64, imm8", "49 83 e7 7f") { $0.and(.r15, imm8: 0x7F) }
        c.add("AND r/m16, imm16", "66 81 e0 34 12") { $0.and(.ax, imm16: 0x1234) }
        c.add("AND r/m32, imm32", "81 e3 78 56 34 12") { $0.and(.ebx, imm32: 0x12345678) }
        c.add("AND r/m64, imm32", "48 81 25 10 00 00 00 ff ff ff ff") { $0.and(.qword(.rip(0x10)), imm32: -1) }
        c.add("SUB r/m8, r8", "28 eb") { $0.sub(.bl, .ch) }
        c.add("SUB r/m16, r16", "66 44 29 08") { $0.sub(.word(.rax), .r9w) }
        c.add("SUB r/m32, r32", "29 c8") { $0.sub(.eax, .ecx) }
        c.add("SUB r/m64, r64", "49 29 c0") { $0.sub(.r8, .rax) }
        c.add("SUB r8, r/m8", "2a 45 ff") { $0.sub(.al, .byte(.rbp, -1)) }
        c.add("SUB r16, r/m16", "66 2b 00") { $0.sub(.ax, .word(.rax)) }
        c.add("SUB r32, r/m32", "41 2b 8c 24 80 00 00 00") { $0.sub(.ecx, .dword(.r12, 0x80)) }
        c.add("SUB r64, r/m64", "48 2b 14 8d 10 00 00 00") { $0.sub(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("SUB r/m8, imm8", "80 e9 05") { $0.sub(.cl, imm8: 5) }
        c.add("SUB r/m16, imm8", "66 83 ea fe") { $0.sub(.dx, imm8: -2) }
        c.add("SUB r/m32, imm8", "83 28 01") { $0.sub(.dword(.rax), imm8: 1) }
        c.add("SUB r/m64, imm8", "49 83 ef 7f") { $0.sub(.r15, imm8: 0x7F) }
        c.add("SUB r/m16, imm16", "66 81 e8 34 12") { $0.sub(.ax, imm16: 0x1234) }
        c.add("SUB r/m32, imm32", "81 eb 78 56 34 12") { $0.sub(.ebx, imm32: 0x12345678) }
        c.add("SUB r/m64, imm32", "48 81 2d 10 00 00 00 ff ff ff ff") { $0.sub(.qword(.rip(0x10)), imm32: -1) }
        c.add("XOR r/m8, r8", "30 eb") { $0.xor(.bl, .ch) }
        c.add("XOR r/m16, r16", "66 44 31 08") { $0.xor(.word(.rax), .r9w) }
        c.add("XOR r/m32, r32", "31 c8") { $0.xor(.eax, .ecx) }
        c.add("XOR r/m64, r64", "49 31 c0") { $0.xor(.r8, .rax) }
        c.add("XOR r8, r/m8", "32 45 ff") { $0.xor(.al, .byte(.rbp, -1)) }
        c.add("XOR r16, r/m16", "66 33 00") { $0.xor(.ax, .word(.rax)) }
        c.add("XOR r32, r/m32", "41 33 8c 24 80 00 00 00") { $0.xor(.ecx, .dword(.r12, 0x80)) }
        c.add("XOR r64, r/m64", "48 33 14 8d 10 00 00 00") { $0.xor(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("XOR r/m8, imm8", "80 f1 05") { $0.xor(.cl, imm8: 5) }
        c.add("XOR r/m16, imm8", "66 83 f2 fe") { $0.xor(.dx, imm8: -2) }
        c.add("XOR r/m32, imm8", "83 30 01") { $0.xor(.dword(.rax), imm8: 1) }
        c.add("XOR r/m64, imm8", "49 83 f7 7f") { $0.xor(.r15, imm8: 0x7F) }
        c.add("XOR r/m16, imm16", "66 81 f0 34 12") { $0.xor(.ax, imm16: 0x1234) }
        c.add("XOR r/m32, imm32", "81 f3 78 56 34 12") { $0.xor(.ebx, imm32: 0x12345678) }
        c.add("XOR r/m64, imm32", "48 81 35 10 00 00 00 ff ff ff ff") { $0.xor(.qword(.rip(0x10)), imm32: -1) }
        c.add("CMP r/m8, r8", "38 eb") { $0.cmp(.bl, .ch) }
        c.add("CMP r/m16, r16", "66 44 39 08") { $0.cmp(.word(.rax), .r9w) }
        c.add("CMP r/m32, r32", "39 c8") { $0.cmp(.eax, .ecx) }
        c.add("CMP r/m64, r64", "49 39 c0") { $0.cmp(.r8, .rax) }
        c.add("CMP r8, r/m8", "3a 45 ff") { $0.cmp(.al, .byte(.rbp, -1)) }
        c.add("CMP r16, r/m16", "66 3b 00") { $0.cmp(.ax, .word(.rax)) }
        c.add("CMP r32, r/m32", "41 3b 8c 24 80 00 00 00") { $0.cmp(.ecx, .dword(.r12, 0x80)) }
        c.add("CMP r64, r/m64", "48 3b 14 8d 10 00 00 00") { $0.cmp(.rdx, .qword(Address(index: .rcx, .x4, 0x10))) }
        c.add("CMP r/m8, imm8", "80 f9 05") { $0.cmp(.cl, imm8: 5) }
        c.add("CMP r/m16, imm8", "66 83 fa fe") { $0.cmp(.dx, imm8: -2) }
        c.add("CMP r/m32, imm8", "83 38 01") { $0.cmp(.dword(.rax), imm8: 1) }
        c.add("CMP r/m64, imm8", "49 83 ff 7f") { $0.cmp(.r15, imm8: 0x7F) }
        c.add("CMP r/m16, imm16", "66 81 f8 34 12") { $0.cmp(.ax, imm16: 0x1234) }
        c.add("CMP r/m32, imm32", "81 fb 78 56 34 12") { $0.cmp(.ebx, imm32: 0x12345678) }
        c.add("CMP r/m64, imm32", "48 81 3d 10 00 00 00 ff ff ff ff") { $0.cmp(.qword(.rip(0x10)), imm32: -1) }
        c.add("TEST r/m8, r8", "84 d8") { $0.test(.al, .bl) }
        c.add("TEST r/m16, r16", "66 85 00") { $0.test(.word(.rax), .ax) }
        c.add("TEST r/m32, r32", "85 fe") { $0.test(.esi, .edi) }
        c.add("TEST r/m64, r64", "48 85 c0") { $0.test(.rax, .rax) }
        c.add("TEST r/m8, imm8", "f6 00 80") { $0.test(.byte(.rax), imm8: -128) }
        c.add("TEST r/m16, imm16", "66 f7 c1 00 01") { $0.test(.cx, imm16: 0x100) }
        c.add("TEST r/m32, imm32", "f7 c0 01 00 00 00") { $0.test(.eax, imm32: 1) }
        c.add("TEST r/m64, imm32", "49 f7 c1 10 00 00 00") { $0.test(.r9, imm32: 0x10) }
        return c
    }
}
