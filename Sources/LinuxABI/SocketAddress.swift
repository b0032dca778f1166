// sockaddr between guest and host. Every Linux arch lays out sockaddr_un, sockaddr_in,
// sockaddr_in6, sockaddr_nl and sockaddr_ll the same way with the same family numbers; what
// differs is the byte order of the fields kept in the machine's order (the family itself, a
// netlink port id and groups, an IPv6 scope id, a packet socket's interface index and hardware
// type). Ports and IP addresses are in network order everywhere and are never touched.

public enum SocketAddress {
    /// sizeof(struct sockaddr_storage): the kernel refuses longer addresses (EINVAL).
    public static let maximumLength = 128

    static let familyINET6: UInt16 = 10, familyNETLINK: UInt16 = 16, familyPACKET: UInt16 = 17

    /// Rewrites in place the machine-order fields of the address in `bytes` (its length is the
    /// address length) from `source` byte order to `destination` byte order. Nothing to do when
    /// the orders agree; fields beyond the length are left alone.
    public static func convert(_ bytes: UnsafeMutableRawBufferPointer, from source: ByteOrder, to destination: ByteOrder) {
        guard source != destination, bytes.count >= 2 else { return }
        swap16(bytes, at: 0)
        switch family(UnsafeRawBufferPointer(bytes), order: destination) {
        case familyNETLINK:
            swap32(bytes, at: 4)   // nl_pid
            swap32(bytes, at: 8)   // nl_groups
        case familyINET6:
            swap32(bytes, at: 24)  // sin6_scope_id
        case familyPACKET:
            swap32(bytes, at: 4)   // sll_ifindex
            swap16(bytes, at: 8)  // sll_hatype
        default:
            break
        }
    }

    /// The family field of an address in `order` (0 when shorter than the field).
    public static func family(_ bytes: UnsafeRawBufferPointer, order: ByteOrder) -> UInt16 {
        guard bytes.count >= 2, let base = bytes.baseAddress else { return 0 }
        let raw = base.loadUnaligned(as: UInt16.self)
        return order == .little ? UInt16(littleEndian: raw) : UInt16(bigEndian: raw)
    }

    private static func swap16(_ bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        guard offset + 2 <= bytes.count, let base = bytes.baseAddress else { return }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        base.storeBytes(of: v.byteSwapped, toByteOffset: offset, as: UInt16.self)
    }

    private static func swap32(_ bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        guard offset + 4 <= bytes.count, let base = bytes.baseAddress else { return }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        base.storeBytes(of: v.byteSwapped, toByteOffset: offset, as: UInt32.self)
    }
}
