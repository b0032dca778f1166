// The guest page table: one flag byte per guest page, in lazily allocated chunks.

import Glibc
import Host
//
// A 32-bit guest with 4 KiB pages has 2^20 pages (1 MiB of flags, 16 chunks); a 40-bit
// guest has 2^28 pages in 4096 chunks, most never touched. A missing chunk means "all
// pages unmapped", which also lets the free-range searches skip 256 MiB at a time.

/// Per-page state bits.
struct PageFlags: OptionSet, Hashable {
    let rawValue: UInt8

    static let mapped = PageFlags(rawValue: 1 << 0)
    static let read = PageFlags(rawValue: 1 << 1)
    static let write = PageFlags(rawValue: 1 << 2)
    static let execute = PageFlags(rawValue: 1 << 3)
    /// The engine has translated code from this page (self-modifying-code detection).
    static let translated = PageFlags(rawValue: 1 << 4)
    /// MAP_SHARED memory.
    static let shared = PageFlags(rawValue: 1 << 5)

    /// The bits that say what kind of mapping a page belongs to (all but `translated`).
    static let mappingBits: PageFlags = [.mapped, .read, .write, .execute, .shared]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(mapped protection: Protection, shared: Bool) {
        var flags: PageFlags = .mapped
        if protection.contains(.read) { flags.insert(.read) }
        if protection.contains(.write) { flags.insert(.write) }
        if protection.contains(.execute) { flags.insert(.execute) }
        if shared { flags.insert(.shared) }
        self = flags
    }

    var protection: Protection {
        var protection: Protection = []
        if contains(.read) { protection.insert(.read) }
        if contains(.write) { protection.insert(.write) }
        if contains(.execute) { protection.insert(.execute) }
        return protection
    }
}

/// Flag bytes indexed by guest page number. Owns its memory.
struct PageTable: ~Copyable {
    static let chunkShift: UInt64 = 16
    static let chunkPages: UInt64 = 1 << chunkShift

    let pageCount: UInt64
    private let chunkCount: Int
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>

    init(pageCount: UInt64) {
        self.pageCount = pageCount
        chunkCount = Int((pageCount + Self.chunkPages - 1) >> Self.chunkShift)
        chunks = .allocate(capacity: chunkCount)
        chunks.initialize(repeating: nil, count: chunkCount)
    }

    deinit {
        for index in 0..<chunkCount {
            if let chunk = chunks[index] { _ = Host.munmap(chunk, length: Int(Self.chunkPages)) }
        }
        chunks.deallocate()
    }

    /// The flags of `page` (< pageCount).
    @inline(__always)
    subscript(page: UInt64) -> PageFlags {
        guard let chunk = chunks[Int(page >> Self.chunkShift)] else { return [] }
        return PageFlags(rawValue: chunk[Int(page & (Self.chunkPages - 1))])
    }

    /// The chunk holding `page`, allocated on first use: fresh anonymous pages, which the
    /// kernel zeroes as they are first touched. A program touches a few pages of flags in
    /// each chunk (its image, heap, mmap area, stack); zeroing 64 KiB up front would fault
    /// in all sixteen.
    private func chunk(for page: UInt64) -> UnsafeMutablePointer<UInt8> {
        let index = Int(page >> Self.chunkShift)
        if let chunk = chunks[index] { return chunk }
        let chunk: UnsafeMutablePointer<UInt8>
        switch Host.mmap(nil, length: Int(Self.chunkPages), protection: PROT_READ | PROT_WRITE, flags: MAP_PRIVATE | MAP_ANONYMOUS) {
        case .success(let memory):
            chunk = memory.bindMemory(to: UInt8.self, capacity: Int(Self.chunkPages))
        case .failure:
            // Out of address space for 64 KiB: nothing in this process can go on.
            fatalError("mirage: cannot allocate 64 KiB for the guest page table")
        }
        chunks[index] = chunk
        return chunk
    }

    /// Sets every page in `pages` to `flags`.
    func set(_ pages: Range<UInt64>, to flags: PageFlags) {
        var page = pages.lowerBound
        while page < pages.upperBound {
            let chunkEnd = min(pages.upperBound, (page | (Self.chunkPages - 1)) + 1)
            if flags.isEmpty && chunks[Int(page >> Self.chunkShift)] == nil {
                page = chunkEnd
                continue
            }
            let chunk = chunk(for: page)
            let first = Int(page & (Self.chunkPages - 1))
            (chunk + first).update(repeating: flags.rawValue, count: Int(chunkEnd - page))
            page = chunkEnd
        }
    }

    /// Replaces each page's flags in `pages` by `transform(flags)`. Walks chunk by chunk so
    /// large ranges cost one pointer step per page.
    func update(_ pages: Range<UInt64>, _ transform: (PageFlags) -> PageFlags) {
        var page = pages.lowerBound
        while page < pages.upperBound {
            let chunkEnd = min(pages.upperBound, (page | (Self.chunkPages - 1)) + 1)
            let index = Int(page >> Self.chunkShift)
            if chunks[index] == nil && transform([]).isEmpty {
                page = chunkEnd
                continue
            }
            let bytes = chunk(for: page) + Int(page & (Self.chunkPages - 1))
            for offset in 0..<Int(chunkEnd - page) {
                bytes[offset] = transform(PageFlags(rawValue: bytes[offset])).rawValue
            }
            page = chunkEnd
        }
    }

    /// Whether every page in `pages` satisfies `predicate` (true for an empty range).
    func all(_ pages: Range<UInt64>, _ predicate: (PageFlags) -> Bool) -> Bool {
        var page = pages.lowerBound
        while page < pages.upperBound {
            let chunkEnd = min(pages.upperBound, (page | (Self.chunkPages - 1)) + 1)
            if let chunk = chunks[Int(page >> Self.chunkShift)] {
                let bytes = chunk + Int(page & (Self.chunkPages - 1))
                for offset in 0..<Int(chunkEnd - page) where !predicate(PageFlags(rawValue: bytes[offset])) {
                    return false
                }
            } else if !predicate([]) {
                return false
            }
            page = chunkEnd
        }
        return true
    }

    /// Whether no page in `pages` is mapped.
    func isFree(_ pages: Range<UInt64>) -> Bool { all(pages) { !$0.contains(.mapped) } }

    /// The highest first page of `count` free pages lying inside `window`, or nil.
    func highestFreeRun(count: UInt64, in window: Range<UInt64>) -> UInt64? {
        guard count > 0, count <= UInt64(window.count) else { return nil }
        var runEnd = window.upperBound  // pages [page, runEnd) are known free
        var page = window.upperBound
        while page > window.lowerBound {
            let below = page - 1
            if chunks[Int(below >> Self.chunkShift)] == nil {
                page = max(window.lowerBound, below & ~(Self.chunkPages - 1))
            } else if self[below].contains(.mapped) {
                runEnd = below
                page = below
                continue
            } else {
                page = below
            }
            if runEnd - page >= count { return runEnd - count }
        }
        return nil
    }

    /// The lowest first page of `count` free pages lying inside `window`, or nil.
    func lowestFreeRun(count: UInt64, in window: Range<UInt64>) -> UInt64? {
        guard count > 0, count <= UInt64(window.count) else { return nil }
        var runStart = window.lowerBound  // pages [runStart, page) are known free
        var page = window.lowerBound
        while page < window.upperBound {
            if chunks[Int(page >> Self.chunkShift)] == nil {
                page = min(window.upperBound, (page | (Self.chunkPages - 1)) + 1)
            } else if self[page].contains(.mapped) {
                page += 1
                runStart = page
                continue
            } else {
                page += 1
            }
            if page - runStart >= count { return runStart }
        }
        return nil
    }

    /// Calls `body(range, flags)` for each maximal run of mapped pages whose flags agree on
    /// `mask`, in address order.
    func forEachRun(mask: PageFlags, _ body: (Range<UInt64>, PageFlags) -> Void) {
        var runStart: UInt64 = 0
        var runFlags: PageFlags = []
        var page: UInt64 = 0
        while page < pageCount {
            let flags: PageFlags
            var next = page + 1
            if chunks[Int(page >> Self.chunkShift)] == nil {
                flags = []
                next = min(pageCount, (page | (Self.chunkPages - 1)) + 1)
            } else {
                flags = self[page].intersection(mask)
            }
            if flags != runFlags {
                if runFlags.contains(.mapped) { body(runStart..<page, runFlags) }
                runStart = page
                runFlags = flags
            }
            page = next
        }
        if runFlags.contains(.mapped) { body(runStart..<pageCount, runFlags) }
    }
}
