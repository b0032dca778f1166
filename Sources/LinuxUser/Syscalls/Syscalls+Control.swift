// fcntl64: commands translated through LinuxABI's table, arguments marshalled by the kind each
// table entry names. Unknown commands get EINVAL, as the kernel gives them, never a blind
// pass-through. (ioctl, built the same way, is in Syscalls+Ioctl.swift.)

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    func fcntl64() -> SyscallResult {
        let fd = Int(int(0))
        guard let command = abi.fcntlCommands.entry(guest: UInt32(truncatingIfNeeded: arg(1))) else { return fail(EINVAL) }
        let host = Int(command.host)
        switch command.argument {
        case .none:
            return forward(Host.guestSyscall(HOST_SYS_fcntl, fd, host))
        case .integer:
            return forward(Host.guestSyscall(HOST_SYS_fcntl, fd, host, Int(int(2))))
        case .openFlags:
            let flags = abi.openFlags.translate(UInt32(truncatingIfNeeded: arg(2)))
            return forward(Host.guestSyscall(HOST_SYS_fcntl, fd, host, Int(flags)))
        case .returnsOpenFlags:
            let r = Host.rawSyscall(HOST_SYS_fcntl, fd, host)
            return r < 0 ? forward(r) : SyscallResult(abi.openFlags.untranslate(UInt32(truncatingIfNeeded: r)))
        case .signal:
            guard let s = abi.signals.translate(int(2)) else { return fail(EINVAL) }
            return forward(Host.guestSyscall(HOST_SYS_fcntl, fd, host, Int(s)))
        case .returnsSignal:
            let r = Host.rawSyscall(HOST_SYS_fcntl, fd, host)
            return r <= 0 ? forward(r) : SyscallResult(abi.signals.untranslate(Int32(r)) ?? 0)
        case .lock(let kind):
            guard var lock = readStruct(kind, at: address(2), { $0.readFlock() }) else { return fail(EFAULT) }
            let r = Host.guestSyscall(HOST_SYS_fcntl, fd, host, Int(bitPattern: withUnsafeMutablePointer(to: &lock) { $0 }))
            if r < 0 { return forward(r) }
            if command.guest == 5 || command.guest == 12 {
                var fits = true
                guard writeStruct(kind, at: address(2), { fits = $0.write(lock) }) else { return fail(EFAULT) }
                if !fits { return fail(EOVERFLOW) }
            }
            return SyscallResult(r)
        case .ownerEx, .pointerToUInt64, .ownerUIDs:
            return fail(EINVAL)
        }
    }
}
