// The socket ABI of one guest as data: socket types and the flags OR-ed into them, the
// SOL_SOCKET level and its option numbers (each with the kind of value it carries), and the
// SOL_SOCKET control messages. ARM uses asm-generic/socket.h, as x86-64 does; MIPS renumbers
// the types (SOCK_STREAM is 2), SOL_SOCKET (0xffff) and most options, PowerPC a few options:
// their tables will differ in the guest column only. Address families, protocol numbers,
// MSG_* flags and the options of other levels (IPPROTO_IP, IPPROTO_TCP, IPPROTO_IPV6) are the
// same on every Linux arch and pass through unchanged.

/// What a socket option's value is, so getsockopt/setsockopt know how to convert it.
public enum SocketOptionValue: Sendable, Equatable {
    /// An int (booleans and sizes are ints too).
    case int
    /// An int holding a socket type (SO_TYPE): SOCK_STREAM and the others, which MIPS
    /// numbers its own way (`SocketABI.untranslateType`).
    case socketType
    /// `count` 32-bit words in the machine's byte order (linger: 2, ucred: 3).
    case words(Int)
    /// A guest `struct timeval` of two longs (SO_RCVTIMEO_OLD): 8 bytes on a 32-bit guest,
    /// 16 on the host.
    case timeval
    /// `struct __kernel_sock_timeval` (SO_RCVTIMEO_NEW): two 64-bit numbers on every arch.
    case timeval64
    /// A 64-bit number (SO_COOKIE).
    case uint64
    /// Bytes with no byte order: a device name, a security label, an address.
    case bytes
    /// A value Mirage cannot convert (a pointer inside, as in SO_ATTACH_FILTER's sock_fprog):
    /// ENOPROTOOPT, as for an option the kernel does not know.
    case unsupported
}

/// One SOL_SOCKET option or control message type.
public struct SocketOption: TranslatedConstant {
    public var name: StaticString
    public var guest: UInt32
    public var host: UInt32
    public var value: SocketOptionValue

    public init(_ name: StaticString, _ guest: UInt32, _ host: UInt32, _ value: SocketOptionValue) {
        self.name = name
        self.guest = guest
        self.host = host
        self.value = value
    }
}

public struct SocketABI: Sendable {
    /// SOCK_STREAM, SOCK_DGRAM, ...: the low 4 bits of socket()'s type.
    public let types: ConstantTable<Constant>
    /// SOCK_NONBLOCK and SOCK_CLOEXEC (the arch's O_NONBLOCK and O_CLOEXEC).
    public let typeFlags: FlagTable
    /// SOL_SOCKET.
    public let socketLevel: Constant
    public let options: ConstantTable<SocketOption>
    /// SCM_RIGHTS, SCM_CREDENTIALS, SCM_TIMESTAMP...: cmsg types at SOL_SOCKET.
    public let controlMessages: ConstantTable<SocketOption>

    /// Bits of socket()'s type argument that are the type; the rest are flags.
    public static let typeMask: UInt32 = 0xf

    public init(types: ConstantTable<Constant>, typeFlags: FlagTable, socketLevel: Constant,
                options: ConstantTable<SocketOption>, controlMessages: ConstantTable<SocketOption>) {
        self.types = types
        self.typeFlags = typeFlags
        self.socketLevel = socketLevel
        self.options = options
        self.controlMessages = controlMessages
    }

    /// A guest level number as the host's.
    public func translateLevel(_ guest: Int32) -> Int32 {
        UInt32(bitPattern: guest) == socketLevel.guest ? Int32(bitPattern: socketLevel.host) : guest
    }

    /// A host level number as the guest's.
    public func untranslateLevel(_ host: Int32) -> Int32 {
        UInt32(bitPattern: host) == socketLevel.host ? Int32(bitPattern: socketLevel.guest) : host
    }

    /// socket()'s type argument: (host type with host flags), or nil for an unknown type or flag
    /// bit (EINVAL, as the kernel answers).
    /// A socket type as the host reports it (SO_TYPE), in the guest's numbering.
    public func untranslateType(_ host: UInt32) -> UInt32 {
        types.untranslate(host) ?? host
    }

    public func translateType(_ guest: UInt32) -> UInt32? {
        guard let type = types.translate(guest & Self.typeMask) else { return nil }
        let flags = guest & ~Self.typeMask
        if typeFlags.unknownGuestBits(flags) != 0 { return nil }
        return type | typeFlags.translate(flags)
    }
}

extension GuestABI {
    /// The guest's socket numbering; nil for a guest whose socket tables are not written yet.
    public var sockets: SocketABI? {
        switch arch {
        case .arm, .aarch64: AsmGeneric.sockets
        case .mips, .mipsel: MIPSO32.sockets
        case .ppc: nil
        }
    }
}

extension AsmGeneric {
    // Host numbers are x86-64's (asm-generic too); LinuxABITests checks both columns against
    // the kernel headers through net_constants.c.
    static let sockets = SocketABI(
        types: ConstantTable([
            .init("SOCK_STREAM", 1, 1), .init("SOCK_DGRAM", 2, 2), .init("SOCK_RAW", 3, 3),
            .init("SOCK_RDM", 4, 4), .init("SOCK_SEQPACKET", 5, 5), .init("SOCK_DCCP", 6, 6),
            .init("SOCK_PACKET", 10, 10),
        ]),
        typeFlags: FlagTable([
            .init("SOCK_NONBLOCK", 0o4000, 0o4000),
            .init("SOCK_CLOEXEC", 0o2000000, 0o2000000),
        ]),
        socketLevel: .init("SOL_SOCKET", 1, 1),
        options: ConstantTable(socketOptions + sharedSocketOptions),
        controlMessages: socketControlMessages)

    /// asm-generic's numbers for the options MIPS numbers its own way (PowerPC a few of them).
    private static let socketOptions: [SocketOption] = [
        .init("SO_DEBUG", 1, 1, .int),
        .init("SO_REUSEADDR", 2, 2, .int),
        .init("SO_TYPE", 3, 3, .socketType),
        .init("SO_ERROR", 4, 4, .int),
        .init("SO_DONTROUTE", 5, 5, .int),
        .init("SO_BROADCAST", 6, 6, .int),
        .init("SO_SNDBUF", 7, 7, .int),
        .init("SO_RCVBUF", 8, 8, .int),
        .init("SO_KEEPALIVE", 9, 9, .int),
        .init("SO_OOBINLINE", 10, 10, .int),
        .init("SO_LINGER", 13, 13, .words(2)),
        .init("SO_REUSEPORT", 15, 15, .int),
        .init("SO_PASSCRED", 16, 16, .int),
        .init("SO_PEERCRED", 17, 17, .words(3)),
        .init("SO_RCVLOWAT", 18, 18, .int),
        .init("SO_SNDLOWAT", 19, 19, .int),
        .init("SO_RCVTIMEO_OLD", 20, 20, .timeval),
        .init("SO_SNDTIMEO_OLD", 21, 21, .timeval),
        .init("SO_ACCEPTCONN", 30, 30, .int),
        .init("SO_PEERSEC", 31, 31, .bytes),
        .init("SO_SNDBUFFORCE", 32, 32, .int),
        .init("SO_PROTOCOL", 38, 38, .int),
        .init("SO_DOMAIN", 39, 39, .int),
    ]

    /// The options MIPS numbers as asm-generic does (PowerPC too): its socket.h spells them out
    /// itself, with the same numbers. LinuxABITests checks each guest's copy.
    static let sharedSocketOptions: [SocketOption] = [
        .init("SO_NO_CHECK", 11, 11, .int),
        .init("SO_PRIORITY", 12, 12, .int),
        .init("SO_BSDCOMPAT", 14, 14, .int),
        .init("SO_BINDTODEVICE", 25, 25, .bytes),
        .init("SO_ATTACH_FILTER", 26, 26, .unsupported),
        .init("SO_DETACH_FILTER", 27, 27, .int),
        .init("SO_PEERNAME", 28, 28, .bytes),
        .init("SO_TIMESTAMP_OLD", 29, 29, .int),
        .init("SO_RCVBUFFORCE", 33, 33, .int),
        .init("SO_PASSSEC", 34, 34, .int),
        .init("SO_TIMESTAMPNS_OLD", 35, 35, .int),
        .init("SO_MARK", 36, 36, .int),
        .init("SO_RXQ_OVFL", 40, 40, .int),
        .init("SO_PEEK_OFF", 42, 42, .int),
        .init("SO_BUSY_POLL", 46, 46, .int),
        .init("SO_INCOMING_CPU", 49, 49, .int),
        .init("SO_COOKIE", 57, 57, .uint64),
        .init("SO_ZEROCOPY", 60, 60, .int),
        .init("SO_BINDTOIFINDEX", 62, 62, .int),
        .init("SO_RCVTIMEO_NEW", 66, 66, .timeval64),
        .init("SO_SNDTIMEO_NEW", 67, 67, .timeval64),
    ]

    /// SCM_RIGHTS and SCM_CREDENTIALS (linux/socket.h, every arch's) and the timestamp
    /// messages, whose types are their options' numbers, shared above.
    static let socketControlMessages = ConstantTable<SocketOption>([
        .init("SCM_RIGHTS", 1, 1, .int),
        .init("SCM_CREDENTIALS", 2, 2, .words(3)),
        .init("SCM_TIMESTAMP_OLD", 29, 29, .timeval),
        .init("SCM_TIMESTAMPNS_OLD", 35, 35, .timeval),
    ])
}
