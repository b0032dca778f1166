// Integer arithmetic, logic and shifts: every op on i32 and i64 against Swift's own arithmetic
// on UInt32/Int32 and UInt64/Int64, over edge operands and deterministic random ones.

import IR
import IRInterpreter
import Testing
import TestTools

/// What each op should compute, written with Swift's fixed-width types (not the interpreter's
/// UInt64 register model).
enum IntegerReference {
    static func evaluate(_ op: Opcode, _ a: UInt64, _ b: UInt64, bits: Int) -> UInt64 {
        bits == 32
            ? UInt64(evaluate(op, UInt32(truncatingIfNeeded: a), UInt32(truncatingIfNeeded: b), signed: Int32.self))
            : evaluate(op, a, b, signed: Int64.self)
    }

    static func evaluate<U: FixedWidthInteger & UnsignedInteger, S: FixedWidthInteger & SignedInteger>(
        _ op: Opcode, _ x: U, _ y: U, signed: S.Type
    ) -> U {
        let sx = S(truncatingIfNeeded: x), sy = S(truncatingIfNeeded: y)
        let width = U(U.bitWidth)
        switch op {
        case .add: return x &+ y
        case .sub: return x &- y
        case .mul: return x &* y
        case .mulhu: return x.multipliedFullWidth(by: y).high
        case .mulhs: return U(truncatingIfNeeded: sx.multipliedFullWidth(by: sy).high)
        case .divu: return y == 0 ? 0 : x / y
        case .remu: return y == 0 ? x : x % y
        case .divs:
            if y == 0 { return 0 }
            if sx == S.min && sy == -1 { return x }
            return U(truncatingIfNeeded: sx / sy)
        case .rems:
            if y == 0 { return x }
            if sx == S.min && sy == -1 { return 0 }
            return U(truncatingIfNeeded: sx % sy)
        case .and: return x & y
        case .or: return x | y
        case .xor: return x ^ y
        case .andc: return x & ~y
        case .orc: return x | ~y
        case .shl: return x << (y % width)
        case .shr: return x >> (y % width)
        case .sar: return U(truncatingIfNeeded: sx >> (y % width))
        // Swift's smart shifts give 0 for a shift by the full width, so k == 0 needs no case.
        case .rotl: let k = y % width; return (x << k) | (x >> (width - k))
        case .rotr: let k = y % width; return (x >> k) | (x << (width - k))
        case .not: return ~x
        case .neg: return 0 &- x
        default: fatalError("not an integer binary op: \(op)")
        }
    }
}

let integerBinaryOpcodes: [Opcode] = [
    .add, .sub, .mul, .mulhu, .mulhs, .divu, .divs, .remu, .rems,
    .and, .or, .xor, .andc, .orc, .shl, .shr, .sar, .rotl, .rotr,
]

@Suite("Integer arithmetic, logic and shifts")
struct IntegerOpTests {
    @Test("binary ops agree with Swift arithmetic", arguments: integerBinaryOpcodes, [IRType.i32, .i64])
    func binaryAgrees(_ opcode: Opcode, _ type: IRType) {
        let k = Kernel(opcode, type)
        for (a, b) in Operands.pairs(bits: type.bits, seed: UInt64(opcode.rawValue) << 8 | UInt64(type.rawValue)) {
            let expected = IntegerReference.evaluate(opcode, a, b, bits: type.bits)
            let actual = k(a, b)
            if actual != expected {
                Issue.record("\(opcode) \(type.name) a=0x\(String(a, radix: 16)) b=0x\(String(b, radix: 16)): got 0x\(String(actual, radix: 16)), expected 0x\(String(expected, radix: 16))")
                return
            }
        }
    }

    @Test("not and neg", arguments: [Opcode.not, .neg], [IRType.i32, .i64])
    func unaryAgrees(_ opcode: Opcode, _ type: IRType) {
        let k = Kernel(opcode, type, arity: 1)
        var rng = SplitMix64(seed: 7)
        for a in Operands.special + (0..<500).map({ _ in rng.next() }) {
            let a = type.bits == 32 ? a & 0xffff_ffff : a
            #expect(k(a) == IntegerReference.evaluate(opcode, a, 0, bits: type.bits))
        }
    }

    @Test("i32 results are zero-extended in the register (upper half never leaks)")
    func i32ResultsStayNarrow() {
        // 0xffffffff + 1 wraps to 0 at 32 bits; a zext afterwards must see 0, not 0x1_0000_0000.
        let k = Kernel(inputs: [.i32, .i32], result: .i64) { b, v in b.zext(b.add(v[0], v[1])) }
        #expect(k(0xffff_ffff, 1) == 0)
        let m = Kernel(inputs: [.i32, .i32], result: .i64) { b, v in b.zext(b.mul(v[0], v[1])) }
        #expect(m(0x8000_0000, 2) == 0)
        let s = Kernel(inputs: [.i32, .i32], result: .i64) { b, v in b.zext(b.shl(v[0], v[1])) }
        #expect(s(0x8000_0001, 1) == 2)
    }

    @Test("division by zero: div gives 0, rem gives the dividend", arguments: [IRType.i32, .i64])
    func divisionByZero(_ type: IRType) {
        for a: UInt64 in [0, 1, 12345, type.bits == 32 ? 0x8000_0000 : 0x8000_0000_0000_0000] {
            #expect(Kernel(.divu, type)(a, 0) == 0)
            #expect(Kernel(.divs, type)(a, 0) == 0)
            #expect(Kernel(.remu, type)(a, 0) == a)
            #expect(Kernel(.rems, type)(a, 0) == a)
        }
    }

    @Test("signed overflow: MIN / -1 is MIN, MIN % -1 is 0")
    func signedDivisionOverflow() {
        #expect(Kernel(.divs, .i32)(0x8000_0000, 0xffff_ffff) == 0x8000_0000)
        #expect(Kernel(.rems, .i32)(0x8000_0000, 0xffff_ffff) == 0)
        #expect(Kernel(.divs, .i64)(0x8000_0000_0000_0000, ~0) == 0x8000_0000_0000_0000)
        #expect(Kernel(.rems, .i64)(0x8000_0000_0000_0000, ~0) == 0)
    }

    @Test("division truncates toward zero; the remainder takes the dividend's sign")
    func divisionRounding() {
        let m7 = UInt64(UInt32(bitPattern: -7)), m2 = UInt64(UInt32(bitPattern: -2))
        #expect(Kernel(.divs, .i32)(m7, 2) == UInt64(UInt32(bitPattern: -3)))
        #expect(Kernel(.rems, .i32)(m7, 2) == UInt64(UInt32(bitPattern: -1)))
        #expect(Kernel(.divs, .i32)(7, m2) == UInt64(UInt32(bitPattern: -3)))
        #expect(Kernel(.rems, .i32)(7, m2) == 1)
        #expect(Kernel(.divu, .i32)(m7, 2) == 0x7fff_fffc)
    }

    @Test("high multiplies")
    func highMultiply() {
        #expect(Kernel(.mulhu, .i32)(0xffff_ffff, 0xffff_ffff) == 0xffff_fffe)
        #expect(Kernel(.mulhs, .i32)(0xffff_ffff, 0xffff_ffff) == 0)           // -1 * -1 = 1
        #expect(Kernel(.mulhs, .i32)(0x8000_0000, 0x8000_0000) == 0x4000_0000) // 2^62
        #expect(Kernel(.mulhs, .i32)(0x8000_0000, 1) == 0xffff_ffff)
        #expect(Kernel(.mulhu, .i64)(~0, ~0) == ~1)
        #expect(Kernel(.mulhs, .i64)(0x8000_0000_0000_0000, 2) == ~0)
    }

    @Test("shift counts are taken modulo the width", arguments: [IRType.i32, .i64])
    func shiftCountModulo(_ type: IRType) {
        let w = UInt64(type.bits)
        let x: UInt64 = type.bits == 32 ? 0x8000_0001 : 0x8000_0000_0000_0001
        for opcode in [Opcode.shl, .shr, .sar, .rotl, .rotr] {
            let k = Kernel(opcode, type)
            #expect(k(x, w) == x, "\(opcode) by the width is by 0")
            #expect(k(x, w + 1) == k(x, 1), "\(opcode) by width+1 is by 1")
            #expect(k(x, 0) == x)
            // A count with high bits set (a "negative" count): only the low log2(width) bits count.
            let allOnes: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
            #expect(k(x, allOnes) == k(x, w - 1))
        }
        #expect(Kernel(.sar, type)(x, w - 1) == (type.bits == 32 ? 0xffff_ffff : ~0))
        #expect(Kernel(.shr, type)(x, w - 1) == 1)
        #expect(Kernel(.rotl, type)(x, 1) == 3)
        #expect(Kernel(.rotr, type)(x, 1) == (type.bits == 32 ? 0xc000_0000 : 0xc000_0000_0000_0000))
    }
}
