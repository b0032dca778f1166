// Picks for the tests and the fuzzer from the shared deterministic generator: words that are
// often the edge cases arithmetic gets wrong.

import TestTools

extension SplitMix64 {
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
