// Translated blocks by key: a hash table (each thread has a direct-mapped cache in front of it,
// EngineThread), and the chaining links between blocks. Entries live in one raw buffer indexed
// by block id, so the execution loop reads them without ARC or bounds checks.

import Glibc
import IR
import IRInterpreter
import X64Backend

/// One translated block in the cache.
struct CacheEntry {
    var key: BlockKey
    /// The interpreter's form (interpreter backend, or a block the JIT could not compile).
    var block: PreparedBlock?
    /// The JIT's code, executable address of its entry.
    var code: UnsafeRawPointer?
    var codeSize: Int
    /// Where each guest instruction starts in `code`, for precise faults: `startCount` entries
    /// of the cache's side table from `firstStart`.
    var firstStart: Int32
    var startCount: Int32
    /// The block each `gotoTB` slot was last linked to, or -1.
    var links: (Int32, Int32, Int32, Int32)
    /// Guest code span, for invalidation.
    var guestStart: UInt64
    var guestEnd: UInt64
    /// Times the block ran in the interpreter while the JIT waits to compile it
    /// (Engine+Tiers.swift); `neverCompiled` for a block the JIT cannot take.
    var interpretedRuns: UInt32 = 0

    static let neverCompiled = UInt32.max
}

struct CodeCache: ~Copyable {
    /// Entries never move (other threads read them without the lock while one thread inserts):
    /// the whole capacity is reserved up front and touched as it fills.
    let entries: UnsafeMutablePointer<CacheEntry>
    private(set) var count = 0
    let capacity: Int
    /// Bytes of entries in place: the reservation's pages are put in 64 KiB at a time (one
    /// madvise instead of a fault per page) as blocks fill them; not for heap memory.
    private var populatedBytes = 0
    private var populating: Bool
    private var table = BlockTable()
    /// Every block's instruction starts, one after another (a block's are a range of it): one
    /// table that grows, instead of a small array allocated per block. Read with the lock held.
    private var starts = ScratchBuffer<InstructionStart>(capacity: 4096)
    /// Where interpreted blocks are prepared (the engine prepares every block it interprets
    /// before compiling, Engine+Tiers.swift); reset by a flush.
    var preparedMemory = PreparedBlockArena()

    init() {
        // 2^20 blocks of address space (tens of MiB, untouched until used); when even that
        // cannot be reserved (a tight ulimit -v), a small heap table that flushes more often.
        let reserved = 1 << 20
        let memory = mmap(nil, reserved * MemoryLayout<CacheEntry>.stride, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        if let memory, memory != MAP_FAILED {
            entries = memory.bindMemory(to: CacheEntry.self, capacity: reserved)
            capacity = reserved
            populating = true
        } else {
            capacity = 1 << 13
            entries = .allocate(capacity: capacity)
            populating = false
        }
    }

    /// Puts the reservation's pages in place through the next 64 KiB boundary past entry
    /// `index`. A kernel without MADV_POPULATE_WRITE (before 5.14) refuses: pages then fault
    /// in one by one.
    @inline(never)
    private mutating func populate(through index: Int) {
        let step = 64 * 1024
        let end = min(capacity * MemoryLayout<CacheEntry>.stride, ((index + 1) * MemoryLayout<CacheEntry>.stride + step - 1) & ~(step - 1))
        if madvise(UnsafeMutableRawPointer(entries) + populatedBytes, end - populatedBytes, MADV_POPULATE_WRITE) != 0 {
            populating = false
            return
        }
        populatedBytes = end
    }

    /// No room for another block: flush first.
    var isFull: Bool { count == capacity }

    /// The block for `key`, if translated.
    func find(_ key: BlockKey) -> Int32? { table.find(key) }

    mutating func insert(_ key: BlockKey, _ block: PreparedBlock?, code: UnsafeRawPointer?, codeSize: Int,
                         instructionStarts: [InstructionStart], guestStart: UInt64, guestEnd: UInt64) -> Int32 {
        let id = Int32(count)
        if populating && (count + 1) * MemoryLayout<CacheEntry>.stride > populatedBytes { populate(through: count) }
        let first = Int32(starts.count)
        for start in instructionStarts { starts.append(start) }
        (entries + count).initialize(to: CacheEntry(key: key, block: block, code: code, codeSize: codeSize,
                                                    firstStart: first, startCount: Int32(instructionStarts.count),
                                                    links: (-1, -1, -1, -1), guestStart: guestStart, guestEnd: guestEnd))
        count += 1
        table.insert(key, id)
        return id
    }

    /// Gives the interpreted block `id` its compiled code: the code its key translates to, so
    /// the block's guest span and links stay as they are.
    mutating func attachCode(_ id: Int32, code: UnsafeRawPointer, codeSize: Int, instructionStarts: [InstructionStart]) {
        let first = Int32(starts.count)
        for start in instructionStarts { starts.append(start) }
        entries[Int(id)].firstStart = first
        entries[Int(id)].startCount = Int32(instructionStarts.count)
        entries[Int(id)].codeSize = codeSize
        entries[Int(id)].code = code
    }

    @inline(__always)
    func link(from id: Int32, slot: Int) -> Int32 {
        let links = entries[Int(id)].links
        switch slot {
        case 0: return links.0
        case 1: return links.1
        case 2: return links.2
        default: return links.3
        }
    }

    /// Written without the lock: an aligned 32-bit store, and a reader that sees the old
    /// value only takes the slower way to the same block.
    @inline(__always)
    func setLink(from id: Int32, slot: Int, to next: Int32) {
        switch slot {
        case 0: entries[Int(id)].links.0 = next
        case 1: entries[Int(id)].links.1 = next
        case 2: entries[Int(id)].links.2 = next
        default: entries[Int(id)].links.3 = next
        }
    }

    /// Throws every block away (code was modified or unmapped). Ids become invalid.
    mutating func flush() {
        for i in 0..<count { entries[i].block?.deallocate() }
        (entries).deinitialize(count: count)
        count = 0
        table.removeAll()
        starts.removeAll()
        preparedMemory.reset()
    }

    /// The block whose code holds host address `pc`, and the instruction there.
    func instruction(atHost pc: UInt) -> (key: BlockKey, start: InstructionStart)? {
        for i in 0..<count {
            guard let code = entries[i].code else { continue }
            let offset = Int(bitPattern: pc &- UInt(bitPattern: code))
            guard offset >= 0, offset < entries[i].codeSize else { continue }
            // The last instruction start at or before the offset.
            let first = Int(entries[i].firstStart)
            var k = first + Int(entries[i].startCount) - 1
            while k >= first && Int(starts[k].hostOffset) > offset { k -= 1 }
            return k >= first ? (entries[i].key, starts[k]) : nil
        }
        return nil
    }

    /// Whether any block was translated from guest bytes in [start, end).
    func overlaps(start: UInt64, end: UInt64) -> Bool {
        for i in 0..<count where entries[i].guestStart < end && start < entries[i].guestEnd { return true }
        return false
    }
}
