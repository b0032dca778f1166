// The pure immediate expanders against binutils: ThumbImmediate.expand (ThumbExpandImm, A6.3.2)
// for all 4096 encodings of MOV.W's i:imm3:imm8, and VFPImmediate.expand (VFPExpandImm, A7.5.1)
// for all 256 imm8 values in both precisions, each compared with the constant objdump prints
// for the same encoding; and an independent ThumbExpandImm from the manual's pseudocode.

import Foundation
import GuestARM
import Testing

@Suite struct ImmediateTests {
    /// ThumbExpandImm written from the manual for comparison.
    static func thumbExpandImm(_ imm12: UInt32) -> UInt32 {
        let imm8 = imm12 & 0xff
        if imm12 >> 10 == 0 {
            switch imm12 >> 8 & 3 {
            case 0: return imm8
            case 1: return imm8 << 16 | imm8
            case 2: return imm8 << 24 | imm8 << 8
            default: return imm8 * 0x0101_0101
            }
        }
        let unrotated = 0x80 | imm12 & 0x7f, rotation = imm12 >> 7
        return unrotated >> rotation | unrotated << (32 - rotation)
    }

    @Test func thumbExpandMatchesPseudocode() {
        for imm12: UInt32 in 0..<4096 {
            #expect(ThumbImmediate.expand(imm12) == Self.thumbExpandImm(imm12), "imm12 0x\(String(imm12, radix: 16))")
        }
    }

    /// The value objdump prints after '#' (decimal) or in its "@ 0x..." comment.
    static func constant(_ text: String) -> UInt32? {
        if let at = text.range(of: "@ 0x") {
            return UInt32(text[at.upperBound...].prefix { $0.isHexDigit }, radix: 16)
        }
        guard let hash = text.firstIndex(of: "#") else { return nil }
        let digits = text[text.index(after: hash)...].prefix { $0.isNumber || $0 == "-" }
        return Int64(digits).map { UInt32(truncatingIfNeeded: $0) }
    }

    @Test(.enabled(if: Assembler.available && Assembler.objdumpAvailable, Assembler.missing))
    func thumbExpandMatchesObjdump() throws {
        // MOV.W r0, #const (T2): 11110 i 0 0010 0 1111 | 0 imm3 0000 imm8.
        var source = ""
        for imm12: UInt32 in 0..<4096 {
            let word = 0xf04f_0000 | (imm12 >> 11) << 26 | (imm12 >> 8 & 7) << 12 | imm12 & 0xff
            source += ".inst.w 0x\(String(word, radix: 16))\n"
        }
        let lines = try Assembler.disassemble(source, thumb: true)
        #expect(lines.count == 4096)
        for (imm12, text) in lines.enumerated() where text.hasPrefix("mov.w") {
            // Encodings with a zero imm8 where a pattern needs one are UNPREDICTABLE; skip them.
            if imm12 >> 10 == 0 && imm12 >> 8 & 3 != 0 && imm12 & 0xff == 0 { continue }
            #expect(ThumbImmediate.expand(UInt32(imm12)) == Self.constant(text), "imm12 0x\(String(imm12, radix: 16)): \(text)")
        }
    }

    @Test(.enabled(if: Assembler.available && Assembler.objdumpAvailable, Assembler.missing))
    func vfpExpandMatchesObjdump() throws {
        // VMOV.F32 s0, #imm (A32): 1110 11101 0 11 imm4H 0000 101 0 0000 imm4L; .F64 with sz = 1.
        var source = ""
        for double in [false, true] {
            for imm8: UInt32 in 0..<256 {
                let word = 0xeeb0_0a00 | (double ? 0x100 : 0) | (imm8 >> 4) << 16 | imm8 & 0xf
                source += ".inst 0x\(String(word, radix: 16))\n"
            }
        }
        let lines = try Assembler.disassemble(source, thumb: false)
        #expect(lines.count == 512)
        for (i, text) in lines.enumerated() {
            let double = i >= 256, imm8 = UInt32(i % 256)
            let bits = VFPImmediate.expand(imm8, double: double)
            // objdump prints the value's single-precision bits, then the value in decimal.
            let value = double ? Double(bitPattern: bits) : Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
            #expect(Float(value).bitPattern == Self.constant(text), "imm8 0x\(String(imm8, radix: 16)) \(double ? "f64" : "f32"): \(text)")
            let decimal = text.split(separator: " ", omittingEmptySubsequences: true).last.flatMap { Double($0) }
            #expect(decimal == value, "imm8 0x\(String(imm8, radix: 16)): \(text)")
            if double { #expect(bits & 0xffff_ffff == 0) } else { #expect(bits >> 32 == 0) }
        }
    }

    /// VFPExpandImm's values are the manual's table: +/- (16 + imm8<3:0>) / 16 * 2^(exp) with
    /// exp in -3...4 from imm8<6:4>.
    @Test func vfpExpandValues() {
        for imm8: UInt32 in 0..<256 {
            let sign: Double = imm8 & 0x80 != 0 ? -1 : 1
            let n = Int(imm8 >> 4 & 7)
            let exponent = n < 4 ? n + 1 : n - 7  // 000 -> 2^1 ... 011 -> 2^4, 100 -> 2^-3 ... 111 -> 2^0
            let value = sign * Double(16 + Int(imm8 & 0xf)) / 16 * Double(sign: .plus, exponent: exponent, significand: 1)
            #expect(Double(bitPattern: VFPImmediate.expand(imm8, double: true)) == value, "imm8 \(imm8)")
            #expect(Float(bitPattern: UInt32(VFPImmediate.expand(imm8, double: false))) == Float(value), "imm8 \(imm8)")
        }
    }
}
