// Exact bytes: BSF BSR LZCNT TZCNT POPCNT (LZCNT/TZCNT are BSR/BSF with a mandatory F3) and the
// bit tests (0F A3/AB/B3/BB with a register, 0F BA /4-/7 with an imm8).

import X64Assembler

extension ByteCase {
    static func bitScan() -> [ByteCase] {
        var c: [ByteCase] = []
        c.add("BSF r16, r/m16", "66 0f bc c1") { $0.bsf(.ax, .cx) }
        c.add("BSF r32, r/m32", "0f bc 00") { $0.bsf(.eax, .dword(.rax)) }
        c.add("BSF r64, r/m64", "4c 0f bc c0") { $0.bsf(.r8, .rax) }
        c.add("BSR r16, r/m16", "66 0f bd 13") { $0.bsr(.dx, .word(.rbx)) }
        c.add("BSR r32, r/m32", "0f bd ca") { $0.bsr(.ecx, .edx) }
        c.add("BSR r64, r/m64", "49 0f bd c7") { $0.bsr(.rax, .r15) }
        c.add("LZCNT r16, r/m16", "66 f3 0f bd c3") { $0.lzcnt(.ax, .bx) }
        c.add("LZCNT r32, r/m32", "f3 0f bd c1") { $0.lzcnt(.eax, .ecx) }
        c.add("LZCNT r64, r/m64", "f3 4c 0f bd 10") { $0.lzcnt(.r10, .qword(.rax)) }
        c.add("TZCNT r16, r/m16", "66 f3 0f bc 08") { $0.tzcnt(.cx, .word(.rax)) }
        c.add("TZCNT r32, r/m32", "f3 44 0f bc c8") { $0.tzcnt(.r9d, .eax) }
        c.add("TZCNT r64, r/m64", "f3 48 0f bc c1") { $0.tzcnt(.rax, .rcx) }
        c.add("POPCNT r16, r/m16", "66 f3 0f b8 c1") { $0.popcnt(.ax, .cx) }
        c.add("POPCNT r32, r/m32", "f3 0f b8 07") { $0.popcnt(.eax, .dword(.rdi)) }
        c.add("POPCNT r64, r/m64", "f3 49 0f b8 c0") { $0.popcnt(.rax, .r8) }
        c.add("BT r/m16, r16", "66 0f a3 c8") { $0.bt(.ax, .cx) }
        c.add("BT r/m32, r32", "0f a3 08") { $0.bt(.dword(.rax), .ecx) }
        c.add("BT r/m64, r64", "4c 0f a3 c8") { $0.bt(.rax, .r9) }
        c.add("BT r/m16, imm8", "66 0f ba e2 0f") { $0.bt(.dx, imm8: 15) }
        c.add("BT r/m32, imm8", "0f ba e0 1f") { $0.bt(.eax, imm8: 31) }
        c.add("BT r/m64, imm8", "48 0f ba 20 3f") { $0.bt(.qword(.rax), imm8: 63) }
        c.add("BTS r/m16, r16", "66 0f ab c8") { $0.bts(.ax, .cx) }
        c.add("BTS r/m32, r32", "0f ab d1") { $0.bts(.ecx, .edx) }
        c.add("BTS r/m64, r64", "48 0f ab 03") { $0.bts(.qword(.rbx), .rax) }
        c.add("BTS r/m16, imm8", "66 0f ba 28 01") { $0.bts(.word(.rax), imm8: 1) }
        c.add("BTS r/m32, imm8", "0f ba e8 02") { $0.bts(.eax, imm8: 2) }
        c.add("BTS r/m64, imm8", "49 0f ba e8 28") { $0.bts(.r8, imm8: 40) }
        c.add("BTR r/m16, r16", "66 0f b3 d0") { $0.btr(.ax, .dx) }
        c.add("BTR r/m32, r32", "0f b3 06") { $0.btr(.dword(.rsi), .eax) }
        c.add("BTR r/m64, r64", "48 0f b3 c8") { $0.btr(.rax, .rcx) }
        c.add("BTR r/m16, imm8", "66 0f ba f1 03") { $0.btr(.cx, imm8: 3) }
        c.add("BTR r/m32, imm8", "0f ba 30 04") { $0.btr(.dword(.rax), imm8: 4) }
        c.add("BTR r/m64, imm8", "48 0f ba f2 05") { $0.btr(.rdx, imm8: 5) }
        c.add("BTC r/m16, r16", "66 0f bb 00") { $0.btc(.word(.rax), .ax) }
        c.add("BTC r/m32, r32", "0f bb d8") { $0.btc(.eax, .ebx) }
        c.add("BTC r/m64, r64", "49 0f bb c7") { $0.btc(.r15, .rax) }
        c.add("BTC r/m16, imm8", "66 0f ba fb 07") { $0.btc(.bx, imm8: 7) }
        c.add("BTC r/m32, imm8", "0f ba f9 08") { $0.btc(.ecx, imm8: 8) }
        c.add("BTC r/m64, imm8", "48 0f ba 39 09") { $0.btc(.qword(.rcx), imm8: 9) }
        return c
    }
}
