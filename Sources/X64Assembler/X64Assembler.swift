// X64Assembler: x86-64 machine code for Mirage's JIT. It owns the encodings and nothing of the
// IR: registers and memory operands, one encoder method per (mnemonic, operand form) generated
// from Specs/x64.rows (Generated/), the REX/ModRM/SIB/displacement rules they share
// (Assembler+Encoding.swift), the code buffer, labels with fix-ups, patch sites for block
// chaining, and alignment. Call sites read like Intel syntax:
//
//     var a = Assembler()
//     a.mov(.eax, .dword(.rbp, 16))          // mov eax, dword ptr [rbp+16]
//     a.add(.eax, 1)                         // add eax, 1 (83 /0 ib: the immediate fits a byte)
//     a.jcc(.ne, loop)                       // jne loop
//
// Misuse the types cannot rule out (ah with a REX prefix, rsp as an index, binding a label
// twice) traps: it is a bug in the caller, never a property of guest code. Running out of a
// fixed buffer and short branches that do not reach are reported by `finish()`.
