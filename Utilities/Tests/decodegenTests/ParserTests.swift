// The parser: what a valid spec turns into, and an error with the right line for each kind
// of malformed line.

import Testing
@testable import DecodeGenKit

@Suite struct ParserTests {
    func diagnostics(_ text: String) -> [Diagnostic] {
        switch parseOrDescribe(text) {
        case .success: return []
        case .failure(let errors): return errors.diagnostics
        }
    }

    /// Exactly one error, on `line`, whose message contains `fragment`.
    func expectError(_ text: String, line: Int, _ fragment: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let found = diagnostics(text)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.line == line, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.message.contains(fragment) == true, "\(found)", sourceLocation: sourceLocation)
    }

    @Test func patternMaskValueAndArgumentOrder() throws {
        let spec = try Spec.parse("""
            # comment
            width 16

            %split  8:s2 0:3      # two segments, signed
            OP  10 a:2 ..-. b:s4 1-1. k=0x10 %split j=7
            """)
        #expect(spec.width == 16)
        let pattern = try #require(spec.patterns.first)
        #expect(pattern.name == "OP" && pattern.line == 5)
        #expect(pattern.mask == 0b1100_0000_0000_1010)
        #expect(pattern.value == 0b1000_0000_0000_1010)
        #expect(pattern.arguments.map(\.name) == ["a", "b", "split", "k", "j"])
        // a = bits 13:12, b = bits 7:4 signed, split = bits 9:8 then 2:0, sign from bit 9.
        let word: UInt32 = 0b1011_1110_1001_1101
        let values = pattern.argumentValues(for: word).map(\.value)
        #expect(values == [0b11, UInt32(bitPattern: -7), UInt32(bitPattern: -11), 16, 7])
    }

    @Test func fieldExtraction() {
        let wide = Field(name: "x", segments: [FieldSegment(position: 0, length: 32)], isSigned: true, line: 1)
        #expect(wide.extract(from: 0x8000_0001) == 0x8000_0001)
        let top = Field(name: "x", segments: [FieldSegment(position: 28, length: 4)], isSigned: true, line: 1)
        #expect(top.extract(from: 0x8000_0000) == UInt32(bitPattern: -8))
        let pair = Field(name: "x", segments: [FieldSegment(position: 26, length: 1), FieldSegment(position: 12, length: 3),
                                               FieldSegment(position: 0, length: 8)], isSigned: false, line: 1)
        #expect(pair.extract(from: 0x0400_70ff) == 0xfff)
    }

    @Test func groupsNest() throws {
        let spec = try Spec.parse("""
            width 16
            {
              A 1111 ............
              [
                B 00.. ............
                C 01.. ............
              ]
            }
            D 1000 ............
            """)
        #expect(spec.patterns.map(\.name) == ["A", "B", "C", "D"])
        #expect(spec.root.members.count == 2)
        guard case .group(let outer) = spec.root.members[0] else {
            Issue.record("expected a group")
            return
        }
        #expect(outer.kind == .ordered && outer.line == 2)
        guard case .group(let inner) = outer.members[1] else {
            Issue.record("expected a nested group")
            return
        }
        #expect(inner.kind == .disjoint && inner.patternIndices == [1, 2])
    }

    @Test func sharedNamesMakeOneMethod() throws {
        let spec = try Spec.parse("""
            width 16
            LDR 0000 Rt:4 imm:8 index=1
            LDR 0001 Rt:4 imm:s8 index=0
            """)
        let methods = VisitorMethod.all(in: spec)
        #expect(methods.count == 1)
        #expect(methods.first?.parameters.map(\.name) == ["Rt", "imm", "index"])
        #expect(methods.first?.parameters[1].isSigned == true && methods.first?.parameters[1].isHex == true)
        #expect(methods.first?.describe([3, UInt32(bitPattern: -20), 1]) == "LDR Rt=3 imm=-0x14 index=1")
    }

    @Test func headerErrors() {
        expectError("A 0000000000000000\n", line: 1, "first line must be `width")
        expectError("width 24\nA 000000000000000000000000\n", line: 1, "expected `width 16` or `width 32`")
        expectError("width 16\nwidth 16\nA 0000000000000000\n", line: 2, "must be the first line")
        expectError("# nothing\n\nwidth 16\n", line: 3, "no pattern lines")
        expectError("", line: 1, "empty spec")
    }

    @Test func fieldDefinitionErrors() {
        expectError("width 16\n%f 0:4\n%f 4:4\nA 0000000000000000\n", line: 3, "already defined")
        expectError("width 16\n%f\nA 0000000000000000\n", line: 2, "at least one segment")
        expectError("width 16\n%f 0-4\nA 0000000000000000\n", line: 2, "bad segment '0-4'")
        expectError("width 16\n%f 12:5\nA 0000000000000000\n", line: 2, "does not fit in a 16-bit word")
        expectError("width 16\n%f 8:4 0:s4\nA 0000000000000000\n", line: 2, "only the first")
        expectError("width 16\n%2f 0:4\nA 0000000000000000\n", line: 2, "not an identifier")
    }

    @Test func patternErrors() {
        expectError("width 16\nA 000000000000000\n", line: 2, "add up to 15 bits")
        expectError("width 16\nA 00000000000000000\n", line: 2, "add up to 17 bits")
        expectError("width 16\nA 00000000 x:9\n", line: 2, "add up to 17 bits")
        expectError("width 16\nA 00000000 foo\n", line: 2, "unrecognized token 'foo'")
        expectError("width 16\nA 00000000 0012....\n", line: 2, "unrecognized token '0012....'")
        expectError("width 16\nA 00000000 x:0 ........\n", line: 2, "bad field length")
        expectError("width 16\n%f 0:4\nA 00000000 %f ........\n", line: 3, "after a %field")
        expectError("width 16\nA 0000000000000000 %g\n", line: 2, "field %g is not defined")
        expectError("width 16\nA 0000000000000000 k=zz\n", line: 2, "bad value in 'k=zz'")
        expectError("width 16\nA 0000000000000000 k=0x100000000\n", line: 2, "bad value")
        expectError("width 16\nA 0000000000000000 k=-1\n", line: 2, "bad value")
        expectError("width 16\nA 00000000 x:4 x:4\n", line: 2, "two arguments named 'x'")
        expectError("width 16\n%x 0:4\nA 000000000000 x:4 %x\n", line: 3, "two arguments named 'x'")
        expectError("width 16\nA 00000000 in:4 ....\n", line: 2, "Swift keyword")
        expectError("width 16\n1A 0000000000000000\n", line: 2, "not an identifier")
        expectError("width 16\ntext 0000000000000000\n", line: 2, "taken by the generated describer")
    }

    @Test func sharedNameErrors() {
        let found = diagnostics("width 16\nA 0000 x:4 y:8\nB 1111 ............\nA 0001 y:4 x:8\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.notes.first?.line == 2)
        #expect(found.first?.message.contains("(y, x) here but (x, y) at line 2") == true)
        expectError("width 16\nA 0000 x:4 ........ k=1\nA 0001 x:4 ........\n", line: 3, "same argument names")
    }

    @Test func groupErrors() {
        expectError("width 16\n{\nA 0000000000000000\n", line: 2, "never closed (expected '}')")
        expectError("width 16\nA 0000000000000000\n}\n", line: 3, "closes no group")
        expectError("width 16\n{\nA 0000000000000000\n]\n}\n", line: 4, "does not match the group opened at line 2")
        expectError("width 16\n{\n}\nA 0000000000000000\n", line: 2, "empty group")
        expectError("width 16\n{ A 0000000000000000\n", line: 2, "must be alone on its line")
    }

    @Test func errorsComeInLineOrder() {
        let found = diagnostics("width 16\nA 000\n%f 0:99\nB 0000000000000000 %f\nC 0000 %f\n")
        // Line 4 uses the broken %f and is not reported again.
        #expect(found.map(\.line) == [2, 3, 5])
    }

    @Test func everyErrorIsReportedWithPathAndLine() {
        let text = "width 16\nA 000\nB 0000000000000000 %nope\nC 1111111111111111\n"
        guard case .failure(let errors) = parseOrDescribe(text) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.diagnostics.map(\.line) == [2, 3])
        let rendered = errors.rendered(path: "Specs/X.decode")
        #expect(rendered.hasPrefix("Specs/X.decode:2: error: the bit tokens of A add up to 3 bits"))
        #expect(rendered.contains("\nSpecs/X.decode:3: error: field %nope is not defined"))
    }
}
