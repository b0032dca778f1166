// A small deterministic generator, so a failure names the same inputs on every run, and the
// picks the tests and the fuzzer make with it.

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A 32-bit value, often one of the edge cases arithmetic gets wrong.
    mutating func word() -> UInt32 {
        switch below(8) {
        case 0: return pick([0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0xffff_fffe, 0x8000_0001, 0x0000_ffff, 0xffff_8000])
        case 1: return UInt32(below(64))
        case 2: return UInt32(bitPattern: -Int32(below(64)))
        default: return UInt32(truncatingIfNeeded: next())
        }
    }
}

/// Both byte orders, for tests that run in each.
let byteOrders = [false, true]
