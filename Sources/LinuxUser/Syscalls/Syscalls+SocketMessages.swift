// sendmsg/recvmsg and their batched forms: the guest's 32-bit msghdr (LinuxABI layout) becomes
// a host msghdr with host iovecs, a host socket address and host control data (ControlMessages:
// SCM_RIGHTS, SCM_CREDENTIALS, timestamps), and the results go back the same way.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

/// A guest msghdr's fields.
struct GuestMessageHeader {
    var name: UInt64, nameLength: Int32, iov: UInt64, iovCount: UInt64, control: UInt64, controlLength: UInt64, flags: UInt32
}

extension SyscallContext {
    func readMessageHeader(_ kind: StructKind, at address: GuestAddress) -> GuestMessageHeader? {
        readStruct(kind, at: address) { r in
            if kind == .mmsghdr {
                guard let n = r.get("msg_hdr.msg_name"), let nl = r.getSigned("msg_hdr.msg_namelen"), let i = r.get("msg_hdr.msg_iov"),
                      let il = r.get("msg_hdr.msg_iovlen"), let c = r.get("msg_hdr.msg_control"),
                      let cl = r.get("msg_hdr.msg_controllen"), let f = r.get("msg_hdr.msg_flags") else { return nil }
                return GuestMessageHeader(name: n, nameLength: Int32(truncatingIfNeeded: nl), iov: i, iovCount: il, control: c,
                                          controlLength: cl, flags: UInt32(truncatingIfNeeded: f))
            }
            guard let n = r.get("msg_name"), let nl = r.getSigned("msg_namelen"), let i = r.get("msg_iov"),
                  let il = r.get("msg_iovlen"), let c = r.get("msg_control"), let cl = r.get("msg_controllen"),
                  let f = r.get("msg_flags") else { return nil }
            return GuestMessageHeader(name: n, nameLength: Int32(truncatingIfNeeded: nl), iov: i, iovCount: il, control: c,
                                      controlLength: cl, flags: UInt32(truncatingIfNeeded: f))
        }
    }

    var controlMessages: ControlMessages? {
        guard let net = abi.sockets, let header = abi.layouts[.cmsghdr] else { return nil }
        return ControlMessages(sockets: net, order: byteOrder, wordSize: abi.wordSize, guestHeader: header.size)
    }

    /// One sendmsg of the guest header at `headerAddress`; the host result.
    func sendOne(fd: Int32, _ kind: StructKind, at headerAddress: GuestAddress, flags: UInt32) -> Result<Int, CErrno> {
        guard let header = readMessageHeader(kind, at: headerAddress), let cmsg = controlMessages else { return .failure(CErrno(EFAULT)) }
        guard header.iovCount <= 1024 else { return .failure(CErrno(EMSGSIZE)) }
        var name: [UInt8]
        switch socketAddressIn(GuestAddress(header.name), length: header.nameLength) {
        case .failure(let e): return .failure(e)
        case .success(let bytes): name = bytes
        }
        var vectors: [iovec]
        switch hostIOVectors(at: GuestAddress(header.iov), count: Int(header.iovCount), fill: false) {
        case .failure(let e): return .failure(e)
        case .success(let v): vectors = v
        }
        var control: [UInt8] = []
        if header.control != 0 && header.controlLength != 0 {
            guard header.controlLength <= 65536 else { return .failure(CErrno(ENOBUFS)) }
            guard let guest = readBytes(GuestAddress(header.control), Int(header.controlLength)) else { return .failure(CErrno(EFAULT)) }
            guard let host = cmsg.toHost(guest) else { return .failure(CErrno(EINVAL)) }
            control = host
        }
        let r = name.withUnsafeMutableBytes { n in
            vectors.withUnsafeMutableBufferPointer { v in
                control.withUnsafeMutableBytes { c in
                    var message = msghdr(msg_name: n.count == 0 ? nil : n.baseAddress, msg_namelen: socklen_t(n.count),
                                         msg_iov: v.baseAddress, msg_iovlen: v.count,
                                         msg_control: c.count == 0 ? nil : c.baseAddress, msg_controllen: c.count, msg_flags: 0)
                    return withUnsafeMutablePointer(to: &message) {
                        Host.guestSyscall(HOST_SYS_sendmsg, Int(fd), Int(bitPattern: $0), Int(flags))
                    }
                }
            }
        }
        return .success(r)
    }

    /// One recvmsg into the guest header at `headerAddress` (its name, control and flags fields
    /// are updated); the host result.
    func receiveOne(fd: Int32, _ kind: StructKind, at headerAddress: GuestAddress, flags: UInt32) -> Result<Int, CErrno> {
        guard let header = readMessageHeader(kind, at: headerAddress), let cmsg = controlMessages else { return .failure(CErrno(EFAULT)) }
        guard header.iovCount <= 1024 else { return .failure(CErrno(EMSGSIZE)) }
        guard header.name == 0 || header.nameLength >= 0 else { return .failure(CErrno(EINVAL)) }
        var vectors: [iovec]
        switch hostIOVectors(at: GuestAddress(header.iov), count: Int(header.iovCount), fill: true) {
        case .failure(let e): return .failure(e)
        case .success(let v): vectors = v
        }
        let guestControl = header.control == 0 ? 0 : Int(min(header.controlLength, 65536))
        // Room for the host's larger headers and longs: twice the guest's, plus one header.
        var control = [UInt8](repeating: 0, count: guestControl == 0 ? 0 : guestControl * 2 + 32)
        var name = [UInt8](repeating: 0, count: header.name == 0 ? 0 : SocketAddress.maximumLength)
        var message = msghdr()
        let r = name.withUnsafeMutableBytes { n in
            vectors.withUnsafeMutableBufferPointer { v in
                control.withUnsafeMutableBytes { c in
                    message = msghdr(msg_name: n.count == 0 ? nil : n.baseAddress, msg_namelen: socklen_t(n.count),
                                     msg_iov: v.baseAddress, msg_iovlen: v.count,
                                     msg_control: c.count == 0 ? nil : c.baseAddress, msg_controllen: c.count, msg_flags: 0)
                    return withUnsafeMutablePointer(to: &message) {
                        Host.guestSyscall(HOST_SYS_recvmsg, Int(fd), Int(bitPattern: $0), Int(flags))
                    }
                }
            }
        }
        if r < 0 { return .success(r) }
        var outFlags = UInt32(bitPattern: message.msg_flags)
        let received = cmsg.toGuest(Array(control.prefix(message.msg_controllen)), capacity: guestControl)
        for fd in received.droppedDescriptors { Glibc.close(fd) }
        if received.truncated { outFlags |= UInt32(MSG_CTRUNC) }
        guard writeBytes(received.bytes, to: GuestAddress(header.control)) else { return .failure(CErrno(EFAULT)) }
        var nameLength = 0
        if header.name != 0 {
            nameLength = Int(message.msg_namelen)
            guard copySocketAddressOut(name, hostLength: nameLength, to: GuestAddress(header.name),
                                       capacity: Int(header.nameLength), lengthAt: nil) else { return .failure(CErrno(EFAULT)) }
        }
        let prefix = kind == .mmsghdr
        guard writeFields(kind, at: headerAddress, [
            (prefix ? "msg_hdr.msg_namelen" : "msg_namelen", UInt64(nameLength)),
            (prefix ? "msg_hdr.msg_controllen" : "msg_controllen", UInt64(received.bytes.count)),
            (prefix ? "msg_hdr.msg_flags" : "msg_flags", UInt64(outFlags)),
        ]) else { return .failure(CErrno(EFAULT)) }
        return .success(r)
    }

    /// Stores some fields of a guest struct in place, leaving the others as they are.
    func writeFields(_ kind: StructKind, at address: GuestAddress, _ values: [(StaticString, UInt64)]) -> Bool {
        guard let layout = abi.layouts[kind], let p = pointer(address, UInt64(layout.size), write: true),
              let writer = StructWriter(layout, byteOrder: byteOrder, into: UnsafeMutableRawBufferPointer(start: p, count: layout.size))
        else { return false }
        for (name, value) in values { writer.set(name, value) }
        return true
    }

    func sendmsg() -> SyscallResult {
        switch sendOne(fd: int(0), .msghdr, at: address(1), flags: UInt32(truncatingIfNeeded: arg(2))) {
        case .failure(let e): return fail(e.value)
        case .success(let r): return forward(r)
        }
    }

    func recvmsg() -> SyscallResult {
        switch receiveOne(fd: int(0), .msghdr, at: address(1), flags: UInt32(truncatingIfNeeded: arg(2))) {
        case .failure(let e): return fail(e.value)
        case .success(let r): return forward(r)
        }
    }

    /// sendmmsg(fd, msgvec, vlen, flags) / recvmmsg(fd, msgvec, vlen, flags, timeout): one host
    /// call per message; the count done so far, or the first error when none was done. After
    /// the first message, MSG_WAITFORONE makes the rest non-blocking. recvmmsg's timeout is
    /// not applied (each receive blocks as its flags say).
    func multipleMessages(receive: Bool) -> SyscallResult {
        guard let layout = abi.layouts[.mmsghdr] else { return fail(ENOSYS) }
        let count = min(Int(arg(2) & 0xffff_ffff), 1024)
        var flags = UInt32(truncatingIfNeeded: arg(3))
        let waitForOne: UInt32 = 0x10000, dontWait: UInt32 = 0x40
        var done = 0
        while done < count {
            let entry = address(1) + UInt64(done * layout.size)
            let result = receive ? receiveOne(fd: int(0), .mmsghdr, at: entry, flags: flags)
                                 : sendOne(fd: int(0), .mmsghdr, at: entry, flags: flags)
            var r: Int
            switch result {
            case .failure(let e): if done == 0 { return fail(e.value) }; r = -1
            case .success(let value): r = value
            }
            if r < 0 {
                return done == 0 ? forward(r) : SyscallResult(done)
            }
            guard writeFields(.mmsghdr, at: entry, [("msg_len", UInt64(r))]) else { return done == 0 ? fail(EFAULT) : SyscallResult(done) }
            done += 1
            if receive && flags & waitForOne != 0 { flags |= dontWait }
        }
        return SyscallResult(done)
    }
}
