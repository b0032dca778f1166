// VFP data processing in blocks translated under FPSCR.FZ (a block-key flag). The host's
// DAZ/FTZ get ARM's values and flags whenever no operand is denormal and no result can be
// tiny, which an integer test per operand on its exponent shows (four host instructions and
// a branch); then the instruction runs as outside FZ, inline on SSE. Otherwise it branches to
// a helper that computes the result as ARM does (ARMHelpers+FlushToZero): Input Denormal for
// a flushed operand, Underflow alone for a flushed result, tininess before rounding. The
// helper returns the result into the value the inline path computes (merged at a label) and
// puts the flags in MXCSR with the inline operations' own, so nothing goes through the guest
// state and a loop keeps its floats in registers.

import IR

/// An instruction whose translation under FZ tests its operands (underFlushToZero).
enum FlushedInstruction {
    case add, sub, mul, div, sqrt, toSingle, toDouble, nmul, mla, mls, nmla, nmls

    init?(_ op: Translator.VFPOp) {
        switch op {
        case .add: self = .add
        case .sub: self = .sub
        case .mul: self = .mul
        case .div: self = .div
        case .nmul: self = .nmul
        case .mla: self = .mla
        case .mls: self = .mls
        case .nmla: self = .nmla
        case .nmls: self = .nmls
        default: return nil  // the fused ones are helpers already
        }
    }
}

extension Translator {
    /// Writes Vd (`double`: the source precision; the conversions write the other one) with
    /// `inline` (the translation outside FZ: the result) when the operands `x` and `y` (and
    /// Vd, for the multiply-accumulates) have exponents that rule denormals and tiny results
    /// out, else with the exact result of ARMHelpers.flushedValue. The two merge in one value
    /// at a label; the helper is pure but for MXCSR's flags and rare, so the loop pass and the
    /// register allocator keep the block's floats in registers across it.
    mutating func underFlushToZero(_ op: FlushedInstruction, double: Bool, d: Int, n: Int, m: Int, _ x: Value, _ y: Value?,
                                   _ inline: (inout Translator) -> Value) {
        // Biased exponent ranges (E, F fraction bits): a sum of numbers with E >= F + 2 is a
        // multiple of 2^(emin + 1), so zero or not tiny; a product with Ea + Eb >= bias + 2,
        // a quotient with Ea + bias >= Eb + 3, is at least 2^(emin + 1).
        let f: UInt64 = double ? 52 : 23, bias: UInt64 = double ? 1023 : 127, top = 2 * bias
        let slow = b.newLabel(), done = b.newLabel()
        var accumulator: Value? = nil
        // Zeros, infinities and NaNs take the inline path too: outside FZ it is ARM's for them.
        switch op {
        case .add, .sub:
            branchUnlessExponent(x, atLeast: f + 2, to: slow)
            if let y, n != m { branchUnlessExponent(y, atLeast: f + 2, to: slow) }
        case .mul, .nmul:
            branchUnlessExponent(x, atLeast: (bias + 3) / 2, to: slow)
            if let y, n != m { branchUnlessExponent(y, atLeast: (bias + 3) / 2, to: slow) }
        case .div:
            branchUnlessExponent(x, atLeast: f + 2, to: slow)
            if let y { branchUnlessExponent(y, in: 1...f + bias - 1, to: slow) }
        case .mla, .mls, .nmla, .nmls:
            // The product at least 2^(F + 2 - bias), the accumulator too. (Vd read before
            // the first branch: the slow path uses it.)
            let factor = (bias + f + 3) / 2
            let acc = fpRead(d, double: double)
            accumulator = acc
            branchUnlessExponent(x, atLeast: factor, to: slow)
            if let y, n != m { branchUnlessExponent(y, atLeast: factor, to: slow) }
            branchUnlessExponent(acc, atLeast: f + 2, to: slow)
        case .sqrt:
            branchUnlessExponent(x, in: 1...top, positive: true, to: slow)
        case .toSingle:
            branchUnlessExponent(x, atLeast: bias - 126, to: slow)
        case .toDouble:
            branchUnlessExponent(x, atLeast: 1, to: slow)
        }
        // The exact result is assigned to the inline one's value: one value, one register.
        let result = inline(&self)
        b.br(done)
        b.label(slow)
        let exact: Value
        let y = y ?? x
        switch op {
        case .toSingle: exact = flushedValue(.toSingle, x, x, double: true)
        case .toDouble: exact = flushedValue(.toDouble, x, x, double: false)
        case .sqrt: exact = flushedValue(.sqrt, x, x, double: double)
        case .add: exact = flushedValue(.add, x, y, double: double)
        case .sub: exact = flushedValue(.sub, x, y, double: double)
        case .mul: exact = flushedValue(.mul, x, y, double: double)
        case .div: exact = flushedValue(.div, x, y, double: double)
        case .nmul: exact = b.unary(.fneg, flushedValue(.mul, x, y, double: double))
        case .mla, .mls, .nmla, .nmls:
            // Two roundings, as VMLA and its kin do (FPMul, then FPAdd).
            let product = flushedValue(.mul, x, y, double: double)
            let acc = accumulator ?? x
            let addend = op == .mls || op == .nmla ? b.unary(.fneg, product) : product
            exact = flushedValue(.add, op == .nmla || op == .nmls ? b.unary(.fneg, acc) : acc, addend, double: double)
        }
        b.assign(result, exact)
        b.label(done)
        let written = op == .toSingle ? false : op == .toDouble ? true : double
        fpWrite(d, double: written, result)
        if flushedResults.count >= 16 { flushedResults.removeFirst() }
        flushedResults.append((d, written, result, b.count))
    }

    /// The value register r holds when it is a merged result still standing (flushedResults):
    /// nothing since wrote the register's bytes or the value, and no branch from before it
    /// enters the code since.
    func flushedResult(_ r: Int, double: Bool) -> Value? {
        guard let k = flushedResults.lastIndex(where: { $0.register == r && $0.double == double }) else { return nil }
        let e = flushedResults[k]
        let offset = UInt64(double ? ARMState.d(r) : ARMState.s(r))
        return unchanged(since: e.from, fields: offset..<offset + (double ? 8 : 4), e.value, e.value) ? e.value : nil
    }

    /// ARMHelpers.flushedValue on `x` and `y`: the result in the destination's type.
    mutating func flushedValue(_ op: ARMHelpers.FlushedOperation, _ x: Value, _ y: Value, double: Bool) -> Value {
        let code = op.rawValue | (double ? 1 << 4 : 0) | (defaultNaN ? 1 << 5 : 0)
        let wide = op == .toDouble || (double && op != .toSingle)
        return b.call(ARMHelpers.flushedValue, effects: [.floatFlags, .rare], result: wide ? .f64 : .f32, x, y, b.const32(code))
    }

    /// Branches to `target` unless the biased exponent of the float `x` is in `range` (and,
    /// when `positive`, its sign clear): one shift, one add and one unsigned compare. A double
    /// is tested on its high word (the exponent and sign are there), so the constants are
    /// 32-bit immediates.
    mutating func branchUnlessExponent(_ x: Value, in range: ClosedRange<UInt64>, positive: Bool = false, to target: Label) {
        let double = b.type(of: x) == .f64
        let bits = b.bitcast(x, to: double ? .i64 : .i32)
        // The exponent at bit `shift`, the sign above it or (not `positive`) shifted out.
        let value: Value, shift: UInt64
        if double {
            value = positive ? b.shri(bits, 32) : b.shri(b.shli(bits, 1), 33)
            shift = 20
        } else {
            value = positive ? bits : b.shli(bits, 1)
            shift = positive ? 23 : 24
        }
        let mask: UInt64 = double ? ~0 : 0xffff_ffff
        let offset = b.addi(value, (0 &- (range.lowerBound << shift)) & mask)
        let limit = (range.upperBound - range.lowerBound + 1) << shift
        b.brcond(.geu, offset, double ? b.const64(limit) : b.const32(UInt32(limit)), target)
    }

    /// Branches to `target` unless `x` is a zero or its biased exponent at least `lowest`
    /// (infinities and NaNs included): with the sign shifted out and one subtracted, a zero
    /// wraps to the top, so one shift, one add and one unsigned compare. (A double compares
    /// its high word: exactly 2^(lowest - bias) then branches too, which is only slower.)
    mutating func branchUnlessExponent(_ x: Value, atLeast lowest: UInt64, to target: Label) {
        let double = b.type(of: x) == .f64
        let bits = b.bitcast(x, to: double ? .i64 : .i32)
        let below = b.addi(b.shli(bits, 1), double ? ~0 : 0xffff_ffff)
        if double {
            b.brcond(.ltu, b.shri(below, 32), b.const64(lowest << 21), target)
        } else {
            b.brcond(.ltu, below, b.const32(UInt32(lowest << 24) &- 1), target)
        }
    }

    /// Under FZ: Input Denormal for the operands of an instruction the host's DAZ otherwise
    /// gets right (comparisons, conversions to integer), by a helper reached only when one is
    /// denormal.
    mutating func flushedInputs(_ x: Value, _ y: Value? = nil) {
        guard flushToZero else { return }
        let double = b.type(of: x) == .f64
        let minimum: UInt64 = double ? 0x0010_0000_0000_0000 : 0x0080_0000
        func denormal(_ t: inout Translator, _ v: Value) -> Value {
            // (bits << 1) - 1 below (smallest normal << 1) - 1: non-zero with a zero exponent.
            let bits = t.b.bitcast(v, to: double ? .i64 : .i32)
            let below = t.b.addi(t.b.shli(bits, 1), double ? ~0 : 0xffff_ffff)
            let limit = (minimum << 1) - 1
            return t.b.setcond(.ltu, below, double ? t.b.const64(limit) : t.b.const32(UInt32(limit)))
        }
        var any = denormal(&self, x)
        if let y { any = b.or(any, denormal(&self, y)) }
        let skip = b.newLabel()
        b.brcond(.eq, any, b.const32(0), skip, hint: .coldFallThrough)
        let code: UInt32 = (double ? 1 : 0) | (y != nil ? 2 : 0)
        b.call(ARMHelpers.flushedInputs, effects: [.floatFlags, .rare], result: nil, x, y ?? .none, b.const32(code))
        b.label(skip)
    }
}
