// Checked access to guest memory from Swift: the syscall marshalling path. A bad guest
// pointer yields nil/false (the caller's EFAULT), never a host fault. The interpreter and
// JIT do not come here: they use `base + address` directly.

extension GuestAddressSpace {
    /// Whether every byte of [address, address + length) is on a mapped page whose
    /// protection includes `access`. A zero length is accessible anywhere inside the space.
    public func isAccessible(_ address: GuestAddress, length: UInt64, _ access: Protection) -> Bool {
        state.withLock { $0.isAccessible(address.rawValue, length, access) }
    }

    /// The host pointer for [address, address + length) if it is accessible for `access`;
    /// nil means EFAULT. The pointer stays valid only while no other thread unmaps the
    /// range (a racing munmap makes host accesses fault, as they would on Linux).
    public func pointer(to address: GuestAddress, length: UInt64, access: Protection) -> UnsafeMutableRawPointer? {
        state.withLock { state in
            state.isAccessible(address.rawValue, length, access) ? state.host(address.rawValue) : nil
        }
    }

    /// Copies `count` readable guest bytes at `address`, or nil if any is unreadable.
    public func read(at address: GuestAddress, count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        return state.withLock { state -> [UInt8]? in
            guard state.isAccessible(address.rawValue, UInt64(count), .read) else { return nil }
            let source = state.host(address.rawValue)
            return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0, let destination = buffer.baseAddress {
                    UnsafeMutableRawPointer(destination).copyMemory(from: source, byteCount: count)
                }
                initialized = count
            }
        }
    }

    /// Writes `bytes` to writable guest memory at `address`; false (nothing written) if any
    /// byte of the range is not writable.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer, at address: GuestAddress) -> Bool {
        // The source crosses into the locked region as an address (a buffer is not Sendable).
        let source = UInt(bitPattern: bytes.baseAddress)
        let count = bytes.count
        return state.withLock { state in
            guard state.isAccessible(address.rawValue, UInt64(count), .write) else { return false }
            if let source = UnsafeRawPointer(bitPattern: source) {
                state.host(address.rawValue).copyMemory(from: source, byteCount: count)
            }
            return true
        }
    }

    /// Writes `bytes` (an array: one copy, no generic walk) to writable guest memory at
    /// `address`; false (nothing written) if any byte of the range is not writable.
    @discardableResult
    public func write(_ bytes: [UInt8], at address: GuestAddress) -> Bool {
        bytes.withUnsafeBytes { write($0, at: address) }
    }

    /// Writes `bytes` to writable guest memory at `address`; false (nothing written) if any
    /// byte of the range is not writable. Contiguous collections are copied in one go.
    @discardableResult
    public func write(_ bytes: some Collection<UInt8>, at address: GuestAddress) -> Bool {
        if let written = bytes.withContiguousStorageIfAvailable({ write(UnsafeRawBufferPointer($0), at: address) }) {
            return written
        }
        return write(Array(bytes), at: address)
    }

    /// The NUL-terminated string at `address`, without the NUL. Reads at most `maxLength`
    /// bytes: if none of them is NUL, returns those `maxLength` bytes (the caller's
    /// ENAMETOOLONG/E2BIG case). nil if a byte before the NUL (or before `maxLength`) is
    /// unreadable: EFAULT.
    public func readCString(at address: GuestAddress, maxLength: Int) -> [UInt8]? {
        guard maxLength >= 0 else { return nil }
        return state.withLock { state -> [UInt8]? in
            var result: [UInt8] = []
            var cursor = address.rawValue
            while result.count < maxLength {
                // Check one page at a time, then scan it without further checks.
                let pageEnd = (cursor | (state.pageSize - 1)) &+ 1
                let chunk = min(pageEnd &- cursor, UInt64(maxLength - result.count))
                guard pageEnd != 0, state.isAccessible(cursor, chunk, .read) else { return nil }
                let bytes = UnsafeRawBufferPointer(start: state.host(cursor), count: Int(chunk))
                if let nul = bytes.firstIndex(of: 0) {
                    result.append(contentsOf: bytes[..<nul])
                    return result
                }
                result.append(contentsOf: bytes)
                cursor += chunk
            }
            return result
        }
    }

    /// Loads a `T` from readable guest memory in the guest's byte order; nil means EFAULT.
    /// Unaligned addresses are fine.
    public func load<T: FixedWidthInteger>(_ type: T.Type, at address: GuestAddress, bigEndian: Bool) -> T? {
        let size = MemoryLayout<T>.size
        guard size <= MemoryLayout<WordCarrier>.size else { return nil }
        // The bytes cross the lock boundary in a Sendable carrier (T itself need not be Sendable).
        let carrier = state.withLock { state -> WordCarrier? in
            guard state.isAccessible(address.rawValue, UInt64(size), .read) else { return nil }
            var carrier = WordCarrier()
            withUnsafeMutableBytes(of: &carrier) { $0.baseAddress?.copyMemory(from: state.host(address.rawValue), byteCount: size) }
            return carrier
        }
        guard let carrier else { return nil }
        let raw = withUnsafeBytes(of: carrier) { $0.loadUnaligned(as: T.self) }
        return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    /// Stores `value` into writable guest memory in the guest's byte order; false means
    /// EFAULT (nothing written).
    @discardableResult
    public func store<T: FixedWidthInteger>(_ value: T, at address: GuestAddress, bigEndian: Bool) -> Bool {
        let size = MemoryLayout<T>.size
        guard size <= MemoryLayout<WordCarrier>.size else { return false }
        var carrier = WordCarrier()
        withUnsafeMutableBytes(of: &carrier) {
            $0.storeBytes(of: bigEndian ? value.bigEndian : value.littleEndian, as: T.self)
        }
        let bytes = carrier
        return state.withLock { state in
            guard state.isAccessible(address.rawValue, UInt64(size), .write) else { return false }
            withUnsafeBytes(of: bytes) { carrier in
                if let source = carrier.baseAddress {
                    state.host(address.rawValue).copyMemory(from: source, byteCount: size)
                }
            }
            return true
        }
    }
}

/// 16 bytes to carry a loaded or stored integer across the lock (up to 128-bit types).
struct WordCarrier: Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
}

extension SpaceState {
    func isAccessible(_ address: UInt64, _ length: UInt64, _ access: Protection) -> Bool {
        guard length > 0 else { return address <= size }
        guard fits(address, length) else { return false }
        let first = address >> pageShift
        let last = (address + length - 1) >> pageShift
        var needed: PageFlags = .mapped
        if access.contains(.read) { needed.insert(.read) }
        if access.contains(.write) { needed.insert(.write) }
        if access.contains(.execute) { needed.insert(.execute) }
        return table.all(first..<last + 1) { $0.isSuperset(of: needed) }
    }
}
