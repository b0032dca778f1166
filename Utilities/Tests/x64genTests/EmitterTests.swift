// What the generator writes: method names and signatures per operand form, bodies, the
// earlier-row-wins rule for clashing signatures, shortest-immediate methods, file splitting,
// and the test table's calls.

import Foundation
import Testing
@testable import X64GenKit

func generate(_ rows: String, linesPerFile: Int = Generator.defaultLinesPerFile) throws -> (sources: [GeneratedFile], tests: [GeneratedFile]) {
    try Generator.generate(specText: "[Test]\n" + rows, specPath: "x.rows", linesPerFile: linesPerFile)
}

@Suite struct EmitterTests {
    @Test func registerAndMemoryForms() throws {
        let text = try generate("ADD r/m32, imm8 | 83 /0 ib").sources[0].contents
        #expect(text.contains("""
                /// `ADD r/m32, imm8` · `83 /0 ib`, register form
                public mutating func add(_ dst: GPR32, imm8: Int8) {
                    emit(Opcode(0x83), reg: 0, rm: dst.code)
                    buffer.emit8(UInt8(bitPattern: imm8))
                }
            """))
        #expect(text.contains("""
                public mutating func add(_ dst: Mem32, imm8: Int8) {
                    emit(Opcode(0x83), reg: 0, mem: dst.address, trailing: 1)
                    buffer.emit8(UInt8(bitPattern: imm8))
                }
            """))
    }

    @Test func operandKindsBecomeTypes() throws {
        let text = try generate("""
            LOCK CMPXCHG m64, r64 | F0 REX.W 0F B1 /r
            CMOVcc r16, r/m16 | 66 0F 40+cc /r
            LEA r64, m | REX.W 8D /r
            SHL r/m64, CL | REX.W D3 /4
            SHL r/m8, 1 | D0 /4
            MOV r64, imm64 | REX.W B8+rd io | uimm
            Jcc rel32 | 0F 80+cc cd
            POPCNT r16, r/m16 | 66 F3 0F B8 /r
            CVTSI2SD xmm1, r/m64 | F2 REX.W 0F 2A /r
            """).sources[0].contents
        #expect(text.contains("public mutating func lockCmpxchg(_ dst: Mem64, _ src: GPR) {\n        emit(Opcode(0x0FB1, prefixes: 0xF0, w: true), reg: src.code, mem: dst.address)"))
        #expect(text.contains("public mutating func cmovcc(_ cc: Condition, _ dst: GPR16, _ src: GPR16) {\n        emit(Opcode(0x0F40 | UInt32(cc.rawValue), prefixes: 0x66), reg: dst.code, rm: src.code)"))
        #expect(text.contains("public mutating func lea(_ dst: GPR, _ src: Address) {\n        emit(Opcode(0x8D, w: true), reg: dst.code, mem: src)"))
        #expect(text.contains("public mutating func shl(_ dst: GPR, _ count: CL) {"))
        #expect(text.contains("public mutating func shl(_ dst: Mem8, _ count: One) {"))
        #expect(text.contains("public mutating func mov(_ dst: GPR, imm64: UInt64) {\n        emit(Opcode(0xB8, w: true), plusReg: dst.code)\n        buffer.emit64(imm64)"))
        #expect(text.contains("public mutating func jcc(_ cc: Condition, rel32: Int32) {\n        emit(Opcode(0x0F80 | UInt32(cc.rawValue)))\n        buffer.emit32(UInt32(bitPattern: rel32))"))
        #expect(text.contains("Opcode(0x0FB8, prefixes: 0x66F3)"))
        #expect(text.contains("public mutating func cvtsi2sd(_ dst: XMM, _ src: GPR) {"))
        #expect(text.contains("public mutating func cvtsi2sd(_ dst: XMM, _ src: Mem64) {"))
    }

    @Test func earlierRowWinsAClash() throws {
        let text = try generate("""
            MOV r/m32, r32 | 89 /r
            MOV r32, r/m32 | 8B /r
            """).sources[0].contents
        #expect(text.components(separatedBy: "func mov(_ dst: GPR32, _ src: GPR32)").count == 2)
        #expect(text.contains("emit(Opcode(0x89), reg: src.code, rm: dst.code)"))
        #expect(!text.contains("emit(Opcode(0x8B), reg: dst.code, rm: src.code)"))
        #expect(text.contains("func mov(_ dst: GPR32, _ src: Mem32)"))
        #expect(text.contains("// `MOV r32, r/m32` with registers: `MOV r/m32, r32` (`89 /r`) has that method."))
        // Signedness does not make an immediate overload distinct.
        let immediates = try generate("""
            MOV r32, imm32 | B8+rd id | uimm
            MOV r/m32, imm32 | C7 /0 id
            """).sources[0].contents
        #expect(immediates.contains("func mov(_ dst: GPR32, imm32: UInt32)"))
        #expect(!immediates.contains("func mov(_ dst: GPR32, imm32: Int32)"))
        #expect(immediates.contains("func mov(_ dst: Mem32, imm32: Int32)"))
    }

    @Test func aRowWithNothingLeftIsAnError() {
        #expect(throws: SpecErrors.self) {
            try generate("""
                ADD r/m32, r32 | 01 /r
                ADD r/m32, r32 | 03 /r
                """)
        }
    }

    @Test func shortestImmediateMethods() throws {
        let text = try generate("""
            SUB r/m64, imm8 | REX.W 83 /5 ib
            SUB r/m64, imm32 | REX.W 81 /5 id
            IMUL r16, r/m16, imm8 | 66 6B /r ib
            IMUL r16, r/m16, imm16 | 66 69 /r iw
            SHL r/m32, imm8 | C1 /4 ib | uimm
            """).sources[0].contents
        #expect(text.contains("""
                public mutating func sub(_ dst: GPR, _ imm: Int32) {
                    if let imm8 = Int8(exactly: imm) {
                        sub(dst, imm8: imm8)
                    } else {
                        sub(dst, imm32: imm)
                    }
                }
            """))
        #expect(text.contains("public mutating func sub(_ dst: Mem64, _ imm: Int32) {"))
        #expect(text.contains("public mutating func imul(_ dst: GPR16, _ src: Mem16, _ imm: Int16) {"))
        #expect(text.contains("            imul(dst, src, imm16: imm)"))
        #expect(!text.contains("func shl(_ dst: GPR32, _ imm"), "unsigned immediates get no chooser")
    }

    @Test func longSectionsSplitAtRows() throws {
        let rows = (0..<8).map { "ADD r/m\([8, 16, 32, 64][$0 % 4]), imm\($0 % 4 == 0 ? 8 : $0 % 4 == 1 ? 16 : 32) | "
            + ["80 /0 ib", "66 81 /0 iw", "81 /0 id", "REX.W 81 /0 id"][$0 % 4] }
        let spec = Array(rows.prefix(4)).joined(separator: "\n")
        let files = try generate(spec, linesPerFile: 30).sources
        #expect(files.map(\.name) == ["Assembler+Test.swift", "Assembler+Test2.swift"])
        #expect(files.allSatisfy { $0.contents.hasSuffix("}\n}\n") })
    }

    @Test func testTableCalls() throws {
        let table = try generate("""
            CMOVcc r32, r/m32 | 0F 40+cc /r
            SHLD r/m32, r32, CL | 0F A5 /r
            ROUNDSS xmm1, xmm2/m32, imm8 | 66 0F 3A 0A /r ib | uimm
            Jcc rel8 | 70+cc cb
            LEA r64, m | REX.W 8D /r
            """).tests[0].contents
        #expect(table.contains("static let all: [RowCase] = test()"))
        #expect(table.contains("RowCase(line: 2, form: \"CMOVcc r32, r/m32\", encoding: \"0F 40+cc /r\", memory: false) { a, o in a.cmovcc(o.cc, o.gpr32(0), o.gpr32(1)) }"))
        #expect(table.contains("memory: true) { a, o in a.cmovcc(o.cc, o.gpr32(0), o.mem32) }"))
        #expect(table.contains("{ a, o in a.shld(o.gpr32(0), o.gpr32(1), .cl) }"))
        #expect(table.contains("{ a, o in a.roundss(o.xmm(0), o.mem32, imm8: o.uint8) }"))
        #expect(table.contains("{ a, o in a.jcc(o.cc, rel8: o.rel8) }"))
        #expect(table.contains("{ a, o in a.lea(o.gpr64(0), o.address) }"))
    }

    @Test func sectionFunctionNames() {
        let emitter = Emitter(methods: MethodSet(spec: RowSpec(sections: [])), specPath: "")
        #expect(["Move", "ALU", "SSEMove", "X", "MulDiv"].map(emitter.functionName) == ["move", "alu", "sseMove", "x", "mulDiv"])
    }
}
