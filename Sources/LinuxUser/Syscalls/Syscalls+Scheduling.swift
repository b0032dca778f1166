// Scheduling and identity: sched_* (sched_param is one int; sched_attr has fixed-width fields,
// byte-swapped field by field for a guest of the other byte order), priorities, and the set*id family,
// including ARM's old 16-bit-id calls (an id of 0xffff there means -1, "unchanged").
// Each call acts on the calling host thread, which is the guest thread: the guest's C library
// broadcasts set*id to its other threads itself, as it does on Linux.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// sched_getparam(pid, param *).
    func schedGetparam() -> SyscallResult {
        var priority: Int32 = 0
        let r = withUnsafeMutablePointer(to: &priority) { Host.rawSyscall(HOST_SYS_sched_getparam, Int(int(0)), Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        return storeWord(UInt32(bitPattern: priority), at: address(1)) ? 0 : fail(EFAULT)
    }

    /// sched_setparam(pid, param *) and sched_setscheduler(pid, policy, param *).
    func schedSetparam(policyArg: Int?) -> SyscallResult {
        let paramArg = policyArg == nil ? 1 : 2
        guard arg(paramArg) != 0 else { return fail(EINVAL) }
        guard let value = loadWord(address(paramArg)) else { return fail(EFAULT) }
        var priority = Int32(bitPattern: value)
        return withUnsafeMutablePointer(to: &priority) { p in
            if let policyArg {
                return forward(Host.rawSyscall(HOST_SYS_sched_setscheduler, Int(int(0)), Int(int(policyArg)), Int(bitPattern: p)))
            }
            return forward(Host.rawSyscall(HOST_SYS_sched_setparam, Int(int(0)), Int(bitPattern: p)))
        }
    }

    /// sched_rr_get_interval(pid, timespec *) with `kind` timespecs.
    func schedRRGetInterval(_ kind: StructKind) -> SyscallResult {
        var interval = timespec()
        let r = withUnsafeMutablePointer(to: &interval) { Host.rawSyscall(HOST_SYS_sched_rr_get_interval, Int(int(0)), Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        return writeStruct(kind, at: address(1), { _ = $0.write(interval) }) ? 0 : fail(EFAULT)
    }

    /// sched_setaffinity(pid, size, mask): an array of longs, bit n of word n/32 for CPU n.
    /// A little-endian guest's 32-bit words hold the same bits at the same byte offsets as the
    /// host's 64-bit ones and pass directly; a big-endian guest's are byte-swapped.
    func schedSetaffinity() -> SyscallResult {
        let size = arg(1) & 0xffff_ffff
        guard let p = pointer(address(2), size, write: false) else { return fail(EFAULT) }
        guard byteOrder != .host else {
            return forward(Host.rawSyscall(HOST_SYS_sched_setaffinity, Int(int(0)), Int(size), Int(bitPattern: p)))
        }
        guard size <= 1 << 16, var mask = readBytes(address(2), Int(size)) else { return fail(EINVAL) }
        mask.reverseFields(of: 4)
        return mask.withUnsafeMutableBytes { forward(Host.rawSyscall(HOST_SYS_sched_setaffinity, Int(int(0)), Int(size), Int(bitPattern: $0.baseAddress))) }
    }

    /// sched_getattr(pid, attr, size, flags) / sched_setattr(pid, attr, flags): struct
    /// sched_attr is u32/u64 fields with an explicit size field.
    func schedAttr(get: Bool) -> SyscallResult {
        guard byteOrder == .host else { return swappedSchedAttr(get: get) }
        if get {
            let size = arg(2) & 0xffff_ffff
            guard let p = pointer(address(1), size, write: true) else { return fail(EFAULT) }
            return forward(Host.rawSyscall(HOST_SYS_sched_getattr, Int(int(0)), Int(bitPattern: p), Int(size), Int(int(3))))
        }
        guard let size = loadWord(address(1)), let p = pointer(address(1), UInt64(max(size, 48)), write: false) else { return fail(EFAULT) }
        return forward(Host.rawSyscall(HOST_SYS_sched_setattr, Int(int(0)), Int(bitPattern: p), Int(int(2))))
    }

    // MARK: Identity

    /// An id argument: a 32-bit id, or a 16-bit one whose all-ones means -1.
    func id(_ i: Int, narrow: Bool) -> Int {
        if narrow {
            let v = arg(i) & 0xffff
            return v == 0xffff ? -1 : Int(v)
        }
        return Int(int(i))
    }

    func setIDs(_ number: Int, count: Int, narrow: Bool) -> SyscallResult {
        let a = (0..<3).map { $0 < count ? id($0, narrow: narrow) : 0 }
        return forward(Host.rawSyscall(number, a[0], a[1], a[2]))
    }

    /// setfsuid/setfsgid return the previous id, never an error.
    func setFSID(_ number: Int, narrow: Bool) -> SyscallResult {
        let r = Host.rawSyscall(number, id(0, narrow: narrow))
        return SyscallResult(narrow ? r & 0xffff : r)
    }

    /// setgroups(count, list) with 32- or 16-bit gids.
    func setgroups(narrow: Bool) -> SyscallResult {
        let count = Int(int(0))
        guard count >= 0 && count <= 65536 else { return fail(EINVAL) }
        var groups = [UInt32](repeating: 0, count: max(count, 1))
        for i in 0..<count {
            if narrow {
                guard let v = space.load(UInt16.self, at: address(1) + UInt64(2 * i), bigEndian: process.bigEndian) else { return fail(EFAULT) }
                groups[i] = UInt32(v)
            } else {
                guard let v = loadWord(address(1) + UInt64(4 * i)) else { return fail(EFAULT) }
                groups[i] = v
            }
        }
        return groups.withUnsafeMutableBufferPointer { forward(Host.rawSyscall(HOST_SYS_setgroups, count, Int(bitPattern: $0.baseAddress))) }
    }

    /// capget(header, data) / capset(header, data): u32 fields throughout; data is one or two
    /// 12-byte records depending on the header's version.
    func capability(_ number: Int, write: Bool) -> SyscallResult {
        guard byteOrder == .host else { return swappedCapability(number, write: write) }
        guard let header = pointer(address(0), 8, write: true) else { return fail(EFAULT) }
        var data = 0
        if arg(1) != 0 {
            guard let p = pointer(address(1), 24, write: !write) else { return fail(EFAULT) }
            data = Int(bitPattern: p)
        }
        return forward(Host.rawSyscall(number, Int(bitPattern: header), data))
    }
}
