// GuestAddress: a typed guest virtual address, so guest and host addresses never mix.

/// An address in the guest's virtual address space (not a host pointer).
///
/// `+` and `-` wrap (guest arithmetic); range checks inside GuestMemory use the
/// overflow-reporting forms, so a guest-supplied address can never trap.
public struct GuestAddress: RawRepresentable, Hashable, Comparable, Sendable,
    ExpressibleByIntegerLiteral, CustomStringConvertible
{
    public var rawValue: UInt64

    @inline(__always) public init(rawValue: UInt64) { self.rawValue = rawValue }
    @inline(__always) public init(_ value: UInt64) { self.rawValue = value }
    @inline(__always) public init(integerLiteral value: UInt64) { self.rawValue = value }

    public static let zero = GuestAddress(0)

    @inline(__always)
    public static func < (lhs: GuestAddress, rhs: GuestAddress) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `address + offset`, wrapping at 2^64.
    @inline(__always)
    public static func + (lhs: GuestAddress, rhs: UInt64) -> GuestAddress { GuestAddress(lhs.rawValue &+ rhs) }

    /// `address - offset`, wrapping at 2^64.
    @inline(__always)
    public static func - (lhs: GuestAddress, rhs: UInt64) -> GuestAddress { GuestAddress(lhs.rawValue &- rhs) }

    /// The distance between two addresses, wrapping at 2^64.
    @inline(__always)
    public static func - (lhs: GuestAddress, rhs: GuestAddress) -> UInt64 { lhs.rawValue &- rhs.rawValue }

    @inline(__always)
    public static func += (lhs: inout GuestAddress, rhs: UInt64) { lhs = lhs + rhs }

    @inline(__always)
    public static func -= (lhs: inout GuestAddress, rhs: UInt64) { lhs = lhs - rhs }

    /// `self + offset`, or nil if it passes 2^64.
    @inline(__always)
    public func adding(_ offset: UInt64) -> GuestAddress? {
        let (sum, overflow) = rawValue.addingReportingOverflow(offset)
        return overflow ? nil : GuestAddress(sum)
    }

    /// Whether the address is a multiple of `alignment` (a power of two).
    @inline(__always)
    public func isAligned(to alignment: UInt64) -> Bool { rawValue & (alignment &- 1) == 0 }

    /// The address rounded down to a multiple of `alignment` (a power of two).
    @inline(__always)
    public func roundedDown(to alignment: UInt64) -> GuestAddress {
        GuestAddress(rawValue & ~(alignment &- 1))
    }

    /// The address rounded up to a multiple of `alignment` (a power of two), or nil if that
    /// passes 2^64.
    @inline(__always)
    public func roundedUp(to alignment: UInt64) -> GuestAddress? {
        adding(alignment &- 1).map { $0.roundedDown(to: alignment) }
    }

    /// `0x` and the address in hex.
    public var description: String { "0x" + String(rawValue, radix: 16) }
}
