// Exact bytes: branches, calls, returns, traps, NOPs, and the atomics and fences.

import X64Assembler

extension ByteCase {
    static func control() -> [ByteCase] {
        var c: [ByteCase] = []
        c.add("JMP rel8", "eb 10") { $0.jmp(rel8: 0x10) }
        c.add("JMP rel32", "e9 fb ff ff ff") { $0.jmp(rel32: -5) }
        c.add("JMP r/m64", "41 ff e3") { $0.jmp(.r11) }
        c.add("JMP r/m64", "ff 20") { $0.jmp(.qword(.rax)) }
        c.add("Jcc rel8", "74 fe") { $0.jcc(.e, rel8: -2) }
        c.add("Jcc rel32", "0f 8d 00 01 00 00") { $0.jcc(.ge, rel32: 0x100) }
        c.add("CALL rel32", "e8 00 00 00 00") { $0.call(rel32: 0) }
        c.add("CALL r/m64", "ff d0") { $0.call(.rax) }
        c.add("CALL r/m64", "ff 53 08") { $0.call(.qword(.rbx, 8)) }
        c.add("RET", "c3") { $0.ret() }
        c.add("RET imm16", "c2 08 00") { $0.ret(imm16: 8) }
        c.add("UD2", "0f 0b") { $0.ud2() }
        c.add("INT3", "cc") { $0.int3() }
        c.add("NOP", "90") { $0.nop() }
        c.add("NOP r/m16", "66 0f 1f c0") { $0.nop(.ax) }
        c.add("NOP r/m16", "66 0f 1f 00") { $0.nop(.word(.rax)) }
        c.add("NOP r/m32", "0f 1f 04 00") { $0.nop(.dword(.rax, .rax)) }
        c.add("PAUSE", "f3 90") { $0.pause() }
        c.add("LOCK CMPXCHG m8, r8", "f0 0f b0 0f") { $0.lockCmpxchg(.byte(.rdi), .cl) }
        c.add("LOCK CMPXCHG m16, r16", "66 f0 0f b1 08") { $0.lockCmpxchg(.word(.rax), .cx) }
        c.add("LOCK CMPXCHG m32, r32", "f0 0f b1 08") { $0.lockCmpxchg(.dword(.rax), .ecx) }
        c.add("LOCK CMPXCHG m64, r64", "f0 49 0f b1 10") { $0.lockCmpxchg(.qword(.r8), .rdx) }
        c.add("LOCK XADD m8, r8", "f0 40 0f c0 30") { $0.lockXadd(.byte(.rax), .sil) }
        c.add("LOCK XADD m16, r16", "66 f0 0f c1 00") { $0.lockXadd(.word(.rax), .ax) }
        c.add("LOCK XADD m32, r32", "f0 44 0f c1 0b") { $0.lockXadd(.dword(.rbx), .r9d) }
        c.add("LOCK XADD m64, r64", "f0 48 0f c1 08") { $0.lockXadd(.qword(.rax), .rcx) }
        c.add("CMPXCHG r/m8, r8", "0f b0 cb") { $0.cmpxchg(.bl, .cl) }
        c.add("CMPXCHG r/m16, r16", "66 0f b1 10") { $0.cmpxchg(.word(.rax), .dx) }
        c.add("CMPXCHG r/m32, r32", "0f b1 d1") { $0.cmpxchg(.ecx, .edx) }
        c.add("CMPXCHG r/m64, r64", "48 0f b1 04 24") { $0.cmpxchg(.qword(.rsp), .rax) }
        c.add("XADD r/m8, r8", "0f c0 18") { $0.xadd(.byte(.rax), .bl) }
        c.add("XADD r/m16, r16", "66 0f c1 c8") { $0.xadd(.ax, .cx) }
        c.add("XADD r/m32, r32", "0f c1 00") { $0.xadd(.dword(.rax), .eax) }
        c.add("XADD r/m64, r64", "4d 0f c1 c8") { $0.xadd(.r8, .r9) }
        c.add("MFENCE", "0f ae f0") { $0.mfence() }
        c.add("LFENCE", "0f ae e8") { $0.lfence() }
        c.add("SFENCE", "0f ae f8") { $0.sfence() }
        return c
    }
}
