// Overlap detection: siblings at the top level and in `[ ]` groups must not share a word;
// members of `{ }` groups may.

import Testing
@testable import DecodeGenKit

@Suite struct OverlapTests {
    func diagnostics(_ text: String) -> [Diagnostic] {
        switch parseOrDescribe(text) {
        case .success: return []
        case .failure(let errors): return errors.diagnostics
        }
    }

    @Test func topLevelOverlapReportsBothLines() {
        let found = diagnostics("""
            width 16
            A 0000 x:12
            B 0001 x:12
            C 00.1 1111 y:8
            """)
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.notes == [Diagnostic.Note(line: 3, message: "B is here")])
        #expect(found.first?.message.hasPrefix("C overlaps B at line 3: both match 0x1f00") == true)
        let rendered = SpecErrors(found).rendered(path: "T.decode")
        #expect(rendered.contains("T.decode:4: error: C overlaps B") && rendered.contains("T.decode:3: note: B is here"))
    }

    @Test func disjointPatternsAreFine() {
        #expect(diagnostics("width 16\nA 0... x:12\nB 10.. x:12\nC 11.0 x:12\nD 11.1 x:12\n").isEmpty)
    }

    @Test func orderedGroupMembersMayOverlap() {
        #expect(diagnostics("width 16\n{\nA 0000 0000 0000 0000\nB 0000 x:12\nC .... x:12\n}\n").isEmpty)
    }

    @Test func disjointGroupInsideOrderedGroupIsChecked() {
        let found = diagnostics("""
            width 16
            {
              [
                A 0000 x:12
                B 000. x:12
              ]
              C .... x:12
            }
            """)
        #expect(found.map(\.line) == [5])
        #expect(found.first?.notes.first?.line == 4)
    }

    @Test func groupMustNotOverlapItsSiblings() {
        let found = diagnostics("""
            width 16
            {
              A 0000 0000 0000 0000
              B 0000 x:12
            }
            C 0000 1111 y:8
            D 1111 y:12
            """)
        #expect(found.count == 1)
        #expect(found.first?.line == 6)
        #expect(found.first?.notes.first?.line == 4)
    }

    @Test func sameNameLinesMustNotOverlapEither() {
        let found = diagnostics("width 16\nA 0000 x:12\nA 00.. x:12\n")
        #expect(found.map(\.line) == [3])
    }

    @Test func oneErrorPerPairOfMembers() {
        // Every pattern of the group overlaps D; one error names the first such pair.
        let found = diagnostics("""
            width 16
            {
              A 0000 0000 0000 0000
              B 0000 0000 0000 000.
            }
            D 0000 x:12
            """)
        #expect(found.count == 1)
        #expect(found.first?.line == 6 && found.first?.notes.first?.line == 3)
    }
}
