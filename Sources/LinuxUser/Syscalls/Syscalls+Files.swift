// File descriptors: read, write, open, close, seek, dup, pipe, fcntl, ioctl (ARM EABI numbers
// arrive through LinuxABI; guest fds are host fds).

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    // MARK: Data transfer

    func read() -> SyscallResult {
        if let kind = process.eventDescriptor(int(0)) { return readEventRecords(kind) }
        let count = arg(2) & 0xffff_ffff
        guard let p = pointer(address(1), count, write: true) else { return fail(EFAULT) }
        return forward(Host.guestSyscall(HOST_SYS_read, Int(int(0)), Int(bitPattern: p), Int(count)))
    }

    func write() -> SyscallResult {
        if process.eventDescriptor(int(0)) == .counter { return writeEventCounter() }
        let count = arg(2) & 0xffff_ffff
        guard let p = pointer(address(1), count, write: false) else { return fail(EFAULT) }
        return forward(Host.guestSyscall(HOST_SYS_write, Int(int(0)), Int(bitPattern: p), Int(count)))
    }

    func pread64() -> SyscallResult {
        let count = arg(2) & 0xffff_ffff
        guard let p = pointer(address(1), count, write: true) else { return fail(EFAULT) }
        let offset = pair(abi.syscallConvention.alignsRegisterPairs ? 4 : 3)
        return forward(Host.guestSyscall(HOST_SYS_pread64, Int(int(0)), Int(bitPattern: p), Int(count), Int(bitPattern: UInt(offset))))
    }

    func pwrite64() -> SyscallResult {
        let count = arg(2) & 0xffff_ffff
        guard let p = pointer(address(1), count, write: false) else { return fail(EFAULT) }
        let offset = pair(abi.syscallConvention.alignsRegisterPairs ? 4 : 3)
        return forward(Host.guestSyscall(HOST_SYS_pwrite64, Int(int(0)), Int(bitPattern: p), Int(count), Int(bitPattern: UInt(offset))))
    }

    /// readv/writev: the guest's iovec array becomes a host one; every buffer must be
    /// accessible as the kernel would check it.
    /// `offset`: the position of preadv/pwritev (and the v2 calls' flags in `flags`), which the
    /// x86-64 kernel takes whole in its pos_l argument (pos_h is shifted out on a 64-bit host).
    func vectored(write: Bool, hostCall: Int, offset: Int64? = nil, flags: Int = 0) -> SyscallResult {
        let count = Int(int(2))
        if count < 0 || count > 1024 { return fail(EINVAL) }
        guard let layout = abi.layouts[.iovec] else { return fail(ENOSYS) }
        var host = [iovec](repeating: iovec(), count: max(count, 1))
        for i in 0..<count {
            guard let entry = readStruct(.iovec, at: address(1) + UInt64(i * layout.size), { r -> (UInt64, UInt64)? in
                guard let base = r.get("iov_base"), let len = r.get("iov_len") else { return nil }
                return (base, len)
            }) else { return fail(EFAULT) }
            guard let p = pointer(GuestAddress(entry.0), entry.1, write: !write) else { return fail(EFAULT) }
            host[i] = iovec(iov_base: p, iov_len: Int(entry.1))
        }
        return host.withUnsafeMutableBufferPointer { buffer in
            guard let offset else { return forward(Host.guestSyscall(hostCall, Int(int(0)), Int(bitPattern: buffer.baseAddress), count)) }
            return forward(Host.guestSyscall(hostCall, Int(int(0)), Int(bitPattern: buffer.baseAddress), count, Int(offset), 0, flags))
        }
    }

    // MARK: Opening and closing

    /// open(path, flags, mode) is openat(AT_FDCWD, ...).
    func open(dirfd: Int32, pathArg: Int, flagsArg: Int, modeArg: Int) -> SyscallResult {
        let guestFlags = UInt32(truncatingIfNeeded: arg(flagsArg))
        let flags = abi.openFlags.translate(guestFlags)
        let mode = Int(arg(modeArg) & 0o7777)
        if let special = openProc(dirfd: dirfd, pathArg: pathArg, flags: Int32(bitPattern: flags)) { return special }
        return withPath(pathArg) { path in
            forward(Host.guestSyscall(HOST_SYS_openat, Int(dirfd), Int(bitPattern: path), Int(flags), mode))
        }
    }

    func close() -> SyscallResult {
        _ = process.directoryCookies.withLock { $0.removeValue(forKey: int(0)) }
        process.forgetDescriptor(int(0))
        return forward(Host.guestSyscall(HOST_SYS_close, Int(int(0))))
    }

    func lseek() -> SyscallResult {
        let offset = process.hostDirectoryOffset(fd: int(0), guest: Int64(int(1)))
        return forward(Host.guestSyscall(HOST_SYS_lseek, Int(int(0)), Int(offset), Int(int(2))))
    }

    /// _llseek(fd, offset_high, offset_low, result *, whence): the 64-bit position is stored
    /// at `result`.
    func llseek() -> SyscallResult {
        let guestOffset = Int64(bitPattern: (arg(1) & 0xffff_ffff) << 32 | (arg(2) & 0xffff_ffff))
        let offset = process.hostDirectoryOffset(fd: int(0), guest: guestOffset)
        let r = Host.rawSyscall(HOST_SYS_lseek, Int(int(0)), Int(offset), Int(int(4)))
        if r < 0 { return forward(r) }
        guard space.store(UInt64(r), at: address(3), bigEndian: process.bigEndian) else { return fail(EFAULT) }
        return 0
    }

    func dup() -> SyscallResult {
        let r = Host.guestSyscall(HOST_SYS_dup, Int(int(0)))
        process.duplicateDescriptor(int(0), to: r)
        return forward(r)
    }

    /// dup2 is dup3 without flags, except that dup2(fd, fd) checks fd and returns it.
    func dup2() -> SyscallResult {
        let old = int(0), new = int(1)
        if old == new {
            let r = Host.rawSyscall(HOST_SYS_fcntl, Int(old), Int(F_GETFD))
            return r < 0 ? forward(r) : SyscallResult(new)
        }
        let r = Host.guestSyscall(HOST_SYS_dup3, Int(old), Int(new), 0)
        process.duplicateDescriptor(old, to: r)
        return forward(r)
    }

    func dup3() -> SyscallResult {
        let flags = abi.openFlags.translate(UInt32(truncatingIfNeeded: arg(2)))
        let r = Host.guestSyscall(HOST_SYS_dup3, Int(int(0)), Int(int(1)), Int(flags))
        process.duplicateDescriptor(int(0), to: r)
        return forward(r)
    }

    /// pipe(fds) and pipe2(fds, flags). Where the convention has a second result register
    /// (MIPS o32), pipe writes no memory: the read end is the result, the write end the
    /// second result.
    mutating func pipe(flagsArg: Int?) -> SyscallResult {
        let flags = flagsArg.map { abi.openFlags.translate(UInt32(truncatingIfNeeded: arg($0))) } ?? 0
        var fds: (Int32, Int32) = (0, 0)
        let r = withUnsafeMutablePointer(to: &fds) {
            Host.rawSyscall(HOST_SYS_pipe2, Int(bitPattern: $0), Int(flags))
        }
        if r < 0 { return forward(r) }
        if flagsArg == nil && abi.syscallConvention.secondResultRegister != nil {
            secondResult = UInt64(UInt32(bitPattern: fds.1))
            return SyscallResult(fds.0)
        }
        let be = process.bigEndian
        guard space.store(UInt32(bitPattern: fds.0), at: address(0), bigEndian: be),
              space.store(UInt32(bitPattern: fds.1), at: address(0) + 4, bigEndian: be)
        else {
            Glibc.close(fds.0)
            Glibc.close(fds.1)
            return fail(EFAULT)
        }
        return 0
    }
}
