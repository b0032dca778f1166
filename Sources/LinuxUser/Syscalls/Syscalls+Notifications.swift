// signalfd and inotify. A signalfd's mask is the guest's set translated to host signals; the
// records a read returns (signalfd_siginfo, 128 bytes of fixed-width fields) and inotify's
// events (four 32-bit words and a name) have one layout on every arch and reach a guest of the
// host's byte order and signal numbering unchanged; for the others, Syscalls+EventRecords
// converts them.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// signalfd(fd, mask, size) and signalfd4(fd, mask, size, flags).
    func signalfd(flagsArg: Int?) -> SyscallResult {
        var flags = 0
        if let flagsArg {
            guard let f = descriptorFlags(flagsArg, abi.descriptorFlags.signalfd) else { return fail(EINVAL) }
            flags = f
        }
        guard arg(1) != 0 else { return fail(EFAULT) }
        var mask: UInt64
        switch hostWaitMask(1, sizeArg: 2) {
        case .failure(let e): return fail(e.value)
        case .success(let m): mask = m ?? 0
        }
        let r = withUnsafeMutablePointer(to: &mask) { Host.rawSyscall(HOST_SYS_signalfd4, Int(int(0)), Int(bitPattern: $0), 8, flags) }
        process.noteEventDescriptor(r, .signalfd)
        return forward(r)
    }

    func inotifyInit(flagsArg: Int?) -> SyscallResult {
        var flags = 0
        if let flagsArg {
            guard let f = descriptorFlags(flagsArg, abi.descriptorFlags.inotify) else { return fail(EINVAL) }
            flags = f
        }
        let r = Host.rawSyscall(HOST_SYS_inotify_init1, flags)
        process.noteEventDescriptor(r, .inotify)
        return forward(r)
    }

    /// inotify_add_watch(fd, path, mask): the IN_* bits are the same on every arch.
    func inotifyAddWatch() -> SyscallResult {
        withPath(1) { path in
            forward(Host.rawSyscall(HOST_SYS_inotify_add_watch, Int(int(0)), Int(bitPattern: path), Int(arg(2) & 0xffff_ffff)))
        }
    }
}
