// How a guest memory access is made: size, signedness, byte order and alignment.

/// A guest memory access description, packed in one byte (the `aux` of load/store/cmpxchg):
/// bits 0-1 log2(size), bit 2 signed (loads extend by sign), bit 3 big-endian,
/// bit 4 must be naturally aligned (an unaligned access faults), bit 5 a 16-byte v128 access.
public struct MemOp: Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    @inlinable public init(size: Int, signed: Bool = false, bigEndian: Bool = false, aligned: Bool = false) {
        let log2: UInt8 = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3
        rawValue = log2 | (signed ? 4 : 0) | (bigEndian ? 8 : 0) | (aligned ? 16 : 0)
    }

    /// Access size in bytes: 1, 2, 4 or 8.
    @inlinable public var size: Int { 1 << Int(rawValue & 3) }
    @inlinable public var isSigned: Bool { rawValue & 4 != 0 }
    @inlinable public var isBigEndian: Bool { rawValue & 8 != 0 }
    @inlinable public var mustBeAligned: Bool { rawValue & 16 != 0 }

    @inlinable public static var u8: MemOp { MemOp(rawValue: 0) }
    @inlinable public static var s8: MemOp { MemOp(rawValue: 4) }
    @inlinable public static var u16: MemOp { MemOp(rawValue: 1) }
    @inlinable public static var s16: MemOp { MemOp(rawValue: 5) }
    @inlinable public static var u32: MemOp { MemOp(rawValue: 2) }
    @inlinable public static var s32: MemOp { MemOp(rawValue: 6) }
    @inlinable public static var u64: MemOp { MemOp(rawValue: 3) }

    @inlinable public func withBigEndian(_ on: Bool) -> MemOp { MemOp(rawValue: on ? rawValue | 8 : rawValue & ~8) }
    @inlinable public func withAlignment(_ on: Bool) -> MemOp { MemOp(rawValue: on ? rawValue | 16 : rawValue & ~16) }

    public var description: String {
        // A v128 access (IRBuilder+Vector.swift): 16 bytes, the size field its alignment.
        if rawValue & 32 != 0 { return "u128le" + (mustBeAligned ? ".al\(size)" : "") }
        return (isSigned ? "s" : "u") + "\(size * 8)" + (size > 1 ? (isBigEndian ? "be" : "le") : "")
            + (mustBeAligned ? ".al" : "")
    }
}
