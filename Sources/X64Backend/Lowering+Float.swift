// Floating point on SSE: arithmetic in the host's MXCSR environment (the guest's), compares
// through ucomiss/ucomisd, conversions. ftoi and unsigned 64-bit itof call the interpreter's
// implementations (ReferenceHelpers) so both backends agree exactly.

import IR
import IRInterpreter
import X64Assembler

extension X64Compiler {
    mutating func lowerFloat(_ op: Op) -> CompileError? {
        let single = op.type == .f32
        switch op.opcode {
        case .fadd, .fsub, .fmul, .fdiv:
            // Two-address, in the result's register: a's register when a dies here (the
            // allocator's hint), else a copy of a; b's when b dies here and the op commutes
            // (Compiler+Analysis.swift, `commutes`); else in scratch.
            var y = xmm(op.b, into: .xmm14)
            var d = resultXMM(op.dst, scratch: .xmm15)
            if d == y && op.a != op.b && Self.commutes(op) {
                // The result has b's register (b dies here): d = b op a.
                y = xmm(op.a, into: .xmm14)
            } else {
                if d == y && op.a != op.b { d = .xmm15 }
                let x = xmm(op.a, into: d)
                if x != d { a.movaps(d, x) }
            }
            switch (op.opcode, single) {
            case (.fadd, true): a.addss(d, y)
            case (.fadd, false): a.addsd(d, y)
            case (.fsub, true): a.subss(d, y)
            case (.fsub, false): a.subsd(d, y)
            case (.fmul, true): a.mulss(d, y)
            case (.fmul, false): a.mulsd(d, y)
            case (.fdiv, true): a.divss(d, y)
            default: a.divsd(d, y)
            }
            store(op.dst, fromXMM: d)
        case .fsqrt:
            let x = xmm(op.a, into: .xmm14)
            let d = resultXMM(op.dst, scratch: .xmm15)
            if single { a.sqrtss(d, x) } else { a.sqrtsd(d, x) }
            store(op.dst, fromXMM: d)
        case .fneg, .fabs:
            // The sign bit flipped or cleared with a mask in xmm14: bit operations, NaNs included.
            let mask: UInt64 = switch (op.opcode, single) {
            case (.fneg, true): 0x8000_0000
            case (.fneg, false): 0x8000_0000_0000_0000
            case (_, true): 0x7fff_ffff
            default: 0x7fff_ffff_ffff_ffff
            }
            a.mov(GPR.rax, mask)
            a.movq(.xmm14, GPR.rax)
            let d = resultXMM(op.dst, scratch: .xmm15)
            let x = xmm(op.a, into: d)
            if x != d { a.movaps(d, x) }
            if op.opcode == .fneg { a.xorps(d, .xmm14) } else { a.andps(d, .xmm14) }
            store(op.dst, fromXMM: d)
        case .fsetcond:
            lowerFloatCompare(op, single: single)
        case .fconvert:
            let x = xmm(op.a, into: .xmm14)
            if single { a.cvtsd2ss(.xmm15, x) } else { a.cvtss2sd(.xmm15, x) }
            store(op.dst, fromXMM: .xmm15)
        case .itof:
            let sourceIs64 = valueTypes[Int(op.a.index)] == .i64
            let signed = op.aux & 1 != 0
            if sourceIs64 && !signed {
                let bits = gpr(op.a, into: .rax)
                a.mov(GPR.rsi, bits)
                a.mov(GPR.rdx.dword, UInt32(single ? 1 : 0))
                a.mov(GPR.rdi, JITABI.stateRegister)
                a.mov(GPR.rax, helperAddress(ReferenceHelpers.unsigned64ToFloat))
                a.call(GPR.rax)
                let x = resultXMM(op.dst, scratch: .xmm15)
                a.movq(x, GPR.rax)
                store(op.dst, fromXMM: x)
                return nil
            }
            let x = gpr(op.a, into: .rax)
            // A zero-extended unsigned 32-bit value converts exactly as a signed 64-bit one.
            let as64 = sourceIs64 || !signed
            a.xorps(.xmm15, .xmm15)
            switch (single, as64) {
            case (true, true): a.cvtsi2ss(.xmm15, x)
            case (true, false): a.cvtsi2ss(.xmm15, x.dword)
            case (false, true): a.cvtsi2sd(.xmm15, x)
            default: a.cvtsi2sd(.xmm15, x.dword)
            }
            store(op.dst, fromXMM: .xmm15)
        case .ftoi:
            let source = valueTypes[Int(op.a.index)]
            // a = the bits, b = aux, c = result bits | source type << 8: b and c are constants.
            let bits = floatBits(op.a, into: .rax)
            a.mov(.qword(.rsp, Self.slotAddress(Self.callSlot(0))), bits)
            a.mov(GPR.rsi, .qword(.rsp, Self.slotAddress(Self.callSlot(0))))
            a.mov(GPR.rdx.dword, UInt32(op.aux))
            a.mov(GPR.rcx.dword, UInt32(op.type.bits) | UInt32(source.rawValue) << 8)
            a.mov(GPR.rdi, JITABI.stateRegister)
            a.mov(GPR.rax, helperAddress(ReferenceHelpers.floatToInteger))
            a.call(GPR.rax)
            if op.type.bits == 32 { a.mov(GPR.rax.dword, .eax) }
            store(op.dst, from: .rax)
        case .bitcast:
            if op.type.isFloat {
                let x = gpr(op.a, into: .rax)
                let d = resultXMM(op.dst, scratch: .xmm15)
                if single { a.movd(d, x.dword) } else { a.movq(d, x) }
                store(op.dst, fromXMM: d)
            } else {
                let x = xmm(op.a, into: .xmm15)
                let d = resultRegister(op.dst, scratch: .rax)
                if op.type.bits == 32 { a.movd(d.dword, x) } else { a.movq(d, x) }
                store(op.dst, from: d)
            }
        default:
            return .unsupported("\(op.opcode)")
        }
        return nil
    }

    /// fsetcond via ucomis[sd]: unordered sets ZF, PF and CF; a > b clears all three; a < b
    /// sets CF; equality sets ZF. "Above" and "above or equal" are false when unordered, so
    /// the ordered less-than forms compare with the operands swapped.
    mutating func lowerFloatCompare(_ op: Op, single: Bool) {
        let cond = FloatCondition(rawValue: op.aux) ?? .oeq
        let x = xmm(op.a, into: .xmm15)
        let y = xmm(op.b, into: .xmm14)
        func ucomis(_ p: XMM, _ q: XMM) { if single { a.ucomiss(p, q) } else { a.ucomisd(p, q) } }
        switch cond {
        case .ogt: ucomis(x, y); a.setcc(.a, GPR.rax.byte)
        case .oge: ucomis(x, y); a.setcc(.ae, GPR.rax.byte)
        case .olt: ucomis(y, x); a.setcc(.a, GPR.rax.byte)
        case .ole: ucomis(y, x); a.setcc(.ae, GPR.rax.byte)
        case .oeq:
            ucomis(x, y)
            a.setcc(.e, GPR.rax.byte)
            a.setcc(.np, GPR.rcx.byte)
            a.and(GPR.rax.byte, GPR.rcx.byte)
        case .une:
            ucomis(x, y)
            a.setcc(.ne, GPR.rax.byte)
            a.setcc(.p, GPR.rcx.byte)
            a.or(GPR.rax.byte, GPR.rcx.byte)
        case .uno: ucomis(x, y); a.setcc(.p, GPR.rax.byte)
        case .ord: ucomis(x, y); a.setcc(.np, GPR.rax.byte)
        }
        a.movzx(GPR.rax.dword, GPR.rax.byte)
        store(op.dst, from: .rax)
    }

    /// fsetcond + brcond ne (taken when the condition holds) or eq (when it does not) as one
    /// ucomis and one or two jccs. After ucomis p, q: unordered sets ZF, PF and CF; p < q sets
    /// CF; p == q sets ZF; p > q clears all three.
    mutating func lowerFloatBranch(_ op: Op, _ branch: Op) {
        let single = op.type == .f32
        let cond = FloatCondition(rawValue: op.aux) ?? .oeq
        let whenHolds = branch.aux == IR.Condition.ne.rawValue
        let target = labels[Int(branch.imm)]
        let x = xmm(op.a, into: .xmm15)
        let y = xmm(op.b, into: .xmm14)
        func ucomis(_ p: XMM, _ q: XMM) { if single { a.ucomiss(p, q) } else { a.ucomisd(p, q) } }
        switch cond {
        case .ogt: ucomis(x, y); a.jcc(whenHolds ? .a : .be, target)
        case .oge: ucomis(x, y); a.jcc(whenHolds ? .ae : .b, target)
        case .olt: ucomis(y, x); a.jcc(whenHolds ? .a : .be, target)
        case .ole: ucomis(y, x); a.jcc(whenHolds ? .ae : .b, target)
        case .uno: ucomis(x, y); a.jcc(whenHolds ? .p : .np, target)
        case .ord: ucomis(x, y); a.jcc(whenHolds ? .np : .p, target)
        case .oeq, .une:
            ucomis(x, y)
            // Equal is ZF without PF; "not equal" is either flag's opposite.
            if (cond == .oeq) == whenHolds {
                let skip = a.makeLabel()
                a.jcc(.p, skip)
                a.jcc(.e, target)
                a.bind(skip)
            } else {
                a.jcc(.p, target)
                a.jcc(.ne, target)
            }
        }
        noteLoopEnd(Int(branch.imm))
    }

    func helperAddress(_ helper: HelperFunction) -> UInt64 {
        UInt64(UInt(bitPattern: unsafeBitCast(helper, to: UnsafeRawPointer.self)))
    }
}
