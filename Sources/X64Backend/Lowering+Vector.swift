// v128 values on SSE (SSE4.1, which HostFeatures.detected requires): a v128 lives in an XMM
// register, a pair of spill slots ([rsp + 8k], 16 bytes, unaligned moves) or nowhere else.
// The lane ops are one or two packed instructions each. vfadd/vfsub/vfmul run on the host's
// addps/subps/mulps in the guest's MXCSR, untouched, when a value check shows SSE gives ARM's
// standard-mode answer (Lowering+VectorFloat.swift).

import IR
import IRInterpreter
import X64Assembler

extension X64Compiler {
    /// A v128 value in an XMM register: its own, or loaded into `scratch`.
    mutating func vector(_ v: Value, into scratch: XMM) -> XMM {
        switch location(v) {
        case .xmm(let x): return XMM(x)
        case .slot(let s):
            a.movups(scratch, .xmmword(.rsp, Self.slotAddress(s)))
            return scratch
        case .state(let offset):
            a.movups(scratch, .xmmword(JITABI.stateRegister, offset))
            return scratch
        case .gpr, nil:
            a.xorps(scratch, scratch)
            return scratch
        }
    }

    /// Puts a v128 computed in `x` where `v` lives.
    mutating func store(_ v: Value, fromVector x: XMM) {
        switch location(v) {
        case .xmm(let d): if d != x.index { a.movaps(XMM(d), x) }
        case .slot(let s): a.movups(.xmmword(.rsp, Self.slotAddress(s)), x)
        case .gpr, .state, nil: break
        }
    }

    mutating func lowerVector(_ op: Op) -> CompileError? {
        let lanes = op.aux & 3
        switch op.opcode {
        case .const_:
            let d = resultXMM(op.dst, scratch: .xmm15)
            if op.imm == 0 {
                a.pxor(d, d)
            } else if op.imm == ~0 {
                a.pcmpeqd(d, d)
            } else {
                a.mov(GPR.rax, op.imm)
                a.movq(d, GPR.rax)
                a.punpcklqdq(d, d)
            }
            store(op.dst, fromVector: d)
        case .mov:
            store(op.dst, fromVector: vector(op.a, into: .xmm15))
        case .loadState:
            let d = resultXMM(op.dst, scratch: .xmm15)
            a.movups(d, .xmmword(JITABI.stateRegister, Int32(op.imm)))
            store(op.dst, fromVector: d)
        case .storeState:
            a.movups(.xmmword(JITABI.stateRegister, Int32(op.imm)), vector(op.a, into: .xmm15))
        case .load, .store:
            let m = MemOp(rawValue: op.aux)
            let (base, displacement) = guestAddress(op, addressIs64: valueTypes[Int(op.a.index)].bits == 64)
            if m.mustBeAligned { checkAlignment(base, displacement, size: m.size) }
            let at = Mem128.xmmword(Address(JITABI.memoryRegister, base, .x1, displacement))
            if op.opcode == .load {
                let d = resultXMM(op.dst, scratch: .xmm15)
                a.movups(d, at)
                store(op.dst, fromVector: d)
            } else {
                a.movups(at, vector(op.b, into: .xmm15))
            }
        case .vdup:
            let r = gpr(op.a, into: .rax)
            let d = resultXMM(op.dst, scratch: .xmm15)
            if lanes == 3 { a.movq(d, r) } else { a.movd(d, r.dword) }
            switch lanes {
            case 0:
                a.pxor(.xmm14, .xmm14)
                a.pshufb(d, .xmm14)
            case 1:
                a.pshuflw(d, d, imm8: 0)
                a.pshufd(d, d, imm8: 0)
            case 2:
                a.pshufd(d, d, imm8: 0)
            default:
                a.punpcklqdq(d, d)
            }
            store(op.dst, fromVector: d)
        case .vinsert:
            let r = gpr(op.b, into: .rax)
            let d = resultXMM(op.dst, scratch: .xmm15)
            let x = vector(op.a, into: d)
            if x != d { a.movaps(d, x) }
            let k = UInt8(truncatingIfNeeded: op.imm)
            switch lanes {
            case 0, 1:
                // A byte or halfword: merged into its dword in rax, which goes back.
                let bits = UInt8(8 << lanes), perDword = UInt8(4 >> lanes)
                let shift = (k % perDword) * bits, mask = UInt32(bits == 8 ? 0xff : 0xffff)
                if r != .rax { a.mov(GPR.rax, r) }
                a.and(GPR.rax.dword, Int32(bitPattern: mask))
                if shift > 0 { a.shl(GPR.rax.dword, imm8: shift) }
                a.pextrd(GPR.rcx.dword, d, imm8: k / perDword)
                a.and(GPR.rcx.dword, Int32(bitPattern: ~(mask << UInt32(shift))))
                a.or(GPR.rax.dword, GPR.rcx.dword)
                a.pinsrd(d, GPR.rax.dword, imm8: k / perDword)
            case 2: a.pinsrd(d, r.dword, imm8: k)
            default: a.pinsrq(d, r, imm8: k)
            }
            store(op.dst, fromVector: d)
        case .vextract:
            let x = vector(op.a, into: .xmm15)
            let r = resultRegister(op.dst, scratch: .rax)
            let k = UInt8(truncatingIfNeeded: op.imm)
            switch lanes {
            case 0:
                a.pextrd(r.dword, x, imm8: k / 4)
                if k % 4 > 0 { a.shr(r.dword, imm8: (k % 4) * 8) }
                a.movzx(r.dword, r.byte)
            case 1:
                a.pextrd(r.dword, x, imm8: k / 2)
                if k % 2 > 0 { a.shr(r.dword, imm8: 16) }
                a.movzx(r.dword, r.word)
            case 2: a.pextrd(r.dword, x, imm8: k)
            default: a.pextrq(r, x, imm8: k)
            }
            store(op.dst, from: r)
        case .vandc:
            // pandn is ~dst & src: dst = b, src = a.
            let x = vector(op.a, into: .xmm14)
            var d = resultXMM(op.dst, scratch: .xmm15)
            if d == x && op.a != op.b { d = .xmm15 }
            let y = vector(op.b, into: d)
            if y != d { a.movaps(d, y) }
            a.pandn(d, x)
            store(op.dst, fromVector: d)
        case .vcmpgtu:
            // Unsigned order is signed order with each lane's top bit flipped.
            a.mov(GPR.rax.dword, [UInt32(0x8080_8080), 0x8000_8000, 0x8000_0000][Int(min(lanes, 2))])
            a.movd(.xmm14, GPR.rax.dword)
            a.pshufd(.xmm14, .xmm14, imm8: 0)
            let x = vector(op.a, into: .xmm15)
            if x != .xmm15 { a.movaps(.xmm15, x) }
            a.pxor(.xmm15, .xmm14)
            switch location(op.b) {
            case .xmm(let r): a.pxor(.xmm14, XMM(r))
            case .slot(let s): a.pxor(.xmm14, .xmmword(.rsp, Self.slotAddress(s)))
            case .state(let offset): a.pxor(.xmm14, .xmmword(JITABI.stateRegister, offset))
            case .gpr, nil: break
            }
            switch lanes {
            case 0: a.pcmpgtb(.xmm15, .xmm14)
            case 1: a.pcmpgtw(.xmm15, .xmm14)
            default: a.pcmpgtd(.xmm15, .xmm14)
            }
            store(op.dst, fromVector: .xmm15)
        case .vfadd, .vfsub, .vfmul:
            lowerVectorFloat(op)
        case .vtest:
            a.ptest(vector(op.a, into: .xmm15), vector(op.b, into: .xmm14))
            a.setcc(.ne, GPR.rax.byte)
            a.movzx(GPR.rax.dword, GPR.rax.byte)
            store(op.dst, from: .rax)
        default:
            // Two-address, in the result's register: a's when a dies here, else a copy of a; b's
            // when b dies here and the op commutes; else in scratch.
            var y = vector(op.b, into: .xmm14)
            var d = resultXMM(op.dst, scratch: .xmm15)
            if d == y && op.a != op.b && Self.commutes(op) {
                y = vector(op.a, into: .xmm14)
            } else {
                if d == y && op.a != op.b { d = .xmm15 }
                let x = vector(op.a, into: d)
                if x != d { a.movaps(d, x) }
            }
            switch (op.opcode, lanes) {
            case (.vand, _): a.pand(d, y)
            case (.vor, _): a.por(d, y)
            case (.vxor, _): a.pxor(d, y)
            case (.vadd, 0): a.paddb(d, y)
            case (.vadd, 1): a.paddw(d, y)
            case (.vadd, 2): a.paddd(d, y)
            case (.vadd, _): a.paddq(d, y)
            case (.vsub, 0): a.psubb(d, y)
            case (.vsub, 1): a.psubw(d, y)
            case (.vsub, 2): a.psubd(d, y)
            case (.vsub, _): a.psubq(d, y)
            case (.vmul, 1): a.pmullw(d, y)
            case (.vmul, _): a.pmulld(d, y)
            case (.vcmpeq, 0): a.pcmpeqb(d, y)
            case (.vcmpeq, 1): a.pcmpeqw(d, y)
            case (.vcmpeq, 2): a.pcmpeqd(d, y)
            case (.vcmpeq, _): a.pcmpeqq(d, y)
            case (.vcmpgt, 0): a.pcmpgtb(d, y)
            case (.vcmpgt, 1): a.pcmpgtw(d, y)
            case (.vcmpgt, _): a.pcmpgtd(d, y)
            case (.vshuffle, _): a.pshufb(d, y)
            // The lane-wise float ops in the guest's MXCSR, like the scalar ones: a lane whose
            // NaN the rule picks traps to CHost's fix-up, which knows the packed forms too.
            case (.vfadde, 2): a.addps(d, y)
            case (.vfadde, _): a.addpd(d, y)
            case (.vfsube, 2): a.subps(d, y)
            case (.vfsube, _): a.subpd(d, y)
            case (.vfmule, 2): a.mulps(d, y)
            case (.vfmule, _): a.mulpd(d, y)
            case (.vfdive, 2): a.divps(d, y)
            case (.vfdive, _): a.divpd(d, y)
            case (.vfcmp, _):
                // The quiet predicates: EQ_OQ 0, UNORD_Q 3, NEQ_UQ 4, ORD_Q 7.
                let predicate: UInt8 = switch FloatCondition(rawValue: op.aux >> 2) {
                case .uno: 3
                case .une: 4
                case .ord: 7
                default: 0
                }
                if lanes == 2 { a.cmpps(d, y, imm8: predicate) } else { a.cmppd(d, y, imm8: predicate) }
            default: return .unsupported("\(op.opcode)")
            }
            store(op.dst, fromVector: d)
        }
        return nil
    }

}
