// Guest code fetches for the translator: only from mapped, executable guest pages. Every page
// code is fetched from is marked `translated` in the page table, so that unmapping or
// remapping it later can drop the blocks made from it.

import CHost
import GuestMemory
import IR

final class GuestCode: CodeSource {
    let space: GuestAddressSpace
    /// The space's base, size and page size as a shift, copied: a fetch is a few register
    /// operations when it lands on the checked page (no division, no call).
    private let base: UnsafeMutableRawPointer
    private let size: UInt64
    private let pageShift: UInt64
    /// The last page found executable and marked: fetches within it skip the page table.
    private var checkedPage: UInt64 = .max

    init(space: GuestAddressSpace) {
        self.space = space
        base = space.base
        size = space.size
        pageShift = UInt64(space.pageSize.trailingZeroBitCount)
    }

    func fetch16(_ address: UInt64) -> UInt16? {
        guard executable(address, 2) else { return nil }
        return base.loadUnaligned(fromByteOffset: Int(address), as: UInt16.self)
    }

    func fetch32(_ address: UInt64) -> UInt32? {
        guard executable(address, 4) else { return nil }
        return base.loadUnaligned(fromByteOffset: Int(address), as: UInt32.self)
    }

    /// Forgets the cached page (its protection may have changed).
    func invalidate() { checkedPage = .max }

    /// Both ends of the access lie in executable pages (an access may cross one page boundary).
    @inline(__always)
    func executable(_ address: UInt64, _ size: UInt64) -> Bool {
        guard address &+ size <= self.size else { return false }
        let first = address >> pageShift, last = (address + size - 1) >> pageShift
        if first == checkedPage && last == checkedPage { return true }
        return page(address) && page(address + size - 1)
    }

    @inline(never)
    private func page(_ address: UInt64) -> Bool {
        let page = address >> pageShift
        if page == checkedPage { return true }
        guard let protection = space.protection(at: GuestAddress(address)), protection.contains(.execute) else { return false }
        space.markTranslated(GuestAddress(address))
        // Code on a writable page: write-protect it, so a store into it (self-modifying code)
        // faults and the translations from it are dropped.
        if protection.contains(.write) { _ = chost_fault_protect_page(page) }
        checkedPage = page
        return true
    }
}
