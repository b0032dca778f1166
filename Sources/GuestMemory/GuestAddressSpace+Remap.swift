// Guest mremap with Linux semantics: shrink in place, grow in place when the pages after
// are free, otherwise move (host mremap into the reservation) when allowed.

import Glibc
import Host
import SystemPackage

extension GuestAddressSpace {
    /// Guest mremap.
    ///
    /// EINVAL: misaligned `address`, `newLength` 0, `fixed` without `mayMove`, a misaligned
    /// or out-of-space `newAddress`, or old and new ranges overlapping under `fixed`;
    /// also `oldLength` 0 (Linux's duplicate-a-shared-mapping case is not supported).
    /// EFAULT: some page of the old range is unmapped. ENOMEM: cannot grow in place and
    /// may not move, or no room to move to. Returns the (possibly new) address.
    public func remap(
        _ address: GuestAddress, oldLength: UInt64, newLength: UInt64, flags: RemapFlags,
        newAddress: GuestAddress? = nil
    ) -> Result<GuestAddress, Errno> {
        state.withLock { state in
            state.remap(address.rawValue, oldLength, newLength, flags, newAddress?.rawValue)
                .map { GuestAddress($0) }
        }
    }
}

extension SpaceState {
    mutating func remap(
        _ address: UInt64, _ oldLength: UInt64, _ newLength: UInt64, _ flags: RemapFlags,
        _ newAddress: UInt64?
    ) -> Result<UInt64, Errno> {
        if flags.contains(.fixed) && !flags.contains(.mayMove) { return .failure(.invalidArgument) }
        guard address & (pageSize - 1) == 0 else { return .failure(.invalidArgument) }
        guard let oldLength = pageAligned(oldLength), oldLength > 0,
              let newLength = pageAligned(newLength), newLength > 0
        else { return .failure(.invalidArgument) }
        guard fits(address, oldLength) else { return .failure(.badAddress) }

        if flags.contains(.fixed) {
            let target = newAddress ?? 0
            guard target & (pageSize - 1) == 0, fits(target, newLength) else { return .failure(.invalidArgument) }
            if target < address + oldLength && address < target + newLength { return .failure(.invalidArgument) }
            guard target >= minAddress else { return .failure(.notPermitted) }
            guard table.all(pages(address, oldLength), { $0.contains(.mapped) }) else { return .failure(.badAddress) }
            if case let .failure(errno) = unmap(target, newLength) { return .failure(errno) }
            return move(address, oldLength, to: target, newLength)
        }

        guard table.all(pages(address, oldLength), { $0.contains(.mapped) }) else { return .failure(.badAddress) }
        if newLength <= oldLength {
            if newLength < oldLength, case let .failure(errno) = unmap(address + newLength, oldLength - newLength) {
                return .failure(errno)
            }
            return .success(address)
        }

        // Grow in place: the host must see free space after the old end, so the reservation
        // there is dropped just before the host mremap and put back if that fails.
        let extra = newLength - oldLength
        if fits(address, newLength), table.isFree(pages(address + oldLength, extra)) {
            if case .success = Host.munmap(host(address + oldLength), length: Int(extra)) {
                let grown = Host.mremap(host(address), oldLength: Int(oldLength), newLength: Int(newLength), flags: 0)
                if case .success = grown {
                    let last = table[(address + oldLength - pageSize) >> pageShift].subtracting(.translated)
                    table.set(pages(address + oldLength, extra), to: last)
                    let name = names.name(at: (address + oldLength - pageSize) >> pageShift)
                    names.set(pages(address + oldLength, extra), name)
                    return .success(address)
                }
                repair(address + oldLength, extra)
            }
        }
        guard flags.contains(.mayMove) else { return .failure(.noMemory) }
        guard let target = findFree(length: newLength, hint: nil) else { return .failure(.noMemory) }
        return move(address, oldLength, to: target, newLength)
    }

    /// Moves the mapped pages [address, address + oldLength) to the free range at `target`
    /// with host mremap, growing or shrinking to `newLength`, and re-reserves the old range.
    private mutating func move(
        _ address: UInt64, _ oldLength: UInt64, to target: UInt64, _ newLength: UInt64
    ) -> Result<UInt64, Errno> {
        var oldLength = oldLength
        if newLength < oldLength {
            if case let .failure(errno) = unmap(address + newLength, oldLength - newLength) {
                return .failure(errno)
            }
            oldLength = newLength
        }
        let moved = Host.mremap(
            host(address), oldLength: Int(oldLength), newLength: Int(newLength),
            flags: Host.mremapMayMove | Host.mremapFixed, newAddress: host(target))
        if case let .failure(errno) = moved {
            repair(target, newLength)
            return .failure(errno)
        }
        // The kernel left a hole at the old range; fill it before anyone else's mmap can.
        if case .failure = reserve(address, oldLength) { repair(address, oldLength) }

        let oldPages = pages(address, oldLength)
        let newFirst = target >> pageShift
        var last: PageFlags = []
        for page in oldPages {
            last = table[page].subtracting(.translated)
            table.set(newFirst + (page - oldPages.lowerBound)..<newFirst + (page - oldPages.lowerBound) + 1, to: last)
        }
        let newPages = pages(target, newLength)
        if newLength > oldLength { table.set(newFirst + UInt64(oldPages.count)..<newPages.upperBound, to: last) }
        table.set(oldPages, to: [])

        let pieces = names.pieces(of: oldPages)
        names.remove(oldPages)
        names.remove(newPages)
        for piece in pieces where !piece.name.isEmpty {
            let start = newFirst + (piece.pages.lowerBound - oldPages.lowerBound)
            let end = piece.pages.upperBound == oldPages.upperBound
                ? newPages.upperBound : newFirst + (piece.pages.upperBound - oldPages.lowerBound)
            names.set(start..<end, piece.name)
        }
        return .success(target)
    }
}
