// GuestMemory: the guest's virtual address space, user mode.
//
// One host reservation holds every guest address: guest address `a` lives at host address
// `base + a`. For a 32-bit guest the reservation is 4 GiB (+ a 64 KiB guard for accesses
// that straddle the top), so translating an address is one add with no bounds check, in
// JIT code as in Swift code. The reservation is PROT_NONE and MAP_NORESERVE: it costs no
// memory, and an access to an unmapped guest page faults on the host (a later engine
// issue turns that fault into a guest SIGSEGV).
//
// Guest mmap/munmap/mprotect/mremap/brk follow Linux semantics and become host mmap with
// MAP_FIXED inside the reservation; unmapping puts PROT_NONE reservation back, so the
// range never becomes a hole the host could hand to someone else. A page table keeps,
// per guest page, whether it is mapped, its guest protection (execute is recorded only:
// guest code is never run natively) and a `translated` bit for self-modifying-code
// detection. Checked accessors (`pointer(to:)`, `read`, `load`, ...) consult it so that
// syscall marshalling turns a bad guest pointer into EFAULT, never a host crash.
//
// Files: GuestAddress (typed addresses), Protection (flags), PageTable, NameMap,
// GuestAddressSpace+Mapping (map/unmap/protect), +Remap, +Brk, +Access, +Query.

import Glibc
import Host
import SystemPackage

/// A guest virtual address space backed by one host reservation. Shared by guest threads;
/// every method takes an internal lock.
public final class GuestAddressSpace: @unchecked Sendable {
    /// Host address of guest address 0.
    public let base: UnsafeMutableRawPointer
    /// Bytes of guest address space: 2^addressBits. Valid guest addresses are 0..<size.
    public let size: UInt64
    /// Guest page size: the granule of every mapping call.
    public let pageSize: UInt64
    public let addressBits: Int

    /// Bytes past `size` kept PROT_NONE so an access that starts below `size` and runs past
    /// it faults instead of touching a host mapping.
    public static let guardSize: UInt64 = 64 * 1024

    let state: HostMutex<SpaceState>
    private let reservationLength: Int

    /// Reserves 2^addressBits bytes (+ guard) of host address space, all unmapped.
    public init(addressBits: Int = 32, pageSize: UInt64 = 4096) throws(GuestMemoryError) {
        let hostPage = UInt64(Host.pageSize)
        guard (16...47).contains(addressBits), pageSize.nonzeroBitCount == 1, pageSize >= hostPage,
              pageSize < (1 << addressBits)
        else { throw .unsupportedGeometry(addressBits: addressBits, pageSize: pageSize) }
        let size = UInt64(1) << addressBits
        let length = size + Self.guardSize
        let reservation = Host.mmap(
            nil, length: Int(length), protection: PROT_NONE,
            flags: MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)
        switch reservation {
        case let .success(pointer): base = pointer
        case let .failure(errno):
            let limit = try? Host.resourceLimit(Int32(RLIMIT_AS.rawValue)).get()
            throw .reservationFailed(bytes: length, errno: errno, limit: limit)
        }
        self.size = size
        self.pageSize = pageSize
        self.addressBits = addressBits
        reservationLength = Int(length)
        state = HostMutex(SpaceState(base: base, size: size, pageSize: pageSize))
    }

    deinit {
        _ = Host.munmap(base, length: reservationLength)
    }

    /// Where non-fixed mappings are placed: top-down below this address (Linux's top-down
    /// layout; the caller picks it, e.g. 0xb6000000-ish for a 32-bit guest below its stack).
    /// When nothing fits below, the lowest free range anywhere is used.
    public var mmapTop: GuestAddress {
        get { state.withLock { GuestAddress($0.mmapTop) } }
        set { state.withLock { $0.mmapTop = min(newValue.rawValue, $0.size) & ~($0.pageSize - 1) } }
    }

    /// The lowest address a mapping may use (Linux vm.mmap_min_addr); MAP_FIXED below it
    /// gives EPERM. Default 0x10000.
    public var mmapMinAddress: GuestAddress {
        get { state.withLock { GuestAddress($0.minAddress) } }
        set { state.withLock { $0.minAddress = newValue.roundedUp(to: $0.pageSize)?.rawValue ?? $0.size } }
    }
}

/// Everything the lock protects, with the operations written against it. Methods here run
/// with the lock held.
struct SpaceState: ~Copyable {
    let base: UnsafeMutableRawPointer
    let size: UInt64
    let pageSize: UInt64
    let pageShift: UInt64
    let table: PageTable
    var names = NameMap()
    var mmapTop: UInt64
    var minAddress: UInt64 = 0x10000
    var brkStart: UInt64 = 0
    var brkCurrent: UInt64 = 0

    init(base: UnsafeMutableRawPointer, size: UInt64, pageSize: UInt64) {
        self.base = base
        self.size = size
        self.pageSize = pageSize
        pageShift = UInt64(pageSize.trailingZeroBitCount)
        table = PageTable(pageCount: size >> pageShift)
        // The classic 32-bit layout puts mmap just below the stack; for larger spaces the
        // same fraction (~71%) leaves room above for the stack.
        mmapTop = size == 1 << 32 ? 0xb600_0000 : (size / 7 * 5) & ~(pageSize - 1)
    }

    /// Host pointer of guest address `address` (no check).
    @inline(__always)
    func host(_ address: UInt64) -> UnsafeMutableRawPointer { base + Int(address) }

    /// Page numbers covering the page-aligned byte range [address, address + length).
    @inline(__always)
    func pages(_ address: UInt64, _ length: UInt64) -> Range<UInt64> {
        (address >> pageShift)..<((address + length) >> pageShift)
    }

    /// `length` rounded up to whole pages, or nil if that overflows.
    @inline(__always)
    func pageAligned(_ length: UInt64) -> UInt64? {
        let (sum, overflow) = length.addingReportingOverflow(pageSize - 1)
        return overflow ? nil : sum & ~(pageSize - 1)
    }

    /// Whether [address, address + length) lies inside the address space.
    @inline(__always)
    func fits(_ address: UInt64, _ length: UInt64) -> Bool {
        length <= size && address <= size - length
    }

    /// Host protection for a guest protection: execute is never given to the host, but an
    /// executable page stays readable so the translator can fetch from it.
    static func hostProtection(_ protection: Protection) -> Int32 {
        var result = PROT_NONE
        if !protection.isDisjoint(with: [.read, .execute]) { result |= PROT_READ }
        if protection.contains(.write) { result |= PROT_READ | PROT_WRITE }
        return result
    }

    /// Puts the PROT_NONE reservation back over [address, address + length).
    func reserve(_ address: UInt64, _ length: UInt64) -> Result<Void, Errno> {
        Host.mmap(
            host(address), length: Int(length), protection: PROT_NONE,
            flags: MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
        ).map { _ in () }
    }

    /// After a failed host call that may have left holes in [address, address + length):
    /// fills each hole with reservation (MAP_FIXED_NOREPLACE refuses pages that are still
    /// mapped) and marks those pages unmapped. Rare path, so page by page.
    func repair(_ address: UInt64, _ length: UInt64) {
        var offset: UInt64 = 0
        while offset < length {
            let pointer = host(address + offset)
            let result = Host.mmap(
                pointer, length: Int(pageSize), protection: PROT_NONE,
                flags: MAP_FIXED_NOREPLACE | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)
            if case let .success(placed) = result {
                if placed != pointer {
                    _ = Host.munmap(placed, length: Int(pageSize))  // kernel without NOREPLACE
                } else {
                    table.set(pages(address + offset, pageSize), to: [])
                }
            }
            offset += pageSize
        }
    }
}
