// Helpers shared by the decodegen tests: a seeded random source, a plain reference matcher
// and a deterministic "visitor" that declines some calls.

@testable import DecodeGenKit

/// SplitMix64: small, seedable, the same sequence on every machine.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The decoder's meaning written the obvious way: members top to bottom, groups recursively;
/// the first pattern whose fixed bits match and whose method accepts wins.
func referenceMatch(_ spec: Spec, _ group: Group, _ word: UInt32,
                    accepts: (String, [(name: String, value: UInt32)]) -> Bool) -> Int? {
    for member in group.members {
        switch member {
        case .pattern(let index):
            let pattern = spec.patterns[index]
            if word & pattern.mask == pattern.value, accepts(pattern.name, pattern.argumentValues(for: word)) {
                return index
            }
        case .group(let inner):
            if let found = referenceMatch(spec, inner, word, accepts: accepts) { return found }
        }
    }
    return nil
}

/// A visitor that declines about a third of its calls, depending only on what a generated
/// visitor sees (method name and argument values). The end-to-end driver computes the same.
func hashAccepts(_ name: String, _ arguments: [(name: String, value: UInt32)]) -> Bool {
    var h = UInt32(name.utf8.count)
    for argument in arguments {
        h = h &* 31 &+ argument.value
    }
    return h % 3 != 0
}

/// Parses `text`, failing the test with the rendered errors if it does not parse.
func parseOrDescribe(_ text: String) -> Result<Spec, SpecErrors> {
    do {
        return .success(try Spec.parse(text))
    } catch {
        return .failure(error)
    }
}
