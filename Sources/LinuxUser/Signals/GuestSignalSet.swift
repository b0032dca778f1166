// A set of signals in the guest's numbering, as the guest's kernel keeps a thread's blocked
// mask or an action's sa_mask: bit n-1 for signal n, 128 bits wide, which is MIPS's _NSIG
// (ARM's 64 signals use the low half). Host sets stay plain UInt64s (x86-64's _NSIG is 64),
// so the type keeps the two numberings apart. MIPS signals 65-128 have no host signal: the
// guest can block them and reads back what it blocked, as on a MIPS kernel, but none ever
// arrives (the guest's C library stops at 127 and programs use few real-time signals, yet a
// sigfillset round trip through sigprocmask must come back whole).

import LinuxABI

struct GuestSignalSet: Equatable, Sendable {
    var bits: UInt128

    static let empty = GuestSignalSet(bits: 0)

    init(bits: UInt128) { self.bits = bits }

    /// Signals 1-64 from a 64-bit pattern (the sets of ARM's signal frames).
    init(low: UInt64) { bits = UInt128(low) }

    /// Whether `signal` (1...128) is in the set; false for numbers outside that range.
    func contains(_ signal: Int32) -> Bool {
        guard signal >= 1 && signal <= 128 else { return false }
        return bits >> UInt128(signal - 1) & 1 != 0
    }

    /// Adds `signal`; numbers outside 1...128 change nothing.
    mutating func insert(_ signal: Int32) {
        guard signal >= 1 && signal <= 128 else { return }
        bits |= 1 << UInt128(signal - 1)
    }

    func union(_ other: GuestSignalSet) -> GuestSignalSet { GuestSignalSet(bits: bits | other.bits) }
    func subtracting(_ other: GuestSignalSet) -> GuestSignalSet { GuestSignalSet(bits: bits & ~other.bits) }
    func intersection(_ other: GuestSignalSet) -> GuestSignalSet { GuestSignalSet(bits: bits & other.bits) }

    /// Signals 1-32: the one-word set of the old sigprocmask and sigsuspend.
    var low32: UInt32 { UInt32(truncatingIfNeeded: bits) }

    /// This set with signals 1-32 replaced by `word` (old sigprocmask's SIG_SETMASK, which
    /// the kernel applies to the first word only).
    func replacingLow32(with word: UInt32) -> GuestSignalSet {
        GuestSignalSet(bits: bits & ~UInt128(0xffff_ffff) | UInt128(word))
    }

    /// Signals 1-64 as a 64-bit pattern (what a 64-signal guest's structures hold).
    var low64: UInt64 { UInt64(truncatingIfNeeded: bits) }

    // MARK: The host's numbering

    /// The host signals of the guest's, bit n-1 for host signal n; guest signals the host
    /// lacks are dropped. ARM's numbering is the host's: no translation at all.
    func hostSet(_ signals: SignalNumbers) -> UInt64 {
        if signals.isIdentity { return low64 }
        var host: UInt64 = 0
        var rest = bits
        while rest != 0 {
            let signal = Int32(rest.trailingZeroBitCount + 1)
            rest &= rest &- 1
            if let h = signals.translate(signal), h >= 1 && h <= 64 { host |= 1 << UInt64(h - 1) }
        }
        return host
    }

    /// The guest's signals for a host set; host signals the guest lacks are dropped.
    init(host: UInt64, signals: SignalNumbers) {
        if signals.isIdentity {
            bits = UInt128(host)
            return
        }
        var set = GuestSignalSet.empty
        var rest = host
        while rest != 0 {
            let signal = Int32(rest.trailingZeroBitCount + 1)
            rest &= rest &- 1
            if let guest = signals.untranslate(signal) { set.insert(guest) }
        }
        self = set
    }

    // MARK: In guest structures

    /// The set in an array field of words (`sig` of sigset_t, `sa_mask.sig` of sigaction):
    /// word i holds the next 32 (or, with 8-byte words, 64) signals, in the guest's byte
    /// order. nil when there is no such field.
    init?(_ reader: StructReader, field name: StaticString) {
        guard let field = reader.layout.field(named: name), field.size == 4 || field.size == 8 else { return nil }
        let bitsPerWord = field.size * 8
        var bits: UInt128 = 0
        for index in 0..<field.count where index * bitsPerWord < 128 {
            guard let word = reader.get(field, index: index) else { return nil }
            let masked = bitsPerWord == 64 ? word : word & 0xffff_ffff
            bits |= UInt128(masked) << UInt128(index * bitsPerWord)
        }
        self.bits = bits
    }

    /// Stores the set into an array field of words; false when there is no such field. Words
    /// the field lacks (a 64-signal guest's set holds no signal past 64) are dropped.
    @discardableResult
    func write(to writer: StructWriter, field name: StaticString) -> Bool {
        guard let field = writer.layout.field(named: name), field.size == 4 || field.size == 8 else { return false }
        let bitsPerWord = field.size * 8
        let mask: UInt128 = bitsPerWord == 64 ? UInt128(UInt64.max) : 0xffff_ffff
        for index in 0..<field.count {
            let shift = index * bitsPerWord
            let word = shift < 128 ? bits >> UInt128(shift) & mask : 0
            writer.set(field, UInt64(truncatingIfNeeded: word), index: index)
        }
        return true
    }
}
