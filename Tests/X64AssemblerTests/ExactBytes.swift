// Exact bytes for every row, with representative operands: the expected bytes are written by
// hand from the Intel SDM's opcode tables (ExactBytes+*.swift), independent of the generator.
// Three checks: each case assembles to its bytes; every row of the spec has a case; and objdump
// reads each case's bytes as one instruction of its row's mnemonic (so a case cannot sit
// under the wrong row unnoticed).

import Foundation
import Testing
@testable import X64Assembler

struct ByteCase: Sendable {
    let form: String
    let expected: String
    let emit: @Sendable (inout Assembler) -> Void
}

extension Array where Element == ByteCase {
    mutating func add(_ form: String, _ expected: String, _ emit: @escaping @Sendable (inout Assembler) -> Void) {
        append(ByteCase(form: form, expected: expected, emit: emit))
    }
}

extension ByteCase {
    static let all: [ByteCase] = move() + alu() + arithmetic() + shift() + bitScan() + control() + sse()
}

@Suite struct ExactBytesTests {
    @Test func everyCaseAssemblesToItsBytes() {
        for item in ByteCase.all {
            let actual = hex(assemble(item.emit))
            #expect(actual == item.expected, "\(item.form)")
        }
    }

    @Test func everyRowHasACase() {
        let covered = Set(ByteCase.all.map(\.form))
        let rows = Set(RowCase.all.map(\.form))
        #expect(rows.subtracting(covered).sorted() == [], "rows without exact-bytes cases")
        #expect(covered.subtracting(rows).sorted() == [], "cases naming no row")
    }

    @Test func objdumpReadsEachCaseAsItsRow() throws {
        guard Objdump.isAvailable else {
            print("ExactBytesTests: skipped objdump check: no objdump on PATH")
            return
        }
        var code: [UInt8] = []
        var starts: [(Int, ByteCase)] = []
        for item in ByteCase.all {
            starts.append((code.count, item))
            code += bytes(item.expected)
        }
        let lines = try Objdump.disassemble(code)
        for (index, (start, item)) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].0 : code.count
            guard let line = lines[start] else {
                Issue.record("\(item.form): objdump found no instruction at \(item.expected)")
                continue
            }
            let inside = lines.keys.filter { $0 > start && $0 < end }
            #expect(inside.isEmpty, "\(item.form): \(item.expected) is more than one instruction")
            var mnemonic = RowForm(item.form).mnemonic.lowercased()
            if mnemonic.hasSuffix("cc") { mnemonic = String(mnemonic.dropLast(2)) }
            if mnemonic == "mov" && line.mnemonic == "movabs" { mnemonic = "movabs" }
            #expect(line.mnemonic.hasPrefix(mnemonic), "\(item.form): objdump reads \(item.expected) as '\(line.text)'")
        }
    }
}
