// Guest code fetches for the translator: only from mapped, executable guest pages.

import GuestMemory
import IR

struct GuestCode: CodeSource {
    let space: GuestAddressSpace

    func fetch16(_ address: UInt64) -> UInt16? {
        guard executable(address, 2) else { return nil }
        return space.base.loadUnaligned(fromByteOffset: Int(address), as: UInt16.self)
    }

    func fetch32(_ address: UInt64) -> UInt32? {
        guard executable(address, 4) else { return nil }
        return space.base.loadUnaligned(fromByteOffset: Int(address), as: UInt32.self)
    }

    /// Both ends of the access lie in executable pages (an access may cross one page boundary).
    @inline(__always)
    func executable(_ address: UInt64, _ size: UInt64) -> Bool {
        guard address &+ size <= space.size else { return false }
        let first = space.protection(at: GuestAddress(address))
        let last = space.protection(at: GuestAddress(address + size - 1))
        return first?.contains(.execute) == true && last?.contains(.execute) == true
    }
}
