// Random 16-bit specs for the equivalence test: top-level members told apart by bits 15:13,
// ordered groups of random overlapping patterns, disjoint groups told apart by bits 12:11,
// inline, signed and `%` fields, and constants.

struct RandomSpec {
    var random: SeededRandom
    /// Chance that a free bit of a pattern is fixed.
    let fixedChance: Double
    var lines: [String] = ["width 16", "%g 0:s3 8:2", "%h 4:4"]
    var count = 0

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        fixedChance = [0.2, 0.4, 0.6, 0.8][Int(seed % 4)]
    }

    static func text(seed: UInt64) -> String {
        var generator = RandomSpec(seed: seed)
        return generator.make()
    }

    mutating func make() -> String {
        var prefixes = Array(0..<8)
        prefixes.shuffle(using: &random)
        for prefix in prefixes.prefix(Int.random(in: 3...8, using: &random)) {
            let bits = binary(prefix, digits: 3)
            if Bool.random(using: &random) {
                pattern(fixed: bits)
            } else {
                orderedGroup(fixed: bits, depth: 0)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func orderedGroup(fixed: String, depth: Int) {
        lines.append("{")
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where depth < 2:
                orderedGroup(fixed: fixed, depth: depth + 1)
            case 1 where depth < 2:
                lines.append("[")
                var values = Array(0..<4)
                values.shuffle(using: &random)
                for value in values.prefix(Int.random(in: 1...4, using: &random)) {
                    pattern(fixed: fixed + binary(value, digits: 2))
                }
                lines.append("]")
            default:
                pattern(fixed: fixed)
            }
        }
        lines.append("}")
    }

    /// A pattern starting with `fixed`, the rest random bits, fields, `%` fields and constants.
    mutating func pattern(fixed: String) {
        var bits = Array(fixed)
        while bits.count < 16 {
            let roll = Double.random(in: 0..<1, using: &random)
            bits.append(roll < fixedChance ? (Bool.random(using: &random) ? "1" : "0") : ".")
        }
        var tokens: [String] = []
        var fieldCount = 0
        var index = 0
        while index < 16 {
            if bits[index] == ".", Double.random(in: 0..<1, using: &random) < 0.4 {
                var run = 0
                while index + run < 16 && bits[index + run] == "." { run += 1 }
                let length = Int.random(in: 1...run, using: &random)
                let signed = Double.random(in: 0..<1, using: &random) < 0.3 ? "s" : ""
                tokens.append("f\(fieldCount):\(signed)\(length)")
                fieldCount += 1
                index += length
            } else {
                tokens.append(String(bits[index]))
                index += 1
            }
        }
        if Double.random(in: 0..<1, using: &random) < 0.2 { tokens.append("%g") }
        if Double.random(in: 0..<1, using: &random) < 0.2 { tokens.append("%h") }
        if Double.random(in: 0..<1, using: &random) < 0.3 {
            tokens.append("k=\(Int.random(in: 0..<40, using: &random))")
        }
        lines.append("P\(count) " + tokens.joined(separator: " "))
        count += 1
    }

    func binary(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 2)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
