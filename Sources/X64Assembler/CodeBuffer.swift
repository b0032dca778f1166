// The bytes being assembled: a raw pointer, a capacity and a position, either owned and grown
// by doubling, or lent by the caller (a code cache region) and fixed. A fixed buffer that runs
// out keeps counting the position but stops storing, and says so in `hasOverflowed`: the
// caller checks once per block instead of once per byte, and discards the block.

public struct CodeBuffer: ~Copyable {
    var base: UnsafeMutablePointer<UInt8>
    /// Bytes that may be stored at `base`.
    public private(set) var capacity: Int
    /// Where the next byte goes; bytes 0..<position are the code (up to `capacity`).
    public internal(set) var position: Int
    /// Whether `base` is ours to free.
    let ownsMemory: Bool
    /// Whether `base` may be replaced by a bigger allocation.
    let canGrow: Bool
    /// A fixed buffer ran out: the code past `capacity` was not stored.
    public private(set) var hasOverflowed = false

    /// An owned buffer that grows as needed.
    public init(capacity: Int = 4096) {
        let capacity = max(capacity, 16)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        self.capacity = capacity
        position = 0
        ownsMemory = true
        canGrow = true
    }

    /// A buffer over `memory`, which the caller owns and keeps alive; it never grows.
    public init(memory: UnsafeMutableRawBufferPointer) {
        if let start = memory.baseAddress {
            base = start.bindMemory(to: UInt8.self, capacity: memory.count)
            capacity = memory.count
            ownsMemory = false
        } else {
            // Nothing to store into: every emit overflows and `base` is never read or written.
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            capacity = 0
            ownsMemory = true
        }
        position = 0
        canGrow = false
    }

    deinit {
        if ownsMemory { base.deallocate() }
    }

    /// Starts over at position 0, keeping the memory.
    public mutating func reset() {
        position = 0
        hasOverflowed = false
    }

    @inline(__always)
    public mutating func emit8(_ value: UInt8) {
        if position < capacity {
            base[position] = value
            position &+= 1
        } else {
            emitSlow(UInt64(value), count: 1)
        }
    }

    @inline(__always)
    public mutating func emit16(_ value: UInt16) {
        if capacity &- position >= 2 {
            UnsafeMutableRawPointer(base + position).storeBytes(of: value.littleEndian, as: UInt16.self)
            position &+= 2
        } else {
            emitSlow(UInt64(value), count: 2)
        }
    }

    @inline(__always)
    public mutating func emit32(_ value: UInt32) {
        if capacity &- position >= 4 {
            UnsafeMutableRawPointer(base + position).storeBytes(of: value.littleEndian, as: UInt32.self)
            position &+= 4
        } else {
            emitSlow(UInt64(value), count: 4)
        }
    }

    @inline(__always)
    public mutating func emit64(_ value: UInt64) {
        if capacity &- position >= 8 {
            UnsafeMutableRawPointer(base + position).storeBytes(of: value.littleEndian, as: UInt64.self)
            position &+= 8
        } else {
            emitSlow(value, count: 8)
        }
    }

    /// The low `count` (1...8) bytes of `value`, low byte first: one 8-byte store when 8 bytes
    /// fit (the bytes past `count` are scratch the next emit overwrites).
    @inline(__always)
    public mutating func emit(_ value: UInt64, byteCount count: Int) {
        if capacity &- position >= 8 {
            UnsafeMutableRawPointer(base + position).storeBytes(of: value.littleEndian, as: UInt64.self)
            position &+= count
        } else {
            emitSlow(value, count: count)
        }
    }

    /// Grows an owned buffer, or marks a fixed one overflowed; then stores what fits.
    @inline(never)
    mutating func emitSlow(_ value: UInt64, count: Int) {
        if canGrow && position + count > capacity {
            grow(toHold: position + count)
        }
        for byte in 0..<count {
            if position < capacity {
                base[position] = UInt8(truncatingIfNeeded: value >> (8 * byte))
            } else {
                hasOverflowed = true
            }
            position += 1
        }
    }

    mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: min(position, capacity))
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Overwrites the byte at `offset` (an earlier position); ignored past what was stored.
    public mutating func patch8(at offset: Int, _ value: UInt8) {
        guard offset >= 0, offset < min(position, capacity) else { return }
        base[offset] = value
    }

    /// Overwrites 4 bytes at `offset` (an earlier position), little-endian; ignored past what
    /// was stored.
    public mutating func patch32(at offset: Int, _ value: UInt32) {
        guard offset >= 0, offset + 4 <= min(position, capacity) else { return }
        UnsafeMutableRawPointer(base + offset).storeBytes(of: value.littleEndian, as: UInt32.self)
    }

    /// The byte at `offset`; 0 past what was stored.
    public func load8(at offset: Int) -> UInt8 {
        guard offset >= 0, offset < min(position, capacity) else { return 0 }
        return base[offset]
    }

    /// The little-endian 4 bytes at `offset`; 0 past what was stored.
    public func load32(at offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= min(position, capacity) else { return 0 }
        return UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self))
    }

    /// The code so far, copied (for tests and logs; the JIT uses `withUnsafeBytes`).
    public var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: min(position, capacity)))
    }

    /// The code so far, in place.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base, count: min(position, capacity)))
    }
}
