// What the engine keeps per guest thread: the lookup caches in front of the shared code cache
// (block ids for the run loop, code addresses for the indirect branches of translated code),
// the interpreter's value registers, and the thread's exit-request flag, which the engine
// raises when it needs every thread out of translated code. Only its own thread touches it,
// except the flag.

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
        lookupKeys = .allocate(capacity: n)
        lookupIds = .allocate(capacity: n)
        jumpCache = jit ? UnsafeMutableRawPointer.allocate(byteCount: JITABI.jumpCacheEntries * JITABI.jumpCacheEntrySize, alignment: 64) : nil
        registers = .allocate(capacity: registerCapacity)
        lookupKeys.initialize(repeating: BlockKey(pc: .max, flags: .max), count: n)
        lookupIds.initialize(repeating: -1, count: n)
        clearJumpCache()
    }

    deinit {
        lookupKeys.deallocate()
        lookupIds.deallocate()
        jumpCache?.deallocate()
        registers.deallocate()
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

    /// Forgets every id and code address (the cache was flushed).
    func forget(newGeneration: Int) {
        let n = 1 << Self.lookupBits
        lookupKeys.update(repeating: BlockKey(pc: .max, flags: .max), count: n)
        lookupIds.update(repeating: -1, count: n)
        clearJumpCache()
        generation = newGeneration
    }

    private func clearJumpCache() {
        guard let jumpCache else { return }
        for i in 0..<JITABI.jumpCacheEntries {
            let e = jumpCache + i * JITABI.jumpCacheEntrySize
            e.storeBytes(of: UInt64.max, as: UInt64.self)
            e.storeBytes(of: UInt64.max, toByteOffset: 8, as: UInt64.self)
            e.storeBytes(of: 0, toByteOffset: 16, as: UInt64.self)
        }
    }

    @inline(never)
    func growRegisters(_ needed: Int) {
        registers.deallocate()
        registerCapacity = max(needed, registerCapacity * 2)
        registers = .allocate(capacity: registerCapacity)
    }
}
