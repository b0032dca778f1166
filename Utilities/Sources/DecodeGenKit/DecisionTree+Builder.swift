// Builds the decision tree. Candidates at a node are the patterns that can still match, in
// priority (source) order; `checked` are the bits already known to equal every candidate's
// fixed bits. At each node:
//   - bits every candidate still fixes: dispatch on them (one function, one `switch`); when
//     all candidates agree on them, just guard them and go on;
//   - else split on the bit most candidates fix, the others going to both sides; only bits
//     that some candidates fix to 0 and others to 1 count, since splitting on a bit all
//     fixers agree on leaves one side as long as before;
//   - when the first candidate fixes nothing more, or no bit tells candidates apart, call the
//     first (checking its remaining bits) and fall back to the rest.
// Every step keeps candidate order, so the first accepting pattern wins exactly as in a
// top-to-bottom scan. Identical subproblems share one node.

extension DecisionTree {
    public init(spec: Spec) {
        var builder = Builder(patterns: spec.patterns)
        let root = builder.build(Array(spec.patterns.indices), checked: 0)
        self.init(spec: spec, nodes: builder.nodes, root: root)
    }
}

private struct Builder {
    struct Key: Hashable {
        var candidates: [Int]
        var checked: UInt32
    }

    let patterns: [Pattern]
    var nodes: [DecisionTree.Node] = []
    var memo: [Key: Int] = [:]

    init(patterns: [Pattern]) {
        self.patterns = patterns
    }

    mutating func build(_ candidates: [Int], checked: UInt32) -> Int {
        // Only checked bits some candidate tests change what the subtree must do.
        let union = candidates.reduce(UInt32(0)) { $0 | patterns[$1].mask }
        let key = Key(candidates: candidates, checked: checked & union)
        if let existing = memo[key] { return existing }
        let node = make(candidates, checked: checked)
        nodes.append(node)
        memo[key] = nodes.count - 1
        return nodes.count - 1
    }

    private func remaining(_ index: Int, _ checked: UInt32) -> UInt32 {
        patterns[index].mask & ~checked
    }

    private mutating func make(_ candidates: [Int], checked: UInt32) -> DecisionTree.Node {
        guard let first = candidates.first else {
            return DecisionTree.Node(guardMask: 0, guardValue: 0, body: .fail)
        }
        let common = candidates.reduce(~UInt32(0)) { $0 & remaining($1, checked) }
        if common != 0 {
            return dispatch(candidates, on: common, checked: checked)
        }
        let rest = Array(candidates.dropFirst())
        let firstRemaining = remaining(first, checked)
        guard firstRemaining != 0, let bit = splitBit(candidates, checked: checked) else {
            let orElse = rest.isEmpty ? nil : build(rest, checked: checked)
            return DecisionTree.Node(guardMask: 0, guardValue: 0,
                                     body: .call(pattern: first, checkMask: firstRemaining,
                                                 checkValue: patterns[first].value & firstRemaining,
                                                 orElse: orElse))
        }
        let zero = candidates.filter { patterns[$0].mask & bit == 0 || patterns[$0].value & bit == 0 }
        let one = candidates.filter { patterns[$0].mask & bit == 0 || patterns[$0].value & bit != 0 }
        let cases = [DecisionTree.Case(value: 0, node: build(zero, checked: checked | bit)),
                     DecisionTree.Case(value: bit, node: build(one, checked: checked | bit))]
        return DecisionTree.Node(guardMask: 0, guardValue: 0, body: .dispatch(mask: bit, cases: cases))
    }

    /// Every candidate fixes all `bits`: one case per distinct value, in ascending order.
    private mutating func dispatch(_ candidates: [Int], on bits: UInt32, checked: UInt32) -> DecisionTree.Node {
        var groups: [UInt32: [Int]] = [:]
        for index in candidates {
            groups[patterns[index].value & bits, default: []].append(index)
        }
        if groups.count == 1, let (value, _) = groups.first {
            // Nothing to choose: guard the bits and carry on as the node below would.
            var node = nodes[build(candidates, checked: checked | bits)]
            node.guardMask |= bits
            node.guardValue |= value
            return node
        }
        let cases = groups.keys.sorted().map { value in
            DecisionTree.Case(value: value, node: build(groups[value] ?? [], checked: checked | bits))
        }
        return DecisionTree.Node(guardMask: 0, guardValue: 0, body: .dispatch(mask: bits, cases: cases))
    }

    /// Among unchecked bits that some candidates fix to 0 and others to 1, the one fixed by the
    /// most candidates (the highest on a tie); nil when no bit tells candidates apart.
    private func splitBit(_ candidates: [Int], checked: UInt32) -> UInt32? {
        var zeros = [Int](repeating: 0, count: 32)
        var ones = [Int](repeating: 0, count: 32)
        for index in candidates {
            var bits = remaining(index, checked)
            while bits != 0 {
                let position = bits.trailingZeroBitCount
                if patterns[index].value & (UInt32(1) << UInt32(position)) == 0 {
                    zeros[position] += 1
                } else {
                    ones[position] += 1
                }
                bits &= bits - 1
            }
        }
        var best: Int?
        for position in stride(from: 31, through: 0, by: -1) where zeros[position] > 0 && ones[position] > 0 {
            if let current = best, zeros[current] + ones[current] >= zeros[position] + ones[position] { continue }
            best = position
        }
        return best.map { UInt32(1) << UInt32($0) }
    }
}
