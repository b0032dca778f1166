// FPSCR on the host's MXCSR. Guest FP arithmetic runs on SSE, so the rounding mode and
// flush-to-zero the guest selects must be MXCSR's, and the exceptions SSE raises are the
// guest's cumulative flags. FPSCR itself (NZCV, control bits, flags already gathered) lives in
// the guest state; host flags are folded in when the guest reads FPSCR.
//
// FPSCR (ARM ARM A2.5.3): bits 31-28 NZCV, 25 DN, 24 FZ, 23-22 RMode (RN, RP, RM, RZ),
// 7 IDC, 4 IXC, 3 UFC, 2 OFC, 1 DZC, 0 IOC.
// MXCSR: bits 15 FZ, 14-13 RC (nearest, down, up, toward zero), 6 DAZ, 5 PE, 4 UE, 3 OE,
// 2 ZE, 1 DE, 0 IE; 12-7 the exception masks (all set: no traps).

import CHost
import IR

extension ARMHelpers {
    /// ARM RMode to MXCSR RC: RP (01) is x86 "up" (10), RM (10) is x86 "down" (01).
    static func mxcsrRounding(_ fpscr: UInt32) -> UInt32 {
        switch (fpscr >> 22) & 3 {
        case 0: 0
        case 1: 2
        case 2: 1
        default: 3
        }
    }

    /// MXCSR exception flags as FPSCR cumulative bits. MXCSR's denormal-operand flag (DE) is
    /// not IDC: IDC means a denormal input was flushed under FZ, and SSE raises DE
    /// only without DAZ, that is without FZ, when ARM does not flush (A2.5.3). Under DAZ the
    /// host never raises DE, and the flush-to-zero helpers raise it for IDC.
    static func cumulativeFlags(_ mxcsr: UInt32) -> UInt32 {
        var f: UInt32 = 0
        if mxcsr & 0x01 != 0 { f |= 1 << 0 }  // invalid
        if mxcsr & 0x04 != 0 { f |= 1 << 1 }  // divide by zero
        if mxcsr & 0x08 != 0 { f |= 1 << 2 }  // overflow
        if mxcsr & 0x10 != 0 { f |= 1 << 3 }  // underflow
        if mxcsr & 0x20 != 0 { f |= 1 << 4 }  // inexact
        if mxcsr & 0x42 == 0x42 { f |= 1 << 7 }  // DE under DAZ: input denormal
        return f
    }

    /// The MXCSR for an FPSCR: its rounding and flush-to-zero, no flags pending, every
    /// exception masked but Invalid Operation when the host's invalid trap is installed
    /// (CHost FloatTraps.c): the rare instruction that raises it then gets ARM's NaN
    /// (NaNRule.firstNaN) from the trap handler, and every other one runs at full speed.
    static func mxcsr(for fpscr: UInt32) -> UInt32 {
        var m: UInt32 = (chost_float_traps_active() != 0 ? 0x1f00 : 0x1f80) | mxcsrRounding(fpscr) << 13
        if fpscr & (1 << 24) != 0 { m |= 1 << 15 | 1 << 6 }
        return m
    }

    /// VMRS FPSCR: the stored FPSCR with the host's new exception flags folded in.
    static let readFPSCR: HelperFunction = { state, _, _, _ in
        let host = chost_get_mxcsr()
        var fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        let flags = cumulativeFlags(host)
        if flags != 0 {
            fpscr |= flags
            state.storeBytes(of: fpscr, toByteOffset: ARMState.fpscr, as: UInt32.self)
            chost_set_mxcsr(host & ~0x3f)
        }
        return UInt64(fpscr)
    }

    /// The FPSCR bits a write keeps (A2.5.3: NZCV, QC, AHP, DN, FZ, RMode, Stride,
    /// Len, IDC and the cumulative flags). The trap enables (IDE, IXE, UFE, OFE, DZE, IOE) are
    /// RAZ/WI on an implementation without floating-point traps, as this one is; bits 19, 14-13
    /// and 6-5 are reserved (UNK/SBZP) and read as zero here. (qemu-arm's default CPU keeps
    /// bit 19: FZ16 of ARMv8.2, which ARMv7 does not have.)
    static let writableFPSCR: UInt32 = 0xfff7_009f

    /// VMSR FPSCR: the new value, and the host's rounding and flush-to-zero to match.
    static let writeFPSCR: HelperFunction = { state, a, _, _ in
        let fpscr = UInt32(truncatingIfNeeded: a) & writableFPSCR
        state.storeBytes(of: fpscr, toByteOffset: ARMState.fpscr, as: UInt32.self)
        chost_set_mxcsr(mxcsr(for: fpscr))
        return 0
    }
}

extension ARMStatePointer {
    /// Gives the calling host thread this state's FP rounding and flush-to-zero: for a thread
    /// starting on it, or a state a signal return put back.
    public func loadHostFloatEnvironment() {
        chost_set_mxcsr(ARMHelpers.mxcsr(for: fpscr))
    }

    /// FPSCR as VMRS reads it: the exception flags the calling host thread's MXCSR holds for
    /// the guest are folded into the stored word first (for a signal frame's VFP record).
    public func foldedFPSCR() -> UInt32 {
        UInt32(truncatingIfNeeded: ARMHelpers.readFPSCR(raw, 0, 0, 0))
    }
}
