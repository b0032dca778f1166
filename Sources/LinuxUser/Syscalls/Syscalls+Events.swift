// Event descriptors: epoll (the guest's epoll_event is 16 bytes on ARM EABI, with `data` at
// offset 8; the host's is packed, 12 bytes with `data` at 4), eventfd, timerfd (itimerspec of
// 32- or 64-bit timespecs). The flags of the creating calls are the guest's O_CLOEXEC and
// O_NONBLOCK, translated through LinuxABI's DescriptorFlags. Event bits (EPOLLIN, ...) have
// the same values on every arch (linux/eventpoll.h, unlike poll's) and pass unchanged.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// A guest flags argument through `table`; nil when it has bits the table does not know
    /// (EINVAL, as the kernel answers).
    func descriptorFlags(_ i: Int, _ table: FlagTable) -> Int? {
        let guest = UInt32(truncatingIfNeeded: arg(i))
        if table.unknownGuestBits(guest) != 0 { return nil }
        return Int(table.translate(guest))
    }

    /// A guest signal set at argument `i` (with its size at `sizeArg`) as a host mask (signalfd's
    /// set); the fault signals stay out. nil pointer: 0 (no mask); nil result: a bad size
    /// (EINVAL) or an unreadable set (EFAULT).
    func hostWaitMask(_ i: Int, sizeArg: Int) -> Result<UInt64?, CErrno> {
        if arg(i) == 0 { return .success(nil) }
        guard arg(sizeArg) == signalSetSize else { return .failure(CErrno(EINVAL)) }
        guard let guest = readSignalSet(at: address(i)) else { return .failure(CErrno(EFAULT)) }
        return .success(guest.hostSet(abi.signals) & ~GuestProcess.faultSignals)
    }

    // MARK: epoll

    func epollCreate(flagsArg: Int?) -> SyscallResult {
        var flags = 0
        if let flagsArg {
            guard let f = descriptorFlags(flagsArg, abi.descriptorFlags.epollCreate) else { return fail(EINVAL) }
            flags = f
        } else if int(0) <= 0 {
            return fail(EINVAL)
        }
        return forward(Host.rawSyscall(HOST_SYS_epoll_create1, flags))
    }

    /// epoll_ctl(epfd, op, fd, event *): the guest's event record into the host's packed one.
    func epollCtl() -> SyscallResult {
        var event = [UInt8](repeating: 0, count: 12)
        let hasEvent = arg(3) != 0
        if hasEvent {
            guard let (events, data) = readStruct(.epollEvent, at: address(3), { r -> (UInt64, UInt64)? in
                guard let e = r.get("events"), let d = r.get("data") else { return nil }
                return (e, d)
            }) else { return fail(EFAULT) }
            event = []
            event.reserveCapacity(12)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: events).littleEndian) { event += $0 }
            withUnsafeBytes(of: data.littleEndian) { event += $0 }
        }
        return event.withUnsafeMutableBytes { buffer in
            forward(Host.rawSyscall(HOST_SYS_epoll_ctl, Int(int(0)), Int(int(1)), Int(int(2)),
                                    hasEvent ? Int(bitPattern: buffer.baseAddress) : 0))
        }
    }

    /// epoll_wait / epoll_pwait / epoll_pwait2: `timeoutKind` nil for a millisecond int at
    /// argument 3, else a pointer to a timespec of that kind (epoll_pwait2); `maskArg` the
    /// signal set argument (its size follows it).
    func epollWait(maskArg: Int?, timeoutKind: StructKind?) -> SyscallResult {
        guard let guestLayout = abi.layouts[.epollEvent] else { return fail(ENOSYS) }
        let maximum = Int(int(2))
        guard maximum > 0, maximum <= Int(Int32.max) / guestLayout.size else { return fail(EINVAL) }
        guard pointer(address(1), UInt64(maximum * guestLayout.size), write: true) != nil else { return fail(EFAULT) }
        var mask: GuestAddress = 0
        if let maskArg, arg(maskArg) != 0 {
            guard arg(maskArg + 1) == signalSetSize else { return fail(EINVAL) }
            mask = address(maskArg)
        }
        var timeout = timespec()
        if let timeoutKind, arg(3) != 0 {
            guard let t = readTimespec(timeoutKind, 3) else { return fail(EFAULT) }
            timeout = t
        }
        var events = [UInt8](repeating: 0, count: maximum * 12)
        // The guest's mask, when it gives one, is the thread's while the call waits (as for
        // ppoll), so a handler the mask lets in runs before the call returns EINTR.
        var r = 0
        let result = waiting(withMaskAt: mask) {
            r = events.withUnsafeMutableBytes { buffer in
                withUnsafeMutablePointer(to: &timeout) { t in
                    let base = Int(bitPattern: buffer.baseAddress)
                    if timeoutKind != nil {
                        return Host.guestSyscall(HOST_SYS_epoll_pwait2, Int(int(0)), base, maximum,
                                                 arg(3) == 0 ? 0 : Int(bitPattern: t), 0, 8)
                    }
                    return Host.guestSyscall(HOST_SYS_epoll_wait, Int(int(0)), base, maximum, Int(int(3)))
                }
            }
            return forward(r)
        }
        if r <= 0 { return result }
        for i in 0..<r {
            let eventBits = events.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: i * 12, as: UInt32.self)) }
            let data = events.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: i * 12 + 4, as: UInt64.self)) }
            guard writeStruct(.epollEvent, at: address(1) + UInt64(i * guestLayout.size), { w in
                w.set("events", UInt64(eventBits))
                w.set("data", data)
            }) else { return fail(EFAULT) }
        }
        return SyscallResult(r)
    }

    // MARK: eventfd, timerfd

    func eventfd(flagsArg: Int?) -> SyscallResult {
        var flags = 0
        if let flagsArg {
            guard let f = descriptorFlags(flagsArg, abi.descriptorFlags.eventfd) else { return fail(EINVAL) }
            flags = f
        }
        let r = Host.rawSyscall(HOST_SYS_eventfd2, Int(arg(0) & 0xffff_ffff), flags)
        process.noteEventDescriptor(r, .counter)
        return forward(r)
    }

    func timerfdCreate() -> SyscallResult {
        guard let clock = clockID(0) else { return fail(EINVAL) }
        guard let flags = descriptorFlags(1, abi.descriptorFlags.timerfd) else { return fail(EINVAL) }
        let r = Host.rawSyscall(HOST_SYS_timerfd_create, Int(clock), flags)
        process.noteEventDescriptor(r, .counter)
        return forward(r)
    }

    /// A guest itimerspec (interval, then value) of `kind` timespecs at `address`.
    func readItimerspec(_ kind: StructKind, at address: GuestAddress) -> (timespec, timespec)? {
        guard let size = abi.layouts[kind]?.size else { return nil }
        guard let interval = readStruct(kind, at: address, { $0.readTimespec(wordSize: abi.wordSize) }),
              let value = readStruct(kind, at: address + UInt64(size), { $0.readTimespec(wordSize: abi.wordSize) }) else { return nil }
        return (interval, value)
    }

    func writeItimerspec(_ spec: (timespec, timespec), _ kind: StructKind, at address: GuestAddress) -> Bool {
        guard let size = abi.layouts[kind]?.size else { return false }
        return writeStruct(kind, at: address, { _ = $0.write(spec.0) })
            && writeStruct(kind, at: address + UInt64(size), { _ = $0.write(spec.1) })
    }

    /// timerfd_settime(fd, flags, new, old) and timer_settime(timer, flags, new, old), which
    /// take the same arguments: `hostCall` is which, `kind` the width of the timespecs.
    func settime(_ hostCall: Int, _ kind: StructKind) -> SyscallResult {
        guard var new = readItimerspec(kind, at: address(2)) else { return fail(EFAULT) }
        var old = (timespec(), timespec())
        let r = withUnsafeMutablePointer(to: &new) { n in
            withUnsafeMutablePointer(to: &old) { o in
                Host.rawSyscall(hostCall, Int(int(0)), Int(int(1)), Int(bitPattern: n), Int(bitPattern: o))
            }
        }
        if r < 0 { return forward(r) }
        if arg(3) != 0 && !writeItimerspec(old, kind, at: address(3)) { return fail(EFAULT) }
        return 0
    }

    /// timerfd_gettime(fd, curr) and timer_gettime(timer, curr).
    func gettime(_ hostCall: Int, _ kind: StructKind) -> SyscallResult {
        var current = (timespec(), timespec())
        let r = withUnsafeMutablePointer(to: &current) { Host.rawSyscall(hostCall, Int(int(0)), Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        return writeItimerspec(current, kind, at: address(1)) ? 0 : fail(EFAULT)
    }
}
