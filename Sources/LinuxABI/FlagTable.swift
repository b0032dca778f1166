// Bit sets (open flags, PROT_*, MAP_*, AT_*, SA_*) as rows of (name, guest bits, host bits).
// A row applies when all of its guest bits are set; most rows are one bit, a few are groups
// (MAP_SHARED_VALIDATE is MAP_SHARED|MAP_PRIVATE). A row whose host bits are 0 names a guest
// flag the host has no use for (ARM's SA_THIRTYTWO): it is known, and it is dropped.

public struct FlagTable: Sendable {
    public let entries: [Constant]
    /// Bits passed through unchanged because they are fields, not flags, and have the same
    /// position on guest and host (mmap's MAP_HUGE_* page-size field in bits 26-31).
    public let passThrough: UInt32
    /// Every guest bit some row or `passThrough` covers.
    public let knownGuestBits: UInt32
    /// Every host bit some row or `passThrough` covers.
    public let knownHostBits: UInt32

    public init(_ entries: [Constant], passThrough: UInt32 = 0) {
        self.entries = entries
        self.passThrough = passThrough
        var guest = passThrough
        var host = passThrough
        for entry in entries {
            guest |= entry.guest
            host |= entry.host
        }
        knownGuestBits = guest
        knownHostBits = host
    }

    /// Guest flags -> host flags. Guest bits no row knows are dropped; `unknownGuestBits`
    /// says which, for calls that must reject them (the kernel ignores unknown open flags but
    /// rejects unknown flags of newer calls like renameat2).
    public func translate(_ guest: UInt32) -> UInt32 {
        var host = guest & passThrough
        for entry in entries where entry.guest != 0 && guest & entry.guest == entry.guest {
            host |= entry.host
        }
        return host
    }

    /// Host flags -> guest flags (F_GETFL's result). Unknown host bits are dropped.
    public func untranslate(_ host: UInt32) -> UInt32 {
        var guest = host & passThrough
        for entry in entries where entry.host != 0 && host & entry.host == entry.host {
            guest |= entry.guest
        }
        return guest
    }

    public func unknownGuestBits(_ guest: UInt32) -> UInt32 {
        guest & ~knownGuestBits
    }

    public func unknownHostBits(_ host: UInt32) -> UInt32 {
        host & ~knownHostBits
    }
}
