// Guest memory (base register r14 plus the guest address), the guest state (r15 plus an
// offset), atomics and fences.

import IR
import X64Assembler

extension X64Compiler {
    /// The host address of `a + imm` for a memory op: [r14 + rax] after computing the guest
    /// address into rax, or [r14 + reg] when the address is a register and imm is 0. A 32-bit
    /// guest address wraps at 4 GiB as the IR says (the 32-bit lea does the wrap).
    mutating func guestAddress(_ op: Op, addressIs64: Bool) -> (GPR, Int32) {
        let x = gpr(op.a, into: .rax)
        if op.imm == 0 { return (x, 0) }
        if addressIs64 {
            let d = Int64(bitPattern: op.imm)
            if d == Int64(Int32(truncatingIfNeeded: d)) { return (x, Int32(d)) }
            a.mov(GPR.rdx, op.imm)
            a.lea(GPR.rax, Address(x, .rdx, .x1, 0))
            return (.rax, 0)
        }
        a.lea(GPR.rax.dword, Address(x, Int32(truncatingIfNeeded: op.imm)))
        return (.rax, 0)
    }

    /// Branches to an alignment-fault exit when the access is not naturally aligned. The exit
    /// carries its own host address above the reason (JITABI.Exit.exitTB), so the engine finds
    /// the guest instruction in the block's instruction starts, as for a host fault.
    mutating func checkAlignment(_ base: GPR, _ displacement: Int32, size: Int) {
        guard size > 1 else { return }
        a.lea(GPR.rdx, Address(base, displacement))
        a.test(GPR.rdx.dword, imm32: Int32(size - 1))
        let fine = a.makeLabel()
        a.jcc(.e, fine)
        let here = a.makeBoundLabel()
        a.lea(GPR.rax, .rip(here, 0))
        a.shl(GPR.rax, imm8: 16)
        a.or(GPR.rax, Int32(JITABI.Exit.exitTB.rawValue) | Int32(ExitReason.alignmentFault.rawValue) << 8)
        jumpToExitStub()
        a.bind(fine)
    }

    mutating func lowerMemory(_ op: Op) {
        if op.opcode == .fence {
            a.mfence()
            return
        }
        let m = MemOp(rawValue: op.aux)
        let addressIs64 = valueTypes[Int(op.a.index)].bits == 64
        switch op.opcode {
        case .load:
            let (base, d) = guestAddress(op, addressIs64: addressIs64)
            if m.mustBeAligned { checkAlignment(base, d, size: m.size) }
            let at = Address(JITABI.memoryRegister, base, .x1, d)
            if op.type.isFloat && !m.isBigEndian {
                let x = resultXMM(op.dst, scratch: .xmm15)
                if m.size == 4 { a.movss(x, .dword(at)) } else { a.movsd(x, .qword(at)) }
                store(op.dst, fromXMM: x)
                return
            }
            let dst: GPR = op.type.isFloat ? .rax : resultRegister(op.dst, scratch: .rax)
            let wide = op.type.bits == 64
            switch m.size {
            case 1:
                if m.isSigned { if wide { a.movsx(dst, .byte(at)) } else { a.movsx(dst.dword, .byte(at)) } }
                else { a.movzx(dst.dword, .byte(at)) }
            case 2:
                if m.isBigEndian {
                    a.movzx(dst.dword, .word(at))
                    a.rol(dst.word, imm8: 8)
                    if m.isSigned { if wide { a.movsx(dst, dst.word) } else { a.movsx(dst.dword, dst.word) } }
                } else if m.isSigned {
                    if wide { a.movsx(dst, .word(at)) } else { a.movsx(dst.dword, .word(at)) }
                } else {
                    a.movzx(dst.dword, .word(at))
                }
            case 4:
                if m.isBigEndian {
                    if features.movbe { a.movbe(dst.dword, .dword(at)) } else { a.mov(dst.dword, .dword(at)); a.bswap(dst.dword) }
                    if m.isSigned && wide { a.movsxd(dst, dst.dword) }
                } else if m.isSigned && wide {
                    a.movsxd(dst, .dword(at))
                } else {
                    a.mov(dst.dword, .dword(at))
                }
            default:
                if m.isBigEndian {
                    if features.movbe { a.movbe(dst, .qword(at)) } else { a.mov(dst, .qword(at)); a.bswap(dst) }
                } else {
                    a.mov(dst, .qword(at))
                }
                // An i32 takes the low half, zero-extended as every i32 is kept.
                if !wide && !op.type.isFloat { a.mov(dst.dword, dst.dword) }
            }
            if op.type.isFloat {
                let x = resultXMM(op.dst, scratch: .xmm15)
                a.movq(x, dst)
                store(op.dst, fromXMM: x)
            } else {
                store(op.dst, from: dst)
            }
        case .store:
            var value: GPR
            if op.type.isFloat {
                value = floatBits(op.b, into: .rcx)
            } else {
                value = gpr(op.b, into: .rcx)
            }
            if m.isBigEndian && m.size > 1 {
                if value != .rcx { a.mov(GPR.rcx, value) }
                value = .rcx
                switch m.size {
                case 2: a.rol(GPR.rcx.word, imm8: 8)
                case 4: a.bswap(GPR.rcx.dword)
                default: a.bswap(GPR.rcx)
                }
            }
            let (base, d) = guestAddress(op, addressIs64: addressIs64)
            if m.mustBeAligned { checkAlignment(base, d, size: m.size) }
            let at = Address(JITABI.memoryRegister, base, .x1, d)
            switch m.size {
            case 1: a.mov(.byte(at), value.byte)
            case 2: a.mov(.word(at), value.word)
            case 4: a.mov(.dword(at), value.dword)
            default: a.mov(.qword(at), value)
            }
        default:  // cmpxchg: dst = memory[a + imm]; if dst == b { memory[a + imm] = c }
            // The guest address first, into rdx (the alignment check keeps rdx).
            let x = gpr(op.a, into: .rdx)
            let displacement = Int64(bitPattern: op.imm)
            if !addressIs64 {
                a.lea(GPR.rdx.dword, Address(x, Int32(truncatingIfNeeded: op.imm)))
            } else if displacement == Int64(Int32(truncatingIfNeeded: displacement)) {
                a.lea(GPR.rdx, Address(x, Int32(displacement)))
            } else {
                if x != .rdx { a.mov(GPR.rdx, x) }
                a.mov(GPR.rax, op.imm)
                a.add(GPR.rdx, .rax)
            }
            if m.mustBeAligned { checkAlignment(.rdx, 0, size: m.size) }
            load(op.c, to: .rcx)
            load(op.b, to: .rax)
            if m.isBigEndian && m.size > 1 {
                switch m.size {
                case 2: a.rol(GPR.rax.word, imm8: 8); a.rol(GPR.rcx.word, imm8: 8)
                case 4: a.bswap(GPR.rax.dword); a.bswap(GPR.rcx.dword)
                default: a.bswap(GPR.rax); a.bswap(GPR.rcx)
                }
            }
            let at = Address(JITABI.memoryRegister, .rdx, .x1, 0)
            // The old value zero-extended: a successful 32-bit cmpxchg leaves rax's upper half.
            switch m.size {
            case 1: a.lockCmpxchg(.byte(at), GPR.rcx.byte); a.movzx(GPR.rax.dword, GPR.rax.byte)
            case 2: a.lockCmpxchg(.word(at), GPR.rcx.word); a.movzx(GPR.rax.dword, GPR.rax.word)
            case 4: a.lockCmpxchg(.dword(at), GPR.rcx.dword); a.mov(GPR.rax.dword, .eax)
            default: a.lockCmpxchg(.qword(at), GPR.rcx)
            }
            if m.isBigEndian && m.size > 1 {
                switch m.size {
                case 2: a.rol(GPR.rax.word, imm8: 8)
                case 4: a.bswap(GPR.rax.dword)
                default: a.bswap(GPR.rax)
                }
            }
            store(op.dst, from: .rax)
        }
    }

    mutating func lowerState(_ op: Op) {
        let at = Address(JITABI.stateRegister, Int32(op.imm))
        if op.opcode == .loadState {
            // A value homed in this very field is read from it where it is used; one homed in
            // the field its first use stores it to is copied there now (that store is skipped).
            if case .state(let home) = location(op.dst) {
                if home != Int32(op.imm) {
                    if op.type.bits == 32 {
                        a.mov(GPR.rax.dword, .dword(at))
                        a.mov(.dword(JITABI.stateRegister, home), GPR.rax.dword)
                    } else {
                        a.mov(GPR.rax, .qword(at))
                        a.mov(.qword(JITABI.stateRegister, home), GPR.rax)
                    }
                }
                return
            }
            if op.type.isFloat {
                let x = resultXMM(op.dst, scratch: .xmm15)
                if op.type.bits == 32 { a.movss(x, .dword(at)) } else { a.movsd(x, .qword(at)) }
                store(op.dst, fromXMM: x)
            } else {
                let dst = resultRegister(op.dst, scratch: .rax)
                if op.type.bits == 32 { a.mov(dst.dword, .dword(at)) } else { a.mov(dst, .qword(at)) }
                store(op.dst, from: dst)
            }
            return
        }
        // Storing a value to its own home changes nothing.
        if case .state(let home) = location(op.a), home == Int32(op.imm), valueTypes[Int(op.a.index)].bits == op.type.bits {
            return
        }
        if op.type.isFloat {
            let x = xmm(op.a, into: .xmm15)
            if op.type.bits == 32 { a.movss(.dword(at), x) } else { a.movsd(.qword(at), x) }
            return
        }
        if let k = constantValue(op.a) {
            if op.type.bits == 32 { a.mov(.dword(at), imm32: UInt32(truncatingIfNeeded: k)); return }
            if Int64(bitPattern: k) == Int64(Int32(truncatingIfNeeded: k)) { a.mov(.qword(at), imm32: Int32(truncatingIfNeeded: k)); return }
        }
        let x = gpr(op.a, into: .rax)
        if op.type.bits == 32 { a.mov(.dword(at), x.dword) } else { a.mov(.qword(at), x) }
    }
}
