// Socket option values and control message payloads between the guest's bytes and the host's:
// numbers change byte order, a guest long (timeval's fields on a 32-bit guest) becomes the
// host's 64-bit one and back (truncated, as a 32-bit kernel would store it). Bytes with no
// order pass unchanged.

extension SocketOptionValue {
    /// Bytes the host's value takes, or nil for a value with no fixed size (`.bytes`).
    public var hostSize: Int? {
        switch self {
        case .int, .socketType: 4
        case .words(let n): 4 * n
        case .timeval, .timeval64: 16
        case .uint64: 8
        case .bytes, .unsupported: nil
        }
    }

    /// Bytes the guest's value takes.
    public func guestSize(wordSize: Int) -> Int? {
        switch self {
        case .timeval: 2 * wordSize
        default: hostSize
        }
    }

    /// The guest's value as the host's bytes; nil when the guest gave fewer bytes than the value
    /// needs (EINVAL, as the kernel answers a short optlen) or the value cannot be converted.
    public func toHost(_ guest: [UInt8], order: ByteOrder, wordSize: Int) -> [UInt8]? {
        switch self {
        case .bytes: return guest
        case .unsupported: return nil
        case .int, .socketType, .words, .uint64, .timeval64:
            guard let size = hostSize, guest.count >= size else { return nil }
            let element = self == .uint64 || self == .timeval64 ? 8 : 4
            var host: [UInt8] = []
            for offset in stride(from: 0, to: size, by: element) {
                host.append(number: guest.number(at: offset, size: element, order: order), size: element, order: .host)
            }
            return host
        case .timeval:
            guard guest.count >= 2 * wordSize else { return nil }
            var host: [UInt8] = []
            for i in 0..<2 {
                let value = guest.number(at: i * wordSize, size: wordSize, order: order).signExtended(from: wordSize)
                host.append(number: value, size: 8, order: .host)
            }
            return host
        }
    }

    /// The host's value as the guest's bytes (all of them; the caller truncates to the guest's
    /// buffer as the kernel does).
    public func toGuest(_ host: [UInt8], order: ByteOrder, wordSize: Int) -> [UInt8] {
        switch self {
        case .bytes, .unsupported: return host
        case .int, .socketType, .words, .uint64, .timeval64:
            let element = self == .uint64 || self == .timeval64 ? 8 : 4
            var guest: [UInt8] = []
            for offset in stride(from: 0, to: host.count - host.count % element, by: element) {
                guest.append(number: host.number(at: offset, size: element, order: .host), size: element, order: order)
            }
            return guest
        case .timeval:
            var guest: [UInt8] = []
            for i in 0..<min(2, host.count / 8) {
                guest.append(number: host.number(at: i * 8, size: 8, order: .host), size: wordSize, order: order)
            }
            return guest
        }
    }
}

extension SocketABI {
    /// A getsockopt value for the guest: `value.toGuest`, with a socket type (SO_TYPE) in the
    /// guest's numbering.
    public func optionValueToGuest(_ value: SocketOptionValue, _ host: [UInt8], order: ByteOrder, wordSize: Int) -> [UInt8] {
        var guest = value.toGuest(host, order: order, wordSize: wordSize)
        if value == .socketType && host.count == 4 {
            guest = []
            guest.append(number: UInt64(untranslateType(UInt32(truncatingIfNeeded: host.number(at: 0, size: 4, order: .host)))),
                         size: 4, order: order)
        }
        return guest
    }
}
