// All methods of a spec, in spec order, after overloading is settled: a method whose Swift
// signature an earlier row already took is dropped (the earlier row wins, as the spec's header
// says), and pairs of imm8/imm32 rows gain a method that picks the shorter encoding.

struct MethodSet {
    /// One entry per row, in spec order, grouped by section.
    struct RowMethods {
        var row: Row
        var kept: [Method]
        /// Dropped methods, each with the row that has its signature.
        var dropped: [(method: Method, owner: Row)]
    }

    /// A method choosing between an imm8 row and a wider one by the immediate's value.
    struct Chooser {
        var short: Method
        var long: Method

        var name: String { short.name }
        /// The short form's parameters with the immediate replaced by an unlabeled wide one.
        var parameters: [Method.Parameter] {
            var parameters = Array(short.parameters.dropLast())
            if let wide = long.parameters.last {
                parameters.append(Method.Parameter(label: "_", name: "imm", type: wide.type,
                                                   overloadType: wide.type, value: "imm", role: wide.role))
            }
            return parameters
        }
    }

    var sections: [(name: String, rows: [RowMethods], choosers: [Chooser])] = []
    var diagnostics: [Diagnostic] = []

    init(spec: RowSpec) {
        var owners: [String: Row] = [:]
        var all: [Method] = []
        for section in spec.sections {
            var rows: [RowMethods] = []
            for row in section.rows {
                var entry = RowMethods(row: row, kept: [], dropped: [])
                for method in Method.all(for: row) {
                    if let owner = owners[method.overloadKey] {
                        entry.dropped.append((method, owner))
                    } else {
                        owners[method.overloadKey] = row
                        entry.kept.append(method)
                    }
                }
                if entry.kept.isEmpty {
                    let owner = entry.dropped.first?.owner
                    diagnostics.append(Diagnostic(line: row.line,
                        "every method of this row is already another row's (line \(owner?.line ?? 0): \(owner?.form ?? "?")); remove one"))
                }
                all += entry.kept
                rows.append(entry)
            }
            sections.append((section.name, rows, []))
        }
        // Choosers go in the section of their imm8 row.
        for index in sections.indices {
            var choosers: [Chooser] = []
            for entry in sections[index].rows {
                for short in entry.kept {
                    guard let long = MethodSet.longForm(of: short, in: all) else { continue }
                    let chooser = Chooser(short: short, long: long)
                    let key = chooser.name + "(" + chooser.parameters.map { "\($0.label):\($0.overloadType)" }.joined(separator: ",") + ")"
                    guard owners[key] == nil else { continue }
                    owners[key] = short.row
                    choosers.append(chooser)
                }
            }
            sections[index].choosers = choosers
        }
    }

    /// For `add(_ dst: GPR32, imm8: Int8)`, `add(_ dst: GPR32, imm32: Int32)`: same name, same
    /// leading parameters, a signed wider immediate last.
    static func longForm(of short: Method, in methods: [Method]) -> Method? {
        guard let last = short.parameters.last, last.label == "imm8", last.type == "Int8" else { return nil }
        let leading = short.parameters.dropLast()
        return methods.first { candidate in
            guard candidate.name == short.name, let wide = candidate.parameters.last,
                  wide.label == "imm16" && wide.type == "Int16" || wide.label == "imm32" && wide.type == "Int32"
            else { return false }
            return Array(candidate.parameters.dropLast()) == Array(leading)
        }
    }
}
