// sendmsg/recvmsg control data (a sequence of cmsghdr + payload) between the guest's layout and
// the host's. A 32-bit guest's header is 12 bytes (a 4-byte cmsg_len) with payloads aligned to
// 4; the host's is 16 (an 8-byte cmsg_len) aligned to 8. SOL_SOCKET payloads are converted by
// kind (SCM_RIGHTS descriptors, SCM_CREDENTIALS, timestamps); other levels' payloads (IP_PKTINFO
// and friends, fixed-width fields) are copied.

public struct ControlMessages {
    public let sockets: SocketABI
    public let order: ByteOrder
    public let wordSize: Int
    /// The guest's header size (sizeof(struct cmsghdr)).
    public let guestHeader: Int

    static let hostHeader = 16, hostAlign = 8

    public init(sockets: SocketABI, order: ByteOrder, wordSize: Int, guestHeader: Int) {
        self.sockets = sockets
        self.order = order
        self.wordSize = wordSize
        self.guestHeader = guestHeader
    }

    static func align(_ n: Int, _ to: Int) -> Int { (n + to - 1) / to * to }

    /// The guest's control data as the host's; nil for a malformed sequence or an unknown
    /// SOL_SOCKET type (EINVAL, as the kernel answers).
    public func toHost(_ guest: [UInt8]) -> [UInt8]? {
        var host: [UInt8] = []
        var offset = 0
        let dataOffset = Self.align(guestHeader, wordSize)
        while offset + guestHeader <= guest.count {
            let length = Int(guest.number(at: offset, size: wordSize, order: order))
            guard length >= guestHeader, offset + length <= guest.count else { return nil }
            let level = Int32(truncatingIfNeeded: guest.number(at: offset + wordSize, size: 4, order: order))
            let type = Int32(truncatingIfNeeded: guest.number(at: offset + wordSize + 4, size: 4, order: order))
            let payload = Array(guest[min(offset + dataOffset, offset + length)..<(offset + length)])
            let hostLevel = sockets.translateLevel(level)
            var hostType = type
            var hostPayload = payload
            if hostLevel == Int32(bitPattern: sockets.socketLevel.host) {
                guard let entry = sockets.controlMessages.entry(guest: UInt32(bitPattern: type)) else { return nil }
                hostType = Int32(bitPattern: entry.host)
                guard let converted = convertToHost(payload, entry.value) else { return nil }
                hostPayload = converted
            }
            let hostLength = Self.hostHeader + hostPayload.count
            host.append(number: UInt64(hostLength), size: 8, order: .host)
            host.append(number: UInt64(UInt32(bitPattern: hostLevel)), size: 4, order: .host)
            host.append(number: UInt64(UInt32(bitPattern: hostType)), size: 4, order: .host)
            host += hostPayload
            host += [UInt8](repeating: 0, count: Self.align(hostLength, Self.hostAlign) - hostLength)
            offset += Self.align(length, wordSize)
        }
        return host
    }

    private func convertToHost(_ payload: [UInt8], _ value: SocketOptionValue) -> [UInt8]? {
        switch value {
        case .int:  // an array of ints (SCM_RIGHTS)
            var host: [UInt8] = []
            for i in 0..<(payload.count / 4) {
                host.append(number: payload.number(at: i * 4, size: 4, order: order), size: 4, order: .host)
            }
            return host
        default:
            return value.toHost(payload, order: order, wordSize: wordSize)
        }
    }

    /// What recvmsg gives the guest for the host's control data, fitted into `capacity` bytes
    /// as the kernel fits them (put_cmsg, scm_detach_fds).
    public struct Received {
        public var bytes: [UInt8] = []
        /// Something did not fit (MSG_CTRUNC).
        public var truncated = false
        /// Descriptors the host received that the guest cannot be given: the caller closes them.
        public var droppedDescriptors: [Int32] = []
    }

    public func toGuest(_ host: [UInt8], capacity: Int) -> Received {
        var result = Received()
        var offset = 0
        while offset + Self.hostHeader <= host.count {
            let length = Int(host.number(at: offset, size: 8, order: .host))
            guard length >= Self.hostHeader, offset + length <= host.count else { break }
            let level = Int32(truncatingIfNeeded: host.number(at: offset + 8, size: 4, order: .host))
            let type = Int32(truncatingIfNeeded: host.number(at: offset + 12, size: 4, order: .host))
            let payload = Array(host[(offset + Self.hostHeader)..<(offset + length)])
            offset += Self.align(length, Self.hostAlign)

            var guestType = type
            var guestPayload = payload
            var descriptors = false
            if level == Int32(bitPattern: sockets.socketLevel.host), let entry = sockets.controlMessages.entry(host: UInt32(bitPattern: type)) {
                guestType = Int32(bitPattern: entry.guest)
                descriptors = entry.value == .int
                guestPayload = descriptors ? payload : entry.value.toGuest(payload, order: order, wordSize: wordSize)
            }
            let room = capacity - result.bytes.count
            let dataOffset = Self.align(guestHeader, wordSize)
            if descriptors {
                // As many descriptors as fit; the rest are closed and the message is truncated.
                let all = (0..<(payload.count / 4)).map { Int32(truncatingIfNeeded: payload.number(at: $0 * 4, size: 4, order: .host)) }
                let fit = room < dataOffset ? 0 : min(all.count, (room - dataOffset) / 4)
                if fit < all.count {
                    result.truncated = true
                    result.droppedDescriptors += all[fit...]
                }
                if fit == 0 { continue }
                guestPayload = []
                for fd in all[..<fit] { guestPayload.append(number: UInt64(UInt32(bitPattern: fd)), size: 4, order: order) }
            }
            if room < guestHeader {
                result.truncated = true
                continue
            }
            var message: [UInt8] = []
            let guestLength = dataOffset + guestPayload.count
            message.append(number: UInt64(guestLength), size: wordSize, order: order)
            message.append(number: UInt64(UInt32(bitPattern: sockets.untranslateLevel(level))), size: 4, order: order)
            message.append(number: UInt64(UInt32(bitPattern: guestType)), size: 4, order: order)
            message += [UInt8](repeating: 0, count: dataOffset - message.count)
            message += guestPayload
            if message.count > room {
                result.truncated = true
                message = Array(message[..<room])
            } else {
                message += [UInt8](repeating: 0, count: min(Self.align(guestLength, wordSize), room) - guestLength)
            }
            result.bytes += message
        }
        return result
    }
}
