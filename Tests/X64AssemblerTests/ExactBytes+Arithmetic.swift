// Exact bytes: the one-operand groups (F6/F7 NOT NEG MUL IMUL DIV IDIV, FE/FF INC DEC, the
// operation in ModRM.reg), two- and three-operand IMUL, and the sign extensions of rax.

import X64Assembler

extension ByteCase {
    static func arithmetic() -> [ByteCase] {
        var c: [ByteCase] = []
        c.add("NOT r/m8", "f6 d0") { $0.not(.al) }
        c.add("NOT r/m16", "66 f7 10") { $0.not(.word(.rax)) }
        c.add("NOT r/m32", "f7 d1") { $0.not(.ecx) }
        c.add("NOT r/m64", "49 f7 d0") { $0.not(.r8) }
        c.add("NEG r/m8", "40 f6 dd") { $0.neg(.bpl) }
        c.add("NEG r/m16", "66 f7 da") { $0.neg(.dx) }
        c.add("NEG r/m32", "f7 1b") { $0.neg(.dword(.rbx)) }
        c.add("NEG r/m64", "48 f7 d8") { $0.neg(.rax) }
        c.add("INC r/m8", "fe 00") { $0.inc(.byte(.rax)) }
        c.add("INC r/m16", "66 ff c0") { $0.inc(.ax) }
        c.add("INC r/m32", "41 ff c2") { $0.inc(.r10d) }
        c.add("INC r/m64", "48 ff 01") { $0.inc(.qword(.rcx)) }
        c.add("DEC r/m8", "fe c9") { $0.dec(.cl) }
        c.add("DEC r/m16", "66 ff 0e") { $0.dec(.word(.rsi)) }
        c.add("DEC r/m32", "ff c8") { $0.dec(.eax) }
        c.add("DEC r/m64", "49 ff cf") { $0.dec(.r15) }
        c.add("MUL r/m8", "f6 e1") { $0.mul(.cl) }
        c.add("MUL r/m16", "66 f7 20") { $0.mul(.word(.rax)) }
        c.add("MUL r/m32", "f7 e1") { $0.mul(.ecx) }
        c.add("MUL r/m64", "49 f7 e1") { $0.mul(.r9) }
        c.add("IMUL r/m8", "f6 eb") { $0.imul(.bl) }
        c.add("IMUL r/m16", "66 f7 ea") { $0.imul(.dx) }
        c.add("IMUL r/m32", "f7 28") { $0.imul(.dword(.rax)) }
        c.add("IMUL r/m64", "48 f7 e9") { $0.imul(.rcx) }
        c.add("IMUL r16, r/m16", "66 0f af c1") { $0.imul(.ax, .cx) }
        c.add("IMUL r32, r/m32", "0f af 03") { $0.imul(.eax, .dword(.rbx)) }
        c.add("IMUL r64, r/m64", "4d 0f af c1") { $0.imul(.r8, .r9) }
        c.add("IMUL r16, r/m16, imm8", "66 6b c3 03") { $0.imul(.ax, .bx, imm8: 3) }
        c.add("IMUL r32, r/m32, imm8", "6b 05 00 00 00 00 ff") { $0.imul(.eax, .dword(.rip(0)), imm8: -1) }
        c.add("IMUL r64, r/m64, imm8", "48 6b c1 02") { $0.imul(.rax, .rcx, imm8: 2) }
        c.add("IMUL r16, r/m16, imm16", "66 69 ca 00 01") { $0.imul(.cx, .dx, imm16: 0x100) }
        c.add("IMUL r32, r/m32, imm32", "69 c1 e8 03 00 00") { $0.imul(.eax, .ecx, imm32: 1000) }
        c.add("IMUL r64, r/m64, imm32", "4c 69 20 18 fc ff ff") { $0.imul(.r12, .qword(.rax), imm32: -1000) }
        c.add("DIV r/m8", "f6 f7") { $0.div(.bh) }
        c.add("DIV r/m16", "66 f7 f1") { $0.div(.cx) }
        c.add("DIV r/m32", "f7 f1") { $0.div(.ecx) }
        c.add("DIV r/m64", "48 f7 37") { $0.div(.qword(.rdi)) }
        c.add("IDIV r/m8", "f6 38") { $0.idiv(.byte(.rax)) }
        c.add("IDIV r/m16", "66 41 f7 f8") { $0.idiv(.r8w) }
        c.add("IDIV r/m32", "41 f7 fb") { $0.idiv(.r11d) }
        c.add("IDIV r/m64", "48 f7 f9") { $0.idiv(.rcx) }
        c.add("CBW", "66 98") { $0.cbw() }
        c.add("CWDE", "98") { $0.cwde() }
        c.add("CDQE", "48 98") { $0.cdqe() }
        c.add("CWD", "66 99") { $0.cwd() }
        c.add("CDQ", "99") { $0.cdq() }
        c.add("CQO", "48 99") { $0.cqo() }
        return c
    }
}
