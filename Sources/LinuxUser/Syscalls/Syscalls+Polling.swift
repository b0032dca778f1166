// Waiting on descriptors: poll, ppoll, select (_newselect, pselect6). pollfd and fd_set have
// the host's layout on a little-endian 32-bit guest (fd_set's 32-bit words hold the same bits
// at the same byte offsets as the host's 64-bit ones), so the guest's arrays pass directly.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    func poll() -> SyscallResult {
        guard !process.bigEndian else { return fail(ENOSYS) }
        let count = arg(1) & 0xffff_ffff
        guard count <= 65536 else { return fail(EINVAL) }
        guard let fds = pointer(address(0), count * 8, write: true) else { return fail(EFAULT) }
        return forward(Host.guestSyscall(HOST_SYS_poll, Int(bitPattern: fds), Int(count), Int(int(2))))
    }

    /// ppoll(fds, n, timeout, sigmask, sigsetsize) with a 32- or 64-bit timespec. The signal
    /// mask is the guest's business until delivery exists: it is not applied to the host.
    func ppoll(_ kind: StructKind) -> SyscallResult {
        guard !process.bigEndian else { return fail(ENOSYS) }
        let count = arg(1) & 0xffff_ffff
        guard count <= 65536 else { return fail(EINVAL) }
        guard let fds = pointer(address(0), count * 8, write: true) else { return fail(EFAULT) }
        var timeout = timespec()
        if arg(2) != 0 {
            guard let t = readTimespec(kind, 2) else { return fail(EFAULT) }
            timeout = t
        }
        return withUnsafeMutablePointer(to: &timeout) { t in
            forward(Host.guestSyscall(HOST_SYS_ppoll, Int(bitPattern: fds), Int(count), arg(2) != 0 ? Int(bitPattern: t) : 0, 0, 8))
        }
    }

    /// The three fd_set arguments at 1, 2, 3 for `nfds` descriptors.
    func fdSets(_ nfds: Int) -> [UnsafeMutableRawPointer?]? {
        let bytes = UInt64((nfds + 63) / 64 * 8)
        var sets: [UnsafeMutableRawPointer?] = []
        for i in 1...3 {
            if arg(i) == 0 { sets.append(nil); continue }
            guard let p = pointer(address(i), bytes, write: true) else { return nil }
            sets.append(p)
        }
        return sets
    }

    /// _newselect(nfds, read, write, except, timeval *).
    func select() -> SyscallResult {
        let nfds = Int(int(0))
        guard nfds >= 0 && nfds <= 1024, !process.bigEndian else { return fail(EINVAL) }
        guard let sets = fdSets(nfds) else { return fail(EFAULT) }
        var timeout = timespec()
        if arg(4) != 0 {
            guard let tv = readStruct(.timeval, at: address(4), { $0.readTimeval() }) else { return fail(EFAULT) }
            timeout = timespec(tv_sec: tv.tv_sec, tv_nsec: Int(tv.tv_usec) * 1000)
        }
        let r = withUnsafeMutablePointer(to: &timeout) { t in
            Host.guestSyscall(HOST_SYS_pselect6, nfds, Int(bitPattern: sets[0]), Int(bitPattern: sets[1]), Int(bitPattern: sets[2]),
                            arg(4) != 0 ? Int(bitPattern: t) : 0, 0)
        }
        if r >= 0 && arg(4) != 0 {
            _ = writeStruct(.timeval, at: address(4), { _ = $0.write(timeval(tv_sec: timeout.tv_sec, tv_usec: timeout.tv_nsec / 1000)) })
        }
        return forward(r)
    }

    /// pselect6(nfds, read, write, except, timespec *, sigmask data): the mask is not applied.
    func pselect6(_ kind: StructKind) -> SyscallResult {
        let nfds = Int(int(0))
        guard nfds >= 0 && nfds <= 1024, !process.bigEndian else { return fail(EINVAL) }
        guard let sets = fdSets(nfds) else { return fail(EFAULT) }
        var timeout = timespec()
        if arg(4) != 0 {
            guard let t = readTimespec(kind, 4) else { return fail(EFAULT) }
            timeout = t
        }
        return withUnsafeMutablePointer(to: &timeout) { t in
            forward(Host.guestSyscall(HOST_SYS_pselect6, nfds, Int(bitPattern: sets[0]), Int(bitPattern: sets[1]), Int(bitPattern: sets[2]),
                                    arg(4) != 0 ? Int(bitPattern: t) : 0, 0))
        }
    }
}
