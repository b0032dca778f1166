// poll(2)'s event bits (asm-generic/poll.h; x86-64 the same). MIPS's asm/poll.h makes
// POLLWRNORM the same bit as POLLOUT and moves POLLWRBAND down to 0x100; both rows of the
// shared bit cross to the host, and either host bit comes back as it. epoll's EPOLL* bits are
// the same on every arch (linux/eventpoll.h) and need no table.
import Glibc

extension AsmGeneric {
    static let pollEvents = pollEventTable(writeNormal: 0x100, writeBand: 0x200)

    /// asm-generic/poll.h's bits with the guest's POLLWRNORM and POLLWRBAND, the two an arch's
    /// poll.h may define first (MIPS's does). The host column is x86-64's, asm-generic's.
    static func pollEventTable(writeNormal: UInt32, writeBand: UInt32) -> FlagTable {
        FlagTable([
            .init("POLLIN", 0x1, POLLIN),
            .init("POLLPRI", 0x2, POLLPRI),
            .init("POLLOUT", 0x4, POLLOUT),
            .init("POLLERR", 0x8, POLLERR),
            .init("POLLHUP", 0x10, POLLHUP),
            .init("POLLNVAL", 0x20, POLLNVAL),
            .init("POLLRDNORM", 0x40, 0x40 as UInt32),    // Glibc: _XOPEN_SOURCE only
            .init("POLLRDBAND", 0x80, 0x80 as UInt32),
            .init("POLLWRNORM", writeNormal, 0x100 as UInt32),
            .init("POLLWRBAND", writeBand, 0x200 as UInt32),
            .init("POLLMSG", 0x400, 0x400 as UInt32),      // Glibc: _GNU_SOURCE only
            .init("POLLREMOVE", 0x1000, 0x1000 as UInt32),
            .init("POLLRDHUP", 0x2000, 0x2000 as UInt32),
        ])
    }
}

extension MIPSO32 {
    static let pollEvents = AsmGeneric.pollEventTable(writeNormal: 0x4, writeBand: 0x100)
}
