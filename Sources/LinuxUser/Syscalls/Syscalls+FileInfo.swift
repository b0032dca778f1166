// File metadata and names: the stat family, statx, getdents64, readlink, getcwd, and the
// path operations (access, mkdir, unlink, rename, chdir, ...).

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// The host fstatat; the result goes to the guest's stat64 at `bufferArg`.
    func stat64(dirfd: Int32, pathArg: Int?, bufferArg: Int, flags: Int32) -> SyscallResult {
        var st = stat()
        if let pathArg {
            if let substitute = procStatSubstitute(dirfd: dirfd, pathArg: pathArg) {
                let r = substitute.withCString { p in withUnsafeMutablePointer(to: &st) { Glibc.lstat(p, $0) } }
                if r < 0 { return fail(errno) }
            } else {
                let result = withPath(pathArg) { path in
                    forward(withUnsafeMutablePointer(to: &st) {
                        Host.rawSyscall(HOST_SYS_newfstatat, Int(dirfd), Int(bitPattern: path), Int(bitPattern: $0), Int(flags))
                    })
                }
                if result < 0 { return result }
            }
        } else {
            let r = withUnsafeMutablePointer(to: &st) { Host.rawSyscall(HOST_SYS_fstat, Int(dirfd), Int(bitPattern: $0)) }
            if r < 0 { return forward(r) }
        }
        var fits = true
        guard writeStruct(.stat64, at: address(bufferArg), { fits = $0.write(st) }) else { return fail(EFAULT) }
        return fits ? 0 : fail(EOVERFLOW)
    }

    func fstatat64() -> SyscallResult {
        let flags = Int32(bitPattern: abi.atFlags.translate(UInt32(truncatingIfNeeded: arg(3))))
        return stat64(dirfd: abi.translateDirectoryFD(int(0)), pathArg: 1, bufferArg: 2, flags: flags)
    }

    /// statx's struct is the same on every arch: for a guest of the host's byte order the
    /// kernel writes the guest's buffer directly; for the others it fills a host one, copied
    /// field by field in the guest's order.
    func statx() -> SyscallResult {
        guard let layout = abi.layouts[.statx] else { return fail(ENOSYS) }
        guard let guestBuffer = pointer(address(4), UInt64(layout.size), write: true) else { return fail(EFAULT) }
        guard byteOrder != .host else { return statx(into: guestBuffer) }
        guard let hostLayout = StructLayouts.host[.statx] else { return fail(ENOSYS) }
        var host = [UInt8](repeating: 0, count: hostLayout.size)
        let r = host.withUnsafeMutableBytes { statx(into: $0.baseAddress ?? guestBuffer) }
        if r < 0 { return r }
        let copied = host.withUnsafeBytes { bytes in
            StructReader(hostLayout, byteOrder: .host, from: bytes).map { reader in writeStruct(.statx, at: address(4)) { $0.copyFields(from: reader) } }
        }
        return copied == true ? r : fail(EFAULT)
    }

    /// The host statx of the guest's arguments, its record into `buffer`.
    func statx(into buffer: UnsafeMutableRawPointer) -> SyscallResult {
        let flags = abi.atFlags.translate(UInt32(truncatingIfNeeded: arg(2)))
        if let substitute = procStatSubstitute(dirfd: abi.translateDirectoryFD(int(0)), pathArg: 1) {
            return forward(substitute.withCString { path in
                Host.rawSyscall(HOST_SYS_statx, Int(AT_FDCWD), Int(bitPattern: path), Int(flags), Int(arg(3) & 0xffff_ffff), Int(bitPattern: buffer))
            })
        }
        return withPath(1) { path in
            forward(Host.guestSyscall(HOST_SYS_statx, Int(abi.translateDirectoryFD(int(0))), Int(bitPattern: path),
                                    Int(flags), Int(arg(3) & 0xffff_ffff), Int(bitPattern: buffer)))
        }
    }

    /// linux_dirent64 has one layout on every arch: the host's records are the guest's, byte
    /// order aside (getdents64Cookies puts them in the guest's).
    func getdents64() -> SyscallResult {
        let count = arg(2) & 0xffff_ffff
        guard let p = pointer(address(1), count, write: true) else { return fail(EFAULT) }
        return forward(Host.guestSyscall(HOST_SYS_getdents64, Int(int(0)), Int(bitPattern: p), Int(count)))
    }

    /// readlink/readlinkat; /proc/self/exe and /proc/self/fd/N answer in the guest's view.
    func readlink(dirfd: Int32, pathArg: Int, bufferArg: Int, sizeArg: Int) -> SyscallResult {
        let size = Int(int(sizeArg))
        if size <= 0 { return fail(EINVAL) }
        guard let buffer = pointer(address(bufferArg), UInt64(size), write: true) else { return fail(EFAULT) }
        if let target = procLinkTarget(dirfd: dirfd, pathArg: pathArg) {
            let n = min(target.count, size)
            if n > 0 { target.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: n) } }
            return SyscallResult(n)
        }
        return withPath(pathArg) { path in
            forward(Host.guestSyscall(HOST_SYS_readlinkat, Int(dirfd), Int(bitPattern: path), Int(bitPattern: buffer), size))
        }
    }

    func getcwd() -> SyscallResult {
        let size = arg(1) & 0xffff_ffff
        guard let p = pointer(address(0), size, write: true) else { return fail(EFAULT) }
        return forward(Host.guestSyscall(HOST_SYS_getcwd, Int(bitPattern: p), Int(size)))
    }

    /// A call whose only pointer argument is the path at `pathArg`; the other arguments pass
    /// as they are (after `transform`).
    func pathCall(_ number: Int, _ args: [Int], pathArg: Int) -> SyscallResult {
        withPath(pathArg) { path in
            var a = args
            if let slot = a.firstIndex(of: Int.min) { a[slot] = Int(bitPattern: path) }
            while a.count < 6 { a.append(0) }
            return forward(Host.guestSyscall(number, a[0], a[1], a[2], a[3], a[4], a[5]))
        }
    }

    /// Two-path calls (rename, link, symlink): both strings are read and translated.
    func twoPathCall(_ number: Int, before: [Int], firstPath: Int, middle: [Int], secondPath: Int, after: [Int]) -> SyscallResult {
        withPath(firstPath) { first in
            withPath(secondPath) { second in
                var a = before + [Int(bitPattern: first)] + middle + [Int(bitPattern: second)] + after
                while a.count < 6 { a.append(0) }
                return forward(Host.guestSyscall(number, a[0], a[1], a[2], a[3], a[4], a[5]))
            }
        }
    }

    var cwd: Int { Int(AT_FDCWD) }
    func dirfd(_ i: Int) -> Int { Int(abi.translateDirectoryFD(int(i))) }
    func atFlags(_ i: Int) -> Int { Int(abi.atFlags.translate(UInt32(truncatingIfNeeded: arg(i)))) }
}

/// The placeholder for "the translated path goes here" in `pathCall`'s argument list.
let pathSlot = Int.min

extension SyscallContext {
    /// getdents64 for a 32-bit guest: the host (a 64-bit process) gets 64-bit directory
    /// cookies in d_off where an ARM kernel gives a 32-bit process 32-bit ones, and a readdir
    /// built without large-file support fails with EOVERFLOW on them. Cookies that do not fit a
    /// positive 32-bit offset are replaced by small handles the process maps back on lseek.
    /// A big-endian guest gets d_ino, d_off and d_reclen byte-swapped.
    func getdents64Cookies() -> SyscallResult {
        let result = getdents64()
        let swap = byteOrder != .host
        guard result > 0, abi.wordSize == 4 || swap, let p = pointer(address(1), UInt64(result), write: true) else { return result }
        let fd = int(0)
        var offset = 0
        while offset + 19 <= Int(result) {
            let record = p + offset
            var cookie = record.loadUnaligned(fromByteOffset: 8, as: Int64.self)
            let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
            if abi.wordSize == 4 && (cookie < 0 || cookie > Int64(Int32.max)) { cookie = process.directoryCookie(fd: fd, host: cookie) }
            if swap {
                let inode = record.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                record.storeBytes(of: inode.byteSwapped, toByteOffset: 0, as: UInt64.self)
                record.storeBytes(of: UInt16(truncatingIfNeeded: length).byteSwapped, toByteOffset: 16, as: UInt16.self)
            }
            record.storeBytes(of: swap ? cookie.byteSwapped : cookie, toByteOffset: 8, as: Int64.self)
            guard length > 0 else { break }
            offset += length
        }
        return result
    }
}

extension GuestProcess {
    /// The guest-visible cookie for host directory offset `host` in the stream on `fd`.
    func directoryCookie(fd: Int32, host: Int64) -> Int64 {
        directoryCookies.withLock { cookies in
            if let i = cookies[fd]?.firstIndex(of: host) { return Self.cookieBase + Int64(i) }
            cookies[fd, default: []].append(host)
            return Self.cookieBase + Int64((cookies[fd]?.count ?? 1) - 1)
        }
    }

    /// The host offset for a guest seek on a directory stream: cookies map back, others pass.
    func hostDirectoryOffset(fd: Int32, guest: Int64) -> Int64 {
        guard guest >= Self.cookieBase, let table = directoryCookies.withLock({ $0[fd] }), Int(guest - Self.cookieBase) < table.count
        else { return guest }
        return table[Int(guest - Self.cookieBase)]
    }

    /// Handles live just below 2^31, above any offset a small directory's own cookies reach.
    static let cookieBase: Int64 = 0x7f00_0000
}
