// One struct layout to another by field name: how a host kernel struct (StructLayouts.host)
// becomes the guest's, and back. Fields match by name; arrays copy element by element up to
// the shorter count (byte arrays as raw bytes: char is signed on x86-64, unsigned on ARM);
// destination fields with no source are left as they are (zero them first).

extension StructWriter {
    /// Copies every same-named field from `source`. Returns false if some value did not fit
    /// its destination field (a 64-bit host inode in a 32-bit guest field), which calls like
    /// stat report as EOVERFLOW; every field is still written, truncated.
    @discardableResult
    public func copyFields(from source: StructReader) -> Bool {
        var allFit = true
        for destination in layout.fields {
            guard let from = source.layout.field(named: destination.name) else { continue }
            let count = min(from.count, destination.count)
            for index in 0..<count {
                guard let value = source.get(from, index: index) else { continue }
                if from.size == 1 && destination.size == 1 {
                    // Characters and padding: bytes, whatever the signedness of char.
                    _ = store(destination, value, index: index)
                    continue
                }
                let fits = from.signed
                    ? set(destination, signed: Int64(bitPattern: value), index: index)
                    : set(destination, value, index: index)
                if !fits { allFit = false }
            }
        }
        return allFit
    }
}
