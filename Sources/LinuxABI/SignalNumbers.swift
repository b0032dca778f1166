// Signal numbers and signal sets. Below SIGRTMIN each signal has a name and a number per arch;
// from SIGRTMIN up the real-time signals are a range (ARM: 32...64, MIPS: 32...127), mapped
// onto the host's range by offset. Numbers are the kernel's: the host C library reserves
// kernel signals 32 and 33 for itself, and LinuxUser decides what a guest gets there.

public struct SignalNumbers: Sendable {
    /// Signals 1 up to SIGRTMIN - 1, by name.
    public let named: ConstantTable<Constant>
    /// The guest's real-time signals (SIGRTMIN...the kernel's _NSIG).
    public let guestRealtime: ClosedRange<Int32>
    /// The host's real-time signals, kernel numbering (x86-64: 32...64).
    public let hostRealtime: ClosedRange<Int32>
    /// True when every guest number is the host's number (ARM, AArch64): translation is a
    /// range check and signal sets cross unchanged.
    public let isIdentity: Bool

    public init(named: ConstantTable<Constant>, guestRealtime: ClosedRange<Int32>, hostRealtime: ClosedRange<Int32> = 32...64) {
        self.named = named
        self.guestRealtime = guestRealtime
        self.hostRealtime = hostRealtime
        isIdentity = guestRealtime == hostRealtime && named.entries.allSatisfy { $0.guest == $0.host }
            && named.entries.count == Int(guestRealtime.lowerBound) - 1
    }

    /// Guest signal -> host signal; nil for 0, negative numbers, numbers past the guest's last
    /// signal, and guest real-time signals beyond the host's range.
    public func translate(_ guest: Int32) -> Int32? {
        if isIdentity { return (1...guestRealtime.upperBound).contains(guest) ? guest : nil }
        if guestRealtime.contains(guest) {
            let host = hostRealtime.lowerBound + (guest - guestRealtime.lowerBound)
            return hostRealtime.contains(host) ? host : nil
        }
        guard guest > 0, let host = named.translate(UInt32(guest)) else { return nil }
        return Int32(bitPattern: host)
    }

    /// Host signal -> guest signal; nil when the guest has no such signal.
    public func untranslate(_ host: Int32) -> Int32? {
        if isIdentity { return (1...hostRealtime.upperBound).contains(host) ? host : nil }
        if hostRealtime.contains(host) {
            let guest = guestRealtime.lowerBound + (host - hostRealtime.lowerBound)
            return guestRealtime.contains(guest) ? guest : nil
        }
        guard host > 0, let guest = named.untranslate(UInt32(host)) else { return nil }
        return Int32(bitPattern: guest)
    }

    /// A guest signal set (bit n-1 = signal n, as the kernel's sigset_t) -> the host's.
    /// Guest signals the host lacks are dropped.
    public func translateSet(_ guest: UInt64) -> UInt64 {
        if isIdentity { return guest }
        var host: UInt64 = 0
        var bits = guest
        while bits != 0 {
            let bit = Int32(bits.trailingZeroBitCount)
            bits &= bits &- 1
            if let signal = translate(bit + 1) { host |= 1 << UInt64(signal - 1) }
        }
        return host
    }

    /// A host signal set -> the guest's (only the guest's first 64 signals fit a UInt64; the
    /// host has no others to report).
    public func untranslateSet(_ host: UInt64) -> UInt64 {
        if isIdentity { return host }
        var guest: UInt64 = 0
        var bits = host
        while bits != 0 {
            let bit = Int32(bits.trailingZeroBitCount)
            bits &= bits &- 1
            if let signal = untranslate(bit + 1), signal <= 64 { guest |= 1 << UInt64(signal - 1) }
        }
        return guest
    }
}
