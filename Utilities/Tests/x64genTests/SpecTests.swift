// The rows parser and checker: what a row means, and that each kind of slip is an error on
// its line.

import Foundation
import Testing
@testable import X64GenKit

/// Parses `rows` under one section; the diagnostics' messages, or the rows.
func parse(_ rows: String) -> Result<[Row], SpecErrors> {
    do {
        return .success(try RowSpec.parse("[Test]\n" + rows).sections.flatMap(\.rows))
    } catch {
        return .failure(error)
    }
}

func errors(_ rows: String) -> [String] {
    guard case .failure(let errors) = parse(rows) else { return [] }
    return errors.diagnostics.map(\.message)
}

@Suite struct SpecTests {
    @Test func rowMeaning() throws {
        let rows = try parse("""
            ADD r/m64, imm8 | REX.W 83 /0 ib
            LOCK CMPXCHG m16, r16 | 66 F0 0F B1 /r   # comment
            CMOVcc r32, r/m32 | 0F 40+cc /r
            MOV r64, imm64 | REX.W B8+rd io | uimm
            MFENCE | NP 0F AE F0
            MOVSD xmm1, xmm2/m64 | F2 0F 10 /r
            SHL r/m8, CL | D2 /4
            """).get()
        #expect(rows.map(\.form) == ["ADD r/m64, imm8", "LOCK CMPXCHG m16, r16", "CMOVcc r32, r/m32",
                                     "MOV r64, imm64", "MFENCE", "MOVSD xmm, xmm/m64", "SHL r/m8, CL"])
        #expect(rows[0].encoding == Encoding(prefixes: [], rexW: true, opcode: [0x83], addend: .none,
                                             modRM: .digit(0), trailing: [.init(bytes: 1, isCodeOffset: false)]))
        #expect(rows[1].encoding.prefixes == [0x66, 0xF0] && rows[1].encoding.opcode == [0x0F, 0xB1])
        #expect(rows[2].encoding.addend == .condition && rows[2].hasCondition)
        #expect(rows[3].encoding.addend == .register(32) && rows[3].unsignedImmediates)
        #expect(rows[4].encoding.opcode == [0x0F, 0xAE, 0xF0] && rows[4].encoding.prefixes.isEmpty)
        #expect(rows[5].operands == [.xmm, .xmmOrMemory(64)])
        #expect(rows[1].line == 3)
    }

    @Test func syntaxErrors() {
        #expect(errors("ADD r/m32, r32") == ["a row is `INSTRUCTION | ENCODING` or `INSTRUCTION | ENCODING | FLAGS`"])
        #expect(errors("ADD r/m33, r32 | 01 /r").contains("unknown operand 'r/m33'"))
        #expect(errors("ADD r/m32, r32 | 01 /8").contains("unknown encoding token '/8'"))
        #expect(errors("ADD r/m32, r32 | 01 /r | fast").contains("unknown flag 'fast' (flags: uimm, d64)"))
        #expect(errors("ADD r/m32, r32 | 01 REX.W /r").contains("REX.W comes once, after the prefixes and before the opcode"))
        #expect(errors("ADD r/m32, imm8 | 83 ib /0").contains("'/0' comes once, right after the opcode"))
        #expect(errors("LOCK r/m32 | 01 /r").contains("LOCK needs the mnemonic it locks"))
        #expect(errors("NOP | 0F 1F 00 00").contains("more than three opcode bytes"))
        #expect(try! RowSpec.parse("").sections.isEmpty)
        #expect(throws: SpecErrors.self) { try RowSpec.parse("ADD r/m32, r32 | 01 /r") }
        #expect(throws: SpecErrors.self) { try RowSpec.parse("[A]\n[A]\nNOP | 90") }
    }

    @Test func operandsMustMatchTheEncoding() {
        #expect(errors("ADD r32, r32 | 01 /r").contains("a ModRM row has exactly one r/m, m or xmm/m operand (found 0)"))
        #expect(errors("NOT r/m32, r32 | F7 /2").contains("a `/digit` row has no register operand besides the r/m one (found 1)"))
        #expect(errors("ADD r/m32 | 01 /r").contains("`/r` needs exactly one register operand besides the r/m one (found 0)"))
        #expect(errors("BSWAP r/m32 | 0F C8+rd").contains("a `+r` row has exactly one general register operand and no r/m operand"))
        #expect(errors("MOV r8, imm8 | B0+rd ib") == ["`+rd` does not fit r8"])
        #expect(errors("ADD r/m32, imm8 | 83 /0 id").contains(
            "the immediates and displacements (ib iw id io cb cd) do not match the imm and rel operands"))
        #expect(errors("JMP rel8 | EB ib").contains(
            "the immediates and displacements (ib iw id io cb cd) do not match the imm and rel operands"))
        #expect(errors("SETcc r/m8 | 0F 94 /0").contains("a mnemonic ending in `cc` and a `+cc` opcode byte go together"))
        #expect(errors("SETE r/m8 | 0F 90+cc /0").contains("a mnemonic ending in `cc` and a `+cc` opcode byte go together"))
        #expect(errors("NEG r/m32 | F7 /3 | uimm").contains("`uimm` on a row without an immediate"))
        #expect(errors("ADD r/m32, r32 | 01") == ["register and memory operands need a ModRM byte (/r, /digit) or `+r`"])
    }

    @Test func operandSizeMustMatchThePrefixes() {
        #expect(errors("ADD r/m64, r64 | 01 /r") == ["a 64-bit operand needs REX.W (or the d64 flag)"])
        #expect(errors("ADD r/m32, r32 | REX.W 01 /r") == ["REX.W with a 32-bit operand size"])
        #expect(errors("ADD r/m16, r16 | 01 /r") == ["a 16-bit operand size needs the 66 prefix"])
        #expect(errors("ADD r/m32, r32 | 66 01 /r") == ["66 with a 32-bit operand size"])
        #expect(errors("PUSH r64 | REX.W 50+rd | d64") == ["`d64` and REX.W together"])
        #expect(errors("PUSH r32 | 50+rd | d64") == ["`d64` with a 32-bit operand size"])
        #expect(errors("CQO | REX.W 99").isEmpty)
        // SSE rows: 66 is a mandatory prefix, not an operand size; REX.W still follows the GPR.
        #expect(errors("MOVD xmm, r/m32 | 66 0F 6E /r").isEmpty)
        #expect(errors("MOVQ xmm, r/m64 | 66 0F 6E /r") == ["a 64-bit operand needs REX.W (or the d64 flag)"])
        #expect(errors("MOVZX r32, r/m16 | 0F B7 /r").isEmpty)
    }

    /// The spec in the tree parses and generates.
    @Test func theRealSpecGenerates() throws {
        let path = #filePath.split(separator: "/").dropLast(4).joined(separator: "/")
        let text = try String(contentsOfFile: "/" + path + "/Sources/X64Assembler/Specs/x64.rows", encoding: .utf8)
        let output = try Generator.generate(specText: text, specPath: "x64.rows")
        #expect(output.sources.count >= 10)
        #expect(output.sources.allSatisfy { $0.contents.hasPrefix("// DO NOT EDIT. Generated by Utilities/x64gen from x64.rows.\n") })
        #expect(output.tests.map(\.name) == ["RowCases.swift"])
    }
}
