// The FPU visitor (MIPS32FPU.decode): COP1 and COP1X, and the main table's LWC1, LDC1, SWC1 and
// SDC1. A format or register the mode does not allow (L in FR=0, an odd double register in
// FR=0, a format an instruction does not take) is a reserved instruction.

import IR
import MIPSDecoder

struct MIPS32FPUDecoding {
    var t: Translator

    // MARK: Moves and control

    mutating func MFC1(rt: UInt32, fs: UInt32) -> Bool { t.setGPR(rt, t.readFPR(fs, .word)); return true }
    mutating func MTC1(rt: UInt32, fs: UInt32) -> Bool { t.writeFPR(fs, .word, t.gpr(rt)); return true }
    mutating func MFHC1(rt: UInt32, fs: UInt32) -> Bool {
        guard t.holds64(fs) else { return false }
        t.setGPR(rt, t.b.loadState(.i32, t.highWordOffset(fs))); return true
    }
    mutating func MTHC1(rt: UInt32, fs: UInt32) -> Bool {
        guard t.holds64(fs) else { return false }
        t.moveToHighWord(fs, t.gpr(rt)); return true
    }
    mutating func CFC1(rt: UInt32, fs: UInt32) -> Bool { t.readFPUControl(rt: rt, fs: fs) }
    mutating func CTC1(rt: UInt32, fs: UInt32) -> Bool { t.writeFPUControl(rt: rt, fs: fs) }

    // MARK: Branches

    mutating func BC1F(cc: UInt32, offset: UInt32) -> Bool { t.branchOnCondition(cc: cc, onTrue: false, offset: offset, likely: false); return true }
    mutating func BC1T(cc: UInt32, offset: UInt32) -> Bool { t.branchOnCondition(cc: cc, onTrue: true, offset: offset, likely: false); return true }
    mutating func BC1FL(cc: UInt32, offset: UInt32) -> Bool { t.branchOnCondition(cc: cc, onTrue: false, offset: offset, likely: true); return true }
    mutating func BC1TL(cc: UInt32, offset: UInt32) -> Bool { t.branchOnCondition(cc: cc, onTrue: true, offset: offset, likely: true); return true }

    // MARK: Arithmetic

    /// The S or D format of `fmt` if the registers may hold it.
    func format(_ fmt: UInt32, _ registers: UInt32...) -> FPFormat? {
        guard let f = FPFormat(fmt: fmt), f == .single || f == .double else { return nil }
        return registers.allSatisfy { !f.is64 || t.holds64($0) } ? f : nil
    }

    mutating func ADD_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { binary(.fadd, ft, fs, fd, fmt) }
    mutating func SUB_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { binary(.fsub, ft, fs, fd, fmt) }
    mutating func MUL_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { binary(.fmul, ft, fs, fd, fmt) }
    mutating func DIV_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { binary(.fdiv, ft, fs, fd, fmt) }

    mutating func binary(_ op: Opcode, _ ft: UInt32, _ fs: UInt32, _ fd: UInt32, _ fmt: UInt32) -> Bool {
        guard let f = format(fmt, ft, fs, fd) else { return false }
        t.floatBinary(op, fd: fd, fs: fs, ft: ft, f); return true
    }

    mutating func SQRT_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { unary(.sqrt, fs, fd, fmt) }
    mutating func RECIP_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { unary(.recip, fs, fd, fmt) }
    mutating func RSQRT_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { unary(.rsqrt, fs, fd, fmt) }

    mutating func unary(_ op: Translator.FloatUnary, _ fs: UInt32, _ fd: UInt32, _ fmt: UInt32) -> Bool {
        guard let f = format(fmt, fs, fd) else { return false }
        t.floatUnary(op, fd: fd, fs: fs, f); return true
    }

    mutating func ABS_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { sign(.fabs, fs, fd, fmt) }
    mutating func NEG_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { sign(.fneg, fs, fd, fmt) }
    mutating func MOV_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { sign(nil, fs, fd, fmt) }

    mutating func sign(_ op: Opcode?, _ fs: UInt32, _ fd: UInt32, _ fmt: UInt32) -> Bool {
        guard let f = format(fmt, fs, fd) else { return false }
        t.floatSign(op, fd: fd, fs: fs, f); return true
    }

    // MARK: Conversions

    mutating func CVT_S_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool {
        guard let from = FPFormat(fmt: fmt), t.usable(from, fs) else { return false }
        if from == .double {
            t.convertPrecision(fd: fd, fs: fs, from: .double, to: .single)
        } else {
            t.convertFromInteger(fd: fd, fs: fs, from: from, to: .single)
        }
        return true
    }

    mutating func CVT_D_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool {
        guard let from = FPFormat(fmt: fmt), t.usable(from, fs), t.usable(.double, fd) else { return false }
        if from == .single {
            t.convertPrecision(fd: fd, fs: fs, from: .single, to: .double)
        } else {
            t.convertFromInteger(fd: fd, fs: fs, from: from, to: .double)
        }
        return true
    }

    mutating func CVT_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .word, nil) }
    mutating func CVT_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .long, nil) }
    mutating func ROUND_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .word, .nearestEven) }
    mutating func TRUNC_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .word, .towardZero) }
    mutating func CEIL_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .word, .towardPlusInfinity) }
    mutating func FLOOR_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .word, .towardMinusInfinity) }
    mutating func ROUND_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .long, .nearestEven) }
    mutating func TRUNC_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .long, .towardZero) }
    mutating func CEIL_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .long, .towardPlusInfinity) }
    mutating func FLOOR_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { toInteger(fs, fd, fmt, .long, .towardMinusInfinity) }

    mutating func toInteger(_ fs: UInt32, _ fd: UInt32, _ fmt: UInt32, _ to: FPFormat, _ rounding: RoundingMode?) -> Bool {
        guard let from = format(fmt, fs), t.usable(to, fd) else { return false }
        t.convertToInteger(fd: fd, fs: fs, from: from, to: to, rounding: rounding); return true
    }

    // MARK: Compares and conditional moves

    mutating func C_cond_fmt(ft: UInt32, fs: UInt32, cc: UInt32, cond: UInt32, fmt: UInt32) -> Bool {
        guard let f = format(fmt, ft, fs) else { return false }
        t.compare(cond: cond, cc: cc, fs: fs, ft: ft, f); return true
    }
    mutating func MOVF_fmt(cc: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool {
        guard let f = format(fmt, fs, fd) else { return false }
        t.floatConditionalMove(fd: fd, fs: fs, f, when: t.conditionCode(cc, set: false)); return true
    }
    mutating func MOVT_fmt(cc: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool {
        guard let f = format(fmt, fs, fd) else { return false }
        t.floatConditionalMove(fd: fd, fs: fs, f, when: t.conditionCode(cc, set: true)); return true
    }
    mutating func MOVZ_fmt(rt: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool {
        guard let f = format(fmt, fs, fd) else { return false }
        t.floatConditionalMove(fd: fd, fs: fs, f, when: t.b.setcond(.eq, t.gpr(rt), t.const32(0))); return true
    }
    mutating func MOVN_fmt(rt: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool {
        guard let f = format(fmt, fs, fd) else { return false }
        t.floatConditionalMove(fd: fd, fs: fs, f, when: t.b.setcond(.ne, t.gpr(rt), t.const32(0))); return true
    }

    // MARK: COP1X

    func format3(_ fmt3: UInt32, _ registers: UInt32...) -> FPFormat? {
        let f: FPFormat = fmt3 == 1 ? .double : .single
        guard fmt3 <= 1, registers.allSatisfy({ !f.is64 || t.holds64($0) }) else { return nil }
        return f
    }

    mutating func MADD_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { multiplyAdd(fr, ft, fs, fd, fmt3, false, false) }
    mutating func MSUB_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { multiplyAdd(fr, ft, fs, fd, fmt3, true, false) }
    mutating func NMADD_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { multiplyAdd(fr, ft, fs, fd, fmt3, false, true) }
    mutating func NMSUB_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { multiplyAdd(fr, ft, fs, fd, fmt3, true, true) }

    mutating func multiplyAdd(_ fr: UInt32, _ ft: UInt32, _ fs: UInt32, _ fd: UInt32, _ fmt3: UInt32, _ subtract: Bool, _ negate: Bool) -> Bool {
        guard let f = format3(fmt3, fr, ft, fs, fd) else { return false }
        t.multiplyAdd(fd: fd, fr: fr, fs: fs, ft: ft, f, subtract: subtract, negate: negate); return true
    }

    mutating func LWXC1(base: UInt32, index: UInt32, fd: UInt32) -> Bool {
        t.loadFPR(fd, .single, address: t.indexedAddress(base: base, index: index)); return true
    }
    mutating func LDXC1(base: UInt32, index: UInt32, fd: UInt32) -> Bool {
        guard t.holds64(fd) else { return false }
        t.loadFPR(fd, .double, address: t.indexedAddress(base: base, index: index)); return true
    }
    mutating func LUXC1(base: UInt32, index: UInt32, fd: UInt32) -> Bool {
        guard t.holds64(fd) else { return false }
        t.loadFPR(fd, .double, address: t.indexedAddress(base: base, index: index, alignDown: true)); return true
    }
    mutating func SWXC1(base: UInt32, index: UInt32, fs: UInt32) -> Bool {
        t.storeFPR(fs, .single, address: t.indexedAddress(base: base, index: index)); return true
    }
    mutating func SDXC1(base: UInt32, index: UInt32, fs: UInt32) -> Bool {
        guard t.holds64(fs) else { return false }
        t.storeFPR(fs, .double, address: t.indexedAddress(base: base, index: index)); return true
    }
    mutating func SUXC1(base: UInt32, index: UInt32, fs: UInt32) -> Bool {
        guard t.holds64(fs) else { return false }
        t.storeFPR(fs, .double, address: t.indexedAddress(base: base, index: index, alignDown: true)); return true
    }
    /// PREFX: a hint.
    mutating func PREFX(base: UInt32, index: UInt32, hint: UInt32) -> Bool { true }
}

extension MIPS32FPUDecoding: MIPS32FPUVisitor {}

extension MIPS32Decoding {
    mutating func LWC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool {
        let (a, d) = t.address(base: base, offset: offset)
        t.loadFPR(ft, .single, address: a, offset: d); return true
    }
    mutating func LDC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool {
        guard t.holds64(ft) else { return false }
        let (a, d) = t.address(base: base, offset: offset)
        t.loadFPR(ft, .double, address: a, offset: d); return true
    }
    mutating func SWC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool {
        let (a, d) = t.address(base: base, offset: offset)
        t.storeFPR(ft, .single, address: a, offset: d); return true
    }
    mutating func SDC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool {
        guard t.holds64(ft) else { return false }
        let (a, d) = t.address(base: base, offset: offset)
        t.storeFPR(ft, .double, address: a, offset: d); return true
    }
}
