// Scratch memory that the passes and the code generator keep from one block to the next: a
// raw, growing buffer of plain values. Once it has grown to fit the largest block seen,
// translating a block allocates nothing, and an access is one load or store: no
// copy-on-write check, no reference count, no generic metadata looked up at run time (an
// Array of a non-standard element type costs a metadata lookup per allocation).

/// A buffer of plain values owned by one translator, reused across blocks. Indices are
/// unchecked: callers keep them below `count` (the tables are indexed by value or op indices
/// that the caller sized them for).
@frozen
public struct ScratchBuffer<Element: BitwiseCopyable>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    @usableFromInline var used: Int
    /// Elements in use.
    @inlinable public var count: Int { used }

    @inlinable
    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
        used = 0
    }

    deinit { base.deallocate() }

    /// The elements, in place; valid until the next call that grows the buffer.
    @inlinable public var pointer: UnsafeMutablePointer<Element> { base }

    /// Makes the buffer `n` elements long, each `value` (the old contents are dropped).
    @inlinable
    public mutating func reset(count n: Int, to value: Element) {
        if n > capacity { reallocate(n, keeping: 0) }
        base.initialize(repeating: value, count: n)
        used = n
    }

    /// Makes the buffer at least `n` elements long, keeping its elements and filling the new
    /// ones with `value`.
    @inlinable
    public mutating func extend(to n: Int, with value: Element) {
        guard n > used else { return }
        if n > capacity { reallocate(Swift.max(n, capacity * 2), keeping: used) }
        (base + used).initialize(repeating: value, count: n - used)
        used = n
    }

    /// Empties the buffer, keeping its memory.
    @inlinable
    public mutating func removeAll() { used = 0 }

    @inlinable
    public mutating func append(_ element: Element) {
        if used == capacity { reallocate(capacity * 2, keeping: used) }
        base[used] = element
        used &+= 1
    }

    /// Removes and returns the last element; nil when empty.
    @inlinable
    public mutating func popLast() -> Element? {
        guard used > 0 else { return nil }
        used &-= 1
        return base[used]
    }

    /// Removes the last `k` elements.
    @inlinable
    public mutating func removeLast(_ k: Int) { used -= k }

    /// Removes the element at `i`, moving the later ones down (order is kept).
    @inlinable
    public mutating func remove(at i: Int) {
        var k = i
        while k + 1 < used {
            base[k] = base[k + 1]
            k += 1
        }
        used &-= 1
    }

    /// Removes the element at `i` by moving the last one into its place (order is not kept).
    @inlinable
    public mutating func swapRemove(at i: Int) {
        used &-= 1
        base[i] = base[used]
    }

    @inlinable
    public subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    @usableFromInline
    mutating func reallocate(_ newCapacity: Int, keeping kept: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if kept > 0 { grown.initialize(from: base, count: kept) }
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
