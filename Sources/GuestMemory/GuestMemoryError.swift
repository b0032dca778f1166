// Errors of setting up a guest address space (guest-visible failures are Errno values).

import Host
import SystemPackage

/// Why a `GuestAddressSpace` could not be created.
public enum GuestMemoryError: Error, CustomStringConvertible, Equatable {
    /// The host refused the PROT_NONE reservation. `limit` is RLIMIT_AS at the time.
    case reservationFailed(bytes: UInt64, errno: Errno, limit: Host.ResourceLimit?)
    /// `addressBits` or `pageSize` out of the supported range.
    case unsupportedGeometry(addressBits: Int, pageSize: UInt64)

    public var description: String {
        switch self {
        case let .reservationFailed(bytes, errno, limit):
            let wanted = "cannot reserve \(Self.size(bytes)) of host address space for guest memory (\(errno))"
            let kib = (bytes + 1023) / 1024
            if let soft = limit?.soft {
                let hint = limit?.hard.map { $0 < bytes ? " (the hard limit is \($0 / 1024) KiB: ask an administrator to raise it)" : "" } ?? ""
                return "\(wanted): the address-space limit RLIMIT_AS (ulimit -v) is \(soft / 1024) KiB; "
                    + "run `ulimit -v unlimited` (or at least \(kib) KiB) in the shell before mirage\(hint)"
            }
            return "\(wanted): RLIMIT_AS (ulimit -v) is unlimited, so the host itself refused; "
                + "check the container's or cgroup's memory and address-space limits and vm.max_map_count"
        case let .unsupportedGeometry(addressBits, pageSize):
            return "unsupported guest address space: \(addressBits) address bits with \(pageSize)-byte pages "
                + "(address bits must be 16...47, the page size a power of two from the host page size up)"
        }
    }

    private static func size(_ bytes: UInt64) -> String {
        if bytes >= 1 << 30 { return "\(bytes >> 30) GiB" + (bytes & ((1 << 30) - 1) != 0 ? "+" : "") }
        if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }
}
