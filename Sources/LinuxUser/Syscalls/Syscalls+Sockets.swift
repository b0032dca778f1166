// Sockets: creation, naming, connecting and the plain send/recv calls. Types and their
// SOCK_NONBLOCK/SOCK_CLOEXEC flags are translated through LinuxABI's SocketABI; addresses go
// through SocketAddress (the guest's byte order for the machine-order fields). Calls that can
// block (connect, accept, send, recv) go through Host.guestSyscall so a signal interrupts them
// as it would on Linux.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// socket(domain, type, protocol).
    func socket() -> SyscallResult {
        guard let net = abi.sockets else { return fail(ENOSYS) }
        guard let type = net.translateType(UInt32(truncatingIfNeeded: arg(1))) else { return fail(EINVAL) }
        return forward(Host.rawSyscall(HOST_SYS_socket, Int(int(0)), Int(type), Int(int(2))))
    }

    /// socketpair(domain, type, protocol, sv[2]).
    func socketpair() -> SyscallResult {
        guard let net = abi.sockets else { return fail(ENOSYS) }
        guard let type = net.translateType(UInt32(truncatingIfNeeded: arg(1))) else { return fail(EINVAL) }
        guard pointer(address(3), 8, write: true) != nil else { return fail(EFAULT) }
        var fds: (Int32, Int32) = (0, 0)
        let r = withUnsafeMutablePointer(to: &fds) {
            Host.rawSyscall(HOST_SYS_socketpair, Int(int(0)), Int(type), Int(int(2)), Int(bitPattern: $0))
        }
        if r < 0 { return forward(r) }
        guard storeWord(UInt32(bitPattern: fds.0), at: address(3)), storeWord(UInt32(bitPattern: fds.1), at: address(3) + 4) else {
            Glibc.close(fds.0)
            Glibc.close(fds.1)
            return fail(EFAULT)
        }
        return 0
    }

    /// bind/connect(fd, addr, addrlen): one address in.
    func addressCall(_ number: Int, blocking: Bool) -> SyscallResult {
        switch socketAddressIn(address(1), length: int(2)) {
        case .failure(let e): return fail(e.value)
        case .success(var bytes):
            return bytes.withUnsafeMutableBytes { buffer in
                let p = Int(bitPattern: buffer.baseAddress), n = buffer.count
                return forward(blocking ? Host.guestSyscall(number, Int(int(0)), p, n) : Host.rawSyscall(number, Int(int(0)), p, n))
            }
        }
    }

    func listen() -> SyscallResult { forward(Host.rawSyscall(HOST_SYS_listen, Int(int(0)), Int(int(1)))) }

    func shutdown() -> SyscallResult { forward(Host.rawSyscall(HOST_SYS_shutdown, Int(int(0)), Int(int(1)))) }

    /// accept(fd, addr, addrlen) and accept4(..., flags).
    func accept4(flagsArg: Int?) -> SyscallResult {
        guard let net = abi.sockets else { return fail(ENOSYS) }
        var flags: UInt32 = 0
        if let flagsArg {
            let guest = UInt32(truncatingIfNeeded: arg(flagsArg))
            if net.typeFlags.unknownGuestBits(guest) != 0 { return fail(EINVAL) }
            flags = net.typeFlags.translate(guest)
        }
        return withSocketAddressOut(1, 2) { a, l in
            Host.guestSyscall(HOST_SYS_accept4, Int(int(0)), Int(bitPattern: a), Int(bitPattern: l), Int(flags))
        }
    }

    /// getsockname/getpeername(fd, addr, addrlen).
    func socketName(_ number: Int) -> SyscallResult {
        guard arg(1) != 0 else { return fail(EFAULT) }
        return withSocketAddressOut(1, 2) { a, l in
            Host.rawSyscall(number, Int(int(0)), Int(bitPattern: a), Int(bitPattern: l))
        }
    }

    /// sendto(fd, buf, len, flags, addr, addrlen); send is sendto without an address.
    func sendto(addressed: Bool) -> SyscallResult {
        let count = arg(2) & 0xffff_ffff
        guard let data = pointer(address(1), count, write: false) else { return fail(EFAULT) }
        let target: Result<[UInt8], CErrno> = addressed ? socketAddressIn(address(4), length: int(5)) : .success([])
        switch target {
        case .failure(let e): return fail(e.value)
        case .success(var bytes):
            return bytes.withUnsafeMutableBytes { buffer in
                let p = buffer.count == 0 ? 0 : Int(bitPattern: buffer.baseAddress)
                return forward(Host.guestSyscall(HOST_SYS_sendto, Int(int(0)), Int(bitPattern: data), Int(count),
                                                 Int(UInt32(truncatingIfNeeded: arg(3))), p, buffer.count))
            }
        }
    }

    /// recvfrom(fd, buf, len, flags, addr, addrlen); recv is recvfrom without an address.
    func recvfrom(addressed: Bool) -> SyscallResult {
        let count = arg(2) & 0xffff_ffff
        guard let data = pointer(address(1), count, write: true) else { return fail(EFAULT) }
        let flags = Int(UInt32(truncatingIfNeeded: arg(3)))
        if !addressed {
            return forward(Host.guestSyscall(HOST_SYS_recvfrom, Int(int(0)), Int(bitPattern: data), Int(count), flags, 0, 0))
        }
        return withSocketAddressOut(4, 5) { a, l in
            Host.guestSyscall(HOST_SYS_recvfrom, Int(int(0)), Int(bitPattern: data), Int(count), flags,
                              Int(bitPattern: a), Int(bitPattern: l))
        }
    }
}
