// A guest thread's end, as the kernel handles it: robust futexes the thread still holds are
// marked FUTEX_OWNER_DIED and a waiter is woken (so a robust mutex's next locker learns its
// owner died), then the CLONE_CHILD_CLEARTID word is zeroed and woken (pthread_join waits on
// it). Both walk guest memory with guest pointer sizes, which is why the host kernel cannot
// do it for us.

import CHost
import Glibc
import GuestMemory
import Host

extension GuestThread {
    /// The end-of-thread work; true when this was the process's last thread.
    func finish() -> Bool {
        releaseRobustFutexes()
        if clearChildTID != 0 {
            let address = GuestAddress(clearChildTID)
            if process.space.store(UInt32(0), at: address, bigEndian: process.bigEndian) {
                wake(address)
            }
        }
        return process.liveThreads.withLock { count in
            count -= 1
            return count == 0
        }
    }

    /// FUTEX_WAKE one waiter on the guest word at `address` (shared, as the kernel's wake at
    /// thread exit is).
    func wake(_ address: GuestAddress) {
        guard let word = process.space.pointer(to: address, length: 4, access: .read) else { return }
        _ = Host.rawSyscall(HOST_SYS_futex, Int(bitPattern: word), 1 /* FUTEX_WAKE */, 1, 0, 0, 0)
    }

    /// struct robust_list_head { list *next; long futex_offset; list *list_op_pending; } in the
    /// guest's word size; each entry's first word is the next entry (bit 0: a PI futex).
    func releaseRobustFutexes() {
        let head = robustList.head
        guard head != 0 else { return }
        let space = process.space, be = process.bigEndian
        let word = UInt64(process.abi.wordSize)
        func load(_ a: UInt64) -> UInt64? {
            word == 4 ? space.load(UInt32.self, at: GuestAddress(a), bigEndian: be).map(UInt64.init)
                : space.load(UInt64.self, at: GuestAddress(a), bigEndian: be)
        }
        guard var entry = load(head), let rawOffset = load(head + word), let pending = load(head + 2 * word) else { return }
        let offset = word == 4 ? Int64(Int32(truncatingIfNeeded: rawOffset)) : Int64(bitPattern: rawOffset)
        func release(_ entry: UInt64) {
            let futex = UInt64(bitPattern: Int64(bitPattern: entry & ~1) &+ offset)
            ownerDied(GuestAddress(futex & (word == 4 ? 0xffff_ffff : .max)))
        }
        // The kernel's bound on a list it walks (ROBUST_LIST_LIMIT), against a cycle.
        var walked = 0
        while entry != head && entry != 0 && walked < 2048 {
            guard let next = load(entry & ~1) else { break }
            if entry != pending { release(entry) }
            entry = next
            walked += 1
        }
        if pending != 0 { release(pending) }
    }

    /// The futex word at `address` is held by this thread: it becomes owner-died, keeping the
    /// waiters bit, and a waiter is woken.
    func ownerDied(_ address: GuestAddress) {
        let tidMask: UInt32 = 0x3fff_ffff, waiters: UInt32 = 0x8000_0000, died: UInt32 = 0x4000_0000
        guard let p = process.space.pointer(to: address, length: 4, access: .write) else { return }
        let swap = process.bigEndian
        func guest(_ v: UInt32) -> UInt32 { swap ? v.byteSwapped : v }
        var value = guest(p.load(as: UInt32.self))
        while value & tidMask == UInt32(bitPattern: tid) {
            let seen = guest(chost_cas32(p, guest(value), guest(value & waiters | died)))
            if seen == value {
                if value & waiters != 0 { wake(address) }
                return
            }
            value = seen
        }
    }
}
