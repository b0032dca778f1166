// Which guest pages hold which file, at which offset: the `offset dev:inode path` columns of
// /proc/self/maps. GuestMemory names ranges but does not know files (ELF segments are copied
// into anonymous memory, guest file mmaps are host mmaps of the same descriptor); this table
// is kept beside it by the loader and by mmap/munmap/mremap.

/// One file-backed range of guest addresses.
struct FileMapping: Equatable, Sendable {
    var start: UInt64
    var end: UInt64
    /// The guest's view of the file's path.
    var path: String
    /// File offset of `start`.
    var offset: UInt64
    var device: UInt64
    var inode: UInt64
}

/// Disjoint file ranges, sorted by address.
struct FileMappingTable: Sendable {
    private(set) var entries: [FileMapping] = []

    /// Forgets [start, end), trimming or splitting ranges that overlap it (the offset of a
    /// trimmed range's new start moves with it).
    mutating func remove(_ start: UInt64, _ end: UInt64) {
        guard start < end else { return }
        var kept: [FileMapping] = []
        kept.reserveCapacity(entries.count + 1)
        for entry in entries {
            if entry.end <= start || entry.start >= end {
                kept.append(entry)
                continue
            }
            if entry.start < start {
                var low = entry
                low.end = start
                kept.append(low)
            }
            if entry.end > end {
                var high = entry
                high.offset = entry.offset &+ (end - entry.start)
                high.start = end
                kept.append(high)
            }
        }
        entries = kept
    }

    /// Records `mapping`, replacing whatever was recorded over its range.
    mutating func insert(_ mapping: FileMapping) {
        guard mapping.start < mapping.end else { return }
        remove(mapping.start, mapping.end)
        let index = entries.firstIndex { $0.start > mapping.start } ?? entries.count
        entries.insert(mapping, at: index)
    }

    /// [start, end) moved to `newStart` (mremap): what was recorded there follows it.
    mutating func move(_ start: UInt64, _ end: UInt64, to newStart: UInt64, newLength: UInt64) {
        let moved = entries.filter { $0.start < end && $0.end > start }
        remove(start, end)
        remove(newStart, newStart &+ newLength)
        for var entry in moved {
            let from = max(entry.start, start)
            entry.offset = entry.offset &+ (from - entry.start)
            entry.start = newStart &+ (from - start)
            entry.end = min(newStart &+ (min(entry.end, end) - start), newStart &+ newLength)
            if entry.start < entry.end { insert(entry) }
        }
    }

    /// The pieces of [start, end) in order: each either inside one recorded file range (with
    /// the offset of the piece's start) or not file-backed (nil).
    func pieces(_ start: UInt64, _ end: UInt64) -> [(start: UInt64, end: UInt64, file: FileMapping?)] {
        var result: [(start: UInt64, end: UInt64, file: FileMapping?)] = []
        var cursor = start
        for entry in entries where entry.start < end && entry.end > start {
            let from = max(entry.start, start), to = min(entry.end, end)
            if from > cursor { result.append((cursor, from, nil)) }
            var piece = entry
            piece.offset = entry.offset &+ (from - entry.start)
            result.append((from, to, piece))
            cursor = to
        }
        if cursor < end { result.append((cursor, end, nil)) }
        return result
    }
}
