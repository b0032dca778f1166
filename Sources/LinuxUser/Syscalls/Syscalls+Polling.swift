// Waiting on descriptors: poll, ppoll, select (_newselect, pselect6). The guest's pollfd array
// is converted entry by entry (its byte order, and the event bits, which MIPS numbers its own
// way past POLLOUT) into a host array, and only revents is written back, as the kernel does.
// An fd_set is an array of the guest's longs, bit n of word n/32 for descriptor n: converted to
// and from the host's 64-bit words, and only the words covering nfds are read and written.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    func poll() -> SyscallResult {
        pollCall(timeout: nil)
    }

    /// ppoll(fds, n, timeout, sigmask, sigsetsize) with a 32- or 64-bit timespec, waiting
    /// with `sigmask` (when not NULL) blocked instead of the thread's mask.
    func ppoll(_ kind: StructKind) -> SyscallResult {
        guard arg(3) == 0 || arg(4) == signalSetSize else { return fail(EINVAL) }
        return waiting(withMaskAt: address(3)) { pollCall(timeout: kind) }
    }

    /// `call` with the thread's signal mask replaced by the sigset at `maskAddress` (0: left
    /// as it is) for its duration, as ppoll and pselect6 wait. A signal the temporary mask
    /// lets in ends the wait (EINTR, or the call not started), and its handler's frame saves
    /// the thread's own mask (thread.suspendedMask, as for sigsuspend), which the handler's
    /// return restores; any other result restores it at once, leaving what it blocks pending.
    func waiting(withMaskAt maskAddress: GuestAddress, _ call: () -> SyscallResult) -> SyscallResult {
        guard maskAddress != 0 else { return call() }
        guard let mask = readSignalSet(at: maskAddress) else { return fail(EFAULT) }
        let saved = thread.signalMask
        thread.setSignalMask(mask)
        thread.suspendedMask = saved
        let r = call()
        if r != .interrupted && r != .notStarted {
            thread.suspendedMask = nil
            thread.setSignalMask(saved)
        }
        return r
    }

    /// poll (`timeout` nil: milliseconds in argument 2) or ppoll (a timespec of that kind).
    func pollCall(timeout kind: StructKind?) -> SyscallResult {
        let count = Int(arg(1) & 0xffff_ffff)
        guard count <= 65536 else { return fail(EINVAL) }
        guard let layout = abi.layouts[.pollfd] else { return fail(ENOSYS) }
        guard pointer(address(0), UInt64(count * layout.size), write: true) != nil else { return fail(EFAULT) }
        var fds = [pollfd](repeating: pollfd(), count: max(count, 1))
        for i in 0..<count {
            guard let entry = readStruct(.pollfd, at: address(0) + UInt64(i * layout.size), { r -> pollfd? in
                guard let fd = r.getSigned("fd"), let events = r.get("events") else { return nil }
                let host = abi.pollEvents.translate(UInt32(truncatingIfNeeded: events) & 0xffff)
                return pollfd(fd: Int32(truncatingIfNeeded: fd), events: Int16(truncatingIfNeeded: host), revents: 0)
            }) else { return fail(EFAULT) }
            fds[i] = entry
        }
        var timeout = timespec()
        if let kind, arg(2) != 0 {
            guard let t = readTimespec(kind, 2) else { return fail(EFAULT) }
            timeout = t
        }
        let r = fds.withUnsafeMutableBufferPointer { buffer in
            withUnsafeMutablePointer(to: &timeout) { t in
                let p = Int(bitPattern: buffer.baseAddress)
                if kind == nil { return Host.guestSyscall(HOST_SYS_poll, p, count, Int(int(2))) }
                return Host.guestSyscall(HOST_SYS_ppoll, p, count, arg(2) != 0 ? Int(bitPattern: t) : 0, 0, 8)
            }
        }
        // The kernel writes every revents back after the wait, interrupted or not.
        if r >= 0 || r == -Int(EINTR), let field = layout.field(named: "revents"), field.size == 2 {
            for i in 0..<count {
                let revents = abi.pollEvents.untranslate(UInt32(UInt16(bitPattern: fds[i].revents)))
                let at = address(0) + UInt64(i * layout.size + field.offset)
                guard space.store(UInt16(truncatingIfNeeded: revents), at: at, bigEndian: process.bigEndian) else { return fail(EFAULT) }
            }
        }
        return forward(r)
    }

    /// The host pselect6 over the guest's fd_sets at arguments 1, 2, 3 (each converted to
    /// host words, then back when the call succeeds; NULL ones stay NULL).
    func selectCall(_ nfds: Int, timeout: UnsafeMutablePointer<timespec>?) -> SyscallResult {
        let guestWords = (nfds + 31) / 32, hostWords = max((nfds + 63) / 64, 1)
        var sets = [UInt64](repeating: 0, count: 3 * hostWords)
        for i in 0..<3 where arg(i + 1) != 0 {
            for w in 0..<guestWords {
                guard let word = loadWord(address(i + 1) + UInt64(4 * w)) else { return fail(EFAULT) }
                sets[i * hostWords + w / 2] |= UInt64(word) << UInt64(32 * (w % 2))
            }
        }
        let r = sets.withUnsafeMutableBufferPointer { buffer -> Int in
            let base = Int(bitPattern: buffer.baseAddress)
            let set = { (i: Int) in self.arg(i + 1) == 0 ? 0 : base + 8 * i * hostWords }
            return Host.guestSyscall(HOST_SYS_pselect6, nfds, set(0), set(1), set(2), Int(bitPattern: timeout), 0)
        }
        if r >= 0 {
            for i in 0..<3 where arg(i + 1) != 0 {
                for w in 0..<guestWords {
                    let word = UInt32(truncatingIfNeeded: sets[i * hostWords + w / 2] >> UInt64(32 * (w % 2)))
                    guard storeWord(word, at: address(i + 1) + UInt64(4 * w)) else { return fail(EFAULT) }
                }
            }
        }
        return forward(r)
    }

    /// _newselect(nfds, read, write, except, timeval *).
    func select() -> SyscallResult {
        let nfds = Int(int(0))
        guard nfds >= 0 && nfds <= 1024 else { return fail(EINVAL) }
        var timeout = timespec()
        if arg(4) != 0 {
            guard let tv = readStruct(.timeval, at: address(4), { $0.readTimeval() }) else { return fail(EFAULT) }
            timeout = timespec(tv_sec: tv.tv_sec, tv_nsec: Int(tv.tv_usec) * 1000)
        }
        let r = withUnsafeMutablePointer(to: &timeout) { t in selectCall(nfds, timeout: arg(4) != 0 ? t : nil) }
        if r >= 0 && arg(4) != 0 {
            _ = writeStruct(.timeval, at: address(4), { _ = $0.write(timeval(tv_sec: timeout.tv_sec, tv_usec: timeout.tv_nsec / 1000)) })
        }
        return r
    }

    /// pselect6(nfds, read, write, except, timespec *, sigmask data): the data, when not NULL,
    /// is { sigset_t *mask; size_t size } in the guest's words, and a non-NULL mask is blocked
    /// instead of the thread's while the call waits (`waiting`). The timespec is left as
    /// it is.
    func pselect6(_ kind: StructKind) -> SyscallResult {
        let nfds = Int(int(0))
        guard nfds >= 0 && nfds <= 1024 else { return fail(EINVAL) }
        var timeout = timespec()
        if arg(4) != 0 {
            guard let t = readTimespec(kind, 4) else { return fail(EFAULT) }
            timeout = t
        }
        var mask: GuestAddress = 0
        if arg(5) != 0 {
            guard let set = loadWord(address(5)), let size = loadWord(address(5) + 4) else { return fail(EFAULT) }
            if set != 0 {
                guard UInt64(size) == signalSetSize else { return fail(EINVAL) }
                mask = GuestAddress(UInt64(set))
            }
        }
        return waiting(withMaskAt: mask) {
            withUnsafeMutablePointer(to: &timeout) { t in selectCall(nfds, timeout: arg(4) != 0 ? t : nil) }
        }
    }
}
