// Every generated encoder method, many random instances each (all registers, the special
// bases, random displacements, scales and immediates), assembled into one buffer and read back
// by objdump: each instruction must decode at the offset we put it, with the length we gave
// it, as the row's mnemonic with the operands we asked for.

import Foundation
import Testing
@testable import X64Assembler
import TestTools

@Suite struct RoundTripTests {
    struct Placed {
        var row: RowCase
        var instance: Instance
        var start: Int
        var end: Int
    }

    @Test func everyRowAgreesWithObjdump() throws {
        guard Objdump.isAvailable else {
            print("RoundTripTests: skipped: no objdump on PATH (install binutils or set OBJDUMP)")
            return
        }
        var random = SplitMix64(seed: 0x5EED_0F_C0DE)
        var assembler = Assembler(capacity: 1 << 16)
        var placed: [Placed] = []
        for row in RowCase.all {
            let count = row.memory ? 24 : 12
            for _ in 0..<count {
                let instance = Instance.random(for: row, using: &random)
                let start = assembler.position
                row.emit(&assembler, instance.operands)
                placed.append(Placed(row: row, instance: instance, start: start, end: assembler.position))
            }
        }
        #expect(assembler.finish() == nil)
        let code = assembler.bytes
        let lines = try Objdump.disassemble(code)
        let starts = lines.keys.sorted()
        var nextIndex = 0
        var failures: [String] = []
        for item in placed {
            let encoded = hex(Array(code[item.start..<item.end]))
            let context = "x64.rows:\(item.row.line) \(item.row.form)\(item.row.memory ? " (memory)" : "") [\(encoded)]"
            guard let line = lines[item.start] else {
                failures.append("\(context): objdump has no instruction at \(item.start)")
                continue
            }
            while nextIndex < starts.count && starts[nextIndex] <= item.start { nextIndex += 1 }
            let nextStart = nextIndex < starts.count ? starts[nextIndex] : code.count
            var mnemonic = expectedMnemonic(item.row, cc: item.instance.operands.cc)
            var expected = item.instance.expectedOperands(end: item.end)
            // objdump prints a CMPPS or CMPPD whose predicate is below 8 as its pseudo-op,
            // without the immediate: cmpltps xmm1, xmm2.
            let predicate = Int(item.instance.operands.immediate & 0xff)
            if (mnemonic == "cmpps" || mnemonic == "cmppd") && predicate < 8 {
                mnemonic = "cmp" + ["eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"][predicate] + mnemonic.suffix(2)
                expected.removeLast()
            }
            let actual = item.instance.normalize(line.operands)
            if nextStart != item.end || line.mnemonic != mnemonic || actual != expected {
                failures.append("\(context): objdump says '\(line.text)' (length \(nextStart - item.start)); "
                    + "expected \(mnemonic) \(expected.joined(separator: ",")) (length \(item.end - item.start))")
            }
        }
        for failure in failures.prefix(40) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty, "\(failures.count) of \(placed.count) instructions disagree with objdump")
    }
}
