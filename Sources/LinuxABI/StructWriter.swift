// The marshaller's write half: stores named field values into a raw buffer with a given layout
// and byte order. LinuxUser hands it guest memory (or a scratch buffer it copies out); nothing
// here knows where the bytes live. Accesses are unaligned loads/stores, bounds-checked against
// the buffer, so a bad layout or a short buffer is a `false`, never a trap.

public struct StructWriter {
    public let layout: StructLayout
    public let byteOrder: ByteOrder
    public let bytes: UnsafeMutableRawBufferPointer

    /// nil when the buffer is shorter than the struct.
    public init?(_ layout: StructLayout, byteOrder: ByteOrder, into bytes: UnsafeMutableRawBufferPointer) {
        guard bytes.count >= layout.size else { return nil }
        self.layout = layout
        self.byteOrder = byteOrder
        self.bytes = bytes
    }

    /// Zeroes the whole struct: the kernel clears padding and fields it does not fill, and
    /// guests read them (glibc looks at stat64's __pad0 and the high halves of fields).
    public func zero() {
        if layout.size > 0, let base = bytes.baseAddress {
            base.initializeMemory(as: UInt8.self, repeating: 0, count: layout.size)
        }
    }

    /// Stores `value` in element `index` of the field, truncated to the field's width. Returns
    /// true when the field exists and holds the value unchanged (an unsigned number: use
    /// `set(_:signed:)` for negative values); false when there is no such field or element
    /// (nothing is written) or the value was truncated.
    @discardableResult
    public func set(_ name: StaticString, _ value: UInt64, index: Int = 0) -> Bool {
        guard let field = layout.field(named: name) else { return false }
        return set(field, value, index: index)
    }

    /// Stores a signed value; true when the field exists and holds it unchanged.
    @discardableResult
    public func set(_ name: StaticString, signed value: Int64, index: Int = 0) -> Bool {
        guard let field = layout.field(named: name) else { return false }
        return set(field, signed: value, index: index)
    }

    @discardableResult
    public func set(_ field: Field, _ value: UInt64, index: Int = 0) -> Bool {
        store(field, value, index: index) && field.holds(unsigned: value)
    }

    @discardableResult
    public func set(_ field: Field, signed value: Int64, index: Int = 0) -> Bool {
        store(field, UInt64(bitPattern: value), index: index) && field.holds(value)
    }

    /// Copies bytes into a byte-array field (utsname's strings, termios' c_cc), truncating to the
    /// field and zero-filling the rest. True when the field exists and every byte fit.
    @discardableResult
    public func setBytes(_ name: StaticString, _ source: some Collection<UInt8>) -> Bool {
        guard let field = layout.field(named: name), field.size == 1,
              field.offset >= 0, field.offset + field.count <= bytes.count
        else { return false }
        var offset = field.offset
        let end = field.offset + field.count
        for byte in source where offset < end {
            bytes[offset] = byte
            offset += 1
        }
        while offset < end {
            bytes[offset] = 0
            offset += 1
        }
        return source.count <= field.count
    }

    /// Writes the low bytes of `value` in the guest's order; false when out of range.
    func store(_ field: Field, _ value: UInt64, index: Int) -> Bool {
        guard index >= 0, index < field.count else { return false }
        let offset = field.offset + index * field.size
        guard offset >= 0, offset + field.size <= bytes.count, let base = bytes.baseAddress else { return false }
        let little = byteOrder == .little
        switch field.size {
        case 1:
            base.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: offset, as: UInt8.self)
        case 2:
            let v = UInt16(truncatingIfNeeded: value)
            base.storeBytes(of: little ? v.littleEndian : v.bigEndian, toByteOffset: offset, as: UInt16.self)
        case 4:
            let v = UInt32(truncatingIfNeeded: value)
            base.storeBytes(of: little ? v.littleEndian : v.bigEndian, toByteOffset: offset, as: UInt32.self)
        case 8:
            base.storeBytes(of: little ? value.littleEndian : value.bigEndian, toByteOffset: offset, as: UInt64.self)
        default:
            return false
        }
        return true
    }
}
