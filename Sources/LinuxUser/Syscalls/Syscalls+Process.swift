// The process and its identity: exit, ids, uname, limits, the tid address and robust list,
// random bytes, CPU affinity.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    func exitGroup() -> Never { Termination.exit(status: int(0)) }

    /// exit(2): this thread ends (the CPU loop ends it once the call returns); the last
    /// thread's exit ends the process.
    func exitThread() -> SyscallResult {
        thread.exitStatus = int(0)
        return 0
    }

    /// A host call with no arguments whose result passes unchanged (getpid, getuid, ...).
    func simple(_ number: Int) -> SyscallResult { forward(Host.guestSyscall(number)) }

    func setTIDAddress() -> SyscallResult {
        thread.clearChildTID = arg(0)
        return forward(Host.guestSyscall(HOST_SYS_gettid))
    }

    func setRobustList() -> SyscallResult {
        guard arg(1) == 12 else { return fail(EINVAL) }  // sizeof(struct robust_list_head) on 32-bit
        thread.robustList = (arg(0), arg(1))
        return 0
    }

    /// uname: the host's names, except the machine, which is the guest's ("armv7l").
    func uname(machine: String) -> SyscallResult {
        var names = utsname()
        guard Glibc.uname(&names) == 0 else { return fail(errno) }
        withUnsafeMutableBytes(of: &names.machine) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            for (i, c) in machine.utf8.prefix(buffer.count - 1).enumerated() { buffer[i] = c }
        }
        guard writeStruct(.utsname, at: address(0), { $0.write(names) }) else { return fail(EFAULT) }
        return 0
    }

    func getrandom() -> SyscallResult {
        let count = arg(1) & 0xffff_ffff
        guard let p = pointer(address(0), count, write: true) else { return fail(EFAULT) }
        return forward(Host.guestSyscall(HOST_SYS_getrandom, Int(bitPattern: p), Int(count), Int(int(2))))
    }

    /// prlimit64(pid, resource, new, old): struct rlimit64 (two u64) is the host's struct
    /// rlimit; byte order is all that could differ.
    func prlimit64() -> SyscallResult {
        guard let resource = abi.rlimitResources.translate(UInt32(truncatingIfNeeded: arg(1))) else { return fail(EINVAL) }
        var new = rlimit(), old = rlimit()
        var newPointer: UnsafeMutablePointer<rlimit>? = nil
        if arg(2) != 0 {
            guard let limit = readStruct(.rlimit64, at: address(2), { $0.readRlimit(infinity: UInt64.max) }) else { return fail(EFAULT) }
            new = limit
        }
        return withUnsafeMutablePointer(to: &new) { np in
            if arg(2) != 0 { newPointer = np }
            return withUnsafeMutablePointer(to: &old) { op in
                let r = Host.rawSyscall(HOST_SYS_prlimit64, Int(int(0)), Int(resource), Int(bitPattern: newPointer),
                                        arg(3) != 0 ? Int(bitPattern: op) : 0)
                if r < 0 { return forward(r) }
                if arg(3) != 0 {
                    guard writeStruct(.rlimit64, at: address(3), { $0.write(op.pointee, infinity: UInt64.max) }) else { return fail(EFAULT) }
                }
                return 0
            }
        }
    }

    /// ugetrlimit(resource, rlimit *): the 32-bit struct, RLIM_INFINITY as the guest spells it.
    func ugetrlimit() -> SyscallResult {
        guard let resource = abi.rlimitResources.translate(UInt32(truncatingIfNeeded: arg(0))) else { return fail(EINVAL) }
        var limit = rlimit()
        let r = withUnsafeMutablePointer(to: &limit) {
            Host.rawSyscall(HOST_SYS_prlimit64, 0, Int(resource), 0, Int(bitPattern: $0))
        }
        if r < 0 { return forward(r) }
        guard writeStruct(.rlimit, at: address(1), { $0.write(limit, infinity: abi.rlimitInfinity) }) else { return fail(EFAULT) }
        return 0
    }

    func setrlimit() -> SyscallResult {
        guard let resource = abi.rlimitResources.translate(UInt32(truncatingIfNeeded: arg(0))) else { return fail(EINVAL) }
        guard var limit = readStruct(.rlimit, at: address(1), { $0.readRlimit(infinity: abi.rlimitInfinity) }) else { return fail(EFAULT) }
        return forward(withUnsafeMutablePointer(to: &limit) {
            Host.rawSyscall(HOST_SYS_prlimit64, 0, Int(resource), Int(bitPattern: $0), 0)
        })
    }

    /// sched_getaffinity: the mask is an array of longs (see schedSetaffinity): the host's
    /// bytes for a little-endian guest, its 32-bit words byte-swapped for a big-endian one.
    func schedGetaffinity() -> SyscallResult {
        let size = arg(1) & 0xffff_ffff
        guard let p = pointer(address(2), size, write: true) else { return fail(EFAULT) }
        guard byteOrder != .host else {
            return forward(Host.guestSyscall(HOST_SYS_sched_getaffinity, Int(int(0)), Int(size), Int(bitPattern: p)))
        }
        var mask = [UInt8](repeating: 0, count: Int(min(size, 1 << 16)))
        let r = mask.withUnsafeMutableBytes { Host.guestSyscall(HOST_SYS_sched_getaffinity, Int(int(0)), $0.count, Int(bitPattern: $0.baseAddress)) }
        if r <= 0 { return forward(r) }
        mask.reverseFields(of: 4)
        return writeBytes(Array(mask.prefix(r)), to: address(2)) ? SyscallResult(r) : fail(EFAULT)
    }

    /// getgroups(count, list): 32-bit gids, which a big-endian guest gets byte-swapped.
    func getgroups() -> SyscallResult {
        let count = Int(int(0))
        if count < 0 { return fail(EINVAL) }
        guard let p = pointer(address(1), UInt64(count) * 4, write: true) else { return fail(EFAULT) }
        let r = Host.guestSyscall(HOST_SYS_getgroups, count, Int(bitPattern: p))
        if r > 0 && count > 0 && process.bigEndian {
            for i in 0..<r { p.storeBytes(of: p.load(fromByteOffset: 4 * i, as: UInt32.self).byteSwapped, toByteOffset: 4 * i, as: UInt32.self) }
        }
        return forward(r)
    }

    /// getresuid/getresgid(a *, b *, c *): three 32-bit ids in the guest's byte order.
    func getres(_ number: Int) -> SyscallResult {
        guard pointer(address(0), 4, write: true) != nil, pointer(address(1), 4, write: true) != nil,
              pointer(address(2), 4, write: true) != nil else { return fail(EFAULT) }
        var first: UInt32 = 0, second: UInt32 = 0, third: UInt32 = 0
        let r = withUnsafeMutablePointer(to: &first) { a in
            withUnsafeMutablePointer(to: &second) { b in
                withUnsafeMutablePointer(to: &third) { c in Host.guestSyscall(number, Int(bitPattern: a), Int(bitPattern: b), Int(bitPattern: c)) }
            }
        }
        if r < 0 { return forward(r) }
        guard storeWord(first, at: address(0)), storeWord(second, at: address(1)), storeWord(third, at: address(2)) else { return fail(EFAULT) }
        return forward(r)
    }

    /// sysinfo: the host's record (read through LinuxABI's host layout), with the memory
    /// sizes rescaled (mem_unit doubled) until they fit the guest's 32-bit fields.
    func sysinfo() -> SyscallResult {
        guard let hostLayout = StructLayouts.host[.sysinfo] else { return fail(ENOSYS) }
        var raw = [UInt8](repeating: 0, count: hostLayout.size)
        let r = raw.withUnsafeMutableBytes { Host.rawSyscall(HOST_SYS_sysinfo, Int(bitPattern: $0.baseAddress)) }
        if r < 0 { return forward(r) }
        return raw.withUnsafeBytes { bytes in
            guard let host = StructReader(hostLayout, byteOrder: .host, from: bytes) else { return fail(EFAULT) }
            let sizes: [StaticString] = ["totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap", "totalhigh", "freehigh"]
            let largest = sizes.compactMap { host.get($0) }.max() ?? 0
            var shift: UInt64 = 0
            while largest >> shift > UInt64(UInt32.max) { shift += 1 }
            guard writeStruct(.sysinfo, at: address(0), { w in
                _ = w.set("uptime", signed: host.getSigned("uptime") ?? 0)
                for i in 0..<3 { _ = w.set("loads", (host.get("loads", index: i) ?? 0) & 0xffff_ffff, index: i) }
                for name in sizes { _ = w.set(name, (host.get(name) ?? 0) >> shift) }
                _ = w.set("procs", host.get("procs") ?? 0)
                _ = w.set("mem_unit", (host.get("mem_unit") ?? 1) << shift)
            }) else { return fail(EFAULT) }
            return 0
        }
    }
}
