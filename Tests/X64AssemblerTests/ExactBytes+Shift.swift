// Exact bytes: shifts and rotates (D0-D3 by 1 and by CL, C0/C1 by imm8, the operation in
// ModRM.reg), SHLD and SHRD.

import X64Assembler

extension ByteCase {
    static func shift() -> [ByteCase] {
        var c: [ByteCase] = []
        c.add("ROL r/m8, 1", "d0 c0") { $0.rol(.al, .one) }
        c.add("ROL r/m16, 1", "66 d1 00") { $0.rol(.word(.rax), .one) }
        c.add("ROL r/m32, 1", "d1 c1") { $0.rol(.ecx, .one) }
        c.add("ROL r/m64, 1", "49 d1 c0") { $0.rol(.r8, .one) }
        c.add("ROL r/m8, CL", "d2 03") { $0.rol(.byte(.rbx), .cl) }
        c.add("ROL r/m16, CL", "66 d3 c2") { $0.rol(.dx, .cl) }
        c.add("ROL r/m32, CL", "d3 04 24") { $0.rol(.dword(.rsp), .cl) }
        c.add("ROL r/m64, CL", "48 d3 c0") { $0.rol(.rax, .cl) }
        c.add("ROL r/m8, imm8", "40 c0 c6 03") { $0.rol(.sil, imm8: 3) }
        c.add("ROL r/m16, imm8", "66 41 c1 c1 0f") { $0.rol(.r9w, imm8: 15) }
        c.add("ROL r/m32, imm8", "c1 c0 1f") { $0.rol(.eax, imm8: 31) }
        c.add("ROL r/m64, imm8", "48 c1 45 08 3f") { $0.rol(.qword(.rbp, 8), imm8: 63) }
        c.add("ROR r/m8, 1", "d0 c8") { $0.ror(.al, .one) }
        c.add("ROR r/m16, 1", "66 d1 08") { $0.ror(.word(.rax), .one) }
        c.add("ROR r/m32, 1", "d1 c9") { $0.ror(.ecx, .one) }
        c.add("ROR r/m64, 1", "49 d1 c8") { $0.ror(.r8, .one) }
        c.add("ROR r/m8, CL", "d2 0b") { $0.ror(.byte(.rbx), .cl) }
        c.add("ROR r/m16, CL", "66 d3 ca") { $0.ror(.dx, .cl) }
        c.add("ROR r/m32, CL", "d3 0c 24") { $0.ror(.dword(.rsp), .cl) }
        c.add("ROR r/m64, CL", "48 d3 c8") { $0.ror(.rax, .cl) }
        c.add("ROR r/m8, imm8", "40 c0 ce 03") { $0.ror(.sil, imm8: 3) }
        c.add("ROR r/m16, imm8", "66 41 c1 c9 0f") { $0.ror(.r9w, imm8: 15) }
        c.add("ROR r/m32, imm8", "c1 c8 1f") { $0.ror(.eax, imm8: 31) }
        c.add("ROR r/m64, imm8", "48 c1 4d 08 3f") { $0.ror(.qword(.rbp, 8), imm8: 63) }
        c.add("RCL r/m8, 1", "d0 d0") { $0.rcl(.al, .one) }
        c.add("RCL r/m16, 1", "66 d1 10") { $0.rcl(.word(.rax), .one) }
        c.add("RCL r/m32, 1", "d1 d1") { $0.rcl(.ecx, .one) }
        c.add("RCL r/m64, 1", "49 d1 d0") { $0.rcl(.r8, .one) }
        c.add("RCL r/m8, CL", "d2 13") { $0.rcl(.byte(.rbx), .cl) }
        c.add("RCL r/m16, CL", "66 d3 d2") { $0.rcl(.dx, .cl) }
        c.add("RCL r/m32, CL", "d3 14 24") { $0.rcl(.dword(.rsp), .cl) }
        c.add("RCL r/m64, CL", "48 d3 d0") { $0.rcl(.rax, .cl) }
        c.add("RCL r/m8, imm8", "40 c0 d6 03") { $0.rcl(.sil, imm8: 3) }
        c.add("RCL r/m16, imm8", "66 41 c1 d1 0f") { $0.rcl(.r9w, imm8: 15) }
        c.add("RCL r/m32, imm8", "c1 d0 1f") { $0.rcl(.eax, imm8: 31) }
        c.add("RCL r/m64, imm8", "48 c1 55 08 3f") { $0.rcl(.qword(.rbp, 8), imm8: 63) }
        c.add("RCR r/m8, 1", "d0 d8") { $0.rcr(.al, .one) }
        c.add("RCR r/m16, 1", "66 d1 18") { $0.rcr(.word(.rax), .one) }
        c.add("RCR r/m32, 1", "d1 d9") { $0.rcr(.ecx, .one) }
        c.add("RCR r/m64, 1", "49 d1 d8") { $0.rcr(.r8, .one) }
        c.add("RCR r/m8, CL", "d2 1b") { $0.rcr(.byte(.rbx), .cl) }
        c.add("RCR r/m16, CL", "66 d3 da") { $0.rcr(.dx, .cl) }
        c.add("RCR r/m32, CL", "d3 1c 24") { $0.rcr(.dword(.rsp), .cl) }
        c.add("RCR r/m64, CL", "48 d3 d8") { $0.rcr(.rax, .cl) }
        c.add("RCR r/m8, imm8", "40 c0 de 03") { $0.rcr(.sil, imm8: 3) }
        c.add("RCR r/m16, imm8", "66 41 c1 d9 0f") { $0.rcr(.r9w, imm8: 15) }
        c.add("RCR r/m32, imm8", "c1 d8 1f") { $0.rcr(.eax, imm8: 31) }
        c.add("RCR r/m64, imm8", "48 c1 5d 08 3f") { $0.rcr(.qword(.rbp, 8), imm8: 63) }
        c.add("SHL r/m8, 1", "d0 e0") { $0.shl(.al, .one) }
        c.add("SHL r/m16, 1", "66 d1 20") { $0.shl(.word(.rax), .one) }
        c.add("SHL r/m32, 1", "d1 e1") { $0.shl(.ecx, .one) }
        c.add("SHL r/m64, 1", "49 d1 e0") { $0.shl(.r8, .one) }
        c.add("SHL r/m8, CL", "d2 23") { $0.shl(.byte(.rbx), .cl) }
        c.add("SHL r/m16, CL", "66 d3 e2") { $0.shl(.dx, .cl) }
        c.add("SHL r/m32, CL", "d3 24 24") { $0.shl(.dword(.rsp), .cl) }
        c.add("SHL r/m64, CL", "48 d3 e0") { $0.shl(.rax, .cl) }
        c.add("SHL r/m8, imm8", "40 c0 e6 03") { $0.shl(.sil, imm8: 3) }
        c.add("SHL r/m16, imm8", "66 41 c1 e1 0f") { $0.shl(.r9w, imm8: 15) }
        c.add("SHL r/m32, imm8", "c1 e0 1f") { $0.shl(.eax, imm8: 31) }
        c.add("SHL r/m64, imm8", "48 c1 65 08 3f") { $0.shl(.qword(.rbp, 8), imm8: 63) }
        c.add("SHR r/m8, 1", "d0 e8") { $0.shr(.al, .one) }
        c.add("SHR r/m16, 1", "66 d1 28") { $0.shr(.word(.rax), .one) }
        c.add("SHR r/m32, 1", "d1 e9") { $0.shr(.ecx, .one) }
        c.add("SHR r/m64, 1", "49 d1 e8") { $0.shr(.r8, .one) }
        c.add("SHR r/m8, CL", "d2 2b") { $0.shr(.byte(.rbx), .cl) }
        c.add("SHR r/m16, CL", "66 d3 ea") { $0.shr(.dx, .cl) }
        c.add("SHR r/m32, CL", "d3 2c 24") { $0.shr(.dword(.rsp), .cl) }
        c.add("SHR r/m64, CL", "48 d3 e8") { $0.shr(.rax, .cl) }
        c.add("SHR r/m8, imm8", "40 c0 ee 03") { $0.shr(.sil, imm8: 3) }
        c.add("SHR r/m16, imm8", "66 41 c1 e9 0f") { $0.shr(.r9w, imm8: 15) }
        c.add("SHR r/m32, imm8", "c1 e8 1f") { $0.shr(.eax, imm8: 31) }
        c.add("SHR r/m64, imm8", "48 c1 6d 08 3f") { $0.shr(.qword(.rbp, 8), imm8: 63) }
        c.add("SAR r/m8, 1", "d0 f8") { $0.sar(.al, .one) }
        c.add("SAR r/m16, 1", "66 d1 38") { $0.sar(.word(.rax), .one) }
        c.add("SAR r/m32, 1", "d1 f9") { $0.sar(.ecx, .one) }
        c.add("SAR r/m64, 1", "49 d1 f8") { $0.sar(.r8, .one) }
        c.add("SAR r/m8, CL", "d2 3b") { $0.sar(.byte(.rbx), .cl) }
        c.add("SAR r/m16, CL", "66 d3 fa") { $0.sar(.dx, .cl) }
        c.add("SAR r/m32, CL", "d3 3c 24") { $0.sar(.dword(.rsp), .cl) }
        c.add("SAR r/m64, CL", "48 d3 f8") { $0.sar(.rax, .cl) }
        c.add("SAR r/m8, imm8", "40 c0 fe 03") { $0.sar(.sil, imm8: 3) }
        c.add("SAR r/m16, imm8", "66 41 c1 f9 0f") { $0.sar(.r9w, imm8: 15) }
        c.add("SAR r/m32, imm8", "c1 f8 1f") { $0.sar(.eax, imm8: 31) }
        c.add("SAR r/m64, imm8", "48 c1 7d 08 3f") { $0.sar(.qword(.rbp, 8), imm8: 63) }
        c.add("SHLD r/m16, r16, imm8", "66 0f a4 d8 04") { $0.shld(.ax, .bx, imm8: 4) }
        c.add("SHLD r/m32, r32, imm8", "0f a4 08 01") { $0.shld(.dword(.rax), .ecx, imm8: 1) }
        c.add("SHLD r/m64, r64, imm8", "48 0f a4 c8 03") { $0.shld(.rax, .rcx, imm8: 3) }
        c.add("SHLD r/m16, r16, CL", "66 0f a5 10") { $0.shld(.word(.rax), .dx, .cl) }
        c.add("SHLD r/m32, r32, CL", "0f a5 fe") { $0.shld(.esi, .edi, .cl) }
        c.add("SHLD r/m64, r64, CL", "4d 0f a5 c8") { $0.shld(.r8, .r9, .cl) }
        c.add("SHRD r/m16, r16, imm8", "66 0f ac d8 04") { $0.shrd(.ax, .bx, imm8: 4) }
        c.add("SHRD r/m32, r32, imm8", "0f ac 08 01") { $0.shrd(.dword(.rax), .ecx, imm8: 1) }
        c.add("SHRD r/m64, r64, imm8", "48 0f ac c8 03") { $0.shrd(.rax, .rcx, imm8: 3) }
        c.add("SHRD r/m16, r16, CL", "66 0f ad 10") { $0.shrd(.word(.rax), .dx, .cl) }
        c.add("SHRD r/m32, r32, CL", "0f ad fe") { $0.shrd(.esi, .edi, .cl) }
        c.add("SHRD r/m64, r64, CL", "4d 0f ad c8") { $0.shrd(.r8, .r9, .cl) }
        return c
    }
}
