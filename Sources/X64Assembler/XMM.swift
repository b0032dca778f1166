// SSE registers: xmm0-xmm15, numbered as in ModRM (bit 3 in REX.R/B).

/// An XMM register (`xmm0` ... `xmm15`).
public struct XMM: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt8

    public init(_ index: UInt8) {
        precondition(index < 16, "no XMM register \(index)")
        self.index = index
    }

    @usableFromInline init(unchecked index: UInt8) { self.index = index }

    @inlinable public static var xmm0: XMM { XMM(unchecked: 0) }
    @inlinable public static var xmm1: XMM { XMM(unchecked: 1) }
    @inlinable public static var xmm2: XMM { XMM(unchecked: 2) }
    @inlinable public static var xmm3: XMM { XMM(unchecked: 3) }
    @inlinable public static var xmm4: XMM { XMM(unchecked: 4) }
    @inlinable public static var xmm5: XMM { XMM(unchecked: 5) }
    @inlinable public static var xmm6: XMM { XMM(unchecked: 6) }
    @inlinable public static var xmm7: XMM { XMM(unchecked: 7) }
    @inlinable public static var xmm8: XMM { XMM(unchecked: 8) }
    @inlinable public static var xmm9: XMM { XMM(unchecked: 9) }
    @inlinable public static var xmm10: XMM { XMM(unchecked: 10) }
    @inlinable public static var xmm11: XMM { XMM(unchecked: 11) }
    @inlinable public static var xmm12: XMM { XMM(unchecked: 12) }
    @inlinable public static var xmm13: XMM { XMM(unchecked: 13) }
    @inlinable public static var xmm14: XMM { XMM(unchecked: 14) }
    @inlinable public static var xmm15: XMM { XMM(unchecked: 15) }

    /// All sixteen, in index order.
    public static let all: [XMM] = (0..<16).map { XMM(unchecked: UInt8($0)) }

    var code: UInt8 { index }

    public var description: String { "xmm\(index)" }
}
