// The flags of the calls that create special descriptors (epoll_create1, eventfd2,
// timerfd_create, signalfd4, inotify_init1): each is the arch's O_CLOEXEC and O_NONBLOCK under
// another name, plus a bit or two of its own that has the same value everywhere.

public struct DescriptorFlags: Sendable {
    public let epollCreate: FlagTable
    public let eventfd: FlagTable
    public let timerfd: FlagTable
    public let signalfd: FlagTable
    public let inotify: FlagTable

    /// The tables for an arch whose O_CLOEXEC and O_NONBLOCK are `cloexec` and `nonblock`
    /// (host values: x86-64's).
    init(cloexec: UInt32, nonblock: UInt32) {
        let hostCloexec: UInt32 = 0o2000000, hostNonblock: UInt32 = 0o4000
        epollCreate = FlagTable([.init("EPOLL_CLOEXEC", cloexec, hostCloexec)])
        eventfd = FlagTable([
            .init("EFD_CLOEXEC", cloexec, hostCloexec), .init("EFD_NONBLOCK", nonblock, hostNonblock),
            .init("EFD_SEMAPHORE", 1, 1),
        ])
        timerfd = FlagTable([.init("TFD_CLOEXEC", cloexec, hostCloexec), .init("TFD_NONBLOCK", nonblock, hostNonblock)])
        signalfd = FlagTable([.init("SFD_CLOEXEC", cloexec, hostCloexec), .init("SFD_NONBLOCK", nonblock, hostNonblock)])
        inotify = FlagTable([.init("IN_CLOEXEC", cloexec, hostCloexec), .init("IN_NONBLOCK", nonblock, hostNonblock)])
    }
}

extension GuestABI {
    /// The guest's descriptor-creation flags: its open flags' O_CLOEXEC and O_NONBLOCK.
    public var descriptorFlags: DescriptorFlags {
        let cloexec = openFlags.entries.first { sameName($0.name, "O_CLOEXEC") }?.guest ?? 0o2000000
        let nonblock = openFlags.entries.first { sameName($0.name, "O_NONBLOCK") }?.guest ?? 0o4000
        return DescriptorFlags(cloexec: cloexec, nonblock: nonblock)
    }
}
