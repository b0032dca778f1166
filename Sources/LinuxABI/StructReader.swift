// The marshaller's read half: loads named field values out of a raw buffer with a given layout
// and byte order. Values come back widened as C would convert them to 64 bits: sign-extended
// for signed fields, zero-extended otherwise.

public struct StructReader {
    public let layout: StructLayout
    public let byteOrder: ByteOrder
    public let bytes: UnsafeRawBufferPointer

    /// nil when the buffer is shorter than the struct.
    public init?(_ layout: StructLayout, byteOrder: ByteOrder, from bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= layout.size else { return nil }
        self.layout = layout
        self.byteOrder = byteOrder
        self.bytes = bytes
    }

    /// Element `index` of the field as a 64-bit pattern; nil when there is no such field or
    /// element.
    public func get(_ name: StaticString, index: Int = 0) -> UInt64? {
        guard let field = layout.field(named: name) else { return nil }
        return get(field, index: index)
    }

    /// The same value as a signed number (negative only for signed fields).
    public func getSigned(_ name: StaticString, index: Int = 0) -> Int64? {
        get(name, index: index).map { Int64(bitPattern: $0) }
    }

    public func get(_ field: Field, index: Int = 0) -> UInt64? {
        guard index >= 0, index < field.count else { return nil }
        let offset = field.offset + index * field.size
        guard offset >= 0, offset + field.size <= bytes.count, let base = bytes.baseAddress else { return nil }
        let little = byteOrder == .little
        switch field.size {
        case 1:
            let v = base.load(fromByteOffset: offset, as: UInt8.self)
            return field.signed ? UInt64(bitPattern: Int64(Int8(bitPattern: v))) : UInt64(v)
        case 2:
            let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
            let v = little ? UInt16(littleEndian: raw) : UInt16(bigEndian: raw)
            return field.signed ? UInt64(bitPattern: Int64(Int16(bitPattern: v))) : UInt64(v)
        case 4:
            let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            let v = little ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
            return field.signed ? UInt64(bitPattern: Int64(Int32(bitPattern: v))) : UInt64(v)
        case 8:
            let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            return little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw)
        default:
            return nil
        }
    }

    /// The bytes of a byte-array field (all of them; C strings stop at their first 0).
    public func bytes(_ name: StaticString) -> UnsafeRawBufferPointer? {
        guard let field = layout.field(named: name), field.size == 1,
              field.offset >= 0, field.offset + field.count <= bytes.count
        else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[field.offset..<(field.offset + field.count)])
    }
}
