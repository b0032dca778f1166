// MIPS's socket numbering (arch/mips/include/uapi/asm/socket.h and glibc's MIPS
// bits/socket_type.h): SOCK_DGRAM and SOCK_STREAM swapped (1 and 2, as in SVR4), SOCK_NONBLOCK
// is MIPS's O_NONBLOCK (0x80), SOL_SOCKET is 0xffff, and the BSD-derived options keep their
// BSD numbers (SO_REUSEADDR 4, SO_TYPE 0x1008, SO_RCVTIMEO 0x1006, SO_PROTOCOL 0x1028, ...).
// Options Linux added share asm-generic's numbers (`AsmGeneric.sharedSocketOptions`), except
// SO_PASSCRED, SO_PEERCRED, SO_PEERSEC and SO_SNDBUFFORCE (17, 18, 30 and 31, where
// asm-generic says 16, 17, 31 and 32). Control message types are asm-generic's.

extension MIPSO32 {
    static let sockets = SocketABI(
        types: ConstantTable([
            .init("SOCK_DGRAM", 1, 2), .init("SOCK_STREAM", 2, 1), .init("SOCK_RAW", 3, 3),
            .init("SOCK_RDM", 4, 4), .init("SOCK_SEQPACKET", 5, 5), .init("SOCK_DCCP", 6, 6),
            .init("SOCK_PACKET", 10, 10),
        ]),
        typeFlags: FlagTable([
            .init("SOCK_NONBLOCK", 0x80, 0o4000),
            .init("SOCK_CLOEXEC", 0o2000000, 0o2000000),
        ]),
        socketLevel: .init("SOL_SOCKET", 0xffff, 1),
        options: ConstantTable(socketOptions + AsmGeneric.sharedSocketOptions),
        controlMessages: AsmGeneric.socketControlMessages)

    private static let socketOptions: [SocketOption] = [
        .init("SO_DEBUG", 0x1, 1, .int),
        .init("SO_REUSEADDR", 0x4, 2, .int),
        .init("SO_KEEPALIVE", 0x8, 9, .int),
        .init("SO_DONTROUTE", 0x10, 5, .int),
        .init("SO_BROADCAST", 0x20, 6, .int),
        .init("SO_LINGER", 0x80, 13, .words(2)),
        .init("SO_OOBINLINE", 0x100, 10, .int),
        .init("SO_REUSEPORT", 0x200, 15, .int),
        .init("SO_SNDBUF", 0x1001, 7, .int),
        .init("SO_RCVBUF", 0x1002, 8, .int),
        .init("SO_SNDLOWAT", 0x1003, 19, .int),
        .init("SO_RCVLOWAT", 0x1004, 18, .int),
        .init("SO_SNDTIMEO_OLD", 0x1005, 21, .timeval),
        .init("SO_RCVTIMEO_OLD", 0x1006, 20, .timeval),
        .init("SO_ERROR", 0x1007, 4, .int),
        .init("SO_TYPE", 0x1008, 3, .socketType),
        .init("SO_ACCEPTCONN", 0x1009, 30, .int),
        .init("SO_PROTOCOL", 0x1028, 38, .int),
        .init("SO_DOMAIN", 0x1029, 39, .int),
        .init("SO_PASSCRED", 17, 16, .int),
        .init("SO_PEERCRED", 18, 17, .words(3)),
        .init("SO_PEERSEC", 30, 31, .bytes),
        .init("SO_SNDBUFFORCE", 31, 32, .int),
    ]
}
