// Guest memory accesses of the interpreter: size, sign, byte order, atomicity.

import CHost
import IR

enum Memory {
    @inline(__always)
    static func load(_ p: UnsafeMutableRawPointer, _ m: MemOp, _ is32: Bool) -> UInt64 {
        let be = m.isBigEndian
        let v: UInt64
        switch m.size {
        case 1:
            let x = p.load(as: UInt8.self)
            v = m.isSigned ? UInt64(bitPattern: Int64(Int8(bitPattern: x))) : UInt64(x)
        case 2:
            var x = p.loadUnaligned(as: UInt16.self)
            if be { x = x.byteSwapped }
            v = m.isSigned ? UInt64(bitPattern: Int64(Int16(bitPattern: x))) : UInt64(x)
        case 4:
            var x = p.loadUnaligned(as: UInt32.self)
            if be { x = x.byteSwapped }
            v = m.isSigned ? UInt64(bitPattern: Int64(Int32(bitPattern: x))) : UInt64(x)
        default:
            let x = p.loadUnaligned(as: UInt64.self)
            v = be ? x.byteSwapped : x
        }
        return is32 ? v & 0xffff_ffff : v
    }

    @inline(__always)
    static func store(_ p: UnsafeMutableRawPointer, _ m: MemOp, _ value: UInt64) {
        let be = m.isBigEndian
        switch m.size {
        case 1:
            p.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
        case 2:
            let x = UInt16(truncatingIfNeeded: value)
            p.storeBytes(of: be ? x.byteSwapped : x, as: UInt16.self)
        case 4:
            let x = UInt32(truncatingIfNeeded: value)
            p.storeBytes(of: be ? x.byteSwapped : x, as: UInt32.self)
        default:
            p.storeBytes(of: be ? value.byteSwapped : value, as: UInt64.self)
        }
    }

    static func compareExchange(_ p: UnsafeMutableRawPointer, _ m: MemOp, expected: UInt64, new: UInt64) -> UInt64 {
        let be = m.isBigEndian
        switch m.size {
        case 1:
            return UInt64(chost_cas8(p, UInt8(truncatingIfNeeded: expected), UInt8(truncatingIfNeeded: new)))
        case 2:
            let e = UInt16(truncatingIfNeeded: expected), n = UInt16(truncatingIfNeeded: new)
            let old = chost_cas16(p, be ? e.byteSwapped : e, be ? n.byteSwapped : n)
            return UInt64(be ? old.byteSwapped : old)
        case 4:
            let e = UInt32(truncatingIfNeeded: expected), n = UInt32(truncatingIfNeeded: new)
            let old = chost_cas32(p, be ? e.byteSwapped : e, be ? n.byteSwapped : n)
            return UInt64(be ? old.byteSwapped : old)
        default:
            let old = chost_cas64(p, be ? expected.byteSwapped : expected, be ? new.byteSwapped : new)
            return be ? old.byteSwapped : old
        }
    }
}
