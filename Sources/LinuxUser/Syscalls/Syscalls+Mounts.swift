// mount, umount2, pivot_root: passed to the host kernel, which decides (root, or
// CAP_SYS_ADMIN in a user namespace), as under qemu-user. A foreign chroot's own setup needs
// them: debootstrap's second stage mounts /proc and /sys. MS_* flags are the same numbers on
// every arch.

import CHost
import Host

extension SyscallContext {
    /// MS_BIND and MS_MOVE: the source is a path too, looked up as the guest's paths are.
    private static let sourceIsPath = 0x1000 | 0x2000

    /// mount(source, target, fstype, flags, data): source, fstype and data may be NULL; data
    /// is read as the option string every common filesystem takes.
    func mount() -> SyscallResult {
        let flags = Int(arg(3))
        return optionalString(0, path: flags & Self.sourceIsPath != 0) { source in
            optionalString(2, path: false) { type in
                optionalString(4, path: false) { data in
                    withPath(1) { target in
                        forward(Host.guestSyscall(HOST_SYS_mount, Int(bitPattern: source), Int(bitPattern: target),
                                                  Int(bitPattern: type), flags, Int(bitPattern: data), 0))
                    }
                }
            }
        }
    }

    /// Runs `body` with argument `i` as a C string (a guest path when `path`), or NULL when
    /// the guest passed NULL; EFAULT when unreadable.
    private func optionalString(_ i: Int, path: Bool, _ body: (UnsafePointer<CChar>?) -> SyscallResult) -> SyscallResult {
        if arg(i) == 0 { return body(nil) }
        if path { return withPath(i) { body($0) } }
        switch string(address(i)) {
        case .failure(let e): return fail(e.value)
        case .success(var bytes):
            if bytes.last != 0 { bytes.append(0) }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress) }
            }
        }
    }
}
