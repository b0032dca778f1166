// Signal sets inside guest structs, and stack_t. A kernel sigset_t is an array of words, word 0
// holding signals 1-32 (or 1-64 on 64-bit guests), each word in the guest's byte order; so a
// big-endian 32-bit guest's set is not a big-endian UInt64. These go through the words.

extension StructWriter {
    /// Stores a signal set (bit n-1 = signal n, already translated to guest numbers) into an
    /// array field of words (`sig` of sigset_t, `sa_mask.sig` of sigaction, `sa_mask` of the
    /// old one-word sigaction). Words past the first 64 bits are zeroed.
    @discardableResult
    public func setSignalSet(_ mask: UInt64, field name: StaticString) -> Bool {
        guard let field = layout.field(named: name), field.size == 4 || field.size == 8 else { return false }
        let bitsPerWord = UInt64(field.size * 8)
        var ok = true
        for index in 0..<field.count {
            let shift = UInt64(index) * bitsPerWord
            let word = shift < 64 ? mask >> shift : 0
            let masked = bitsPerWord == 64 ? word : word & 0xffff_ffff
            ok = set(field, masked, index: index) && ok
        }
        // A one-word set cannot hold signals above 32: report them as lost.
        let capacity = UInt64(field.count) * bitsPerWord
        return ok && (capacity >= 64 || mask >> capacity == 0)
    }
}

extension StructReader {
    /// The signal set in an array field of words (guest numbering; signals above 64 dropped).
    public func signalSet(field name: StaticString) -> UInt64? {
        guard let field = layout.field(named: name), field.size == 4 || field.size == 8 else { return nil }
        let bitsPerWord = UInt64(field.size * 8)
        var mask: UInt64 = 0
        for index in 0..<field.count {
            let shift = UInt64(index) * bitsPerWord
            guard shift < 64, let word = get(field, index: index) else { continue }
            let bits = bitsPerWord == 64 ? word : word & 0xffff_ffff
            mask |= bits << shift
        }
        return mask
    }
}
