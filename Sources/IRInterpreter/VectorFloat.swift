// vfadd, vfsub, vfmul on four binary32 lanes in the standard vector mode (Documentation/IR.md,
// "Vectors"); the arithmetic of one lane is IR's StandardFloat.

import CHost
import IR

/// The exception flags a vector float op ORs into its state word.
public typealias VectorFloatFlags = StandardFloatFlags

public enum VectorFloat {
    /// The op on each 32-bit lane of a and b; raises inexact in the FP environment (MXCSR.PE,
    /// as a scalar op would) and ORs the other flags raised into the i32 at
    /// `state + flagsOffset`. Host arithmetic runs at round to nearest, whatever MXCSR held.
    static func evaluate(_ opcode: Opcode, _ a: SIMD2<UInt64>, _ b: SIMD2<UInt64>,
                         state: UnsafeMutableRawPointer, flagsOffset: Int) -> SIMD2<UInt64> {
        let saved = chost_get_mxcsr()
        chost_set_mxcsr(0x1f80)
        let x = unsafeBitCast(a, to: SIMD4<UInt32>.self), y = unsafeBitCast(b, to: SIMD4<UInt32>.self)
        var out = SIMD4<UInt32>()
        var flags: UInt32 = 0
        for k in 0..<4 { out[k] = lane(opcode, x[k], y[k], &flags) }
        chost_set_mxcsr(flags & VectorFloatFlags.inexact != 0 ? saved | 0x20 : saved)
        flags &= ~VectorFloatFlags.inexact
        if flags != 0 {
            let word = state.load(fromByteOffset: flagsOffset, as: UInt32.self)
            state.storeBytes(of: word | flags, toByteOffset: flagsOffset, as: UInt32.self)
        }
        return unsafeBitCast(out, to: SIMD2<UInt64>.self)
    }

    public static func lane(_ opcode: Opcode, _ a: UInt32, _ b: UInt32, _ flags: inout UInt32) -> UInt32 {
        let x = StandardFloat.unpack(a, &flags), y = StandardFloat.unpack(b, &flags)
        if StandardFloat.isNaN(a) || StandardFloat.isNaN(b) {
            if StandardFloat.isSignalingNaN(a) || StandardFloat.isSignalingNaN(b) { flags |= StandardFloatFlags.invalid }
            return StandardFloat.defaultNaN
        }
        switch opcode {
        case .vfmul:
            return StandardFloat.round(Double(x) * Double(y), &flags)
        case .vfsub:
            let (s, e) = StandardFloat.twoSum(Double(x), -Double(y))
            return StandardFloat.round(s, error: e, &flags)
        default:
            let (s, e) = StandardFloat.twoSum(Double(x), Double(y))
            return StandardFloat.round(s, error: e, &flags)
        }
    }
}

extension ReferenceHelpers {
    /// vfadd/vfsub/vfmul for a code generator's slow path: a = the address of 48 bytes holding
    /// operand a, operand b and (written here) the result; b = the Opcode's raw value; c = the
    /// flags word's state offset.
    public static let vectorFloat: HelperFunction = { state, a, b, c in
        guard let p = UnsafeMutableRawPointer(bitPattern: UInt(a)), let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: b)) else { return 0 }
        let x = p.loadUnaligned(as: SIMD2<UInt64>.self), y = p.loadUnaligned(fromByteOffset: 16, as: SIMD2<UInt64>.self)
        let r = VectorFloat.evaluate(opcode, x, y, state: state, flagsOffset: Int(c))
        p.storeBytes(of: r, toByteOffset: 32, as: SIMD2<UInt64>.self)
        return 0
    }
}
