// Underflow outside flush-to-zero mode. ARM decides that a result is tiny before rounding
// (FPRound, A2.7.8: the exact result below the smallest normal), x86 after rounding (SSE
// tests the result rounded with an unbounded exponent, Intel SDM Vol. 1 11.5.2.5), so the two
// disagree on one kind of result only: a product, quotient, fused multiply-add or double
// narrowed to single whose exact value lies just below the smallest normal and rounds up to
// it. ARM raises Underflow and Inexact; the host raises Inexact alone. (A sum or difference
// that is tiny is exact, so it never disagrees.)
//
// The JIT tests each such result for being exactly the smallest normal
// (Translator.tinyBeforeRounding: a rotate, an or and a compare on the common path) and only
// then calls this helper, which runs the operation again rounded toward zero: the exact
// result is below the smallest normal exactly when that one is.

import CHost
import IR

extension ARMHelpers {
    /// Operations of `underflowBeforeRounding`: chost_toward_zero's codes.
    enum TinyOperation: UInt32 {
        case mulDouble = 0, divDouble = 1, fmaDouble = 2, mulSingle = 4, divSingle = 5, fmaSingle = 6, toSingle = 8
    }

    /// a and b the operands' bits (b unused by toSingle), c a TinyOperation. Called when the
    /// rounded result is ±(the smallest normal): sets MXCSR's underflow flag (readFPSCR folds
    /// it into FPSCR.UFC) when the exact result was below it. Reads and writes nothing of the
    /// guest state (HelperEffects.rare).
    static let underflowBeforeRounding: HelperFunction = { _, a, b, c in
        let op = TinyOperation(rawValue: UInt32(truncatingIfNeeded: c)) ?? .mulDouble
        raiseUnderflowIfTiny(op, a, b, 0)
        return 0
    }

    /// Sets MXCSR.UE when `op` on the operands, exactly, is below the smallest normal of its
    /// result's format in magnitude.
    static func raiseUnderflowIfTiny(_ op: TinyOperation, _ a: UInt64, _ b: UInt64, _ c: UInt64) {
        let truncated = chost_toward_zero(op.rawValue, a, b, c)
        let single = op.rawValue >= TinyOperation.mulSingle.rawValue
        let f: FloatBits = single ? .single : .double
        if truncated & ~f.sign < f.minNormal { chost_set_mxcsr(chost_get_mxcsr() | 0x10) }
    }
}
