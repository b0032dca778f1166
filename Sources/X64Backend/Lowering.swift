// One IR op to x86-64: the dispatch. Integer ops in Lowering+Integer.swift, memory and state in
// Lowering+Memory.swift, control flow and exits in Lowering+Control.swift, floats in
// Lowering+Float.swift, v128 values and lane ops in Lowering+Vector.swift, helper calls in
// Lowering+Call.swift.
//
// Scratch registers: rax, rcx, rdx (and xmm14, xmm15) are never allocated, so a lowering may
// clobber them freely; x86 wants them for division, shift counts and cmpxchg anyway.

import IR
import X64Assembler

extension X64Compiler {
    /// Emits `op`; a CompileError for an op the backend cannot lower.
    mutating func lower(_ op: Op) -> CompileError? {
        if op.type == .v128 || op.opcode.isVector { return lowerVector(op) }
        switch op.opcode {
        case .const_:
            if isInline(op.dst) { return nil }
            if op.type.isFloat {
                a.mov(GPR.rax, op.imm)
                let x = resultXMM(op.dst, scratch: .xmm15)
                a.movq(x, GPR.rax)
                store(op.dst, fromXMM: x)
            } else {
                let r = resultRegister(op.dst, scratch: .rax)
                if op.imm == 0 { a.xor(r.dword, r.dword) } else if op.type.bits == 32 { a.mov(r.dword, UInt32(truncatingIfNeeded: op.imm)) } else { a.mov(r, op.imm) }
                store(op.dst, from: r)
            }
        case .mov:
            if op.type.isFloat {
                let x = xmm(op.a, into: .xmm15)
                store(op.dst, fromXMM: x)
            } else {
                let r = gpr(op.a, into: .rax)
                store(op.dst, from: r)
            }
        case .add, .sub, .and, .or, .xor, .andc, .orc, .mul:
            lowerBinary(op)
        case .shl, .shr, .sar, .rotl, .rotr:
            lowerShift(op)
        case .not, .neg:
            lowerUnary(op)
        case .mulhu, .mulhs, .divu, .divs, .remu, .rems:
            lowerMultiplyDivide(op)
        case .extract, .sextract, .deposit, .ext8s, .ext8u, .ext16s, .ext16u, .zext, .sext, .trunc, .concat:
            lowerBits(op)
        case .bswap16, .bswap32, .bswap64, .clz, .ctz, .popcount:
            lowerCounts(op)
        case .setcond, .select:
            lowerCompare(op)
        case .brcond, .br, .label:
            lowerBranch(op)
        case .load, .store, .cmpxchg, .fence:
            lowerMemory(op)
        case .loadState, .storeState:
            lowerState(op)
        case .call:
            lowerCall(op)
        case .insnStart:
            instructionStarts.append(InstructionStart(hostOffset: UInt32(a.position), resume: op.aux, guestPC: op.imm))
        case .gotoTB, .lookupAndGoto, .exitTB:
            lowerTerminal(op)
        case .fadd, .fsub, .fmul, .fdiv, .fsqrt, .fneg, .fabs, .fsetcond, .fconvert, .itof, .ftoi, .bitcast:
            return lowerFloat(op)
        case .vdup, .vinsert, .vextract, .vand, .vor, .vxor, .vandc, .vadd, .vsub, .vmul, .vcmpeq, .vcmpgt,
             .vcmpgtu, .vfadd, .vfsub, .vfmul, .vfadde, .vfsube, .vfmule, .vfdive, .vfcmp, .vtest, .vshuffle:
            return lowerVector(op)
        }
        return nil
    }
}
