// Names of mapped ranges ("[heap]", "[stack]", file paths) for /proc/self/maps.
//
// Kept apart from the page table: names change only on map/unmap/remap, and the table
// stays one byte per page.

/// Disjoint page ranges with a name each, sorted by address.
struct NameMap {
    /// A named page range. (A struct, not a tuple: an array of tuples costs a runtime
    /// metadata instantiation at every start.)
    struct Entry {
        var pages: Range<UInt64>
        var name: String
    }

    private(set) var entries: [Entry] = []

    /// Forgets names over `pages`, trimming or splitting entries that overlap it.
    mutating func remove(_ pages: Range<UInt64>) {
        guard !pages.isEmpty else { return }
        var kept: [Entry] = []
        kept.reserveCapacity(entries.count + 1)
        for entry in entries {
            if entry.pages.upperBound <= pages.lowerBound || entry.pages.lowerBound >= pages.upperBound {
                kept.append(entry)
                continue
            }
            if entry.pages.lowerBound < pages.lowerBound {
                kept.append(Entry(pages: entry.pages.lowerBound..<pages.lowerBound, name: entry.name))
            }
            if entry.pages.upperBound > pages.upperBound {
                kept.append(Entry(pages: pages.upperBound..<entry.pages.upperBound, name: entry.name))
            }
        }
        entries = kept
    }

    /// Names `pages` (replacing any name there). An empty name just removes.
    mutating func set(_ pages: Range<UInt64>, _ name: String) {
        remove(pages)
        guard !name.isEmpty, !pages.isEmpty else { return }
        var index = entries.firstIndex { $0.pages.lowerBound > pages.lowerBound } ?? entries.count
        var merged = pages
        // Join neighbours with the same name (a grown mapping, a heap extended by brk).
        if index < entries.count, entries[index].pages.lowerBound == merged.upperBound, entries[index].name == name {
            merged = merged.lowerBound..<entries[index].pages.upperBound
            entries.remove(at: index)
        }
        if index > 0, entries[index - 1].pages.upperBound == merged.lowerBound, entries[index - 1].name == name {
            merged = entries[index - 1].pages.lowerBound..<merged.upperBound
            entries.remove(at: index - 1)
            index -= 1
        }
        entries.insert(Entry(pages: merged, name: name), at: index)
    }

    /// The name covering `page`, or "".
    func name(at page: UInt64) -> String {
        for entry in entries where entry.pages.contains(page) { return entry.name }
        return ""
    }

    /// The names over `pages`, as (sub-range, name) pieces covering `pages` in order.
    func pieces(of pages: Range<UInt64>) -> [Entry] {
        var result: [Entry] = []
        var cursor = pages.lowerBound
        for entry in entries where entry.pages.overlaps(pages) {
            let start = max(entry.pages.lowerBound, pages.lowerBound)
            let end = min(entry.pages.upperBound, pages.upperBound)
            if start > cursor { result.append(Entry(pages: cursor..<start, name: "")) }
            result.append(Entry(pages: start..<end, name: entry.name))
            cursor = end
        }
        if cursor < pages.upperBound { result.append(Entry(pages: cursor..<pages.upperBound, name: "")) }
        return result
    }
}
