// The floating-point unit's registers and arithmetic (MIPS32 Vol. II-A, the COP1 and COP1X
// instructions; Vol. I-A on FR modes). FPRs live in MIPSState as the FR mode lays them out;
// values are read and written as f32/f64 (S, D) or i32/i64 (W, L). Arithmetic runs on the
// host's SSE in the guest's rounding mode (MIPSHelpers+FCSR); a NaN result goes through
// MIPSHelpers.nanResult, which makes it the MIPS FPU's.

import IR

/// An FPU format (the manual's fmt field: 16 S, 17 D, 20 W, 21 L).
enum FPFormat {
    case single, double, word, long

    init?(fmt: UInt32) {
        switch fmt {
        case 16: self = .single
        case 17: self = .double
        case 20: self = .word
        case 21: self = .long
        default: return nil
        }
    }

    var is64: Bool { self == .double || self == .long }
    var type: IRType {
        switch self {
        case .single: .f32
        case .double: .f64
        case .word: .i32
        case .long: .i64
        }
    }
}

extension Translator {
    // MARK: Registers

    /// Whether FPR n can hold a 64-bit value in this mode: any register in FR=1, an even one
    /// (the low half of a pair) in FR=0. Odd ones are reserved there, as qemu makes them.
    func holds64(_ n: UInt32) -> Bool { fr || n & 1 == 0 }

    /// Whether `format` may be used with the registers `ns` in this mode: L needs FR=1 (a
    /// 64-bit FPU), D and L an even register in FR=0.
    func usable(_ format: FPFormat, _ ns: UInt32...) -> Bool {
        if format == .long && !fr { return false }
        return !format.is64 || ns.allSatisfy(holds64)
    }

    func fprOffset(_ n: UInt32, _ format: FPFormat) -> Int {
        format.is64 ? MIPSState.fpr64(Int(n), fr: fr) : MIPSState.fpr32(Int(n), fr: fr)
    }

    mutating func readFPR(_ n: UInt32, _ format: FPFormat) -> Value {
        b.loadState(format.type, fprOffset(n, format))
    }

    /// Writes FPR n. A 32-bit write in FR=1 leaves the register's upper half as it was.
    mutating func writeFPR(_ n: UInt32, _ format: FPFormat, _ v: Value) {
        b.storeState(fprOffset(n, format), v)
    }

    /// A float constant of the format.
    mutating func floatConstant(_ value: Double, _ format: FPFormat) -> Value {
        format == .double ? b.bitcast(b.const64(value.bitPattern), to: .f64)
            : b.bitcast(b.const32(Float(value).bitPattern), to: .f32)
    }

    // MARK: NaN results

    /// `result`, or the MIPS FPU's NaN when it is a NaN (from `operands`, in order). Legacy
    /// NaNs: the default NaN, whatever the operands, with the flags marked in IR (no helper
    /// call: a loop around it keeps its registers, Passes+Loops); NaN2008: MIPSHelpers.nanResult.
    mutating func fixNaN(_ result: Value, _ operands: [Value], _ format: FPFormat) -> Value {
        let out = b.newValue(format.type)
        b.assign(out, result)
        let done = b.newLabel()
        b.brcond(.eq, b.fsetcond(.uno, result, result), b.const32(0), done, hint: .coldFallThrough)
        let rules = NaNRules(double: format == .double, nan2008: nan2008)
        if nan2008 {
            let nan = b.call(MIPSHelpers.nanResult, effects: [.readsState, .writesState], result: format.type,
                             operands[0], operands.count > 1 ? operands[1] : operands[0],
                             b.const64(rules.packed | (operands.count > 1 ? 4 : 0)))
            b.assign(out, nan)
        } else {
            // Invalid: a signalling NaN operand, or no NaN operand at all (an invalid operation).
            let x = operands[0], y = operands.count > 1 ? operands[1] : operands[0]
            var invalid = b.xori(b.fsetcond(.uno, x, y), 1)
            for v in operands { invalid = b.or(invalid, isLegacySignalling(v, format)) }
            markLegacyNaNPath(invalid: invalid)
            b.assign(out, b.bitcast(format == .double ? b.const64(rules.defaultNaN) : b.const32(UInt32(rules.defaultNaN)),
                                    to: format.type))
        }
        b.label(done)
        return out
    }

    /// Whether the float x is a signalling NaN of the legacy encoding (its quiet bit set; SSE
    /// takes it for a quiet one), as an i32 0 or 1.
    mutating func isLegacySignalling(_ x: Value, _ format: FPFormat) -> Value {
        if format == .double {
            let mask: UInt64 = 0x7ff8_0000_0000_0000
            return b.setcond(.eq, b.and(b.bitcast(x, to: .i64), b.const64(mask)), b.const64(mask))
        }
        let mask: UInt32 = 0x7fc0_0000
        return b.setcond(.eq, b.and(b.bitcast(x, to: .i32), b.const32(mask)), b.const32(mask))
    }

    /// On a legacy-NaN path: MXCSR.IE is no longer the guest's invalid flag, which is raised
    /// when `invalid` (an i32 0 or 1): MIPSHelpers.invalidMarks, read by the next fold.
    mutating func markLegacyNaNPath(invalid: Value) {
        let marks = b.or(b.shli(invalid, 31), b.const32(MIPSHelpers.hostInvalidUntrusted))
        b.storeState(MIPSState.fcsr, b.or(b.loadState(.i32, MIPSState.fcsr), marks))
    }

    /// A two-operand IEEE operation with MIPS NaNs.
    mutating func arithmetic(_ op: Opcode, _ x: Value, _ y: Value, _ format: FPFormat) -> Value {
        fixNaN(b.binary(op, x, y), [x, y], format)
    }

    // MARK: Arithmetic (S and D)

    /// ADD, SUB, MUL, DIV.fmt: fd = fs op ft. Legacy NaNs: in a stretch with one NaN check
    /// (Translator+NaNChecks.swift).
    mutating func floatBinary(_ op: Opcode, fd: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat) {
        if !nan2008 {
            return chainedArithmetic(op, fd: fd, fs: fs, ft: ft, format)
        }
        exactArithmetic(op, fd: fd, fs: fs, ft: ft, format)
    }

    /// fd = fs op ft with its own NaN check.
    mutating func exactArithmetic(_ op: Opcode, fd: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat) {
        writeFPR(fd, format, arithmetic(op, readFPR(fs, format), readFPR(ft, format), format))
    }

    /// SQRT.fmt, and RECIP.fmt (1 / fs) and RSQRT.fmt (1 / sqrt(fs)), each step rounded as
    /// qemu does (the manual allows the lower accuracy of an approximation).
    enum FloatUnary { case sqrt, recip, rsqrt }

    mutating func floatUnary(_ op: FloatUnary, fd: UInt32, fs: UInt32, _ format: FPFormat) {
        let x = readFPR(fs, format)
        var r: Value
        switch op {
        case .sqrt:
            r = fixNaN(b.unary(.fsqrt, x), [x], format)
        case .recip:
            r = arithmetic(.fdiv, floatConstant(1, format), x, format)
        case .rsqrt:
            let root = fixNaN(b.unary(.fsqrt, x), [x], format)
            r = arithmetic(.fdiv, floatConstant(1, format), root, format)
        }
        writeFPR(fd, format, r)
    }

    /// ABS, NEG (bit operations on the sign, NaNs included, as qemu does) and MOV.fmt.
    mutating func floatSign(_ op: Opcode?, fd: UInt32, fs: UInt32, _ format: FPFormat) {
        let x = readFPR(fs, format)
        writeFPR(fd, format, op.map { b.unary($0, x) } ?? x)
    }

    /// MADD, MSUB, NMADD, NMSUB.fmt (COP1X): fd = +/-(fs * ft +/- fr), the product rounded
    /// before the addition (Release 2's unfused forms), each with the MIPS NaN rules, then the
    /// negation (of a NaN too, as qemu does). Legacy NaNs: in a stretch with one NaN check
    /// (Translator+NaNChecks.swift).
    mutating func multiplyAdd(fd: UInt32, fr rr: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat,
                              subtract: Bool, negate: Bool) {
        if !nan2008 {
            return chainedMultiplyAdd(fd: fd, fr: rr, fs: fs, ft: ft, format, subtract: subtract, negate: negate)
        }
        exactMultiplyAdd(fd: fd, fr: rr, fs: fs, ft: ft, format, subtract: subtract, negate: negate)
    }

    /// MADD and its kin with one NaN check, of the sum (a NaN product gives a NaN sum); its NaN
    /// path fixes the product's NaN and adds again, each step as if it had its own check (the
    /// addition raises the same flags again, which changes none).
    mutating func exactMultiplyAdd(fd: UInt32, fr rr: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat,
                                   subtract: Bool, negate: Bool) {
        let x = readFPR(fs, format), y = readFPR(ft, format), z = readFPR(rr, format)
        let op: Opcode = subtract ? .fsub : .fadd
        let product = b.binary(.fmul, x, y)
        let sum = b.binary(op, product, z)
        let out = b.newValue(format.type)
        b.assign(out, sum)
        let done = b.newLabel()
        b.brcond(.eq, b.fsetcond(.uno, sum, sum), b.const32(0), done)
        let fixed = fixNaN(product, [x, y], format)
        b.assign(out, arithmetic(op, fixed, z, format))
        b.label(done)
        writeFPR(fd, format, negate ? b.unary(.fneg, out) : out)
    }

    // MARK: Compares and conditional moves

    /// C.cond.fmt: FCC[cc] = (fs < ft and cond bit 2) or (fs == ft and bit 1) or (unordered and
    /// bit 0). Invalid is raised on unordered operands when cond bit 3 (signalling) is set or
    /// an operand is a signalling NaN.
    mutating func compare(cond: UInt32, cc: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat) {
        let x = readFPR(fs, format), y = readFPR(ft, format)
        var result: Value?
        func add(_ v: Value) { result = result.map { b.or($0, v) } ?? v }
        if cond & 7 == 3 {
            add(b.fsetcond(.oeq, x, y))
            add(b.fsetcond(.uno, x, y))
        }
        // SSE's quiet compare already flags IEEE signalling NaNs, which are NaN2008's (when
        // there is a compare: C.F has none).
        if cond & 8 != 0 || !nan2008 || cond & 7 == 0 {
            let ordered = b.newLabel()
            b.brcond(.eq, b.fsetcond(.uno, x, y), b.const32(0), ordered)
            if nan2008 {
                let rules = NaNRules(double: format == .double, nan2008: nan2008)
                b.call(MIPSHelpers.unorderedCompare, effects: [.readsState, .writesState], result: nil, x, y,
                       b.const64(rules.packed | (cond & 8 != 0 ? 4 : 0)))
            } else {
                // Invalid when the condition signals or an operand is a signalling NaN.
                let invalid = cond & 8 != 0 ? b.const32(1)
                    : b.or(isLegacySignalling(x, format), isLegacySignalling(y, format))
                markLegacyNaNPath(invalid: invalid)
            }
            b.label(ordered)
        }
        // The condition as one IR comparison, for a BC1T/BC1F later in the block.
        knownConditions.removeAll { $0.cc == cc }
        let single: (FloatCondition, Bool)? = switch cond & 7 {
        case 1: (.uno, false)
        case 2: (.oeq, false)
        case 4: (.olt, false)
        case 5: (.oge, true)  // unordered or less than
        case 6: (.ole, false)
        case 7: (.ogt, true)  // unordered or less than or equal
        default: nil
        }
        var bit = result ?? b.const32(0)
        if let (condition, negated) = single {
            knownConditions.append(FloatCompare(cc: cc, condition: condition, x: x, y: y, negated: negated))
            // The same bit from one comparison (ole is olt or oeq, not oge is unordered or olt).
            let holds = b.fsetcond(condition, x, y)
            bit = negated ? b.xori(holds, 1) : holds
        }
        b.storeState(MIPSState.fcc, b.deposit(b.loadState(.i32, MIPSState.fcc), bit, position: Int(cc), length: 1))
    }

    /// MOVF, MOVT, MOVZ, MOVN.fmt: fd = fs when `moved` (an i32, nonzero: move).
    mutating func floatConditionalMove(fd: UInt32, fs: UInt32, _ format: FPFormat, when moved: Value) {
        writeFPR(fd, format, b.select(moved, readFPR(fs, format), readFPR(fd, format)))
    }

    /// Whether condition code cc is set (tstne) or clear (tsteq), as an i32.
    mutating func conditionCode(_ cc: UInt32, set: Bool) -> Value {
        b.setcond(set ? .tstne : .tsteq, b.loadState(.i32, MIPSState.fcc), b.const32(1 << cc))
    }
}
