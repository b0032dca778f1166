// The test table: every generated encoder method as a `RowCase` (a type of the test target),
// with a closure calling it on operands drawn from a `RowOperands`. The round-trip test runs
// each case on random operands and compares objdump's reading with the row.

extension Emitter {
    func testTableFile() -> GeneratedFile {
        var lines: [String] = [
            header.dropLast() + "",
            "// Every encoder method of the spec as a test case: its row, whether it is the memory form,",
            "// and a call taking its operands from a RowOperands (RowCase.swift).",
            "",
            "import X64Assembler",
            "",
            "extension RowCase {",
            "    static let all: [RowCase] = "
                + methods.sections.map { functionName($0.name) + "()" }.joined(separator: " + "),
        ]
        for section in methods.sections {
            lines.append("")
            lines.append("    static func \(functionName(section.name))() -> [RowCase] {")
            lines.append("        var cases: [RowCase] = []")
            for entry in section.rows {
                for method in entry.kept {
                    let row = entry.row
                    lines.append("        cases.append(RowCase(line: \(row.line), form: \(quoted(row.form)), "
                        + "encoding: \(quoted(row.encodingText)), memory: \(method.isMemoryForm)) { a, o in a.\(call(method)) })")
                }
            }
            lines.append("        return cases")
            lines.append("    }")
        }
        lines.append("}")
        return GeneratedFile(name: Generator.testTableName, contents: lines.joined(separator: "\n") + "\n")
    }

    /// `Move` -> `move`, `ALU` -> `alu`, `SSEMove` -> `sseMove`.
    func functionName(_ section: String) -> String {
        let characters = Array(section)
        var capitals = characters.prefix { $0.isUppercase }.count
        if capitals > 1 && capitals < characters.count { capitals -= 1 }
        return String(characters[..<max(capitals, 1)]).lowercased() + String(characters[max(capitals, 1)...])
    }

    /// `add(o.gpr32(0), imm8: o.int8)`: operands by their position in the row.
    func call(_ method: Method) -> String {
        var arguments: [String] = []
        var position = 0
        for parameter in method.parameters {
            let value: String
            switch parameter.role {
            case .condition:
                arguments.append("o.cc")
                continue
            case .trailing:
                // o.int8, o.uint32, ... for immediates; o.rel8, o.rel32 for displacements.
                value = "o." + (parameter.label.hasPrefix("rel") ? parameter.label : parameter.type.lowercased())
            case .implicit:
                value = "." + parameter.type.lowercased()
            case .rm, .register:
                switch parameter.type {
                case "GPR": value = "o.gpr64(\(position))"
                case "GPR32", "GPR16", "GPR8", "XMM": value = "o.\(parameter.type.lowercased())(\(position))"
                case "Address": value = "o.address"
                default: value = "o.\(parameter.type.lowercased())"
                }
            }
            position += 1
            arguments.append(parameter.label == "_" ? value : "\(parameter.label): \(value)")
        }
        return method.name + "(" + arguments.joined(separator: ", ") + ")"
    }

    func quoted(_ text: String) -> String {
        "\"" + text + "\""
    }
}
