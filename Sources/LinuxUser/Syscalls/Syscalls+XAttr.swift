// Extended attributes: names are C strings (at most 255 bytes, ERANGE beyond, as the kernel
// says), values and name lists are bytes with no byte order; a path is looked up through the
// sysroot as every path is.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

/// Where an xattr call finds its file.
enum XattrTarget {
    case path, link, descriptor
}

extension SyscallContext {
    /// Runs `body` with the target (a host path pointer or the fd) as an Int.
    func withXattrTarget(_ target: XattrTarget, _ body: (Int) -> SyscallResult) -> SyscallResult {
        switch target {
        case .descriptor: return body(Int(int(0)))
        case .path, .link: return withPath(0) { body(Int(bitPattern: $0)) }
        }
    }

    /// Runs `body` with the attribute name at argument 1.
    func withXattrName(_ body: (Int) -> SyscallResult) -> SyscallResult {
        guard var name = space.readCString(at: address(1), maxLength: 256) else { return fail(EFAULT) }
        if name.count > 255 { return fail(ERANGE) }
        name.append(0)
        return name.withUnsafeMutableBytes { body(Int(bitPattern: $0.baseAddress)) }
    }

    /// A guest buffer of `size` bytes at argument `i` (NULL allowed when size is 0).
    func xattrBuffer(_ i: Int, size: UInt64, write: Bool) -> Int? {
        if arg(i) == 0 && size == 0 { return 0 }
        return pointer(address(i), min(size, 65536), write: write).map { Int(bitPattern: $0) }
    }

    func setxattr(_ target: XattrTarget, _ number: Int) -> SyscallResult {
        let size = arg(3) & 0xffff_ffff
        guard size <= 65536 else { return fail(E2BIG) }
        guard let value = xattrBuffer(2, size: size, write: false) else { return fail(EFAULT) }
        return withXattrTarget(target) { t in
            withXattrName { n in forward(Host.guestSyscall(number, t, n, value, Int(size), Int(int(4)))) }
        }
    }

    func getxattr(_ target: XattrTarget, _ number: Int) -> SyscallResult {
        let size = min(arg(3) & 0xffff_ffff, 65536)
        guard let value = xattrBuffer(2, size: size, write: true) else { return fail(EFAULT) }
        return withXattrTarget(target) { t in
            withXattrName { n in forward(Host.guestSyscall(number, t, n, value, Int(size))) }
        }
    }

    func listxattr(_ target: XattrTarget, _ number: Int) -> SyscallResult {
        let size = min(arg(2) & 0xffff_ffff, 65536)
        guard let list = xattrBuffer(1, size: size, write: true) else { return fail(EFAULT) }
        return withXattrTarget(target) { t in forward(Host.guestSyscall(number, t, list, Int(size))) }
    }

    func removexattr(_ target: XattrTarget, _ number: Int) -> SyscallResult {
        withXattrTarget(target) { t in withXattrName { n in forward(Host.guestSyscall(number, t, n)) } }
    }
}
