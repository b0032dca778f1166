// Comparison conditions of setcond/brcond (integer) and fsetcond (float).

/// An integer comparison. `aux` of setcond/brcond.
public enum Condition: UInt8, Sendable, CaseIterable {
    case eq, ne
    /// Signed.
    case lt, le, gt, ge
    /// Unsigned.
    case ltu, leu, gtu, geu
    /// (a & b) != 0, (a & b) == 0.
    case tstne, tsteq

    /// The condition that holds exactly when this one does not.
    public var inverted: Condition {
        switch self {
        case .eq: .ne
        case .ne: .eq
        case .lt: .ge
        case .ge: .lt
        case .le: .gt
        case .gt: .le
        case .ltu: .geu
        case .geu: .ltu
        case .leu: .gtu
        case .gtu: .leu
        case .tstne: .tsteq
        case .tsteq: .tstne
        }
    }

    /// Evaluates the condition on two values of `bits` width (32 or 64) held in UInt64s.
    @inlinable public func holds(_ a: UInt64, _ b: UInt64, bits: Int) -> Bool {
        if bits == 32 {
            let x = UInt32(truncatingIfNeeded: a), y = UInt32(truncatingIfNeeded: b)
            switch self {
            case .eq: return x == y
            case .ne: return x != y
            case .lt: return Int32(bitPattern: x) < Int32(bitPattern: y)
            case .le: return Int32(bitPattern: x) <= Int32(bitPattern: y)
            case .gt: return Int32(bitPattern: x) > Int32(bitPattern: y)
            case .ge: return Int32(bitPattern: x) >= Int32(bitPattern: y)
            case .ltu: return x < y
            case .leu: return x <= y
            case .gtu: return x > y
            case .geu: return x >= y
            case .tstne: return x & y != 0
            case .tsteq: return x & y == 0
            }
        }
        switch self {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return Int64(bitPattern: a) < Int64(bitPattern: b)
        case .le: return Int64(bitPattern: a) <= Int64(bitPattern: b)
        case .gt: return Int64(bitPattern: a) > Int64(bitPattern: b)
        case .ge: return Int64(bitPattern: a) >= Int64(bitPattern: b)
        case .ltu: return a < b
        case .leu: return a <= b
        case .gtu: return a > b
        case .geu: return a >= b
        case .tstne: return a & b != 0
        case .tsteq: return a & b == 0
        }
    }
}

/// A floating-point comparison. Ordered conditions are false when either operand is NaN;
/// `uno` is true exactly then.
public enum FloatCondition: UInt8, Sendable, CaseIterable {
    case oeq, olt, ole, ogt, oge, une, uno, ord
}

/// Which NaN an FP arithmetic op (fadd, fsub, fmul, fdiv, fsqrt) gives: its `aux`.
public enum NaNRule: UInt8, Sendable, CaseIterable {
    /// Unspecified: a NaN result is some NaN (the host's, for now).
    case unspecified = 0
    /// IEEE 754-2008's recommendation, as ARM's FPProcessNaNs and FPDefaultNaN have it: the
    /// first signalling NaN operand, quieted; else the first quiet NaN operand; else (an
    /// invalid operation) the default NaN, positive and quiet with a zero payload: 0x7fc00000,
    /// 0x7ff8000000000000.
    case firstNaN = 1
}

/// Rounding of float-to-integer conversions.
public enum RoundingMode: UInt8, Sendable, CaseIterable {
    case nearestEven = 0, towardPlusInfinity = 1, towardMinusInfinity = 2, towardZero = 3
}

/// What a frontend knows about a `brcond`'s direction (its `aux2`; Documentation/IR.md).
public enum BranchHint: UInt8, Sendable {
    case none = 0
    /// Almost always taken, forward: the ops up to its label are a rare path a backend may
    /// place out of line.
    case coldFallThrough = 1
}
