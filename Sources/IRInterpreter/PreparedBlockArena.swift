// Memory for prepared blocks, handed out in order from one reservation and freed all at once.
//
// An engine that interprets blocks before compiling them prepares every block a program runs:
// a static hello world's come to ~1 MiB. From the heap, that memory arrives one page fault
// at a time; here the reservation's pages are put in place 64 KiB at a time (one madvise),
// and a flush of the code cache gives it all back with one reset.

import Glibc

public struct PreparedBlockArena: ~Copyable {
    private let base: UnsafeMutableRawPointer?
    private let reserved: Int
    private var used = 0
    private var populated = 0
    private var populating = true

    /// Bytes put in place at a time.
    private static let step = 64 * 1024

    /// Reserves `bytes` of address space (nothing is allocated until used). Without the
    /// reservation (a tight ulimit -v) every block is allocated on the heap instead.
    public init(reserving bytes: Int = 64 << 20) {
        let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        if let memory, memory != MAP_FAILED {
            base = memory
            reserved = bytes
        } else {
            base = nil
            reserved = 0
        }
    }

    deinit {
        if let base { munmap(base, reserved) }
    }

    /// `bytes` at a 16-byte boundary, or nil when the reservation is used up.
    public mutating func allocate(_ bytes: Int) -> UnsafeMutableRawPointer? {
        guard let base else { return nil }
        let start = (used + 15) & ~15
        guard bytes <= reserved - start else { return nil }
        used = start + bytes
        if used > populated { populate() }
        return base + start
    }

    /// Everything handed out is free again (the caller dropped every block).
    public mutating func reset() { used = 0 }

    /// Puts pages in place through the next step boundary past `used`. A kernel without
    /// MADV_POPULATE_WRITE (before 5.14) refuses: pages then fault in one by one.
    @inline(never)
    private mutating func populate() {
        guard let base else { return }
        let end = min(reserved, (used + Self.step - 1) & ~(Self.step - 1))
        if populating && madvise(base + populated, end - populated, MADV_POPULATE_WRITE) != 0 { populating = false }
        populated = end
    }
}
