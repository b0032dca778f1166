// Integer op semantics (Documentation/IR.md, "Integer arithmetic", "Shifts", "Bit fields").

import IR

extension Interpreter {
    @inline(__always)
    static func binary(_ opcode: Opcode, _ a: UInt64, _ b: UInt64, _ is32: Bool) -> UInt64 {
        let v: UInt64
        switch opcode {
        case .add: v = a &+ b
        case .sub: v = a &- b
        case .mul: v = a &* b
        case .and: v = a & b
        case .or: v = a | b
        case .xor: v = a ^ b
        case .andc: v = a & ~b
        case .orc: v = a | ~b
        default: v = 0
        }
        return narrow(v, is32)
    }

    static func multiplyDivide(_ opcode: Opcode, _ a: UInt64, _ b: UInt64, _ is32: Bool) -> UInt64 {
        if is32 {
            let x = UInt32(truncatingIfNeeded: a), y = UInt32(truncatingIfNeeded: b)
            let sx = Int32(bitPattern: x), sy = Int32(bitPattern: y)
            let v: UInt32
            switch opcode {
            case .mulhu: v = UInt32((UInt64(x) * UInt64(y)) >> 32)
            case .mulhs: v = UInt32(truncatingIfNeeded: (Int64(sx) * Int64(sy)) >> 32)
            case .divu: v = y == 0 ? 0 : x / y
            case .remu: v = y == 0 ? x : x % y
            case .divs: v = y == 0 ? 0 : UInt32(bitPattern: sx.dividedReportingOverflow(by: sy).partialValue)
            case .rems: v = y == 0 ? x : UInt32(bitPattern: sx.remainderReportingOverflow(dividingBy: sy).partialValue)
            default: v = 0
            }
            return UInt64(v)
        }
        let sa = Int64(bitPattern: a), sb = Int64(bitPattern: b)
        switch opcode {
        case .mulhu: return a.multipliedFullWidth(by: b).high
        case .mulhs: return UInt64(bitPattern: sa.multipliedFullWidth(by: sb).high)
        case .divu: return b == 0 ? 0 : a / b
        case .remu: return b == 0 ? a : a % b
        case .divs: return b == 0 ? 0 : UInt64(bitPattern: sa.dividedReportingOverflow(by: sb).partialValue)
        case .rems: return b == 0 ? a : UInt64(bitPattern: sa.remainderReportingOverflow(dividingBy: sb).partialValue)
        default: return 0
        }
    }

    @inline(__always)
    static func shift(_ opcode: Opcode, _ a: UInt64, _ b: UInt64, _ is32: Bool) -> UInt64 {
        if is32 {
            let x = UInt32(truncatingIfNeeded: a), n = UInt32(truncatingIfNeeded: b) & 31
            let v: UInt32
            switch opcode {
            case .shl: v = x << n
            case .shr: v = x >> n
            case .sar: v = UInt32(bitPattern: Int32(bitPattern: x) >> n)
            case .rotl: v = n == 0 ? x : (x << n) | (x >> (32 - n))
            case .rotr: v = n == 0 ? x : (x >> n) | (x << (32 - n))
            default: v = 0
            }
            return UInt64(v)
        }
        let n = b & 63
        switch opcode {
        case .shl: return a << n
        case .shr: return a >> n
        case .sar: return UInt64(bitPattern: Int64(bitPattern: a) >> n)
        case .rotl: return n == 0 ? a : (a << n) | (a >> (64 - n))
        case .rotr: return n == 0 ? a : (a >> n) | (a << (64 - n))
        default: return 0
        }
    }

    static func bits(_ op: Op, _ a: UInt64, _ b: UInt64, _ is32: Bool) -> UInt64 {
        let width: UInt64 = is32 ? 32 : 64
        switch op.opcode {
        case .extract:
            let len = UInt64(op.fieldLength)
            let mask: UInt64 = len >= 64 ? ~0 : (1 << len) - 1
            return (a >> UInt64(op.fieldPosition)) & mask
        case .sextract:
            let pos = UInt64(op.fieldPosition), len = UInt64(op.fieldLength)
            let shifted = Int64(bitPattern: a << (64 - pos - len)) >> (64 - len)
            return narrow(UInt64(bitPattern: shifted), is32)
        case .deposit:
            let pos = UInt64(op.fieldPosition), len = UInt64(op.fieldLength)
            let mask: UInt64 = (len >= 64 ? ~0 : (1 << len) - 1) << pos
            return narrow((a & ~mask) | ((b << pos) & mask), is32)
        case .ext8s: return narrow(UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: a))), is32)
        case .ext8u: return a & 0xff
        case .ext16s: return narrow(UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: a))), is32)
        case .ext16u: return a & 0xffff
        case .zext: return a & 0xffff_ffff
        case .sext: return UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: a)))
        case .trunc: return a & 0xffff_ffff
        case .concat: return (a & 0xffff_ffff) | (b << 32)
        case .bswap16: return UInt64(UInt16(truncatingIfNeeded: a).byteSwapped)
        case .bswap32: return UInt64(UInt32(truncatingIfNeeded: a).byteSwapped)
        case .bswap64: return a.byteSwapped
        case .clz: return is32 ? UInt64(UInt32(truncatingIfNeeded: a).leadingZeroBitCount) : UInt64(a.leadingZeroBitCount)
        case .ctz:
            if is32 { return UInt64(UInt32(truncatingIfNeeded: a).trailingZeroBitCount) }
            return a == 0 ? width : UInt64(a.trailingZeroBitCount)
        case .popcount: return UInt64(a.nonzeroBitCount)
        default: return 0
        }
    }
}
