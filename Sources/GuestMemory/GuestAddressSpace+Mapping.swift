// Guest mmap, munmap and mprotect with Linux semantics, as host mmap/mprotect inside the
// reservation.

import Glibc
import Host
import SystemPackage

extension GuestAddressSpace {
    /// Guest mmap.
    ///
    /// - `length` 0, a misaligned `file.offset`, a MAP_FIXED address that is not page
    ///   aligned, or neither/both of `shared` and `private`: EINVAL.
    /// - `length` rounds up to pages; no room, or a fixed range outside the space: ENOMEM.
    /// - Without `fixed`/`fixedNoReplace`, `hint` (rounded up to a page) is used when the
    ///   range is free, otherwise the highest free range below `mmapTop`, then the lowest
    ///   above it (Linux's top-down allocator and its fallback).
    /// - `fixed` replaces what was there; `fixedNoReplace` gives EEXIST on any overlap;
    ///   either below `mmapMinAddress` gives EPERM.
    /// - With `anonymous`, `file` is ignored; without it, `file` is required (else EBADF)
    ///   and is host-mmapped from the same descriptor at `base + address`, so host errors
    ///   (EACCES for a shared writable mapping of a read-only fd, ENODEV, ...) come back as is.
    /// - `name` is shown by `mappings()` (a path, "[stack]", ...).
    public func map(
        at hint: GuestAddress?, length: UInt64, protection: Protection, flags: MapFlags,
        file: (fd: Int32, offset: UInt64)? = nil, name: String? = nil
    ) -> Result<GuestAddress, Errno> {
        state.withLock { state in
            state.map(
                hint: hint?.rawValue, length: length, protection: protection, flags: flags,
                file: flags.contains(.anonymous) ? nil : file, name: name ?? ""
            ).map { GuestAddress($0) }
        }
    }

    /// Guest munmap: the range goes back to reserved, unmapped state. EINVAL for a
    /// misaligned address, zero length, or a range outside the space; unmapping pages that
    /// are not mapped is not an error.
    public func unmap(_ address: GuestAddress, length: UInt64) -> Result<Void, Errno> {
        state.withLock { $0.unmap(address.rawValue, length) }
    }

    /// Guest mprotect: EINVAL for a misaligned address; zero length succeeds; ENOMEM if any
    /// page of the range is unmapped or outside the space (nothing changes then).
    public func protect(_ address: GuestAddress, length: UInt64, _ protection: Protection) -> Result<Void, Errno> {
        state.withLock { $0.protect(address.rawValue, length, protection) }
    }
}

extension SpaceState {
    mutating func map(
        hint: UInt64?, length: UInt64, protection: Protection, flags: MapFlags,
        file: (fd: Int32, offset: UInt64)?, name: String
    ) -> Result<UInt64, Errno> {
        guard length > 0 else { return .failure(.invalidArgument) }
        if let file, file.offset & (pageSize - 1) != 0 { return .failure(.invalidArgument) }
        guard flags.contains(.shared) != flags.contains(.private) else { return .failure(.invalidArgument) }
        guard flags.contains(.anonymous) || file != nil else { return .failure(.badFileDescriptor) }
        guard let length = pageAligned(length), length <= size else { return .failure(.noMemory) }
        if let file, file.offset.addingReportingOverflow(length).overflow || file.offset > UInt64(Int64.max) {
            return .failure(.overflow)
        }

        let address: UInt64
        if flags.contains(.fixed) || flags.contains(.fixedNoReplace) {
            let fixed = hint ?? 0
            guard fixed & (pageSize - 1) == 0 else { return .failure(.invalidArgument) }
            guard fits(fixed, length) else { return .failure(.noMemory) }
            guard fixed >= minAddress else { return .failure(.notPermitted) }
            if !flags.contains(.fixed) && !table.isFree(pages(fixed, length)) {
                return .failure(.fileExists)
            }
            address = fixed
        } else {
            guard let found = findFree(length: length, hint: hint) else { return .failure(.noMemory) }
            address = found
        }

        var hostFlags = MAP_FIXED | (flags.contains(.shared) ? MAP_SHARED : MAP_PRIVATE)
        if file == nil { hostFlags |= MAP_ANONYMOUS }
        if flags.contains(.noReserve) { hostFlags |= MAP_NORESERVE }
        let result = Host.mmap(
            host(address), length: Int(length), protection: Self.hostProtection(protection),
            flags: hostFlags, fd: file?.fd ?? -1, offset: Int64(file?.offset ?? 0))
        if case let .failure(errno) = result {
            repair(address, length)
            return .failure(errno)
        }
        table.set(pages(address, length), to: PageFlags(mapped: protection, shared: flags.contains(.shared)))
        names.set(pages(address, length), name)
        return .success(address)
    }

    /// A free, page-aligned range of `length` bytes: the hint if it fits, else top-down
    /// below mmapTop, else the lowest that fits anywhere.
    func findFree(length: UInt64, hint: UInt64?) -> UInt64? {
        let count = length >> pageShift
        let minPage = minAddress >> pageShift
        if let hint, let aligned = pageAligned(hint), aligned >= minAddress, fits(aligned, length),
           table.isFree(pages(aligned, length))
        {
            return aligned
        }
        let topPage = mmapTop >> pageShift
        if topPage > minPage, let page = table.highestFreeRun(count: count, in: minPage..<topPage) {
            return page << pageShift
        }
        // Linux's fallback when the top-down search fails: bottom-up over the whole space.
        if let page = table.lowestFreeRun(count: count, in: minPage..<(size >> pageShift)) {
            return page << pageShift
        }
        return nil
    }

    mutating func unmap(_ address: UInt64, _ length: UInt64) -> Result<Void, Errno> {
        guard address & (pageSize - 1) == 0, fits(address, length) else { return .failure(.invalidArgument) }
        guard let length = pageAligned(length), length > 0 else { return .failure(.invalidArgument) }
        guard fits(address, length) else { return .failure(.invalidArgument) }
        if table.isFree(pages(address, length)) { return .success(()) }
        return reserve(address, length).map {
            table.set(pages(address, length), to: [])
            names.remove(pages(address, length))
        }
    }

    func protect(_ address: UInt64, _ length: UInt64, _ protection: Protection) -> Result<Void, Errno> {
        guard address & (pageSize - 1) == 0 else { return .failure(.invalidArgument) }
        guard length > 0 else { return .success(()) }
        guard let length = pageAligned(length), fits(address, length) else { return .failure(.noMemory) }
        let range = pages(address, length)
        guard table.all(range, { $0.contains(.mapped) }) else { return .failure(.noMemory) }
        return Host.mprotect(host(address), length: Int(length), protection: Self.hostProtection(protection))
            .map {
                table.update(range) { old in
                    PageFlags(mapped: protection, shared: old.contains(.shared))
                        .union(old.intersection(.translated))
                }
            }
    }
}
