// The decision tree the emitter prints, one generated function per node. `evaluate` walks the
// same nodes in Swift, so tests can check the tree against a plain first-match scan without
// compiling the generated code.

public struct DecisionTree: Sendable {
    public struct Node: Equatable, Sendable {
        /// Tested on entry: a word with `w & guardMask != guardValue` matches nothing here.
        public var guardMask: UInt32
        public var guardValue: UInt32
        public var body: Body
    }

    public enum Body: Equatable, Sendable {
        /// No pattern can match.
        case fail
        /// Go to the case whose `value` equals `w & mask`; no such case: no match.
        case dispatch(mask: UInt32, cases: [Case])
        /// If `w & checkMask == checkValue`, call the pattern's method and stop if it returns
        /// true. Otherwise (bits differ, or the method declined) continue at `orElse`, or fail.
        case call(pattern: Int, checkMask: UInt32, checkValue: UInt32, orElse: Int?)
    }

    public struct Case: Equatable, Sendable {
        public var value: UInt32
        public var node: Int
    }

    public let spec: Spec
    public let nodes: [Node]
    public let root: Int

    init(spec: Spec, nodes: [Node], root: Int) {
        self.spec = spec
        self.nodes = nodes
        self.root = root
    }

    /// The name of the pattern whose method accepts `word`, as the generated decoder would
    /// choose it, or nil when the decoder returns false. `accepts` plays the visitor method.
    public func evaluate(_ word: UInt32,
                         accepts: (_ name: String, _ arguments: [(name: String, value: UInt32)]) -> Bool) -> String? {
        evaluatePattern(word, accepts: accepts).map { spec.patterns[$0].name }
    }

    /// Like `evaluate`, but the index of the accepting pattern line in `spec.patterns`.
    public func evaluatePattern(_ word: UInt32,
                                accepts: (_ name: String, _ arguments: [(name: String, value: UInt32)]) -> Bool) -> Int? {
        var current = root
        while true {
            let node = nodes[current]
            guard word & node.guardMask == node.guardValue else { return nil }
            switch node.body {
            case .fail:
                return nil
            case .dispatch(let mask, let cases):
                guard let next = cases.first(where: { $0.value == word & mask }) else { return nil }
                current = next.node
            case .call(let index, let checkMask, let checkValue, let orElse):
                let pattern = spec.patterns[index]
                if word & checkMask == checkValue, accepts(pattern.name, pattern.argumentValues(for: word)) {
                    return index
                }
                guard let next = orElse else { return nil }
                current = next
            }
        }
    }

    /// Nodes reachable from the root, root first, each before the nodes it leads to
    /// (depth-first preorder): the order the emitter prints them in.
    public var reachableNodes: [Int] {
        var order: [Int] = []
        var seen = Set<Int>()
        var stack = [root]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            order.append(id)
            switch nodes[id].body {
            case .fail:
                break
            case .dispatch(_, let cases):
                stack.append(contentsOf: cases.map(\.node).reversed())
            case .call(_, _, _, let orElse):
                if let next = orElse { stack.append(next) }
            }
        }
        return order
    }
}
