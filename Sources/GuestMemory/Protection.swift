// Guest-visible protection and mapping flags (GuestMemory's own types; LinuxABI
// translates each guest's PROT_*/MAP_*/MREMAP_* numbers to these).

/// What the guest may do with a page.
public struct Protection: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let read = Protection(rawValue: 1 << 0)
    public static let write = Protection(rawValue: 1 << 1)
    public static let execute = Protection(rawValue: 1 << 2)

    public static let none: Protection = []
    public static let readWrite: Protection = [.read, .write]
    public static let readExecute: Protection = [.read, .execute]
}

/// How `GuestAddressSpace.map` places and backs a mapping (Linux MAP_* semantics).
public struct MapFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Exactly at the given address, replacing whatever is there (MAP_FIXED).
    public static let fixed = MapFlags(rawValue: 1 << 0)
    /// Exactly at the given address, failing with EEXIST if anything is there.
    public static let fixedNoReplace = MapFlags(rawValue: 1 << 1)
    /// Writes are shared with other mappings of the same object (MAP_SHARED).
    public static let shared = MapFlags(rawValue: 1 << 2)
    /// Not backed by a file; zero-filled (MAP_ANONYMOUS).
    public static let anonymous = MapFlags(rawValue: 1 << 3)
    /// Copy-on-write (MAP_PRIVATE). Exactly one of `shared` and `private` is required.
    public static let `private` = MapFlags(rawValue: 1 << 4)
    /// A stack mapping (MAP_GROWSDOWN). Recorded only; the guard-gap growth of Linux is not modelled.
    public static let growsDown = MapFlags(rawValue: 1 << 5)
    /// Do not reserve swap (MAP_NORESERVE); passed to the host.
    public static let noReserve = MapFlags(rawValue: 1 << 6)
}

/// How `GuestAddressSpace.remap` may move a mapping (Linux MREMAP_* semantics).
public struct RemapFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The mapping may move if it cannot grow in place (MREMAP_MAYMOVE).
    public static let mayMove = RemapFlags(rawValue: 1 << 0)
    /// Move to exactly `newAddress`, replacing what is there (MREMAP_FIXED; needs `mayMove`).
    public static let fixed = RemapFlags(rawValue: 1 << 1)
}

/// One run of pages with the same protection and name, for /proc/self/maps.
public struct GuestMapping: Hashable, Sendable {
    public var start: GuestAddress
    /// One past the last byte.
    public var end: GuestAddress
    public var protection: Protection
    /// Whether the pages are MAP_SHARED (the `s`/`p` column of /proc/self/maps).
    public var shared: Bool
    /// A path, `[heap]`, `[stack]`, or "" for anonymous memory.
    public var name: String

    public init(start: GuestAddress, end: GuestAddress, protection: Protection, shared: Bool, name: String) {
        self.start = start
        self.end = end
        self.protection = protection
        self.shared = shared
        self.name = name
    }
}
