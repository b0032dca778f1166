// Records of fixed-width fields that the host kernel reads and writes whole, for a guest whose
// byte order is not the host's: copied through a scratch buffer with each field byte-swapped
// (sched_attr, the capability header and data). A guest of the host's order passes its own
// memory (Syscalls+Scheduling).

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension Array where Element == UInt8 {
    /// Reverses the bytes of each field, the fields being `sizes` bytes long in order from
    /// the start; a field the array ends inside is left as it is.
    mutating func reverseFields(_ sizes: [Int]) {
        var offset = 0
        for size in sizes {
            guard offset + size <= count else { return }
            self[offset..<offset + size].reverse()
            offset += size
        }
    }

    /// Reverses each whole `size`-byte group (an array of words).
    mutating func reverseFields(of size: Int) {
        reverseFields([Int](repeating: size, count: count / size))
    }
}

extension SyscallContext {
    /// struct sched_attr's fields: size, sched_policy, sched_flags, sched_nice,
    /// sched_priority, sched_runtime, sched_deadline, sched_period, sched_util_min/max.
    static let schedAttrFields = [4, 4, 8, 4, 4, 8, 8, 8, 4, 4]

    /// sched_getattr(pid, attr, size, flags) / sched_setattr(pid, attr, flags) for a guest of
    /// the other byte order.
    func swappedSchedAttr(get: Bool) -> SyscallResult {
        if get {
            let size = Int(arg(2) & 0xffff_ffff)
            guard size <= 4096, pointer(address(1), UInt64(size), write: true) != nil else { return fail(size > 4096 ? E2BIG : EFAULT) }
            var attr = [UInt8](repeating: 0, count: size)
            let r = attr.withUnsafeMutableBytes {
                Host.rawSyscall(HOST_SYS_sched_getattr, Int(int(0)), Int(bitPattern: $0.baseAddress), size, Int(int(3)))
            }
            if r < 0 { return forward(r) }
            attr.reverseFields(Self.schedAttrFields)
            return writeBytes(attr, to: address(1)) ? forward(r) : fail(EFAULT)
        }
        // The kernel reads the size first (0 means the first version's 48 bytes), then that many.
        guard let declared = loadWord(address(1)) else { return fail(EFAULT) }
        let size = declared == 0 ? 48 : Int(declared)
        guard size <= 4096 else { return fail(E2BIG) }
        guard var attr = readBytes(address(1), max(size, 4)) else { return fail(EFAULT) }
        attr.reverseFields(Self.schedAttrFields)
        return attr.withUnsafeMutableBytes {
            forward(Host.rawSyscall(HOST_SYS_sched_setattr, Int(int(0)), Int(bitPattern: $0.baseAddress), Int(int(2))))
        }
    }

    /// capget(header, data) / capset(header, data) for a guest of the other byte order: the
    /// header's two words and the data's six (two records of effective, permitted,
    /// inheritable). The header goes back too: capget names the version it wants there.
    func swappedCapability(_ number: Int, write: Bool) -> SyscallResult {
        guard var header = readBytes(address(0), 8), pointer(address(0), 8, write: true) != nil else { return fail(EFAULT) }
        header.reverseFields(of: 4)
        var data = [UInt8](repeating: 0, count: 24)
        if arg(1) != 0 {
            guard pointer(address(1), 24, write: !write) != nil else { return fail(EFAULT) }
            if write, let guest = readBytes(address(1), 24) { data = guest }
            data.reverseFields(of: 4)
        }
        let r = header.withUnsafeMutableBytes { h in
            data.withUnsafeMutableBytes { d in
                Host.rawSyscall(number, Int(bitPattern: h.baseAddress), arg(1) == 0 ? 0 : Int(bitPattern: d.baseAddress))
            }
        }
        header.reverseFields(of: 4)
        guard writeBytes(header, to: address(0)) else { return fail(EFAULT) }
        if r >= 0 && !write && arg(1) != 0 {
            data.reverseFields(of: 4)
            guard writeBytes(data, to: address(1)) else { return fail(EFAULT) }
        }
        return forward(r)
    }
}
