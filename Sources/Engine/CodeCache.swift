// Translated blocks by key: a hash table for misses, a direct-mapped jump cache in front of it,
// and the chaining links between blocks. Entries live in one raw buffer indexed by block id, so
// the execution loop reads them without ARC or bounds checks.

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
    /// Where each guest instruction starts in `code`, for precise faults.
    var instructionStarts: [InstructionStart]
    /// The block each `gotoTB` slot was last linked to, or -1.
    var links: (Int32, Int32)
    /// Guest code span, for invalidation.
    var guestStart: UInt64
    var guestEnd: UInt64
}

struct CodeCache {
    private(set) var entries: UnsafeMutablePointer<CacheEntry>
    private(set) var count = 0
    private var capacity: Int
    private var table: [BlockKey: Int32] = [:]

    /// Direct-mapped: slot = hash(pc) & mask. A hit costs two compares.
    static let jumpCacheBits = 12
    private var jumpKeys: UnsafeMutablePointer<BlockKey>
    private var jumpIds: UnsafeMutablePointer<Int32>

    init() {
        capacity = 1024
        entries = .allocate(capacity: capacity)
        let n = 1 << Self.jumpCacheBits
        jumpKeys = .allocate(capacity: n)
        jumpKeys.initialize(repeating: BlockKey(pc: .max, flags: .max), count: n)
        jumpIds = .allocate(capacity: n)
        jumpIds.initialize(repeating: -1, count: n)
    }

    @inline(__always)
    static func jumpSlot(_ key: BlockKey) -> Int {
        Int(truncatingIfNeeded: (key.pc >> 1) ^ (key.pc >> 13) ^ UInt64(key.flags)) & ((1 << jumpCacheBits) - 1)
    }

    /// The block for `key`, if translated.
    @inline(__always)
    mutating func find(_ key: BlockKey) -> Int32? {
        let slot = Self.jumpSlot(key)
        if jumpKeys[slot] == key { return jumpIds[slot] }
        guard let id = table[key] else { return nil }
        jumpKeys[slot] = key
        jumpIds[slot] = id
        return id
    }

    mutating func insert(_ key: BlockKey, _ block: PreparedBlock?, code: UnsafeRawPointer?, codeSize: Int,
                         instructionStarts: [InstructionStart], guestStart: UInt64, guestEnd: UInt64) -> Int32 {
        if count == capacity {
            let bigger = UnsafeMutablePointer<CacheEntry>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: entries, count: count)
            entries.deallocate()
            entries = bigger
            capacity *= 2
        }
        let id = Int32(count)
        (entries + count).initialize(to: CacheEntry(key: key, block: block, code: code, codeSize: codeSize, instructionStarts: instructionStarts,
                                                    links: (-1, -1), guestStart: guestStart, guestEnd: guestEnd))
        count += 1
        table[key] = id
        let slot = Self.jumpSlot(key)
        jumpKeys[slot] = key
        jumpIds[slot] = id
        return id
    }

    @inline(__always)
    func link(from id: Int32, slot: Int) -> Int32 {
        let links = entries[Int(id)].links
        return slot == 0 ? links.0 : links.1
    }

    @inline(__always)
    mutating func setLink(from id: Int32, slot: Int, to next: Int32) {
        if slot == 0 { entries[Int(id)].links.0 = next } else { entries[Int(id)].links.1 = next }
    }

    /// Throws every block away (code was modified or unmapped). Ids become invalid.
    mutating func flush() {
        for i in 0..<count { entries[i].block?.deallocate() }
        (entries).deinitialize(count: count)
        count = 0
        table.removeAll(keepingCapacity: true)
        let n = 1 << Self.jumpCacheBits
        jumpKeys.update(repeating: BlockKey(pc: .max, flags: .max), count: n)
        jumpIds.update(repeating: -1, count: n)
    }

    /// The block whose code holds host address `pc`, and the instruction there.
    func instruction(atHost pc: UInt) -> (key: BlockKey, start: InstructionStart)? {
        for i in 0..<count {
            guard let code = entries[i].code else { continue }
            let offset = Int(bitPattern: pc &- UInt(bitPattern: code))
            guard offset >= 0, offset < entries[i].codeSize else { continue }
            // The last instruction start at or before the offset.
            guard let start = entries[i].instructionStarts.last(where: { Int($0.hostOffset) <= offset }) else { return nil }
            return (entries[i].key, start)
        }
        return nil
    }

    /// Whether any block was translated from guest bytes in [start, end).
    func overlaps(start: UInt64, end: UInt64) -> Bool {
        for i in 0..<count where entries[i].guestStart < end && start < entries[i].guestEnd { return true }
        return false
    }
}
