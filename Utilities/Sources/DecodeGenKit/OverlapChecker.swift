// Checks that members of the top level and of `[ ]` groups never match the same word.
// Two patterns overlap when they agree on every bit both of them fix:
// (value1 ^ value2) & mask1 & mask2 == 0. A group overlaps a sibling when any of its patterns
// does; members of `{ }` groups may overlap (their order decides).

struct OverlapChecker {
    let spec: Spec

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        check(spec.root, into: &diagnostics)
        return diagnostics
    }

    private func check(_ group: Group, into diagnostics: inout [Diagnostic]) {
        for member in group.members {
            if case .group(let inner) = member {
                check(inner, into: &diagnostics)
            }
        }
        guard group.kind == .disjoint else { return }
        let memberPatterns = group.members.map { member -> [Int] in
            switch member {
            case .pattern(let index): return [index]
            case .group(let inner): return inner.patternIndices
            }
        }
        for later in memberPatterns.indices {
            for earlier in 0..<later {
                if let diagnostic = firstOverlap(memberPatterns[earlier], memberPatterns[later]) {
                    diagnostics.append(diagnostic)
                }
            }
        }
    }

    /// Reports one overlapping pair per pair of members, so a misplaced group is one error.
    private func firstOverlap(_ earlier: [Int], _ later: [Int]) -> Diagnostic? {
        for j in later {
            let b = spec.patterns[j]
            for i in earlier {
                let a = spec.patterns[i]
                guard (a.value ^ b.value) & a.mask & b.mask == 0 else { continue }
                let example = a.value | b.value
                let digits = spec.width / 4
                return Diagnostic(
                    line: b.line,
                    "\(b.name) overlaps \(a.name) at line \(a.line): both match \(hex(example, digits: digits)); "
                    + "patterns at one level must not overlap (use a { } group to say which one wins)",
                    notes: [.init(line: a.line, message: "\(a.name) is here")])
            }
        }
        return nil
    }
}

/// `0x` and exactly `digits` hex digits.
func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(digits - text.count, 0)) + text
}
