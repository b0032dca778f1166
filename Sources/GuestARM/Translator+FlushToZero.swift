// VFP data processing in blocks translated under FPSCR.FZ (a block-key flag). The host's
// DAZ/FTZ get ARM's values and flags whenever no operand is denormal and no result can be
// tiny, which an integer test per operand on its exponent shows (four host instructions and
// a branch); then the instruction runs as outside FZ, inline on SSE. Otherwise it branches to a helper that does the whole
// instruction as ARM does (ARMHelpers+FlushToZero): Input Denormal for a flushed operand,
// Underflow alone for a flushed result, tininess before rounding.

import IR

/// An instruction the flush-to-zero helper runs: the low four bits of its operand.
enum FlushedInstruction: UInt32 {
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
    /// `inline` (the translation outside FZ) when the operands `x` and `y` (and Vd, for the
    /// multiply-accumulates) have exponents that rule denormals and tiny results out, else the
    /// helper on registers d, n, m (`double`: the source precision).
    mutating func underFlushToZero(_ op: FlushedInstruction, double: Bool, d: Int, n: Int, m: Int, _ x: Value, _ y: Value?,
                                   _ inline: (inout Translator) -> Void) {
        // Biased exponent ranges (E, F fraction bits): a sum of numbers with E >= F + 2 is a
        // multiple of 2^(emin + 1), so zero or not tiny; a product with Ea + Eb >= bias + 2,
        // a quotient with Ea + bias >= Eb + 3, is at least 2^(emin + 1).
        let f: UInt64 = double ? 52 : 23, bias: UInt64 = double ? 1023 : 127, top = 2 * bias
        let slow = b.newLabel(), done = b.newLabel()
        // Zeros, infinities and NaNs take the inline path too: outside FZ it is ARM's for them.
        switch op {
        case .add, .sub:
            branchUnlessExponent(x, atLeast: f + 2, to: slow)
            if let y { branchUnlessExponent(y, atLeast: f + 2, to: slow) }
        case .mul, .nmul:
            branchUnlessExponent(x, atLeast: (bias + 3) / 2, to: slow)
            if let y { branchUnlessExponent(y, atLeast: (bias + 3) / 2, to: slow) }
        case .div:
            branchUnlessExponent(x, atLeast: f + 2, to: slow)
            if let y { branchUnlessExponent(y, in: 1...f + bias - 1, to: slow) }
        case .mla, .mls, .nmla, .nmls:
            // The product at least 2^(F + 2 - bias), the accumulator too.
            let factor = (bias + f + 3) / 2
            branchUnlessExponent(x, atLeast: factor, to: slow)
            if let y { branchUnlessExponent(y, atLeast: factor, to: slow) }
            branchUnlessExponent(fpRead(d, double: double), atLeast: f + 2, to: slow)
        case .sqrt:
            branchUnlessExponent(x, in: 1...top, positive: true, to: slow)
        case .toSingle:
            branchUnlessExponent(x, atLeast: bias - 126, to: slow)
        case .toDouble:
            branchUnlessExponent(x, atLeast: 1, to: slow)
        }
        inline(&self)
        b.br(done)
        b.label(slow)
        let operand = op.rawValue | (double ? 1 << 4 : 0) | UInt32(d) << 8 | UInt32(n) << 16 | UInt32(m) << 24
        b.call(ARMHelpers.flushedInstruction, effects: [.readsState, .writesState], result: nil, b.const32(operand))
        b.label(done)
    }

    /// Branches to `target` unless the biased exponent of the float `x` is in `range` (and,
    /// when `positive`, its sign clear): one shift, one add and one unsigned compare.
    mutating func branchUnlessExponent(_ x: Value, in range: ClosedRange<UInt64>, positive: Bool = false, to target: Label) {
        let double = b.type(of: x) == .f64
        let bits = b.bitcast(x, to: double ? .i64 : .i32)
        let shift: UInt64 = (double ? 52 : 23) + (positive ? 0 : 1)
        let value = positive ? bits : b.shli(bits, 1)
        let mask: UInt64 = double ? ~0 : 0xffff_ffff
        let offset = b.addi(value, (0 &- (range.lowerBound << shift)) & mask)
        let limit = (range.upperBound - range.lowerBound + 1) << shift
        b.brcond(.geu, offset, double ? b.const64(limit) : b.const32(UInt32(limit)), target)
    }

    /// Branches to `target` unless `x` is a zero or its biased exponent at least `lowest`
    /// (infinities and NaNs included): with the sign shifted out, [lowest, 2^w) and 0 are one
    /// interval modulo 2^w, so again one shift, one add and one unsigned compare.
    mutating func branchUnlessExponent(_ x: Value, atLeast lowest: UInt64, to target: Label) {
        let double = b.type(of: x) == .f64
        let bits = b.bitcast(x, to: double ? .i64 : .i32)
        let low = lowest << ((double ? 52 : 23) + 1)
        let mask: UInt64 = double ? ~0 : 0xffff_ffff
        let offset = b.addi(b.shli(bits, 1), (0 &- low) & mask)
        let limit = ((0 &- low) & mask) &+ 1
        b.brcond(.geu, offset, double ? b.const64(limit) : b.const32(UInt32(truncatingIfNeeded: limit)), target)
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
        b.brcond(.eq, any, b.const32(0), skip)
        let code: UInt32 = (double ? 1 : 0) | (y != nil ? 2 : 0)
        b.call(ARMHelpers.flushedInputs, effects: [.readsState, .writesState], result: nil, x, y ?? .none, b.const32(code))
        b.label(skip)
    }
}
