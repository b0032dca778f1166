// VFP conversions SSE cannot do with ARM's results and flags, as helpers over the registers
// in the guest state (VFPRounding does the arithmetic): VCVT between floating point and
// fixed point (A8.8.309: FPToFixed rounding toward zero and raising Invalid Operation alone
// when it saturates; FixedToFP rounding to nearest whatever FPSCR.RMode says), and VCVTB/VCVTT
// between half and single precision (A8.8.307: FPSingleToHalf and FPHalfToSingle under
// FPSCR's RMode, FZ, DN and AHP). Both are rare in real code, so a call costs nothing that
// matters, and both backends share it.

import IR

extension ARMHelpers {
    /// The register operand of the conversion helpers: a = register | double << 8 |
    /// unsigned << 9 | 16-bit << 10 | fraction bits << 16.
    static func fixedPointOperand(register: Int, double: Bool, unsigned: Bool, size16: Bool, fractionBits: UInt32) -> UInt32 {
        UInt32(register) | (double ? 1 << 8 : 0) | (unsigned ? 1 << 9 : 0) | (size16 ? 1 << 10 : 0) | fractionBits << 16
    }

    /// VCVT.{S,U}{16,32}.F{32,64} Vd, Vd, #fbits: FPToFixed, the result sign- or zero-extended
    /// to the register's width.
    static let floatToFixed: HelperFunction = { state, a, _, _ in
        convertInPlace(state, a) { bits, format, fractionBits, unsigned, size, fz, flags in
            UInt64(bitPattern: VFPConversion.toFixed(bits, format, fractionBits: fractionBits, unsigned: unsigned,
                                                     size: size, fz: fz, flags: &flags))
        }
    }

    /// VCVT.F{32,64}.{S,U}{16,32} Vd, Vd, #fbits: FixedToFP of the register's low 16 or 32 bits.
    static let fixedToFloat: HelperFunction = { state, a, _, _ in
        convertInPlace(state, a) { bits, format, fractionBits, unsigned, size, fz, flags in
            VFPConversion.fromFixed(bits, format, fractionBits: fractionBits, unsigned: unsigned,
                                    size: size, fz: fz, flags: &flags)
        }
    }

    /// The fixed-point VCVTs convert a register in place: reads Sd or Dd (operand `a` as
    /// fixedPointOperand packs it), converts, writes it back and ORs the flags into FPSCR.
    @inline(__always)
    private static func convertInPlace(
        _ state: UnsafeMutableRawPointer, _ a: UInt64,
        _ convert: (UInt64, FPFormat, Int, Bool, Int, Bool, inout UInt32) -> UInt64
    ) -> UInt64 {
        let r = Int(a & 0xff), double = a & 1 << 8 != 0
        var fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        var flags: UInt32 = 0
        let bits = double ? state.load(fromByteOffset: ARMState.d(r), as: UInt64.self)
            : UInt64(state.load(fromByteOffset: ARMState.s(r), as: UInt32.self))
        let v = convert(bits, double ? .double : .single, Int(a >> 16 & 0xff), a & 1 << 9 != 0,
                        a & 1 << 10 != 0 ? 16 : 32, fpscr & 1 << 24 != 0, &flags)
        if double {
            state.storeBytes(of: v, toByteOffset: ARMState.d(r), as: UInt64.self)
        } else {
            state.storeBytes(of: UInt32(truncatingIfNeeded: v), toByteOffset: ARMState.s(r), as: UInt32.self)
        }
        fpscr |= flags
        state.storeBytes(of: fpscr, toByteOffset: ARMState.fpscr, as: UInt32.self)
        return 0
    }

    /// VCVTB/VCVTT: a = d | m << 8 | to half << 16 | top half << 17. To half precision writes
    /// only the chosen half of Sd; from half precision reads only the chosen half of Sm.
    static let convertHalf: HelperFunction = { state, a, _, _ in
        let d = Int(a & 0xff), m = Int(a >> 8 & 0xff), toHalf = a & 1 << 16 != 0, top = a & 1 << 17 != 0
        var fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        var flags: UInt32 = 0
        let x = state.load(fromByteOffset: ARMState.s(m), as: UInt32.self)
        let result: UInt32
        if toHalf {
            let h = VFPConversion.singleToHalf(x, fpscr: fpscr, flags: &flags)
            let old = state.load(fromByteOffset: ARMState.s(d), as: UInt32.self)
            result = top ? old & 0xffff | h << 16 : old & 0xffff_0000 | h
        } else {
            result = VFPConversion.halfToSingle(top ? x >> 16 : x & 0xffff, fpscr: fpscr, flags: &flags)
        }
        state.storeBytes(of: result, toByteOffset: ARMState.s(d), as: UInt32.self)
        fpscr |= flags
        state.storeBytes(of: fpscr, toByteOffset: ARMState.fpscr, as: UInt32.self)
        return 0
    }
}

/// The conversions' pseudocode (A2.7, DDI 0406C) on the bits.
enum VFPConversion {
    /// FPToFixed(operand, size, fraction_bits, unsigned, round_towards_zero = TRUE): the value
    /// in the size's range; a NaN gives 0, and a value out of range saturates, each raising
    /// Invalid Operation and nothing else; a value rounding changed raises Inexact.
    static func toFixed(_ x: UInt64, _ format: FPFormat, fractionBits: Int, unsigned: Bool, size: Int, fz: Bool,
                        flags: inout UInt32) -> Int64 {
        let maximum: Int64 = unsigned ? (1 << Int64(size)) - 1 : (1 << Int64(size - 1)) - 1
        let minimum: Int64 = unsigned ? 0 : -(1 << Int64(size - 1))
        let (sign, value) = VFPRounding.unpack(x, format, fz: fz, flags: &flags)
        var magnitude: UInt64 = 0, inexact = false
        switch value {
        case .nan:
            flags |= FPException.invalid
            return 0
        case .zero:
            return 0
        case .infinity:
            flags |= FPException.invalid
            return sign ? minimum : maximum
        case .finite(let significand, let exponent):
            let e = exponent + fractionBits
            if e >= 0 {
                // Anything of 2^40 or more saturates: no need to form it.
                if 64 - significand.leadingZeroBitCount + e > 40 {
                    flags |= FPException.invalid
                    return sign ? minimum : maximum
                }
                magnitude = significand << UInt64(e)
            } else if e <= -64 {
                inexact = true
            } else {
                magnitude = significand >> UInt64(-e)
                inexact = significand & ((1 << UInt64(-e)) - 1) != 0
            }
        }
        // Toward zero: the magnitude truncated, then the sign (-0.5 is 0, in range).
        let v = sign ? -Int64(magnitude) : Int64(magnitude)
        if v > maximum || v < minimum {
            flags |= FPException.invalid
            return v > maximum ? maximum : minimum
        }
        if inexact { flags |= FPException.inexact }
        return v
    }

    /// FixedToFP(operand<size-1:0>, fraction_bits, unsigned, round_to_nearest = TRUE): the
    /// integer over 2^fraction_bits rounded to nearest even, +0.0 for 0.
    static func fromFixed(_ x: UInt64, _ format: FPFormat, fractionBits: Int, unsigned: Bool, size: Int, fz: Bool,
                          flags: inout UInt32) -> UInt64 {
        let raw = x & ((1 << UInt64(size)) - 1)
        let v = unsigned ? Int64(raw) : Int64(bitPattern: raw << UInt64(64 - size)) >> Int64(64 - size)
        if v == 0 { return 0 }
        return VFPRounding.round(sign: v < 0, significand: v.magnitude, exponent: -fractionBits, to: format, mode: 0,
                                 fz: fz, flags: &flags)
    }

    /// FPSingleToHalf(operand, fpscr_controlled = TRUE), in the low 16 bits.
    static func singleToHalf(_ x: UInt32, fpscr: UInt32, flags: inout UInt32) -> UInt32 {
        let alternative = fpscr & 1 << 26 != 0
        let (sign, value) = VFPRounding.unpack(UInt64(x), .single, fz: fpscr & 1 << 24 != 0, flags: &flags)
        let signBit: UInt32 = sign ? 0x8000 : 0
        switch value {
        case .nan(let signalling):
            if alternative || signalling { flags |= FPException.invalid }
            if alternative { return signBit }
            if fpscr & 1 << 25 != 0 { return 0x7e00 }
            return signBit | 0x7e00 | x >> 13 & 0x1ff
        case .infinity:
            if alternative {
                flags |= FPException.invalid
                return signBit | 0x7fff
            }
            return signBit | 0x7c00
        case .zero:
            return signBit
        case .finite(let significand, let exponent):
            // Half precision never flushes (FPRound's flush-to-zero is for N != 16).
            return UInt32(VFPRounding.round(sign: sign, significand: significand, exponent: exponent, to: .half,
                                            mode: fpscr >> 22 & 3, fz: false, alternative: alternative, flags: &flags))
        }
    }

    /// FPHalfToSingle(operand, fpscr_controlled = TRUE): exact but for NaNs.
    static func halfToSingle(_ h: UInt32, fpscr: UInt32, flags: inout UInt32) -> UInt32 {
        let (sign, value) = VFPRounding.unpack(UInt64(h), .half, fz: false, alternative: fpscr & 1 << 26 != 0, flags: &flags)
        let signBit: UInt32 = sign ? 1 << 31 : 0
        switch value {
        case .nan(let signalling):
            if signalling { flags |= FPException.invalid }
            if fpscr & 1 << 25 != 0 { return 0x7fc0_0000 }
            return signBit | 0x7fc0_0000 | (h & 0x1ff) << 13
        case .infinity:
            return signBit | 0x7f80_0000
        case .zero:
            return signBit
        case .finite(let significand, let exponent):
            return UInt32(VFPRounding.round(sign: sign, significand: significand, exponent: exponent, to: .single,
                                            mode: 0, fz: false, flags: &flags))
        }
    }
}
