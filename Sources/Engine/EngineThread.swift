// What the engine keeps per guest thread: the lookup caches in front of the shared code cache
// (block ids for the run loop, code addresses for the indirect branches of translated code),
// the interpreter's value registers, and the thread's exit-request flag, which the engine
// raises when it needs every thread out of translated code. Only its own thread touches it,
// except the flag.

import Glibc
import IR
import IRInterpreter
import X64Backend

public final class EngineThread {
    /// The exit-request flag in the thread's guest state.
    let exitFlag: UnsafeMutablePointer<UInt32>
    /// Direct-mapped block ids by key, in front of the shared table: a hit costs two compares.
    static let lookupBits = 12
    let lookupKeys: UnsafeMutablePointer<BlockKey>
    let lookupIds: UnsafeMutablePointer<Int32>
    /// The table translated code probes for indirect branches (JITABI.jumpCacheEntries entries
    /// of 32 bytes: pc, flags, code); nil under the interpreter.
    let jumpCache: UnsafeMutableRawPointer?
    /// The memory of the three tables: zero-filled pages mapped for the thread (see
    /// `markSlotZeroEmpty`), so nothing clears them. The lookup cache's pages are put in
    /// place at once (one madvise): blocks land all over it, and each page would otherwise
    /// fault twice, once for the lookup that reads it (the shared zero page) and again for
    /// the insert that writes it. The jump cache fills only with compiled blocks' indirect
    /// branch targets (few, while the JIT interprets cold blocks first) and faults in as used.
    private let tables: UnsafeMutableRawPointer
    private let tablesSize: Int
    private let tablesMapped: Bool
    /// The interpreter's value registers.
    var registers: UnsafeMutablePointer<UInt64>
    var registerCapacity = 1024
    /// The cache entry the interpreter runs, for charging a fault to its guest instruction.
    var interpreterPosition: Int32 = 0
    /// The cache generation the lookup caches hold ids and code of.
    var generation: Int

    init(exitFlag: UnsafeMutablePointer<UInt32>, jit: Bool, generation: Int) {
        self.exitFlag = exitFlag
        self.generation = generation
        let n = 1 << Self.lookupBits
        let jumpBytes = jit ? JITABI.jumpCacheEntries * JITABI.jumpCacheEntrySize : 0
        let keyBytes = n * MemoryLayout<BlockKey>.stride
        tablesSize = jumpBytes + keyBytes + n * MemoryLayout<Int32>.stride
        if let memory = mmap(nil, tablesSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
           memory != MAP_FAILED {
            tables = memory
            tablesMapped = true
            // The run loop's lookup cache takes every block's id: its pages now, in one call.
            _ = madvise(memory + jumpBytes, tablesSize - jumpBytes, MADV_POPULATE_WRITE)
        } else {
            tables = UnsafeMutableRawPointer.allocate(byteCount: tablesSize, alignment: 64)
            tables.initializeMemory(as: UInt8.self, repeating: 0, count: tablesSize)
            tablesMapped = false
        }
        jumpCache = jit ? tables : nil
        lookupKeys = (tables + jumpBytes).bindMemory(to: BlockKey.self, capacity: n)
        lookupIds = (tables + jumpBytes + keyBytes).bindMemory(to: Int32.self, capacity: n)
        registers = .allocate(capacity: registerCapacity)
        markSlotZeroEmpty()
    }

    deinit {
        if tablesMapped { munmap(tables, tablesSize) } else { tables.deallocate() }
        registers.deallocate()
    }

    /// All-zero entries are empty without being written: an entry matches a probe only when
    /// its key equals the probe's, and the one key equal to zeros, (pc 0, flags 0), hashes to
    /// slot 0 in both tables (JITABI.jumpCacheIndex and lookupSlot shift and xor pc and flags,
    /// so zeros give zero). Slot 0 alone gets a key no probe has.
    private func markSlotZeroEmpty() {
        lookupKeys[0] = BlockKey(pc: .max, flags: .max)
        lookupIds[0] = -1
        if let jumpCache {
            jumpCache.storeBytes(of: UInt64.max, as: UInt64.self)
            jumpCache.storeBytes(of: UInt64.max, toByteOffset: 8, as: UInt64.self)
            jumpCache.storeBytes(of: 0, toByteOffset: 16, as: UInt64.self)
        }
    }

    @inline(__always)
    static func lookupSlot(_ key: BlockKey) -> Int {
        Int(truncatingIfNeeded: (key.pc >> 1) ^ (key.pc >> 13) ^ UInt64(key.flags)) & ((1 << lookupBits) - 1)
    }

    /// The block id cached for `key`, if any.
    @inline(__always)
    func cachedBlock(_ key: BlockKey) -> Int32? {
        let slot = Self.lookupSlot(key)
        return lookupKeys[slot] == key ? lookupIds[slot] : nil
    }

    func cache(_ key: BlockKey, _ id: Int32) {
        let slot = Self.lookupSlot(key)
        lookupKeys[slot] = key
        lookupIds[slot] = id
    }

    /// Makes translated code find `code` for key (pc, flags).
    func remember(pc: UInt64, flags: UInt32, code: UnsafeRawPointer) {
        guard let jumpCache else { return }
        let e = jumpCache + JITABI.jumpCacheIndex(pc: pc, flags: UInt64(flags)) * JITABI.jumpCacheEntrySize
        e.storeBytes(of: pc, as: UInt64.self)
        e.storeBytes(of: UInt64(flags), toByteOffset: 8, as: UInt64.self)
        e.storeBytes(of: UInt64(UInt(bitPattern: code)), toByteOffset: 16, as: UInt64.self)
    }

    /// Forgets every id and code address (the cache was flushed): the tables' pages go back to
    /// zeros (dropped, for mapped tables).
    func forget(newGeneration: Int) {
        if tablesMapped {
            _ = madvise(tables, tablesSize, MADV_DONTNEED)
        } else {
            tables.initializeMemory(as: UInt8.self, repeating: 0, count: tablesSize)
        }
        markSlotZeroEmpty()
        generation = newGeneration
    }

    @inline(never)
    func growRegisters(_ needed: Int) {
        registers.deallocate()
        registerCapacity = max(needed, registerCapacity * 2)
        registers = .allocate(capacity: registerCapacity)
    }
}
