// The guest state fields the forward walk keeps track of (the values known to be in them, the
// stores nobody has read yet), found by the 4-byte word they start in. Fields are 4 or 8 bytes
// (every IR type is), and the fields a table holds never overlap, so a word starts at most one
// of them, and the fields overlapping a range start in the few words just before or inside it:
// each lookup is a handful of loads, not a walk over every field known (one word while every
// field tracked is a whole word, as integer code's are). Forgetting everything (at a label, a
// branch, a helper) bumps a stamp instead of clearing the table.

import IR

/// A field of `size` bytes at `offset`, with what the table keeps about it.
struct TrackedField<Payload: BitwiseCopyable> {
    /// Valid while equal to the table's stamp.
    var stamp: UInt32
    var offset: UInt64
    var size: UInt64
    var payload: Payload
}

struct FieldTable<Payload: BitwiseCopyable>: ~Copyable {
    /// Indexed by start word (offset / 4); grown as offsets are seen.
    var words: ScratchBuffer<TrackedField<Payload>>
    var stamp: UInt32 = 1
    /// Equal to `stamp` while a field other than an aligned 4-byte word is tracked (an 8-byte
    /// field, say). Until then every tracked field is a whole word, so only the words a range
    /// covers can hold a field overlapping it: one word for a 4-byte access, not the three a
    /// field of up to 8 bytes could start in.
    var irregularStamp: UInt32 = 0
    let empty: TrackedField<Payload>
    /// Fields starting past this many words (a state block over 64 KiB) are not tracked: no
    /// value is known for them and no store to them is found dead.
    static var maxWords: Int { 1 << 14 }

    init(placeholder: Payload) {
        empty = TrackedField(stamp: 0, offset: 0, size: 0, payload: placeholder)
        words = ScratchBuffer(capacity: 256)
    }

    /// Forgets every field.
    mutating func removeAll() {
        stamp &+= 1
        if stamp == 0 {
            // The stamp wrapped: no old entry may look valid again.
            words.reset(count: words.count, to: empty)
            stamp = 1
        }
    }

    /// The field exactly [offset, offset + size), if tracked.
    @inline(__always)
    func find(offset: UInt64, size: UInt64) -> Payload? {
        let w = offset >> 2
        guard w < UInt64(words.count) else { return nil }
        let e = words[Int(w)]
        return e.stamp == stamp && e.offset == offset && e.size == size ? e.payload : nil
    }

    /// Tracks [offset, offset + size), which overlaps no tracked field.
    @inline(__always)
    mutating func insert(offset: UInt64, size: UInt64, _ payload: Payload) {
        guard offset >> 2 < UInt64(Self.maxWords) else { return }
        let w = Int(offset >> 2)
        if w >= words.count { words.extend(to: w + 1, with: empty) }
        words[w] = TrackedField(stamp: stamp, offset: offset, size: size, payload: payload)
        if size != 4 || offset & 3 != 0 { irregularStamp = stamp }
    }

    /// The start words of the fields that may overlap [offset, offset + size): a field of at most
    /// 8 bytes overlapping it starts at offset - 7 or later; a whole word, in a word the range
    /// covers.
    @inline(__always)
    func candidateWords(offset: UInt64, size: UInt64) -> Range<Int> {
        let first = (irregularStamp != stamp ? offset : offset >= 7 ? offset - 7 : 0) >> 2
        let last = (offset &+ size &- 1) >> 2
        let end = min(last &+ 1, UInt64(words.count))
        return first < end ? Int(first)..<Int(end) : 0..<0
    }

    /// Whether word `w` starts a tracked field overlapping [offset, offset + size).
    @inline(__always)
    func overlaps(_ w: Int, offset: UInt64, size: UInt64) -> Bool {
        let e = words[w]
        return e.stamp == stamp && e.offset < offset + size && offset < e.offset + e.size
    }

    /// Forgets the fields overlapping [offset, offset + size).
    @inline(__always)
    mutating func remove(overlapping offset: UInt64, _ size: UInt64) {
        for w in candidateWords(offset: offset, size: size) where overlaps(w, offset: offset, size: size) {
            words[w].stamp = 0
        }
    }
}
