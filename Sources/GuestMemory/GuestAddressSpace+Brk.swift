// The program break (brk) with Linux semantics.

import Host
import SystemPackage

extension GuestAddressSpace {
    /// Sets where the heap starts (the loader calls this with the end of the program's
    /// highest segment). The break starts there, rounded up to a page, as on Linux.
    public func setBrk(start: GuestAddress) {
        state.withLock { state in
            let start = min(state.pageAligned(start.rawValue) ?? state.size, state.size)
            state.brkStart = start
            state.brkCurrent = start
        }
    }

    /// The first address of the heap, as set by `setBrk(start:)`.
    public var brkStart: GuestAddress { state.withLock { GuestAddress($0.brkStart) } }

    /// The current break.
    public var currentBrk: GuestAddress { state.withLock { GuestAddress($0.brkCurrent) } }

    /// Guest brk: moves the break to `request` and returns the new break, or returns the
    /// current one unchanged when `request` is below the heap start (brk(0) asks for it this
    /// way), would grow into another mapping or past the space, or the host refuses.
    /// Growing maps fresh zeroed read/write pages named "[heap]"; shrinking unmaps whole
    /// pages above the new break.
    public func brk(_ request: GuestAddress) -> GuestAddress {
        state.withLock { GuestAddress($0.brk(request.rawValue)) }
    }
}

extension SpaceState {
    mutating func brk(_ request: UInt64) -> UInt64 {
        guard request >= brkStart, request <= size else { return brkCurrent }
        guard let newEnd = pageAligned(request), let oldEnd = pageAligned(brkCurrent) else { return brkCurrent }
        if newEnd < oldEnd {
            if case .failure = unmap(newEnd, oldEnd - newEnd) { return brkCurrent }
        } else if newEnd > oldEnd {
            guard fits(oldEnd, newEnd - oldEnd), table.isFree(pages(oldEnd, newEnd - oldEnd)) else { return brkCurrent }
            let mapped = map(
                hint: oldEnd, length: newEnd - oldEnd, protection: .readWrite,
                flags: [.fixedNoReplace, .private, .anonymous], file: nil, name: "[heap]")
            guard case .success = mapped else { return brkCurrent }
        }
        brkCurrent = request
        return request
    }
}
