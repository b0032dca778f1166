// `<prefix>Decoder+Tree<n>.swift`: one small generic function per tree node, numbered in
// depth-first order from the root `n0`, packed into files of at most `maxLines` lines.

extension Emitter {
    func treeFiles(maxLines: Int) -> [GeneratedFile] {
        let order = tree.reachableNodes
        var number: [Int: Int] = [:]
        for (index, id) in order.enumerated() {
            number[id] = index
        }
        let opening = [header, "extension \(decoder) {"]
        let closing = ["}"]
        let functions = order.map { nodeFunction($0, number: number) }
        // As few files as the limit allows, filled evenly so none ends up nearly empty.
        let room = max(maxLines - opening.count - closing.count, 1)
        let total = functions.reduce(0) { $0 + $1.count + 1 }
        let fileCount = max((total + room - 1) / room, 1)
        let target = min((total + fileCount - 1) / fileCount, room)
        var files: [[String]] = []
        var current: [String] = []
        for function in functions {
            let needed = current.isEmpty ? function.count : function.count + 1
            if !current.isEmpty && (current.count >= target || current.count + needed > room) {
                files.append(current)
                current = []
            }
            if !current.isEmpty { current.append("") }
            current += function
        }
        files.append(current)
        return files.enumerated().map { index, body in
            let text = (opening + body + closing).joined(separator: "\n") + "\n"
            return GeneratedFile(name: "\(decoder)+Tree\(index + 1).swift", contents: text)
        }
    }

    private func nodeFunction(_ id: Int, number: [Int: Int]) -> [String] {
        let node = tree.nodes[id]
        func call(_ target: Int) -> String { "n\(number[target] ?? 0)(w, &v)" }
        var lines = ["    static func n\(number[id] ?? 0)<V: \(visitor)>(_ w: UInt32, _ v: inout V) -> Bool {"]
        if node.guardMask != 0 {
            lines.append("        guard (w & \(word(node.guardMask))) == \(word(node.guardValue)) else { return false }")
        }
        switch node.body {
        case .fail:
            lines.append("        return false")
        case .dispatch(let mask, let cases):
            lines += dispatch(mask: mask, cases: cases, call: call)
        case .call(let index, let checkMask, let checkValue, let orElse):
            let pattern = spec.patterns[index]
            let arguments = pattern.arguments.map { "\($0.name): \(argument($0))" }
            let method = "v.\(pattern.name)(\(arguments.joined(separator: ", ")))"
            let check = "(w & \(word(checkMask))) == \(word(checkValue))"
            switch (checkMask != 0, orElse) {
            case (false, nil):
                lines.append("        return \(method)")
            case (true, nil):
                lines.append("        guard \(check) else { return false }")
                lines.append("        return \(method)")
            case (false, let next?):
                lines.append("        if \(method) { return true }")
                lines.append("        return \(call(next))")
            case (true, let next?):
                lines.append("        if \(check), \(method) { return true }")
                lines.append("        return \(call(next))")
            }
        }
        lines.append("    }")
        return lines
    }

    /// One bit with both values: an `if`. Otherwise a `switch` on the packed bits, cases
    /// leading to the same node merged, in binary so they line up with the spec's bit strings.
    private func dispatch(mask: UInt32, cases: [DecisionTree.Case], call: (Int) -> String) -> [String] {
        if mask.nonzeroBitCount == 1, cases.count == 2, let zero = cases.first(where: { $0.value == 0 }),
           let one = cases.first(where: { $0.value != 0 }) {
            return ["        if (w & \(word(mask))) == 0 { return \(call(zero.node)) }",
                    "        return \(call(one.node))"]
        }
        let (expression, width) = extraction(mask)
        var lines = ["        switch \(expression) {"]
        var targets: [Int] = []
        var labels: [Int: [String]] = [:]
        for entry in cases {
            if labels[entry.node] == nil { targets.append(entry.node) }
            let bits = String(extracted(entry.value, mask: mask), radix: 2)
            labels[entry.node, default: []].append("0b" + String(repeating: "0", count: width - bits.count) + bits)
        }
        for target in targets {
            lines.append("        case \((labels[target] ?? []).joined(separator: ", ")): return \(call(target))")
        }
        lines.append("        default: return false")
        lines.append("        }")
        return lines
    }
}
