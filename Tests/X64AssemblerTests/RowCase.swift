// One generated encoder method as a test case (the table is Generated/RowCases.swift), and the
// operands a case draws its arguments from, by their position in the row.

import Foundation
import X64Assembler

struct RowCase: Sendable {
    /// Line of the row in Specs/x64.rows.
    let line: Int
    /// `ADD r/m32, imm8`.
    let form: String
    /// `83 /0 ib`.
    let encoding: String
    /// Whether the r/m operand is memory in this method.
    let memory: Bool
    /// Calls the method with arguments from the operands.
    let emit: @Sendable (inout Assembler, RowOperands) -> Void

    init(line: Int, form: String, encoding: String, memory: Bool,
         emit: @escaping @Sendable (inout Assembler, RowOperands) -> Void) {
        self.line = line
        self.form = form
        self.encoding = encoding
        self.memory = memory
        self.emit = emit
    }

    var parsed: RowForm { RowForm(form) }
}

/// Operand values for one instance of a row. Registers are per position: 0-15 is the register
/// number; for byte registers 16-19 are ah, ch, dh, bh.
struct RowOperands: Sendable {
    var registers: [UInt8] = [0, 0, 0]
    var address = Address(.rax)
    var immediate: UInt64 = 0
    var cc = Condition.o

    func gpr64(_ position: Int) -> GPR { GPR(registers[position]) }
    func gpr32(_ position: Int) -> GPR32 { GPR(registers[position]).dword }
    func gpr16(_ position: Int) -> GPR16 { GPR(registers[position]).word }
    func gpr8(_ position: Int) -> GPR8 {
        let value = registers[position]
        return value >= 16 ? [GPR8.ah, .ch, .dh, .bh][Int(value) - 16] : GPR(value).byte
    }
    func xmm(_ position: Int) -> XMM { XMM(registers[position]) }

    var mem8: Mem8 { Mem8(address) }
    var mem16: Mem16 { Mem16(address) }
    var mem32: Mem32 { Mem32(address) }
    var mem64: Mem64 { Mem64(address) }
    var mem128: Mem128 { Mem128(address) }

    var int8: Int8 { Int8(truncatingIfNeeded: immediate) }
    var int16: Int16 { Int16(truncatingIfNeeded: immediate) }
    var int32: Int32 { Int32(truncatingIfNeeded: immediate) }
    var uint8: UInt8 { UInt8(truncatingIfNeeded: immediate) }
    var uint16: UInt16 { UInt16(truncatingIfNeeded: immediate) }
    var uint32: UInt32 { UInt32(truncatingIfNeeded: immediate) }
    var uint64: UInt64 { immediate }
    var rel8: Int8 { Int8(truncatingIfNeeded: immediate) }
    var rel32: Int32 { Int32(truncatingIfNeeded: immediate) }
}

/// A row's instruction column taken apart: `LOCK CMPXCHG m32, r32` -> ("LOCK CMPXCHG", ["m32", "r32"]).
struct RowForm {
    let mnemonic: String
    let operands: [String]

    init(_ form: String) {
        var words = form.split(separator: " ", maxSplits: 1).map(String.init)
        if words.first == "LOCK", let rest = words.last {
            let inner = rest.split(separator: " ", maxSplits: 1).map(String.init)
            words = ["LOCK " + inner[0]] + inner.dropFirst()
        }
        mnemonic = words[0]
        operands = words.count > 1
            ? words[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            : []
    }
}
