// Exact bytes: SSE/SSE2/SSE4.1 moves, scalar arithmetic, conversions and packed logic/integer
// rows (mandatory prefix 66/F2/F3, then REX, then 0F ...).

import X64Assembler

extension ByteCase {
    static func sse() -> [ByteCase] {
        var c: [ByteCase] = []
        c.add("MOVSS xmm, xmm/m32", "f3 0f 10 c1") { $0.movss(.xmm0, .xmm1) }
        c.add("MOVSS xmm, xmm/m32", "f3 0f 10 08") { $0.movss(.xmm1, .dword(.rax)) }
        c.add("MOVSS xmm/m32, xmm", "f3 44 0f 11 44 24 04") { $0.movss(.dword(.rsp, 4), .xmm8) }
        c.add("MOVSD xmm, xmm/m64", "f2 0f 10 55 f8") { $0.movsd(.xmm2, .qword(.rbp, -8)) }
        c.add("MOVSD xmm, xmm/m64", "f2 45 0f 10 ca") { $0.movsd(.xmm9, .xmm10) }
        c.add("MOVSD xmm/m64, xmm", "f2 0f 11 18") { $0.movsd(.qword(.rax), .xmm3) }
        c.add("MOVD xmm, r/m32", "66 0f 6e c0") { $0.movd(.xmm0, .eax) }
        c.add("MOVD xmm, r/m32", "66 0f 6e 08") { $0.movd(.xmm1, .dword(.rax)) }
        c.add("MOVD r/m32, xmm", "66 41 0f 7e d0") { $0.movd(.r8d, .xmm2) }
        c.add("MOVD r/m32, xmm", "66 44 0f 7e 38") { $0.movd(.dword(.rax), .xmm15) }
        c.add("MOVQ xmm, xmm/m64", "f3 0f 7e c1") { $0.movq(.xmm0, .xmm1) }
        c.add("MOVQ xmm, xmm/m64", "f3 0f 7e 18") { $0.movq(.xmm3, .qword(.rax)) }
        c.add("MOVQ xmm/m64, xmm", "66 0f d6 27") { $0.movq(.qword(.rdi), .xmm4) }
        c.add("MOVQ xmm, r/m64", "66 48 0f 6e e8") { $0.movq(.xmm5, .rax) }
        c.add("MOVQ r/m64, xmm", "66 49 0f 7e f2") { $0.movq(.r10, .xmm6) }
        c.add("MOVAPS xmm, xmm/m128", "0f 28 c1") { $0.movaps(.xmm0, .xmm1) }
        c.add("MOVAPS xmm, xmm/m128", "0f 28 10") { $0.movaps(.xmm2, .xmmword(.rax)) }
        c.add("MOVAPS xmm/m128, xmm", "0f 29 3c 24") { $0.movaps(.xmmword(.rsp), .xmm7) }
        c.add("MOVUPS xmm, xmm/m128", "44 0f 10 18") { $0.movups(.xmm11, .xmmword(.rax)) }
        c.add("MOVUPS xmm/m128, xmm", "0f 11 08") { $0.movups(.xmmword(.rax), .xmm1) }
        c.add("MOVDQA xmm, xmm/m128", "66 0f 6f c1") { $0.movdqa(.xmm0, .xmm1) }
        c.add("MOVDQA xmm/m128, xmm", "66 0f 7f 10") { $0.movdqa(.xmmword(.rax), .xmm2) }
        c.add("MOVDQU xmm, xmm/m128", "f3 41 0f 6f 19") { $0.movdqu(.xmm3, .xmmword(.r9)) }
        c.add("MOVDQU xmm/m128, xmm", "f3 0f 7f 20") { $0.movdqu(.xmmword(.rax), .xmm4) }
        c.add("LDMXCSR m32", "0f ae 14 24") { $0.ldmxcsr(.dword(.rsp)) }
        c.add("STMXCSR m32", "0f ae 5c 24 04") { $0.stmxcsr(.dword(.rsp, 4)) }
        c.add("ADDSS xmm, xmm/m32", "f3 0f 58 c1") { $0.addss(.xmm0, .xmm1) }
        c.add("ADDSD xmm, xmm/m64", "f2 0f 58 10") { $0.addsd(.xmm2, .qword(.rax)) }
        c.add("SUBSS xmm, xmm/m32", "f3 44 0f 5c c0") { $0.subss(.xmm8, .xmm0) }
        c.add("SUBSD xmm, xmm/m64", "f2 41 0f 5c c7") { $0.subsd(.xmm0, .xmm15) }
        c.add("MULSS xmm, xmm/m32", "f3 0f 59 08") { $0.mulss(.xmm1, .dword(.rax)) }
        c.add("MULSD xmm, xmm/m64", "f2 0f 59 dc") { $0.mulsd(.xmm3, .xmm4) }
        c.add("DIVSS xmm, xmm/m32", "f3 0f 5e ee") { $0.divss(.xmm5, .xmm6) }
        c.add("DIVSD xmm, xmm/m64", "f2 0f 5e 3b") { $0.divsd(.xmm7, .qword(.rbx)) }
        c.add("SQRTSS xmm, xmm/m32", "f3 0f 51 c0") { $0.sqrtss(.xmm0, .xmm0) }
        c.add("SQRTSD xmm, xmm/m64", "f2 0f 51 ca") { $0.sqrtsd(.xmm1, .xmm2) }
        c.add("MINSS xmm, xmm/m32", "f3 0f 5d 40 04") { $0.minss(.xmm0, .dword(.rax, 4)) }
        c.add("MINSD xmm, xmm/m64", "f2 0f 5d ca") { $0.minsd(.xmm1, .xmm2) }
        c.add("MAXSS xmm, xmm/m32", "f3 0f 5f dc") { $0.maxss(.xmm3, .xmm4) }
        c.add("MAXSD xmm, xmm/m64", "f2 45 0f 5f e5") { $0.maxsd(.xmm12, .xmm13) }
        c.add("UCOMISS xmm, xmm/m32", "0f 2e c1") { $0.ucomiss(.xmm0, .xmm1) }
        c.add("UCOMISD xmm, xmm/m64", "66 0f 2e 10") { $0.ucomisd(.xmm2, .qword(.rax)) }
        c.add("COMISS xmm, xmm/m32", "0f 2f 18") { $0.comiss(.xmm3, .dword(.rax)) }
        c.add("COMISD xmm, xmm/m64", "66 44 0f 2f c9") { $0.comisd(.xmm9, .xmm1) }
        c.add("ROUNDSS xmm, xmm/m32, imm8", "66 0f 3a 0a c1 04") { $0.roundss(.xmm0, .xmm1, imm8: 4) }
        c.add("ROUNDSD xmm, xmm/m64, imm8", "66 0f 3a 0b 10 01") { $0.roundsd(.xmm2, .qword(.rax), imm8: 1) }
        c.add("CVTSS2SD xmm, xmm/m32", "f3 0f 5a c1") { $0.cvtss2sd(.xmm0, .xmm1) }
        c.add("CVTSD2SS xmm, xmm/m64", "f2 0f 5a 10") { $0.cvtsd2ss(.xmm2, .qword(.rax)) }
        c.add("CVTSI2SS xmm, r/m32", "f3 0f 2a c0") { $0.cvtsi2ss(.xmm0, .eax) }
        c.add("CVTSI2SS xmm, r/m64", "f3 48 0f 2a 08") { $0.cvtsi2ss(.xmm1, .qword(.rax)) }
        c.add("CVTSI2SD xmm, r/m32", "f2 0f 2a 13") { $0.cvtsi2sd(.xmm2, .dword(.rbx)) }
        c.add("CVTSI2SD xmm, r/m64", "f2 4d 0f 2a c1") { $0.cvtsi2sd(.xmm8, .r9) }
        c.add("CVTTSS2SI r32, xmm/m32", "f3 0f 2c c1") { $0.cvttss2si(.eax, .xmm1) }
        c.add("CVTTSS2SI r64, xmm/m32", "f3 48 0f 2c 00") { $0.cvttss2si(.rax, .dword(.rax)) }
        c.add("CVTTSD2SI r32, xmm/m64", "f2 0f 2c 0a") { $0.cvttsd2si(.ecx, .qword(.rdx)) }
        c.add("CVTTSD2SI r64, xmm/m64", "f2 4d 0f 2c e5") { $0.cvttsd2si(.r12, .xmm13) }
        c.add("CVTSS2SI r32, xmm/m32", "f3 0f 2d d3") { $0.cvtss2si(.edx, .xmm3) }
        c.add("CVTSS2SI r64, xmm/m32", "f3 48 0f 2d d8") { $0.cvtss2si(.rbx, .xmm0) }
        c.add("CVTSD2SI r32, xmm/m64", "f2 0f 2d c0") { $0.cvtsd2si(.eax, .xmm0) }
        c.add("CVTSD2SI r64, xmm/m64", "f2 48 0f 2d 04 24") { $0.cvtsd2si(.rax, .qword(.rsp)) }
        c.add("ANDPS xmm, xmm/m128", "0f 54 c1") { $0.andps(.xmm0, .xmm1) }
        c.add("ANDPD xmm, xmm/m128", "66 0f 54 00") { $0.andpd(.xmm0, .xmmword(.rax)) }
        c.add("ANDNPS xmm, xmm/m128", "0f 55 d3") { $0.andnps(.xmm2, .xmm3) }
        c.add("ANDNPD xmm, xmm/m128", "66 0f 55 e5") { $0.andnpd(.xmm4, .xmm5) }
        c.add("ORPS xmm, xmm/m128", "0f 56 f7") { $0.orps(.xmm6, .xmm7) }
        c.add("ORPD xmm, xmm/m128", "66 45 0f 56 c1") { $0.orpd(.xmm8, .xmm9) }
        c.add("XORPS xmm, xmm/m128", "0f 57 c0") { $0.xorps(.xmm0, .xmm0) }
        c.add("XORPD xmm, xmm/m128", "66 0f 57 c9") { $0.xorpd(.xmm1, .xmm1) }
        c.add("PAND xmm, xmm/m128", "66 0f db c1") { $0.pand(.xmm0, .xmm1) }
        c.add("PANDN xmm, xmm/m128", "66 0f df 10") { $0.pandn(.xmm2, .xmmword(.rax)) }
        c.add("POR xmm, xmm/m128", "66 0f eb dc") { $0.por(.xmm3, .xmm4) }
        c.add("PXOR xmm, xmm/m128", "66 45 0f ef ff") { $0.pxor(.xmm15, .xmm15) }
        c.add("PADDB xmm, xmm/m128", "66 0f fc c1") { $0.paddb(.xmm0, .xmm1) }
        c.add("PADDW xmm, xmm/m128", "66 0f fd c1") { $0.paddw(.xmm0, .xmm1) }
        c.add("PADDD xmm, xmm/m128", "66 0f fe c1") { $0.paddd(.xmm0, .xmm1) }
        c.add("PADDQ xmm, xmm/m128", "66 0f d4 c1") { $0.paddq(.xmm0, .xmm1) }
        c.add("PSUBB xmm, xmm/m128", "66 0f f8 c1") { $0.psubb(.xmm0, .xmm1) }
        c.add("PSUBW xmm, xmm/m128", "66 0f f9 c1") { $0.psubw(.xmm0, .xmm1) }
        c.add("PSUBD xmm, xmm/m128", "66 0f fa c1") { $0.psubd(.xmm0, .xmm1) }
        c.add("PSUBQ xmm, xmm/m128", "66 0f fb c1") { $0.psubq(.xmm0, .xmm1) }
        c.add("PCMPEQB xmm, xmm/m128", "66 0f 74 c1") { $0.pcmpeqb(.xmm0, .xmm1) }
        c.add("PCMPEQW xmm, xmm/m128", "66 0f 75 c1") { $0.pcmpeqw(.xmm0, .xmm1) }
        c.add("PCMPEQD xmm, xmm/m128", "66 0f 76 c1") { $0.pcmpeqd(.xmm0, .xmm1) }
        c.add("PSHUFD xmm, xmm/m128, imm8", "66 0f 70 c1 1b") { $0.pshufd(.xmm0, .xmm1, imm8: 0x1B) }
        // SSELanes (Intel SDM Vol. 2 opcode tables).
        c.add("PMULLW xmm, xmm/m128", "66 0f d5 c1") { $0.pmullw(.xmm0, .xmm1) }
        c.add("PMULLD xmm, xmm/m128", "66 0f 38 40 c1") { $0.pmulld(.xmm0, .xmm1) }
        c.add("PCMPGTB xmm, xmm/m128", "66 0f 64 c1") { $0.pcmpgtb(.xmm0, .xmm1) }
        c.add("PCMPGTW xmm, xmm/m128", "66 0f 65 c1") { $0.pcmpgtw(.xmm0, .xmm1) }
        c.add("PCMPGTD xmm, xmm/m128", "66 41 0f 66 c7") { $0.pcmpgtd(.xmm0, .xmm15) }
        c.add("PCMPEQQ xmm, xmm/m128", "66 0f 38 29 c1") { $0.pcmpeqq(.xmm0, .xmm1) }
        c.add("PTEST xmm, xmm/m128", "66 45 0f 38 17 f6") { $0.ptest(.xmm14, .xmm14) }
        c.add("PSHUFB xmm, xmm/m128", "66 0f 38 00 c1") { $0.pshufb(.xmm0, .xmm1) }
        c.add("PUNPCKLQDQ xmm, xmm/m128", "66 0f 6c c0") { $0.punpcklqdq(.xmm0, .xmm0) }
        c.add("PSHUFLW xmm, xmm/m128, imm8", "f2 0f 70 c1 00") { $0.pshuflw(.xmm0, .xmm1, imm8: 0) }
        c.add("PINSRD xmm, r/m32, imm8", "66 0f 3a 22 c0 03") { $0.pinsrd(.xmm0, .eax, imm8: 3) }
        c.add("PINSRQ xmm, r/m64, imm8", "66 48 0f 3a 22 c0 01") { $0.pinsrq(.xmm0, .rax, imm8: 1) }
        c.add("PEXTRD r/m32, xmm, imm8", "66 0f 3a 16 c8 02") { $0.pextrd(.eax, .xmm1, imm8: 2) }
        c.add("PEXTRQ r/m64, xmm, imm8", "66 48 0f 3a 16 c8 01") { $0.pextrq(.rax, .xmm1, imm8: 1) }
        c.add("ADDPS xmm, xmm/m128", "0f 58 c1") { $0.addps(.xmm0, .xmm1) }
        c.add("SUBPS xmm, xmm/m128", "0f 5c c1") { $0.subps(.xmm0, .xmm1) }
        c.add("MULPS xmm, xmm/m128", "0f 59 c1") { $0.mulps(.xmm0, .xmm1) }
        c.add("CMPPS xmm, xmm/m128, imm8", "0f c2 c1 08") { $0.cmpps(.xmm0, .xmm1, imm8: 8) }
        c.add("DIVPS xmm, xmm/m128", "0f 5e c1") { $0.divps(.xmm0, .xmm1) }
        c.add("ADDPD xmm, xmm/m128", "66 0f 58 c1") { $0.addpd(.xmm0, .xmm1) }
        c.add("SUBPD xmm, xmm/m128", "66 44 0f 5c f9") { $0.subpd(.xmm15, .xmm1) }
        c.add("MULPD xmm, xmm/m128", "66 41 0f 59 c6") { $0.mulpd(.xmm0, .xmm14) }
        c.add("DIVPD xmm, xmm/m128", "66 0f 5e c1") { $0.divpd(.xmm0, .xmm1) }
        c.add("CMPPD xmm, xmm/m128, imm8", "66 0f c2 c1 08") { $0.cmppd(.xmm0, .xmm1, imm8: 8) }
        return c
    }
}
