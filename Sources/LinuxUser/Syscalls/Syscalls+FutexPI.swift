// Priority-inheritance futexes (FUTEX_LOCK_PI, LOCK_PI2, TRYLOCK_PI, UNLOCK_PI) for a guest
// whose byte order is not the host's. The kernel reads and writes a PI futex word itself (the
// owner's tid, FUTEX_WAITERS, FUTEX_OWNER_DIED), so for a big-endian guest it would see the
// tid byte-swapped. Mirage keeps the same protocol on the word in the guest's order with
// compare-and-swap, and sleeps and wakes through plain host futex calls on it. What it does not
// give is priority inheritance itself (no boosting of the owner) and a waiter's place in a
// queue: an unlock wakes one waiter, which competes for the lock again. A waiter that slept
// takes the lock with FUTEX_WAITERS set, so its unlock wakes the next one.

import CHost
import Glibc
import Host
import LinuxABI

extension SyscallContext {
    static let futexWaiters: UInt32 = 0x8000_0000, futexOwnerDied: UInt32 = 0x4000_0000, futexTIDMask: UInt32 = 0x3fff_ffff

    /// LOCK_PI (command 6, an absolute CLOCK_REALTIME timeout), LOCK_PI2 (13, absolute on
    /// CLOCK_MONOTONIC unless FUTEX_CLOCK_REALTIME), TRYLOCK_PI (8) on the word at `word`.
    func lockPI(_ word: UnsafeMutablePointer<UInt32>, op: Int32, timeout: UnsafeMutablePointer<timespec>?, trylock: Bool) -> SyscallResult {
        let tid = UInt32(bitPattern: thread.tid)
        var waited = false
        while true {
            let raw = chost_cas32(word, 0, 0)
            let value = guestOrder(raw)
            let owner = value & Self.futexTIDMask
            if owner == 0 {
                // Free (perhaps with OWNER_DIED, which the new owner sees): take it.
                let new = value & Self.futexOwnerDied | tid | (waited ? Self.futexWaiters : 0)
                if chost_cas32(word, raw, guestOrder(new)) == raw { return 0 }
                continue
            }
            if owner == tid { return fail(EDEADLK) }
            // An owner that is gone (and not marked dead by the robust-list walk) would never
            // unlock: the kernel says ESRCH.
            if Host.rawSyscall(HOST_SYS_kill, Int(owner), 0) == -Int(ESRCH) { return fail(ESRCH) }
            if trylock { return fail(EAGAIN) }
            var expected = raw
            if value & Self.futexWaiters == 0 {
                expected = guestOrder(value | Self.futexWaiters)
                if chost_cas32(word, raw, expected) != raw { continue }
            }
            waited = true
            // Sleep while the word still says so (FUTEX_WAIT_BITSET: an absolute timeout).
            let realtime = op & 0x7f == 6 || op & 256 != 0
            let wait = 9 | (op & 128) | (realtime ? 256 : 0)
            let r = Host.guestSyscall(HOST_SYS_futex, Int(bitPattern: UnsafeMutableRawPointer(word)), Int(wait),
                                      Int(Int32(bitPattern: expected)), Int(bitPattern: timeout), 0, -1)
            if r == -Int(ETIMEDOUT) { return fail(ETIMEDOUT) }
            // The kernel restarts an interrupted LOCK_PI after the handler (ERESTARTNOINTR).
            if r == Host.notStarted || r == -Int(EINTR) { return .notStarted }
        }
    }

    /// UNLOCK_PI (command 7): the caller must own the word; it becomes 0 (keeping nothing)
    /// and one waiter is woken.
    func unlockPI(_ word: UnsafeMutablePointer<UInt32>, op: Int32) -> SyscallResult {
        let tid = UInt32(bitPattern: thread.tid)
        while true {
            let raw = chost_cas32(word, 0, 0)
            let value = guestOrder(raw)
            guard value & Self.futexTIDMask == tid else { return fail(EPERM) }
            guard chost_cas32(word, raw, 0) == raw else { continue }
            if value & Self.futexWaiters != 0 {
                _ = Host.rawSyscall(HOST_SYS_futex, Int(bitPattern: UnsafeMutableRawPointer(word)), Int(1 | (op & 128)), 1)
            }
            return 0
        }
    }

    /// A word as the guest reads it, or back (a byte swap for a big-endian guest).
    func guestOrder(_ raw: UInt32) -> UInt32 { process.bigEndian ? raw.byteSwapped : raw }
}
