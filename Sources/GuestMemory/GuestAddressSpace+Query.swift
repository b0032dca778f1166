// Page-table queries: protections, the translated bit, and the mapping list.

extension GuestAddressSpace {
    /// The guest protection of the page holding `address`, or nil if it is unmapped.
    public func protection(at address: GuestAddress) -> Protection? {
        state.withLock { state -> Protection? in
            guard address.rawValue < state.size else { return nil }
            let flags = state.table[address.rawValue >> state.pageShift]
            return flags.contains(.mapped) ? flags.protection : nil
        }
    }

    /// Whether the page holding `address` is MAP_SHARED memory.
    public func isShared(at address: GuestAddress) -> Bool {
        state.withLock { state in
            address.rawValue < state.size && state.table[address.rawValue >> state.pageShift].contains(.shared)
        }
    }

    /// Records that code was translated from the page holding `address`. The engine uses
    /// the bit to notice writes to, and unmapping of, pages that have translations.
    public func markTranslated(_ address: GuestAddress) {
        state.withLock { state in
            guard address.rawValue < state.size else { return }
            let page = address.rawValue >> state.pageShift
            state.table.update(page..<page + 1) { $0.contains(.mapped) ? $0.union(.translated) : $0 }
        }
    }

    /// Whether the page holding `address` has the translated bit.
    public func isTranslated(_ address: GuestAddress) -> Bool {
        state.withLock { state in
            address.rawValue < state.size && state.table[address.rawValue >> state.pageShift].contains(.translated)
        }
    }

    /// Whether any page overlapping [address, address + length) has the translated bit.
    public func anyTranslated(_ address: GuestAddress, length: UInt64) -> Bool {
        state.withLock { state in
            guard let pages = state.pages(overlapping: address, length: length) else { return false }
            return pages.contains { state.table[$0].contains(.translated) }
        }
    }

    /// Clears the translated bit on the pages overlapping [address, address + length);
    /// returns whether any page had it. Mapping over, unmapping or moving pages clears it too.
    @discardableResult
    public func clearTranslated(_ address: GuestAddress, length: UInt64) -> Bool {
        state.withLock { state in
            guard let pages = state.pages(overlapping: address, length: length) else { return false }
            var any = false
            state.table.update(pages) { flags in
                if flags.contains(.translated) { any = true }
                return flags.subtracting(.translated)
            }
            return any
        }
    }

    /// Runs `body` with the mappings' lock held: no other thread maps, unmaps or changes
    /// protections meanwhile (fork holds it so the child's copy is whole and unlocked).
    public func withLockHeld<Result>(_ body: () -> Result) -> Result {
        state.withLock { _ in body() }
    }

    /// Every mapped range, in address order, split where protection, sharing or name
    /// changes: the content of /proc/self/maps.
    public func mappings() -> [GuestMapping] {
        state.withLock { state in
            var result: [GuestMapping] = []
            let shift = state.pageShift
            state.table.forEachRun(mask: PageFlags.mappingBits) { pages, flags in
                for piece in state.names.pieces(of: pages) {
                    result.append(GuestMapping(
                        start: GuestAddress(piece.pages.lowerBound << shift),
                        end: GuestAddress(piece.pages.upperBound << shift),
                        protection: flags.protection, shared: flags.contains(.shared), name: piece.name))
                }
            }
            return result
        }
    }
}

extension SpaceState {
    /// The page numbers [address, address + length) overlaps, cut at the end of the space;
    /// nil when that is nothing.
    func pages(overlapping address: GuestAddress, length: UInt64) -> Range<UInt64>? {
        guard length > 0, address.rawValue < size else { return nil }
        let (sum, overflow) = address.rawValue.addingReportingOverflow(length)
        let end = overflow ? size : min(size, sum)
        return (address.rawValue >> pageShift)..<((end - 1) >> pageShift) + 1
    }
}
