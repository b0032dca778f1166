// Moving and shaping file data without a user buffer: fallocate, sendfile, splice, tee,
// vmsplice, copy_file_range, truncate, readahead, fadvise, sync_file_range, memfd_create,
// close_range, mknod. 64-bit offsets arrive in register pairs (ARM EABI aligns them to an even
// register); offsets passed by pointer are loaded and stored in the guest's byte order.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// The 64-bit pair that starts at `i`, or at `i + 1` when the guest aligns pairs and `i`
    /// is odd.
    func alignedPair(_ i: Int) -> Int {
        Int(bitPattern: UInt(pair(abi.syscallConvention.alignsRegisterPairs && i % 2 == 1 ? i + 1 : i)))
    }

    /// fallocate(fd, mode, offset, len).
    func fallocate() -> SyscallResult {
        forward(Host.guestSyscall(HOST_SYS_fallocate, Int(int(0)), Int(int(1)), alignedPair(2), alignedPair(4)))
    }

    /// An optional in/out offset at argument `i`: 32-bit (`wide` false) or loff_t.
    func withOffset(_ i: Int, wide: Bool, _ body: (Int) -> Int) -> SyscallResult {
        if arg(i) == 0 { return forward(body(0)) }
        var offset: Int64
        if wide {
            guard let v = space.load(UInt64.self, at: address(i), bigEndian: process.bigEndian) else { return fail(EFAULT) }
            offset = Int64(bitPattern: v)
        } else {
            guard let v = loadWord(address(i)) else { return fail(EFAULT) }
            offset = Int64(Int32(bitPattern: v))
        }
        let r = withUnsafeMutablePointer(to: &offset) { body(Int(bitPattern: $0)) }
        if r >= 0 {
            let stored = wide ? space.store(UInt64(bitPattern: offset), at: address(i), bigEndian: process.bigEndian)
                              : storeWord(UInt32(truncatingIfNeeded: offset), at: address(i))
            if !stored { return fail(EFAULT) }
        }
        return forward(r)
    }

    /// sendfile(out, in, offset *, count): `wide` for sendfile64's loff_t.
    func sendfile(wide: Bool) -> SyscallResult {
        withOffset(2, wide: wide) { p in
            Host.guestSyscall(HOST_SYS_sendfile, Int(int(0)), Int(int(1)), p, Int(arg(3) & 0xffff_ffff))
        }
    }

    /// An optional loff_t at argument `i`: nil for NULL; EFAULT when unreadable.
    func loadOffset(_ i: Int) -> Result<Int64?, CErrno> {
        if arg(i) == 0 { return .success(nil) }
        guard let v = space.load(UInt64.self, at: address(i), bigEndian: process.bigEndian) else { return .failure(CErrno(EFAULT)) }
        return .success(Int64(bitPattern: v))
    }

    /// splice(in, off_in *, out, off_out *, len, flags), and copy_file_range, which has the
    /// same shape: the offsets are read, passed as host loff_t, and written back.
    func splice(_ number: Int) -> SyscallResult {
        guard case .success(let inOffset) = loadOffset(1), case .success(let outOffset) = loadOffset(3) else { return fail(EFAULT) }
        var a = inOffset ?? 0, b = outOffset ?? 0
        let r = withUnsafeMutablePointer(to: &a) { pa in
            withUnsafeMutablePointer(to: &b) { pb in
                Host.guestSyscall(number, Int(int(0)), inOffset == nil ? 0 : Int(bitPattern: pa), Int(int(2)),
                                  outOffset == nil ? 0 : Int(bitPattern: pb), Int(arg(4) & 0xffff_ffff), Int(arg(5) & 0xffff_ffff))
            }
        }
        if r >= 0 {
            if inOffset != nil && !space.store(UInt64(bitPattern: a), at: address(1), bigEndian: process.bigEndian) { return fail(EFAULT) }
            if outOffset != nil && !space.store(UInt64(bitPattern: b), at: address(3), bigEndian: process.bigEndian) { return fail(EFAULT) }
        }
        return forward(r)
    }

    func tee() -> SyscallResult {
        forward(Host.guestSyscall(HOST_SYS_tee, Int(int(0)), Int(int(1)), Int(arg(2) & 0xffff_ffff), Int(arg(3) & 0xffff_ffff)))
    }

    /// vmsplice(fd, iov, count, flags).
    func vmsplice() -> SyscallResult {
        switch hostIOVectors(at: address(1), count: Int(int(2)), fill: false) {
        case .failure(let e): return fail(e.value == EMSGSIZE ? EINVAL : e.value)
        case .success(var vectors):
            return vectors.withUnsafeMutableBufferPointer { v in
                forward(Host.guestSyscall(HOST_SYS_vmsplice, Int(int(0)), Int(bitPattern: v.baseAddress), v.count, Int(arg(3) & 0xffff_ffff)))
            }
        }
    }

    /// arm_sync_file_range / sync_file_range2(fd, flags, offset, nbytes): the host's order is
    /// (fd, offset, nbytes, flags).
    func syncFileRange2() -> SyscallResult {
        forward(Host.guestSyscall(HOST_SYS_sync_file_range, Int(int(0)), alignedPair(2), alignedPair(4), Int(arg(1) & 0xffff_ffff)))
    }

    /// readahead(fd, offset, count).
    func readahead() -> SyscallResult {
        forward(Host.guestSyscall(HOST_SYS_readahead, Int(int(0)), alignedPair(1), Int(arg(abi.syscallConvention.alignsRegisterPairs ? 4 : 3) & 0xffff_ffff)))
    }

    /// arm_fadvise64_64(fd, advice, offset, len): the host's fadvise64 is (fd, offset, len, advice).
    func fadvise() -> SyscallResult {
        forward(Host.rawSyscall(HOST_SYS_fadvise64, Int(int(0)), alignedPair(2), alignedPair(4), Int(int(1))))
    }

    /// memfd_create(name, flags): MFD_* are the same on every arch.
    func memfdCreate() -> SyscallResult {
        guard var name = space.readCString(at: address(0), maxLength: 250) else { return fail(EFAULT) }
        if name.count > 249 { return fail(EINVAL) }
        name.append(0)
        return name.withUnsafeMutableBytes {
            forward(Host.rawSyscall(HOST_SYS_memfd_create, Int(bitPattern: $0.baseAddress), Int(arg(1) & 0xffff_ffff)))
        }
    }

    /// mlock2(addr, len, flags): like mlock (nothing to pin in an emulation); MLOCK_ONFAULT is
    /// the only flag.
    func mlock2() -> SyscallResult {
        guard arg(2) & ~1 == 0 else { return fail(EINVAL) }
        return memoryHint()
    }

    /// close_range(first, last, flags): CLOSE_RANGE_UNSHARE and _CLOEXEC are the same
    /// everywhere.
    func closeRange() -> SyscallResult {
        let r = Host.rawSyscall(HOST_SYS_close_range, Int(arg(0) & 0xffff_ffff), Int(arg(1) & 0xffff_ffff), Int(arg(2) & 0xffff_ffff))
        // CLOSE_RANGE_UNSHARE (2) alone closes nothing; CLOSE_RANGE_CLOEXEC (4) only marks.
        if r == 0 && arg(2) & 4 == 0 { process.forgetDescriptors(UInt32(truncatingIfNeeded: arg(0)), UInt32(truncatingIfNeeded: arg(1))) }
        return forward(r)
    }

    /// utimes(path, times[2]) / futimesat(dirfd, path, times[2]) with the guest's timevals:
    /// utimensat with the microseconds scaled.
    func utimes(dirfdArg: Int?) -> SyscallResult {
        let pathArg = dirfdArg == nil ? 0 : 1
        let timesArg = pathArg + 1
        var times = [timespec](repeating: timespec(), count: 2)
        if arg(timesArg) != 0 {
            guard let size = abi.layouts[.timeval]?.size else { return fail(ENOSYS) }
            for i in 0..<2 {
                guard let tv = readStruct(.timeval, at: address(timesArg) + UInt64(i * size), { $0.readTimeval() }) else { return fail(EFAULT) }
                guard tv.tv_usec >= 0 && tv.tv_usec < 1_000_000 else { return fail(EINVAL) }
                times[i] = timespec(tv_sec: tv.tv_sec, tv_nsec: tv.tv_usec * 1000)
            }
        }
        let directory = dirfdArg.map { dirfd($0) } ?? cwd
        return times.withUnsafeMutableBufferPointer { buffer in
            withPath(pathArg) { path in
                forward(Host.guestSyscall(HOST_SYS_utimensat, directory, Int(bitPattern: path),
                                          arg(timesArg) != 0 ? Int(bitPattern: buffer.baseAddress) : 0, 0))
            }
        }
    }
}
