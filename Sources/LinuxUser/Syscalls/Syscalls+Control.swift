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
            let r = Host.guestSyscall(HOST_SYS_fcntl, fd, host, Int(int(2)))
            if host == Int(F_DUPFD) || host == Int(F_DUPFD_CLOEXEC) { process.duplicateDescriptor(int(0), to: r) }
            return forward(r)
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
            // F_GETLK and F_OFD_GETLK (host numbers) report the conflicting lock back.
            if command.host == UInt32(F_GETLK) || command.host == 36 {
                var fits = true
                guard writeStruct(kind, at: address(2), { fits = $0.write(lock) }) else { return fail(EFAULT) }
                if !fits { return fail(EOVERFLOW) }
            }
            return SyscallResult(r)
        case .ownerEx:
            return ownerEx(fd: fd, command: host)
        case .pointerToUInt64:
            return readWriteHint(fd: fd, command: host)
        case .ownerUIDs:
            // F_GETOWNER_UIDS has a number but no implementation in the kernel.
            return fail(EINVAL)
        }
    }

    /// F_SETOWN_EX / F_GETOWN_EX (host 15 / 16): struct f_owner_ex {int type; pid_t pid}, whose
    /// F_OWNER_* types are the same on every arch.
    func ownerEx(fd: Int, command: Int) -> SyscallResult {
        var owner: (Int32, Int32) = (0, 0)
        let get = command == 16
        if !get {
            guard let read = readStruct(.fOwnerEx, at: address(2), { r -> (Int32, Int32)? in
                guard let type = r.getSigned("type"), let pid = r.getSigned("pid") else { return nil }
                return (Int32(truncatingIfNeeded: type), Int32(truncatingIfNeeded: pid))
            }) else { return fail(EFAULT) }
            owner = read
        }
        let r = withUnsafeMutablePointer(to: &owner) { Host.guestSyscall(HOST_SYS_fcntl, fd, command, Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        if get && !writeStruct(.fOwnerEx, at: address(2), { w in
            w.set("type", signed: Int64(owner.0))
            w.set("pid", signed: Int64(owner.1))
        }) { return fail(EFAULT) }
        return forward(r)
    }

    /// F_GET_RW_HINT, F_SET_RW_HINT, F_GET_FILE_RW_HINT, F_SET_FILE_RW_HINT (host 1035-1038,
    /// the odd ones read): a u64 in the guest's byte order.
    func readWriteHint(fd: Int, command: Int) -> SyscallResult {
        let get = command & 1 == 1
        var hint: UInt64 = 0
        if !get {
            guard let value = space.load(UInt64.self, at: address(2), bigEndian: process.bigEndian) else { return fail(EFAULT) }
            hint = value
        }
        let r = withUnsafeMutablePointer(to: &hint) { Host.guestSyscall(HOST_SYS_fcntl, fd, command, Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        if get && (pointer(address(2), 8, write: true) == nil || !space.store(hint, at: address(2), bigEndian: process.bigEndian)) {
            return fail(EFAULT)
        }
        return forward(r)
    }
}
