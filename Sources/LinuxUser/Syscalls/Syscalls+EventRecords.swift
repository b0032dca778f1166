// What reads of signalfd, eventfd, timerfd and inotify descriptors return, for a guest whose
// byte order or signal numbering is not the host's (MIPS). The records have fixed-width fields
// on every arch, so a guest of the host's order and numbering (ARM) reads the host's bytes
// unchanged and none of this runs. For the others Mirage remembers which descriptors are of
// these kinds (from the call that made them, through dup, dup2, dup3, F_DUPFD and close) and
// converts each read: signalfd_siginfo field by field with the signal, si_code and a child's
// status renumbered; the 8-byte counters of eventfd and timerfd (and what a write to an
// eventfd adds) in the guest's order; inotify_event's four header words in the guest's order.
// A descriptor that arrived another way (SCM_RIGHTS, across execve) reads unconverted.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

/// A descriptor whose reads need converting.
enum EventDescriptor: Sendable {
    case signalfd
    /// eventfd and timerfd: one 8-byte counter per read.
    case counter
    case inotify
}

extension GuestProcess {
    /// Records that `fd` is a descriptor of `kind` (nothing for a guest that needs no
    /// conversion).
    func noteEventDescriptor(_ fd: Int, _ kind: EventDescriptor) {
        guard convertsEventRecords, fd >= 0 else { return }
        eventDescriptors.withLock { $0[Int32(truncatingIfNeeded: fd)] = kind }
    }

    /// `fd` was closed (or replaced).
    func forgetDescriptor(_ fd: Int32) {
        guard convertsEventRecords else { return }
        _ = eventDescriptors.withLock { $0.removeValue(forKey: fd) }
    }

    /// Descriptors in first...last were closed.
    func forgetDescriptors(_ first: UInt32, _ last: UInt32) {
        guard convertsEventRecords else { return }
        eventDescriptors.withLock { table in table = table.filter { UInt32(bitPattern: $0.key) < first || UInt32(bitPattern: $0.key) > last } }
    }

    /// `new` is a duplicate of `old` (dup, dup2, dup3, F_DUPFD).
    func duplicateDescriptor(_ old: Int32, to new: Int) {
        guard convertsEventRecords, new >= 0 else { return }
        eventDescriptors.withLock { $0[Int32(truncatingIfNeeded: new)] = $0[old] }
    }

    /// The kind of `fd`, when its reads need converting.
    func eventDescriptor(_ fd: Int32) -> EventDescriptor? {
        guard convertsEventRecords else { return nil }
        return eventDescriptors.withLock { $0[fd] }
    }
}

extension SyscallContext {
    /// read(fd, buf, count) of a descriptor of `kind`: the host's records into a scratch
    /// buffer, then each one in the guest's form.
    func readEventRecords(_ kind: EventDescriptor) -> SyscallResult {
        let count = Int(arg(2) & 0xffff_ffff)
        guard pointer(address(1), UInt64(count), write: true) != nil else { return fail(EFAULT) }
        var host = [UInt8](repeating: 0, count: min(count, 1 << 20))
        let r = host.withUnsafeMutableBytes { Host.guestSyscall(HOST_SYS_read, Int(int(0)), Int(bitPattern: $0.baseAddress), $0.count) }
        if r <= 0 { return forward(r) }
        let guest: [UInt8]
        switch kind {
        case .signalfd: guest = guestSignalfdRecords(Array(host.prefix(r)))
        case .counter: guest = EventRecords.counters(Array(host.prefix(r)), order: abi.byteOrder)
        case .inotify: guest = EventRecords.inotifyEvents(Array(host.prefix(r)), order: abi.byteOrder)
        }
        return writeBytes(guest, to: address(1)) ? SyscallResult(r) : fail(EFAULT)
    }

    /// write(fd, buf, count) to an eventfd: the guest's 8-byte addend in the host's order.
    func writeEventCounter() -> SyscallResult {
        let count = Int(arg(2) & 0xffff_ffff)
        var value: UInt64 = 0
        if count >= 8 {
            guard let v = space.load(UInt64.self, at: address(1), bigEndian: process.bigEndian) else { return fail(EFAULT) }
            value = v
        }
        // The kernel reads 8 bytes of a write of at least 8 and refuses shorter ones itself.
        return forward(withUnsafeMutablePointer(to: &value) { Host.guestSyscall(HOST_SYS_write, Int(int(0)), Int(bitPattern: $0), count) })
    }

    /// signalfd_siginfo records (128 bytes each, host order) as the guest reads them.
    func guestSignalfdRecords(_ host: [UInt8]) -> [UInt8] {
        guard let layout = abi.layouts[.signalfdSiginfo] else { return host }
        return EventRecords.signalfdRecords(host, layout: layout, abi: abi)
    }
}

/// The conversions themselves, on byte arrays (tested without a CPU loop).
enum EventRecords {
    /// Each whole 8-byte counter in `order`.
    static func counters(_ host: [UInt8], order: ByteOrder) -> [UInt8] {
        guard order != .host else { return host }
        var out = host
        for start in stride(from: 0, to: host.count - 7, by: 8) { out[start..<start + 8].reverse() }
        return out
    }

    /// inotify_event records (int wd; u32 mask, cookie, len; char name[len]) with their
    /// header words in `order`; names are bytes.
    static func inotifyEvents(_ host: [UInt8], order: ByteOrder) -> [UInt8] {
        guard order != .host else { return host }
        var out = host
        var offset = 0
        while offset + 16 <= host.count {
            let length = host.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))) }
            for word in 0..<4 { out[offset + 4 * word..<offset + 4 * word + 4].reverse() }
            offset += 16 + length
        }
        return out
    }

    /// signalfd_siginfo records from the host (`layout` read in the host's order) into the
    /// guest's order, with ssi_signo, ssi_code and a child's ssi_status in its numbering.
    static func signalfdRecords(_ host: [UInt8], layout: StructLayout, abi: GuestABI) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: host.count)
        let records = host.count / layout.size
        host.withUnsafeBytes { source in
            out.withUnsafeMutableBytes { destination in
                for i in 0..<records {
                    let range = i * layout.size..<(i + 1) * layout.size
                    guard let reader = StructReader(layout, byteOrder: .host, from: UnsafeRawBufferPointer(rebasing: source[range])),
                          let writer = StructWriter(layout, byteOrder: abi.byteOrder, into: UnsafeMutableRawBufferPointer(rebasing: destination[range]))
                    else { continue }
                    writer.copyFields(from: reader)
                    let signal = Int32(truncatingIfNeeded: reader.get("ssi_signo") ?? 0)
                    let code = Int32(truncatingIfNeeded: reader.getSigned("ssi_code") ?? 0)
                    writer.set("ssi_signo", UInt64(UInt32(bitPattern: abi.signals.untranslate(signal) ?? signal)))
                    writer.set("ssi_code", signed: Int64(abi.untranslateSignalCode(code)))
                    if signal == SIGCHLD && code > 0 {
                        let status = Int32(truncatingIfNeeded: reader.getSigned("ssi_status") ?? 0)
                        writer.set("ssi_status", signed: Int64(abi.untranslateChildStatus(code: code, status: status)))
                    }
                }
            }
        }
        return out
    }
}
