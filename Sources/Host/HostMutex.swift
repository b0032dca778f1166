// A value behind a lock, for the runtime's state that guest threads share (the address space's
// mappings, signal actions, the live-thread count).
//
// Why not Synchronization's Mutex: on Linux it is a PI futex whose word holds the owner's tid,
// and Swift caches each thread's tid in thread-local storage. A forked child's thread keeps
// the parent's cached tid, so once a guest program forks and then starts threads, a contended
// Mutex in the child sent FUTEX_LOCK_PI a tid of the parent's (ESRCH, which Swift turns into a
// fatal error), and its unlock failed as "not the owner". This lock's word holds no tid.

import CHost

public final class HostMutex<Value: ~Copyable>: @unchecked Sendable {
    private let word: UnsafeMutablePointer<UInt32>
    private var value: Value

    public init(_ value: consuming Value) {
        word = .allocate(capacity: 1)
        word.initialize(to: 0)
        self.value = value
    }

    deinit { word.deallocate() }

    /// Runs `body` with the value while holding the lock.
    @inline(__always)
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        chost_lock(word)
        defer { chost_unlock(word) }
        return try body(&value)
    }
}
