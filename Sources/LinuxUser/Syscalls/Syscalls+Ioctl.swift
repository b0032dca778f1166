// ioctl: requests translated through LinuxABI's table, arguments marshalled by the kind each
// entry names. Structs are copied field by field between the guest's layout and the host's, so
// a guest with another layout or byte order converts through the same code; termios and termio
// convert their flag words and c_cc slots through the guest's TermiosABI (MIPS moves several),
// and the modem-line int of TIOCM* through its table. Other ints are loaded and stored in the
// guest's byte order. A request not in the table gets ENOTTY,
// the kernel's answer to a request a driver does not know, never a blind pass-through (its
// argument may be a struct whose layout differs).

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    func ioctl() -> SyscallResult {
        let fd = Int(int(0))
        guard let request = abi.ioctls.entry(guest: UInt32(truncatingIfNeeded: arg(1))) else {
            if process.log.enabled(.unimp) {
                process.log.write("mirage: unsupported ioctl 0x\(String(arg(1), radix: 16)) on fd \(fd): ENOTTY")
            }
            return fail(ENOTTY)
        }
        let host = Int(request.host)
        switch request.argument {
        case .none:
            return forward(Host.guestSyscall(HOST_SYS_ioctl, fd, host))
        case .integer:
            return forward(Host.guestSyscall(HOST_SYS_ioctl, fd, host, Int(int(2))))
        case .openFlags:
            let flags = abi.openFlags.translate(UInt32(truncatingIfNeeded: arg(2)))
            return forward(Host.guestSyscall(HOST_SYS_ioctl, fd, host, Int(flags)))
        case .intIn:
            guard var value = loadWord(address(2)) else { return fail(EFAULT) }
            if Self.modemLineRequests.contains(request.host) { value = abi.termios.modemLines.translate(value) }
            var hostValue = Int32(bitPattern: value)
            return forward(withUnsafeMutablePointer(to: &hostValue) { Host.guestSyscall(HOST_SYS_ioctl, fd, host, Int(bitPattern: $0)) })
        case .intOut:
            guard pointer(address(2), 4, write: true) != nil else { return fail(EFAULT) }
            var hostValue: Int32 = 0
            let r = withUnsafeMutablePointer(to: &hostValue) { Host.guestSyscall(HOST_SYS_ioctl, fd, host, Int(bitPattern: $0)) }
            var value = UInt32(bitPattern: hostValue)
            if Self.modemLineRequests.contains(request.host) { value = abi.termios.modemLines.untranslate(value) }
            if r >= 0 && !storeWord(value, at: address(2)) { return fail(EFAULT) }
            return forward(r)
        case .int64Out:
            guard pointer(address(2), 8, write: true) != nil else { return fail(EFAULT) }
            var hostValue: Int64 = 0
            let r = withUnsafeMutablePointer(to: &hostValue) { Host.guestSyscall(HOST_SYS_ioctl, fd, host, Int(bitPattern: $0)) }
            if r >= 0 && !space.store(UInt64(bitPattern: hostValue), at: address(2), bigEndian: process.bigEndian) { return fail(EFAULT) }
            return forward(r)
        case .structIn(let kind):
            return structIoctl(fd: fd, request: host, kind: kind, input: true)
        case .structOut(let kind):
            return structIoctl(fd: fd, request: host, kind: kind, input: false)
        }
    }

    /// TIOCMGET, TIOCMBIS, TIOCMBIC, TIOCMSET by their host numbers: their int is modem-line
    /// bits.
    static let modemLineRequests: Set<UInt32> = [0x5415, 0x5416, 0x5417, 0x5418]

    /// An ioctl whose argument points to a struct of `kind`: read from the guest and converted
    /// to the host's layout (`input`), or filled by the host and converted back.
    func structIoctl(fd: Int, request: Int, kind: StructKind, input: Bool) -> SyscallResult {
        guard let guestLayout = abi.layouts[kind], let hostLayout = StructLayouts.host[kind] else { return fail(ENOTTY) }
        guard pointer(address(2), UInt64(guestLayout.size), write: !input) != nil else { return fail(EFAULT) }
        let terminal = kind == .termios || kind == .termio
        var host = [UInt8](repeating: 0, count: hostLayout.size)
        if input {
            let copied: Bool? = readStruct(kind, at: address(2)) { guest in
                host.withUnsafeMutableBytes { buffer in
                    guard let writer = StructWriter(hostLayout, byteOrder: .host, into: buffer) else { return false }
                    if terminal { abi.termios.toHost(guest, into: writer) } else { writer.copyFields(from: guest) }
                    return true
                }
            }
            guard copied == true else { return fail(EFAULT) }
        }
        let r = host.withUnsafeMutableBytes { Host.guestSyscall(HOST_SYS_ioctl, fd, request, Int(bitPattern: $0.baseAddress)) }
        if r >= 0 && !input {
            let written = host.withUnsafeBytes { bytes -> Bool in
                guard let reader = StructReader(hostLayout, byteOrder: .host, from: bytes) else { return false }
                return writeStruct(kind, at: address(2)) { guest in
                    if terminal { abi.termios.toGuest(reader, into: guest) } else { guest.copyFields(from: reader) }
                }
            }
            if !written { return fail(EFAULT) }
        }
        return forward(r)
    }
}
