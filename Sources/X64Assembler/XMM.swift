// SSE registers: xmm0-xmm15, numbered as in ModRM (bit 3 in REX.R/B).

/// An XMM register (`xmm0` ... `xmm15`).
public struct XMM: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt8

    public init(_ index: UInt8) {
        precondition(index < 16, "no XMM register \(index)")
        self.index = index
    }

    init(unchecked index: UInt8) { self.index = index }

    public static let xmm0 = XMM(unchecked: 0), xmm1 = XMM(unchecked: 1), xmm2 = XMM(unchecked: 2), xmm3 = XMM(unchecked: 3)
    public static let xmm4 = XMM(unchecked: 4), xmm5 = XMM(unchecked: 5), xmm6 = XMM(unchecked: 6), xmm7 = XMM(unchecked: 7)
    public static let xmm8 = XMM(unchecked: 8), xmm9 = XMM(unchecked: 9), xmm10 = XMM(unchecked: 10), xmm11 = XMM(unchecked: 11)
    public static let xmm12 = XMM(unchecked: 12), xmm13 = XMM(unchecked: 13), xmm14 = XMM(unchecked: 14), xmm15 = XMM(unchecked: 15)

    /// All sixteen, in index order.
    public static let all: [XMM] = (0..<16).map { XMM(unchecked: UInt8($0)) }

    var code: UInt8 { index }

    public var description: String { "xmm\(index)" }
}
