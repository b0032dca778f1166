// getsockopt/setsockopt. SOL_SOCKET options are renumbered per guest and converted by the kind
// of value SocketABI names (ints, linger/ucred words, the guest's 32-bit timeval); options of
// other levels (IPPROTO_IP, IPPROTO_TCP, IPPROTO_IPV6, ...) have the same numbers and
// fixed-width values everywhere: their bytes pass through for a guest of the host's byte
// order, and a 4-byte value is byte-swapped for the others.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// The host (level, name, value kind) for the guest's; nil for an option Mirage cannot
    /// convert (ENOPROTOOPT, the kernel's answer to an option it does not know).
    func socketOption(level: Int32, name: Int32) -> (level: Int32, name: Int32, value: SocketOptionValue?)? {
        guard let net = abi.sockets else { return nil }
        let hostLevel = net.translateLevel(level)
        guard hostLevel == Int32(bitPattern: net.socketLevel.host) else { return (hostLevel, name, nil) }
        guard let option = net.options.entry(guest: UInt32(bitPattern: name)), option.value != .unsupported else {
            if process.log.enabled(.unimp) { process.log.write("mirage: unsupported socket option SOL_SOCKET/\(name): ENOPROTOOPT") }
            return nil
        }
        return (hostLevel, Int32(bitPattern: option.host), option.value)
    }

    /// setsockopt(fd, level, name, value, length).
    func setsockopt() -> SyscallResult {
        guard let option = socketOption(level: int(1), name: int(2)) else { return fail(ENOPROTOOPT) }
        let length = int(4)
        guard length >= 0 else { return fail(EINVAL) }
        guard let guest = readBytes(address(3), Int(length)) else { return fail(EFAULT) }
        let value: SocketOptionValue = option.value ?? (byteOrder == .host || length != 4 ? .bytes : .int)
        if option.value == nil && byteOrder != .host && length != 4 { return fail(ENOPROTOOPT) }
        guard var host = value.toHost(guest, order: byteOrder, wordSize: abi.wordSize) else { return fail(EINVAL) }
        return host.withUnsafeMutableBytes { buffer in
            forward(Host.rawSyscall(HOST_SYS_setsockopt, Int(int(0)), Int(option.level), Int(option.name),
                                    buffer.count == 0 ? 0 : Int(bitPattern: buffer.baseAddress), buffer.count))
        }
    }

    /// getsockopt(fd, level, name, value, length *): the value is converted, then truncated to
    /// the guest's buffer, and the length written back is what was stored (as the kernel does
    /// for its fixed-size options).
    func getsockopt() -> SyscallResult {
        guard let option = socketOption(level: int(1), name: int(2)) else { return fail(ENOPROTOOPT) }
        guard let rawLength = loadWord(address(4)) else { return fail(EFAULT) }
        let guestLength = Int32(bitPattern: rawLength)
        guard guestLength >= 0 else { return fail(EINVAL) }
        let value: SocketOptionValue = option.value ?? (byteOrder == .host ? .bytes : .int)
        var host = [UInt8](repeating: 0, count: max(value.hostSize ?? Int(guestLength), 0))
        var hostLength = socklen_t(host.count)
        let r = host.withUnsafeMutableBytes { buffer in
            withUnsafeMutablePointer(to: &hostLength) { l in
                Host.rawSyscall(HOST_SYS_getsockopt, Int(int(0)), Int(option.level), Int(option.name),
                                buffer.count == 0 ? 0 : Int(bitPattern: buffer.baseAddress), Int(bitPattern: l))
            }
        }
        if r < 0 { return forward(r) }
        let hostValue = Array(host.prefix(Int(hostLength)))
        let guest = abi.sockets?.optionValueToGuest(value, hostValue, order: byteOrder, wordSize: abi.wordSize)
            ?? value.toGuest(hostValue, order: byteOrder, wordSize: abi.wordSize)
        let stored = Array(guest.prefix(Int(guestLength)))
        guard writeBytes(stored, to: address(3)), storeWord(UInt32(stored.count), at: address(4)) else { return fail(EFAULT) }
        return 0
    }
}
