// Several guest threads share one engine: one code cache, one code memory. Running translated
// code takes no lock; translating does (translation is serialized: one translator at a time,
// while the other threads go on running what is already translated). Throwing code away is
// the delicate part: no thread may be inside code that goes. So a flush (code memory full,
// guest code changed or unmapped, precise faults switched on) stops the world: it raises every
// thread's exit-request flag, waits until no thread is inside the engine (translated code
// checks the flag at each block entry, so that is at most one block away), does its work, and
// lets them in again. A thread that wants to translate while a flush waits steps out of the
// engine and waits with the others; a thread that enters the engine while one waits, waits.
// Threads blocked in system calls are outside the engine and never hold a flush up.

import Glibc

/// A mutex and its condition variable, in memory that never moves.
final class EngineLock {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)
    private let condition: UnsafeMutablePointer<pthread_cond_t> = .allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a broadcast; the mutex must be held.
    func wait() { pthread_cond_wait(condition, mutex) }
    func broadcast() { pthread_cond_broadcast(condition) }

    /// In a forked child, whose only thread is the one that forked: a fresh, unlocked lock
    /// (the parent's state, waiters included, means nothing here).
    func reinitializeInChild() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }
}

/// Who is inside the engine, and whether someone waits to have it alone. Guarded by the lock.
struct EngineOccupancy {
    /// Threads between `enter` and `leave` (running guest code or translating).
    var inside = 0
    /// A flush waits for `inside` to reach zero, or runs.
    var stopping = false
    /// Every registered thread's exit-request flag.
    var flags: [UnsafeMutablePointer<UInt32>] = []
}

extension Engine {
    /// A new guest thread's engine context; `exitFlag` is the flag in its guest state.
    public func makeThread(exitFlag: UnsafeMutablePointer<UInt32>) -> EngineThread {
        lock.lock()
        defer { lock.unlock() }
        occupancy.flags.append(exitFlag)
        return EngineThread(exitFlag: exitFlag, jit: jit != nil, generation: generation)
    }

    /// The thread is gone: the engine stops raising its flag.
    public func removeThread(_ thread: EngineThread) {
        lock.lock()
        defer { lock.unlock() }
        occupancy.flags.removeAll { $0 == thread.exitFlag }
    }

    /// Entering the engine to run guest code: waits while a flush is under way.
    @inline(__always)
    func enter(_ thread: EngineThread) {
        lock.lock()
        while occupancy.stopping { lock.wait() }
        occupancy.inside += 1
        if thread.generation != generation { thread.forget(newGeneration: generation) }
        lock.unlock()
    }

    @inline(__always)
    func leave() {
        lock.lock()
        occupancy.inside -= 1
        if occupancy.stopping { lock.broadcast() }
        lock.unlock()
    }

    /// With the lock held by a thread inside the engine: if a flush waits, step out until it
    /// is done. The thread's cached ids and code may be gone afterwards.
    func yieldToFlush(_ thread: EngineThread) {
        guard occupancy.stopping else { return }
        occupancy.inside -= 1
        lock.broadcast()
        while occupancy.stopping { lock.wait() }
        occupancy.inside += 1
        if thread.generation != generation { thread.forget(newGeneration: generation) }
    }

    /// With the lock held: runs `work` once no other thread is inside the engine. `inside`
    /// says whether the caller itself is (a translator finding code memory full) or not (a
    /// system call changing guest code).
    func stopTheWorld(inside: Bool, _ work: () -> Void) {
        while occupancy.stopping {  // another flush first; an inside caller steps out for it
            if inside { occupancy.inside -= 1; lock.broadcast() }
            lock.wait()
            if inside { occupancy.inside += 1 }
        }
        occupancy.stopping = true
        for flag in occupancy.flags { flag.pointee = 1 }
        if inside { occupancy.inside -= 1 }
        while occupancy.inside > 0 { lock.wait() }
        work()
        if inside { occupancy.inside += 1 }
        occupancy.stopping = false
        lock.broadcast()
    }

    /// Runs `work` while no thread translates (other threads go on running guest code).
    public func withTranslationLock(_ work: () -> Void) {
        lock.lock()
        work()
        lock.unlock()
    }

    /// Runs `work` with every guest thread outside translated code (from outside the engine:
    /// a system call). Translated blocks may be thrown away in it.
    public func withEveryThreadStopped(_ work: () -> Void) {
        lock.lock()
        stopTheWorld(inside: false, work)
        lock.unlock()
    }
}
