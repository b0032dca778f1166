// Documentation/Syscalls.md lists every syscall of syscall-tables/arm.tbl with its status in
// Mirage, derived from SyscallTable.swift's rows, so the page cannot drift from the code:
//   implemented     a row that converts arguments, structs or results for the guest
//   passed through  a row whose body is the host call with the guest's values as they are
//   refused         no row (the guest gets ENOSYS), or a row that answers nil; the page says why
// The reasons of refused calls are kept from the page itself. `BLESS=1 swift test --filter
// SyscallDocumentation` rewrites the page from the code (new refused calls get a placeholder).
import Foundation
import Testing

enum SyscallDocumentation {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let page = root.appendingPathComponent("Documentation/Syscalls.md")

    /// (number, name) of every ARM syscall, in number order.
    static func armCalls() throws -> [(Int, String)] {
        let text = try String(contentsOf: root.appendingPathComponent("syscall-tables/arm.tbl"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 2, let number = Int(words[0]), !line.hasPrefix("#") else { return nil }
            return (number, String(words[1]))
        }
    }

    /// The status of every call that has a row in SyscallTable.swift's dispatch switch.
    static func rowStatuses() throws -> [String: String] {
        let text = try String(contentsOf: root.appendingPathComponent("Sources/LinuxUser/Syscalls/SyscallTable.swift"), encoding: .utf8)
        var statuses: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("case ."), let colon = trimmed.range(of: ": ") else { continue }
            let names = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<colon.lowerBound]
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            let body = trimmed[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            let status: String
            if body == "return nil" {
                status = "refused"
            } else if body.hasPrefix("return forward(Host.") || body.hasPrefix("return simple(") || body.hasPrefix("return pathCall(")
                        || body.hasPrefix("return twoPathCall(") {
                status = "passed through"
            } else {
                status = "implemented"
            }
            for name in names { statuses[name] = status }
        }
        // The calls the CPU loop carries out itself, before the table (they restore every
        // register), as long as it still names them.
        let loop = try String(contentsOf: root.appendingPathComponent("Sources/LinuxUser/CPULoop/CPULoop+Syscalls.swift"), encoding: .utf8)
        for name in cpuLoopCalls where loop.contains("call == .\(name)") { statuses[name] = "implemented" }
        return statuses
    }

    static let cpuLoopCalls = ["sigreturn", "rt_sigreturn"]

    /// Reasons already written on the page, by call name.
    static func existingNotes() -> [String: String] {
        guard let text = try? String(contentsOf: page, encoding: .utf8) else { return [:] }
        var notes: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5, Int(cells[1]) != nil else { continue }
            notes[cells[2].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[4]
        }
        return notes
    }

    static let placeholder = "not implemented yet (ENOSYS)"

    static func render() throws -> String {
        let statuses = try rowStatuses()
        let notes = existingNotes()
        var counts: [String: Int] = [:]
        var rows: [String] = []
        for (number, name) in try armCalls() {
            let status = statuses[name] ?? "refused"
            counts[status, default: 0] += 1
            var note = notes[name] ?? ""
            if status == "refused" && note.isEmpty { note = placeholder }
            // A call that is implemented now sheds the note that said why it was not.
            if status != "refused" && (note.hasPrefix("not implemented yet") || note.hasPrefix("refused")) { note = "" }
            rows.append("| \(number) | `\(name)` | \(status) | \(note) |")
        }
        let total = counts.values.reduce(0, +)
        return """
        # Syscalls of the ARM (EABI) guest

        Every call of `syscall-tables/arm.tbl` and what Mirage does with it. The status column is
        derived from `Sources/LinuxUser/Syscalls/SyscallTable.swift` (and, for sigreturn and
        rt_sigreturn, the ARM CPU loop) by LinuxUserTests
        (SyscallDocumentationTests), which fails when this page and the table disagree; rerun it
        with `BLESS=1` to regenerate the page (notes are kept).

        - **implemented**: Mirage converts arguments, structs, flags or results between the guest's
          ABI and the host's (LinuxABI supplies the guest's numbers and layouts).
        - **passed through**: the host call takes the guest's values unchanged (same meaning and
          width on both sides); paths still go through the sysroot lookup.
        - **refused**: the guest gets ENOSYS, for the reason given.

        \(counts["implemented", default: 0]) implemented, \(counts["passed through", default: 0]) passed through, \(counts["refused", default: 0]) refused, of \(total).

        | number | name | status | note |
        |---|---|---|---|
        \(rows.joined(separator: "\n"))

        """
    }
}

@Test func syscallPageMatchesTheTable() throws {
    let expected = try SyscallDocumentation.render()
    if ProcessInfo.processInfo.environment["BLESS"] != nil {
        try expected.write(to: SyscallDocumentation.page, atomically: true, encoding: .utf8)
        return
    }
    let actual = try String(contentsOf: SyscallDocumentation.page, encoding: .utf8)
    #expect(actual == expected, "Documentation/Syscalls.md differs from SyscallTable.swift: rerun with BLESS=1 and review the diff")
}

@Test func everyRefusedCallSaysWhy() throws {
    let statuses = try SyscallDocumentation.rowStatuses()
    let notes = SyscallDocumentation.existingNotes()
    for (_, name) in try SyscallDocumentation.armCalls() where (statuses[name] ?? "refused") == "refused" {
        #expect(!(notes[name] ?? "").isEmpty, "\(name) is refused without a reason on the page")
    }
}
