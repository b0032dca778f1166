// FCSR on the host's MXCSR. Guest FP arithmetic runs on SSE, so the rounding mode and
// flush-to-zero the guest selects must be MXCSR's, and the exceptions SSE raises are the
// guest's flags. FCSR itself (without its condition codes, which live in MIPSState.fcc) is in
// the guest state; host flags are folded in when the guest reads FCSR.
//
// FCSR (MIPS32 Vol. I-A, "Floating Point Control and Status Register"): 31-25 FCC7-FCC1,
// 24 FS, 23 FCC0, 19 ABS2008, 18 NAN2008, 17-12 cause (E V Z O U I), 11-7 enables (V Z O U I),
// 6-2 flags (V Z O U I), 1-0 RM (RN, RZ, RP, RM).
// MXCSR: 15 FZ, 14-13 RC (nearest, down, up, toward zero), 6 DAZ, 5 PE, 4 UE, 3 OE, 2 ZE,
// 1 DE, 0 IE; 12-7 the exception masks (all set: no traps).
//
// Approximations: the cause field is the set of exceptions raised since FCSR was last read
// (the hardware's is the last operation's), and enabled exceptions do not trap.

import CHost
import IR

extension MIPSHelpers {
    /// The FCSR bits MIPSState.fcsr holds: everything but the condition codes.
    static let fcsrStored: UInt32 = 0x010f_ffff & ~(1 << 23)
    /// The bits CTC1 may change: RM, flags, enables, cause, FS.
    static let fcsrWritable: UInt32 = 0x0103_ffff
    /// Bits 31 and 30 of MIPSState.fcsr, outside `fcsrStored` (no FCSR bits there: FCC7-FCC6
    /// live in MIPSState.fcc), for the legacy NaN encoding, under which SSE's invalid flag is not
    /// the guest's (MIPSHelpers+Float.swift). `invalidRaised`: a guest invalid was raised since
    /// the last fold. `hostInvalidUntrusted`: an operation since the last fold ended on a NaN
    /// path, so MXCSR.IE may hold an invalid the MIPS FPU would not raise; the guest's invalid
    /// flag is then `invalidRaised` alone. The NaN paths set them in IR (no helper call, so a
    /// loop keeps its registers: Translator+FPU.swift); both are cleared whenever the host
    /// flags are folded or reset.
    static let invalidRaised: UInt32 = 1 << 31
    static let hostInvalidUntrusted: UInt32 = 1 << 30
    static let invalidMarks: UInt32 = invalidRaised | hostInvalidUntrusted

    /// MIPS RM to MXCSR RC: RZ (1) is x86 11, RP (2) is x86 "up" (10), RM (3) is x86 "down" (01).
    static func mxcsrRounding(_ fcsr: UInt32) -> UInt32 {
        switch fcsr & 3 {
        case 0: 0
        case 1: 3
        case 2: 2
        default: 1
        }
    }

    /// MXCSR exception flags as FCSR flag bits (bits 6-2: V Z O U I); denormal has no MIPS flag.
    static func flags(fromMXCSR mxcsr: UInt32) -> UInt32 {
        var f: UInt32 = 0
        if mxcsr & 0x01 != 0 { f |= 1 << 6 }  // invalid
        if mxcsr & 0x04 != 0 { f |= 1 << 5 }  // divide by zero
        if mxcsr & 0x08 != 0 { f |= 1 << 4 }  // overflow
        if mxcsr & 0x10 != 0 { f |= 1 << 3 }  // underflow
        if mxcsr & 0x20 != 0 { f |= 1 << 2 }  // inexact
        return f
    }

    /// The MXCSR for an FCSR: its rounding and flush-to-zero, every exception masked, no flags
    /// pending.
    static func mxcsr(for fcsr: UInt32) -> UInt32 {
        var m: UInt32 = 0x1f80 | mxcsrRounding(fcsr) << 13
        if fcsr & (1 << 24) != 0 { m |= 1 << 15 | 1 << 6 }
        return m
    }

    /// The stored FCSR (without FCC) with the host's new exception flags folded into flags and
    /// cause, and the host's cleared.
    static func foldHostFlags(_ state: UnsafeMutableRawPointer) -> UInt32 {
        let stored = state.load(fromByteOffset: MIPSState.fcsr, as: UInt32.self)
        var fcsr = stored & ~invalidMarks
        let host = chost_get_mxcsr()
        var raised = flags(fromMXCSR: host)
        if stored & hostInvalidUntrusted != 0 { raised &= ~(1 << 6) }
        if stored & invalidRaised != 0 { raised |= 1 << 6 }
        if raised != 0 {
            fcsr = fcsr & ~(0x3f << 12) | raised | raised << 10
        }
        if host & 0x3f != 0 { chost_set_mxcsr(host & ~0x3f) }
        if fcsr != stored { state.storeBytes(of: fcsr, toByteOffset: MIPSState.fcsr, as: UInt32.self) }
        return fcsr
    }

    /// The NAN2008 and ABS2008 bits the mode implies (read-only: the program's ELF header
    /// chose them).
    static func modeBits(_ state: UnsafeMutableRawPointer) -> UInt32 {
        let mode = MIPSMode(rawValue: state.load(fromByteOffset: MIPSState.mode, as: UInt32.self))
        return mode.contains(.nan2008) ? 3 << 18 : 0
    }

    /// FCSR as CFC1 $31 reads it: with the condition codes in bits 31-25 and 23.
    static func assembledFCSR(_ state: UnsafeMutableRawPointer) -> UInt32 {
        let fcc = state.load(fromByteOffset: MIPSState.fcc, as: UInt32.self)
        return foldHostFlags(state) & fcsrStored | modeBits(state) | (fcc & 1) << 23 | (fcc >> 1 & 0x7f) << 25
    }

    /// CFC1 rt, fs: a = fs. 0 FIR, 25 FCCR, 26 FEXR, 28 FENR, 31 FCSR (the translator only
    /// passes these).
    static let readFPUControl: HelperFunction = { state, a, _, _ in
        let fcsr = assembledFCSR(state)
        let value: UInt32
        switch a {
        case 0: value = firValue
        case 25: value = state.load(fromByteOffset: MIPSState.fcc, as: UInt32.self) & 0xff
        case 26: value = fcsr & 0x0003_f07c
        case 28: value = fcsr & 0x0000_0f83 | (fcsr >> 22 & 4)
        default: value = fcsr
        }
        return UInt64(value)
    }

    /// CTC1 rt, fs: a = fs, b = the value. Writes the fields the register covers, then gives
    /// the host this rounding mode and flush-to-zero with no flags pending.
    static let writeFPUControl: HelperFunction = { state, a, b, _ in
        let v = UInt32(truncatingIfNeeded: b)
        var fcsr = foldHostFlags(state)
        var fcc = state.load(fromByteOffset: MIPSState.fcc, as: UInt32.self)
        switch a {
        case 25:
            fcc = v & 0xff
        case 26:
            fcsr = fcsr & ~0x0003_f07c | v & 0x0003_f07c
        case 28:
            fcsr = fcsr & ~0x0100_0f83 | v & 0x0000_0f83 | (v & 4) << 22
        default:
            fcsr = fcsr & ~fcsrWritable | v & fcsrWritable
            fcc = (v >> 23 & 1) | (v >> 25 & 0x7f) << 1
        }
        state.storeBytes(of: fcsr, toByteOffset: MIPSState.fcsr, as: UInt32.self)
        state.storeBytes(of: fcc, toByteOffset: MIPSState.fcc, as: UInt32.self)
        chost_set_mxcsr(mxcsr(for: fcsr))
        return 0
    }

    /// FIR (FPU implementation register, CFC1 $0): single, double, word and long formats, a
    /// 64-bit FPU, 2008 NaNs supported (Has2008), implementation 0x93 (a 24Kf's FPU).
    static let firValue: UInt32 = 1 << 23 | 1 << 22 | 1 << 21 | 1 << 20 | 1 << 17 | 1 << 16 | 0x93 << 8
}

extension MIPSStatePointer {
    /// FCSR as CFC1 $31 reads it (condition codes included, host flags folded in).
    public var fcsr: UInt32 {
        get { MIPSHelpers.assembledFCSR(raw) }
        nonmutating set { _ = MIPSHelpers.writeFPUControl(raw, 31, UInt64(newValue), 0) }
    }

    /// Gives the calling host thread this state's FP rounding and flush-to-zero: for a thread
    /// starting on it, or a state a signal return put back.
    public func loadHostFloatEnvironment() {
        let fcsr = raw.load(fromByteOffset: MIPSState.fcsr, as: UInt32.self) & ~MIPSHelpers.invalidMarks
        raw.storeBytes(of: fcsr, toByteOffset: MIPSState.fcsr, as: UInt32.self)
        chost_set_mxcsr(MIPSHelpers.mxcsr(for: fcsr))
    }
}
