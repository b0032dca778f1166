// Integer arithmetic, logic, shifts, multiplication and division, bit fields, width changes,
// byte swaps and bit counts.

import IR
import X64Assembler

extension X64Compiler {
    enum ALU { case add, sub, and, or, xor }

    mutating func alu(_ kind: ALU, _ dst: GPR, _ src: GPR, wide: Bool) {
        switch (kind, wide) {
        case (.add, true): a.add(dst, src)
        case (.add, false): a.add(dst.dword, src.dword)
        case (.sub, true): a.sub(dst, src)
        case (.sub, false): a.sub(dst.dword, src.dword)
        case (.and, true): a.and(dst, src)
        case (.and, false): a.and(dst.dword, src.dword)
        case (.or, true): a.or(dst, src)
        case (.or, false): a.or(dst.dword, src.dword)
        case (.xor, true): a.xor(dst, src)
        case (.xor, false): a.xor(dst.dword, src.dword)
        }
    }

    mutating func alu(_ kind: ALU, _ dst: GPR, imm: Int32, wide: Bool) {
        switch (kind, wide) {
        case (.add, true): a.add(dst, imm)
        case (.add, false): a.add(dst.dword, imm)
        case (.sub, true): a.sub(dst, imm)
        case (.sub, false): a.sub(dst.dword, imm)
        case (.and, true): a.and(dst, imm)
        case (.and, false): a.and(dst.dword, imm)
        case (.or, true): a.or(dst, imm)
        case (.or, false): a.or(dst.dword, imm)
        case (.xor, true): a.xor(dst, imm)
        case (.xor, false): a.xor(dst.dword, imm)
        }
    }

    /// dst = src, full width (i32 values are zero-extended already).
    mutating func copy(_ dst: GPR, _ src: GPR) { if dst != src { a.mov(dst, src) } }

    mutating func lowerBinary(_ op: Op) {
        let wide = op.type.bits == 64
        let dst = resultRegister(op.dst, scratch: .rax)
        let kind: ALU? = switch op.opcode {
        case .add: .add
        case .sub: .sub
        case .and: .and
        case .or: .or
        case .xor: .xor
        default: nil
        }
        if let k = constantValue(op.b) {
            let imm = Int32(truncatingIfNeeded: k)
            let x = gpr(op.a, into: dst)
            if kind != nil, op.opcode == .add, !wide, x != dst {
                a.lea(dst.dword, Address(x, imm))  // three-operand add without a copy
            } else if let kind {
                copy(dst, x)
                alu(kind, dst, imm: imm, wide: wide)
            } else if op.opcode == .mul {
                if wide { a.imul(dst, x, imm) } else { a.imul(dst.dword, x.dword, imm) }
            } else {
                // andc / orc with a constant: the complement is a constant too.
                copy(dst, x)
                let complement = Int32(truncatingIfNeeded: ~k)
                alu(op.opcode == .andc ? .and : .or, dst, imm: complement, wide: wide)
            }
            store(op.dst, from: dst)
            return
        }
        var y = gpr(op.b, into: .rcx)
        if op.opcode == .andc || op.opcode == .orc {
            if y != .rcx { a.mov(GPR.rcx, y) }
            if wide { a.not(GPR.rcx) } else { a.not(GPR.rcx.dword) }
            y = .rcx
        }
        let commutative = op.opcode != .sub
        var target = dst
        if y == dst {
            if commutative {
                let x = gpr(op.a, into: .rax)
                apply(op.opcode, dst, x, wide: wide)
                store(op.dst, from: dst)
                return
            }
            target = .rax
        }
        let x = gpr(op.a, into: target)
        copy(target, x)
        apply(op.opcode, target, y, wide: wide)
        store(op.dst, from: target)
    }

    /// target op= source for the binary opcodes.
    mutating func apply(_ opcode: Opcode, _ target: GPR, _ source: GPR, wide: Bool) {
        switch opcode {
        case .add: alu(.add, target, source, wide: wide)
        case .sub: alu(.sub, target, source, wide: wide)
        case .and, .andc: alu(.and, target, source, wide: wide)
        case .or, .orc: alu(.or, target, source, wide: wide)
        case .xor: alu(.xor, target, source, wide: wide)
        default: if wide { a.imul(target, source) } else { a.imul(target.dword, source.dword) }
        }
    }

    mutating func lowerShift(_ op: Op) {
        let wide = op.type.bits == 64
        let dst = resultRegister(op.dst, scratch: .rax)
        if let k = constantValue(op.b) {
            let n = UInt8(k & UInt64(op.type.bits - 1))
            copy(dst, gpr(op.a, into: dst))
            switch (op.opcode, wide) {
            case (.shl, true): a.shl(dst, imm8: n)
            case (.shl, false): a.shl(dst.dword, imm8: n)
            case (.shr, true): a.shr(dst, imm8: n)
            case (.shr, false): a.shr(dst.dword, imm8: n)
            case (.sar, true): a.sar(dst, imm8: n)
            case (.sar, false): a.sar(dst.dword, imm8: n)
            case (.rotl, true): a.rol(dst, imm8: n)
            case (.rotl, false): a.rol(dst.dword, imm8: n)
            case (.rotr, true): a.ror(dst, imm8: n)
            default: a.ror(dst.dword, imm8: n)
            }
            store(op.dst, from: dst)
            return
        }
        // x86 takes the count modulo the width, as the IR does.
        load(op.b, to: .rcx)
        let target = dst
        copy(target, gpr(op.a, into: target))
        switch (op.opcode, wide) {
        case (.shl, true): a.shl(target, .cl)
        case (.shl, false): a.shl(target.dword, .cl)
        case (.shr, true): a.shr(target, .cl)
        case (.shr, false): a.shr(target.dword, .cl)
        case (.sar, true): a.sar(target, .cl)
        case (.sar, false): a.sar(target.dword, .cl)
        case (.rotl, true): a.rol(target, .cl)
        case (.rotl, false): a.rol(target.dword, .cl)
        case (.rotr, true): a.ror(target, .cl)
        default: a.ror(target.dword, .cl)
        }
        store(op.dst, from: target)
    }

    mutating func lowerUnary(_ op: Op) {
        let wide = op.type.bits == 64
        let dst = resultRegister(op.dst, scratch: .rax)
        copy(dst, gpr(op.a, into: dst))
        switch (op.opcode, wide) {
        case (.not, true): a.not(dst)
        case (.not, false): a.not(dst.dword)
        case (.neg, true): a.neg(dst)
        default: a.neg(dst.dword)
        }
        store(op.dst, from: dst)
    }

    /// mulhu/mulhs, and division with the IR's answers for division by zero and overflow (x86
    /// would trap on both).
    mutating func lowerMultiplyDivide(_ op: Op) {
        let wide = op.type.bits == 64
        switch op.opcode {
        case .mulhu, .mulhs:
            if wide {
                load(op.b, to: .rcx)
                load(op.a, to: .rax)
                if op.opcode == .mulhu { a.mul(GPR.rcx) } else { a.imul(GPR.rcx) }
                store(op.dst, from: .rdx)
            } else {
                let x = gpr(op.a, into: .rax), y = gpr(op.b, into: .rcx)
                if op.opcode == .mulhu {
                    a.mov(GPR.rax.dword, x.dword)
                    a.mov(GPR.rcx.dword, y.dword)
                } else {
                    a.movsxd(GPR.rax, x.dword)
                    a.movsxd(GPR.rcx, y.dword)
                }
                a.imul(GPR.rax, .rcx)
                a.shr(GPR.rax, imm8: 32)
                a.mov(GPR.rax.dword, GPR.rax.dword)
                store(op.dst, from: .rax)
            }
        default:
            let signed = op.opcode == .divs || op.opcode == .rems
            let remainder = op.opcode == .remu || op.opcode == .rems
            let done = a.makeLabel(), byZero = a.makeLabel(), byMinusOne = a.makeLabel()
            load(op.b, to: .rcx)
            if wide { a.test(GPR.rcx, .rcx) } else { a.test(GPR.rcx.dword, .ecx) }
            a.jcc(.e, byZero)
            if signed {
                if wide { a.cmp(GPR.rcx, -1) } else { a.cmp(GPR.rcx.dword, -1) }
                a.jcc(.e, byMinusOne)
            }
            load(op.a, to: .rax)
            switch (signed, wide) {
            case (false, true): a.xor(GPR.rdx.dword, .edx); a.div(GPR.rcx)
            case (false, false): a.xor(GPR.rdx.dword, .edx); a.div(GPR.rcx.dword)
            case (true, true): a.cqo(); a.idiv(GPR.rcx)
            case (true, false): a.cdq(); a.idiv(GPR.rcx.dword)
            }
            if remainder { a.mov(GPR.rax, .rdx) }
            a.jmp(done)
            // x / 0 = 0, x % 0 = x.
            a.bind(byZero)
            if remainder { load(op.a, to: .rax) } else { a.xor(GPR.rax.dword, .eax) }
            if signed {
                a.jmp(done)
                // x / -1 = -x (wrapping), x % -1 = 0.
                a.bind(byMinusOne)
                if remainder {
                    a.xor(GPR.rax.dword, .eax)
                } else {
                    load(op.a, to: .rax)
                    if wide { a.neg(GPR.rax) } else { a.neg(GPR.rax.dword) }
                }
            }
            a.bind(done)
            store(op.dst, from: .rax)
        }
    }

    mutating func lowerBits(_ op: Op) {
        let wide = op.type.bits == 64
        let width = op.type.bits
        let dst = resultRegister(op.dst, scratch: .rax)
        switch op.opcode {
        case .extract:
            let pos = op.fieldPosition, len = op.fieldLength
            copy(.rax, gpr(op.a, into: .rax))
            if wide {
                if pos + len < 64 { a.shl(GPR.rax, imm8: UInt8(64 - pos - len)) }
                if len < 64 { a.shr(GPR.rax, imm8: UInt8(64 - len)) }
            } else {
                if pos > 0 { a.shr(GPR.rax.dword, imm8: UInt8(pos)) }
                if len < 32 { a.and(GPR.rax.dword, Int32((1 << len) - 1)) }
            }
            store(op.dst, from: .rax)
        case .sextract:
            let pos = op.fieldPosition, len = op.fieldLength
            copy(.rax, gpr(op.a, into: .rax))
            if wide {
                a.shl(GPR.rax, imm8: UInt8(64 - pos - len))
                a.sar(GPR.rax, imm8: UInt8(64 - len))
            } else {
                a.shl(GPR.rax.dword, imm8: UInt8(32 - pos - len))
                a.sar(GPR.rax.dword, imm8: UInt8(32 - len))
            }
            store(op.dst, from: .rax)
        case .deposit:
            let pos = op.fieldPosition, len = op.fieldLength
            let mask: UInt64 = (len >= 64 ? ~0 : (UInt64(1) << UInt64(len)) - 1) << UInt64(pos)
            load(op.b, to: .rcx)
            load(op.a, to: .rax)
            if wide {
                a.shl(GPR.rcx, imm8: UInt8(pos))
                a.mov(GPR.rdx, mask)
                a.and(GPR.rcx, .rdx)
                a.not(GPR.rdx)
                a.and(GPR.rax, .rdx)
                a.or(GPR.rax, .rcx)
            } else {
                if pos > 0 { a.shl(GPR.rcx.dword, imm8: UInt8(pos)) }
                a.and(GPR.rcx.dword, Int32(bitPattern: UInt32(truncatingIfNeeded: mask)))
                a.and(GPR.rax.dword, Int32(bitPattern: ~UInt32(truncatingIfNeeded: mask)))
                a.or(GPR.rax.dword, .ecx)
            }
            store(op.dst, from: .rax)
        case .ext8s, .ext8u, .ext16s, .ext16u:
            let x = gpr(op.a, into: .rax)
            switch (op.opcode, wide) {
            case (.ext8s, true): a.movsx(dst, x.byte)
            case (.ext8s, false): a.movsx(dst.dword, x.byte)
            case (.ext8u, _): a.movzx(dst.dword, x.byte)
            case (.ext16s, true): a.movsx(dst, x.word)
            case (.ext16s, false): a.movsx(dst.dword, x.word)
            default: a.movzx(dst.dword, x.word)
            }
            store(op.dst, from: dst)
        case .zext, .trunc:
            let x = gpr(op.a, into: dst)
            a.mov(dst.dword, x.dword)
            store(op.dst, from: dst)
        case .sext:
            let x = gpr(op.a, into: dst)
            a.movsxd(dst, x.dword)
            store(op.dst, from: dst)
        default:  // concat
            load(op.b, to: .rcx)
            let x = gpr(op.a, into: .rax)
            a.mov(GPR.rax.dword, x.dword)
            a.shl(GPR.rcx, imm8: 32)
            a.or(GPR.rax, .rcx)
            store(op.dst, from: .rax)
        }
        _ = width
    }

    mutating func lowerCounts(_ op: Op) {
        let wide = op.type.bits == 64
        let x = gpr(op.a, into: .rcx)
        switch op.opcode {
        case .bswap16:
            a.movzx(GPR.rax.dword, x.word)
            a.rol(GPR.rax.word, imm8: 8)
        case .bswap32:
            a.mov(GPR.rax.dword, x.dword)
            a.bswap(GPR.rax.dword)
        case .bswap64:
            a.mov(GPR.rax, x)
            a.bswap(GPR.rax)
        case .clz:
            if features.lzcnt {
                if wide { a.lzcnt(GPR.rax, x) } else { a.lzcnt(GPR.rax.dword, x.dword) }
            } else {
                // clz = (width - 1) - bsr, with bsr of 0 taken as -1.
                a.mov(GPR.rdx, UInt64.max)
                if wide { a.bsr(GPR.rax, x) } else { a.bsr(GPR.rax.dword, x.dword) }
                a.cmovcc(.e, GPR.rax, .rdx)
                a.mov(GPR.rdx.dword, UInt32(op.type.bits - 1))
                a.sub(GPR.rdx.dword, .eax)
                a.mov(GPR.rax.dword, .edx)
            }
        case .ctz:
            if features.bmi1 {
                if wide { a.tzcnt(GPR.rax, x) } else { a.tzcnt(GPR.rax.dword, x.dword) }
            } else {
                a.mov(GPR.rdx.dword, UInt32(op.type.bits))
                if wide { a.bsf(GPR.rax, x) } else { a.bsf(GPR.rax.dword, x.dword) }
                a.cmovcc(.e, GPR.rax, .rdx)
            }
        default:  // popcount
            if wide { a.popcnt(GPR.rax, x) } else { a.popcnt(GPR.rax.dword, x.dword) }
        }
        store(op.dst, from: .rax)
    }
}
