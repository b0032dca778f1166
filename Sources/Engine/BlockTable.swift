// The code cache's index: block id by key, an open-addressing hash table in zero-filled
// memory. A Dictionary<BlockKey, Int32> costs a runtime metadata instantiation at start-up, a
// SipHash per lookup and a rehash per doubling from its small first size; this one hashes with
// one multiply, starts big enough for a small program's blocks (32 KiB), and needs no clearing.
// Used with the engine's lock held.

import Glibc
import IR

struct BlockTable: ~Copyable {
    /// A key and its block id + 1; id 0 (all-zero memory) is an empty slot.
    struct Entry {
        var pc: UInt64
        var flags: UInt32
        var idPlusOne: Int32
    }

    private var entries: UnsafeMutablePointer<Entry>
    /// Whether `entries` is a mapping (else heap memory).
    private var mapped: Bool
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 11) {
        self.capacity = capacity
        (entries, mapped) = Self.allocateZeroed(capacity)
    }

    deinit { Self.release(entries, capacity, mapped: mapped) }

    /// The block id of `key`, if any.
    func find(_ key: BlockKey) -> Int32? {
        var slot = Self.slot(key, capacity)
        while true {
            let e = entries[slot]
            if e.idPlusOne == 0 { return nil }
            if e.pc == key.pc && e.flags == key.flags { return e.idPlusOne - 1 }
            slot = (slot + 1) & (capacity - 1)
        }
    }

    /// Records `key` -> `id` (a key not in the table).
    mutating func insert(_ key: BlockKey, _ id: Int32) {
        // At most half full: probe runs stay short.
        if (count + 1) * 2 > capacity { grow() }
        var slot = Self.slot(key, capacity)
        while entries[slot].idPlusOne != 0 { slot = (slot + 1) & (capacity - 1) }
        entries[slot] = Entry(pc: key.pc, flags: key.flags, idPlusOne: id + 1)
        count += 1
    }

    /// Forgets every key.
    mutating func removeAll() {
        guard count > 0 else { return }
        Self.release(entries, capacity, mapped: mapped)
        (entries, mapped) = Self.allocateZeroed(capacity)
        count = 0
    }

    private mutating func grow() {
        let old = entries, oldCapacity = capacity, oldMapped = mapped
        capacity *= 2
        (entries, mapped) = Self.allocateZeroed(capacity)
        count = 0
        for i in 0..<oldCapacity where old[i].idPlusOne != 0 {
            insert(BlockKey(pc: old[i].pc, flags: old[i].flags), old[i].idPlusOne - 1)
        }
        Self.release(old, oldCapacity, mapped: oldMapped)
    }

    /// Fibonacci hashing of the key's bits into the table's index range.
    @inline(__always)
    private static func slot(_ key: BlockKey, _ capacity: Int) -> Int {
        let mixed = (key.pc ^ UInt64(key.flags) << 40) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - capacity.trailingZeroBitCount))
    }

    /// Zero-filled memory: mapped pages, put in place by the mapping call (a lookup reads a
    /// slot before the insert writes it, so a page left to fault in would fault twice, once for
    /// the shared zero page and again to copy it), or heap memory zeroed when no mapping can
    /// be had.
    private static func allocateZeroed(_ count: Int) -> (UnsafeMutablePointer<Entry>, mapped: Bool) {
        let bytes = count * MemoryLayout<Entry>.stride
        if let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
           memory != MAP_FAILED {
            return (memory.bindMemory(to: Entry.self, capacity: count), true)
        }
        let memory = UnsafeMutablePointer<Entry>.allocate(capacity: count)
        memory.initialize(repeating: Entry(pc: 0, flags: 0, idPlusOne: 0), count: count)
        return (memory, false)
    }

    private static func release(_ entries: UnsafeMutablePointer<Entry>, _ count: Int, mapped: Bool) {
        if mapped { munmap(entries, count * MemoryLayout<Entry>.stride) } else { entries.deallocate() }
    }
}
