// Little helpers for the converters that move fixed-width numbers between byte arrays in the
// guest's and the host's order (socket option values, control messages).

extension Array where Element == UInt8 {
    /// The `size`-byte unsigned number at `offset` in `order`; 0 past the end.
    func number(at offset: Int, size: Int, order: ByteOrder) -> UInt64 {
        guard offset >= 0, offset + size <= count else { return 0 }
        var value: UInt64 = 0
        for i in 0..<size {
            let byte = UInt64(self[offset + (order == .little ? size - 1 - i : i)])
            value = value << 8 | byte
        }
        return value
    }

    /// Appends the low `size` bytes of `value` in `order`.
    mutating func append(number value: UInt64, size: Int, order: ByteOrder) {
        for i in 0..<size {
            let shift = UInt64(order == .little ? i : size - 1 - i) * 8
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}

extension UInt64 {
    /// The value of a `size`-byte field read as signed, sign-extended to 64 bits.
    func signExtended(from size: Int) -> UInt64 {
        guard size < 8 else { return self }
        let shift = UInt64(64 - size * 8)
        return UInt64(bitPattern: Int64(bitPattern: self << shift) >> shift)
    }
}
