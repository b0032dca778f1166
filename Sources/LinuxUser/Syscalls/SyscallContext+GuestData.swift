// Marshalling helpers for the socket, event and xattr calls: guest words, guest byte ranges,
// and the socket addresses that travel with a length (in as a value, out through a pointer).

import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    var byteOrder: ByteOrder { abi.byteOrder }

    /// A 32-bit guest value at `address` in the guest's byte order.
    func loadWord(_ address: GuestAddress) -> UInt32? {
        space.load(UInt32.self, at: address, bigEndian: process.bigEndian)
    }

    func storeWord(_ value: UInt32, at address: GuestAddress) -> Bool {
        guard pointer(address, 4, write: true) != nil else { return false }
        return space.store(value, at: address, bigEndian: process.bigEndian)
    }

    /// `count` guest bytes, or nil when any is unreadable.
    func readBytes(_ address: GuestAddress, _ count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        if count == 0 { return [] }
        guard let p = pointer(address, UInt64(count), write: false) else { return nil }
        return Array(UnsafeRawBufferPointer(start: p, count: count))
    }

    /// Copies `bytes` to guest memory; false on EFAULT.
    func writeBytes(_ bytes: [UInt8], to address: GuestAddress) -> Bool {
        if bytes.isEmpty { return true }
        guard let p = pointer(address, UInt64(bytes.count), write: true) else { return false }
        bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        return true
    }

    /// The guest socket address at `address` of `length` bytes as the host's, or the errno.
    /// A NULL address gives an empty array (no address).
    func socketAddressIn(_ address: GuestAddress, length: Int32) -> Result<[UInt8], CErrno> {
        if address.rawValue == 0 { return .success([]) }
        guard length >= 0, Int(length) <= SocketAddress.maximumLength else { return .failure(CErrno(EINVAL)) }
        guard var bytes = readBytes(address, Int(length)) else { return .failure(CErrno(EFAULT)) }
        bytes.withUnsafeMutableBytes { SocketAddress.convert($0, from: byteOrder, to: .host) }
        return .success(bytes)
    }

    /// Runs `body` with a host socket address buffer and its in/out length for a guest
    /// (address, length pointer) pair, then gives the guest what the kernel gives: the address
    /// truncated to its buffer and the full length. A NULL guest address passes NULLs.
    func withSocketAddressOut(_ addressArg: Int, _ lengthArg: Int,
                              _ body: (UnsafeMutableRawPointer?, UnsafeMutablePointer<socklen_t>?) -> Int) -> SyscallResult {
        if arg(addressArg) == 0 { return forward(body(nil, nil)) }
        guard let guestLength = loadWord(address(lengthArg)) else { return fail(EFAULT) }
        guard Int32(bitPattern: guestLength) >= 0 else { return fail(EINVAL) }
        var storage = [UInt8](repeating: 0, count: SocketAddress.maximumLength)
        var hostLength = socklen_t(SocketAddress.maximumLength)
        let r = storage.withUnsafeMutableBytes { buffer in
            withUnsafeMutablePointer(to: &hostLength) { body(buffer.baseAddress, $0) }
        }
        if r < 0 { return forward(r) }
        if !copySocketAddressOut(storage, hostLength: Int(hostLength), to: address(addressArg),
                                 capacity: Int(guestLength), lengthAt: address(lengthArg)) {
            return fail(EFAULT)
        }
        return forward(r)
    }

    /// The host address (its first `hostLength` bytes) into a guest buffer of `capacity`
    /// bytes, and the full length at `lengthAt`.
    func copySocketAddressOut(_ host: [UInt8], hostLength: Int, to address: GuestAddress, capacity: Int,
                              lengthAt: GuestAddress?) -> Bool {
        var bytes = Array(host.prefix(min(hostLength, host.count)))
        bytes.withUnsafeMutableBytes { SocketAddress.convert($0, from: .host, to: byteOrder) }
        guard writeBytes(Array(bytes.prefix(capacity)), to: address) else { return false }
        if let lengthAt { return storeWord(UInt32(hostLength), at: lengthAt) }
        return true
    }

    /// Host iovecs for a guest iovec array; each buffer must be accessible (for writing when
    /// the call fills it).
    func hostIOVectors(at address: GuestAddress, count: Int, fill: Bool) -> Result<[iovec], CErrno> {
        guard count >= 0 && count <= 1024 else { return .failure(CErrno(EMSGSIZE)) }
        guard let layout = abi.layouts[.iovec] else { return .failure(CErrno(ENOSYS)) }
        var vectors: [iovec] = []
        vectors.reserveCapacity(count)
        for i in 0..<count {
            guard let entry = readStruct(.iovec, at: address + UInt64(i * layout.size), { r -> (UInt64, UInt64)? in
                guard let base = r.get("iov_base"), let len = r.get("iov_len") else { return nil }
                return (base, len)
            }) else { return .failure(CErrno(EFAULT)) }
            guard let p = pointer(GuestAddress(entry.0), entry.1, write: fill) else { return .failure(CErrno(EFAULT)) }
            vectors.append(iovec(iov_base: p, iov_len: Int(entry.1)))
        }
        return .success(vectors)
    }
}
