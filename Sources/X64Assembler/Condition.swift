// Condition codes in Intel's numbering: the low nibble of Jcc (70+cc, 0F 80+cc), SETcc
// (0F 90+cc) and CMOVcc (0F 40+cc). Bit 0 negates, so `inverted` is one XOR.

public enum Condition: UInt8, CaseIterable, Sendable {
    /// Overflow (OF=1).
    case o = 0
    case no
    /// Below, unsigned (CF=1); also carry.
    case b
    /// Above or equal, unsigned (CF=0).
    case ae
    /// Equal, zero (ZF=1).
    case e
    case ne
    /// Below or equal, unsigned (CF=1 or ZF=1).
    case be
    /// Above, unsigned (CF=0 and ZF=0).
    case a
    /// Sign (SF=1).
    case s
    case ns
    /// Parity even (PF=1); after UCOMISS/UCOMISD, unordered.
    case p
    case np
    /// Less, signed (SF!=OF).
    case l
    case ge
    /// Less or equal, signed (ZF=1 or SF!=OF).
    case le
    case g

    /// The opposite condition.
    public var inverted: Condition {
        // Every value 0-15 is a case; the XOR stays in range.
        Condition(rawValue: rawValue ^ 1) ?? self
    }

    // The manual's other names for the same codes.
    public static let c = Condition.b, nc = Condition.ae, nae = Condition.b, nb = Condition.ae
    public static let z = Condition.e, nz = Condition.ne, na = Condition.be, nbe = Condition.a
    public static let pe = Condition.p, po = Condition.np
    public static let nge = Condition.l, nl = Condition.ge, ng = Condition.le, nle = Condition.g
}
