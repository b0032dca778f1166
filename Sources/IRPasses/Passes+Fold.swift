// Constant folding of the integer ops translators produce most. Each rule is the op's
// definition in Documentation/IR.md; IRTests check the folded result against the interpreter.

import IR

extension Passes {
    /// The constant result of `op` when its operands are constants (`ka`, `kb`: the constants
    /// its operands hold, nil when they are not), nil when it cannot be folded (non-constant
    /// operands, or an op this pass does not fold).
    static func fold(_ op: Op, _ ka: UInt64?, _ kb: UInt64?) -> UInt64? {
        let is32 = op.type.bits == 32
        let mask: UInt64 = is32 ? 0xffff_ffff : ~0
        let width: UInt64 = is32 ? 32 : 64
        switch op.opcode {
        case .add, .sub, .mul, .and, .or, .xor, .andc, .orc, .shl, .shr, .sar:
            guard op.type.isInteger, let a = ka, let b = kb else { return nil }
            let n = b & (width - 1)
            let r: UInt64
            switch op.opcode {
            case .add: r = a &+ b
            case .sub: r = a &- b
            case .mul: r = a &* b
            case .and: r = a & b
            case .or: r = a | b
            case .xor: r = a ^ b
            case .andc: r = a & ~b
            case .orc: r = a | ~b
            case .shl: r = a << n
            case .shr: r = (a & mask) >> n
            default:
                r = is32 ? UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: a) >> Int32(n)))
                    : UInt64(bitPattern: Int64(bitPattern: a) >> Int64(n))
            }
            return r & mask
        case .not:
            guard op.type.isInteger, let a = ka else { return nil }
            return ~a & mask
        case .neg:
            guard op.type.isInteger, let a = ka else { return nil }
            return (0 &- a) & mask
        case .zext, .trunc:
            guard let a = ka else { return nil }
            return a & 0xffff_ffff
        case .sext:
            guard let a = ka else { return nil }
            return UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: a)))
        case .extract:
            guard let a = ka, op.fieldLength > 0, op.fieldLength < 64 else { return nil }
            return (a >> UInt64(op.fieldPosition)) & ((1 << UInt64(op.fieldLength)) - 1)
        case .deposit:
            let position = UInt64(op.fieldPosition), length = UInt64(op.fieldLength)
            guard op.type.isInteger, let a = ka, let b = kb, length > 0, position + length <= width else { return nil }
            let field: UInt64 = length == 64 ? ~0 : ((1 << length) - 1) << position
            return ((a & ~field) | ((b << position) & field)) & mask
        case .setcond:
            guard let a = ka, let b = kb, let cond = Condition(rawValue: op.aux) else { return nil }
            return cond.holds(a, b, bits: op.type.bits) ? 1 : 0
        default:
            return nil
        }
    }

    /// `op` rewritten to something cheaper when one operand is a constant that makes it an
    /// identity (x + 0, x & ~0, x * 1, ...) or a constant (x & 0, x * 0), or when it tests a
    /// 0/1 value against 0 (`aIsBoolean`: a is known to be 0 or 1). `ka`, `kb`: the constants its
    /// operands hold. Nil when no rule applies.
    /// The result defines the same `dst`; a `mov` is then forwarded like any other.
    static func simplify(_ op: Op, _ ka: UInt64?, _ kb: UInt64?, aIsBoolean: Bool) -> Op? {
        guard op.type.isInteger else { return nil }
        let mask: UInt64 = op.type.bits == 32 ? 0xffff_ffff : ~0
        let move = Op(.mov, op.type, dst: op.dst, a: op.a)
        switch op.opcode {
        case .add, .sub, .or, .xor, .shl, .shr, .sar, .rotl, .rotr:
            let shift = op.opcode == .shl || op.opcode == .shr || op.opcode == .sar || op.opcode == .rotl || op.opcode == .rotr
            if let b = kb, (shift ? b & UInt64(op.type.bits - 1) : b & mask) == 0 { return move }
            if op.opcode == .add || op.opcode == .or || op.opcode == .xor, let a = ka, a & mask == 0 {
                return Op(.mov, op.type, dst: op.dst, a: op.b)
            }
        case .and:
            if let b = kb, b & mask == mask { return move }
            if let b = kb, b & mask == 0 { return Op(.const_, op.type, dst: op.dst, imm: 0) }
        case .andc:
            if let b = kb, b & mask == 0 { return move }
        case .mul:
            if let b = kb, b & mask == 1 { return move }
            if let b = kb, b & mask == 0 { return Op(.const_, op.type, dst: op.dst, imm: 0) }
        case .setcond:
            // A 0/1 value tested for being non-zero: itself.
            guard aIsBoolean, kb == 0, let cond = Condition(rawValue: op.aux) else { return nil }
            if cond == .ne || cond == .gtu { return move }
        default:
            break
        }
        return nil
    }
}
