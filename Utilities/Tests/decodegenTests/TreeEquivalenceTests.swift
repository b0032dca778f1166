// The decision tree against the plain top-to-bottom scan, for every 16-bit word, with visitors
// that accept everything, nothing, or a hashed third of their calls.

import Foundation
import Testing
@testable import DecodeGenKit

@Suite struct TreeEquivalenceTests {
    typealias Accepts = @Sendable (String, [(name: String, value: UInt32)]) -> Bool
    static let visitors: [(String, Accepts)] = [
        ("all", { _, _ in true }),
        ("none", { _, _ in false }),
        ("hashed", hashAccepts),
    ]

    /// Every 16-bit word decodes to the same pattern line through the tree and the scan.
    func expectEquivalent(_ text: String, label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let spec = try Spec.parse(text)
        let tree = DecisionTree(spec: spec)
        for (name, accepts) in Self.visitors {
            var mismatches = 0
            for word in UInt32(0)...0xffff {
                let expected = referenceMatch(spec, spec.root, word, accepts: accepts)
                let actual = tree.evaluatePattern(word, accepts: accepts)
                if expected != actual {
                    mismatches += 1
                    if mismatches <= 3 {
                        let chosen = actual.map { spec.patterns[$0].name } ?? "nothing"
                        let wanted = expected.map { spec.patterns[$0].name } ?? "nothing"
                        let message = "\(label), visitor \(name), word \(String(word, radix: 16)): "
                            + "tree chose \(chosen), scan chose \(wanted)"
                        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
                    }
                }
            }
            #expect(mismatches == 0, "\(label), visitor \(name)", sourceLocation: sourceLocation)
        }
        // The name-returning form agrees with the index form.
        #expect(tree.evaluate(0xbf00, accepts: hashAccepts)
                == tree.evaluatePattern(0xbf00, accepts: hashAccepts).map { spec.patterns[$0].name })
    }

    @Test func sampleSpec() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Samples/Sample16.decode")
        try expectEquivalent(String(contentsOf: url, encoding: .utf8), label: "Sample16")
    }

    @Test func chainOfCatchAlls() throws {
        try expectEquivalent("""
            width 16
            {
              A 1111 1111 0000 0000
              B 1111 1111 x:4 0000
              C 1111 1111 x:8
              D 1111 .... x:8
              E .... 0000 x:8
              F x:16
            }
            """, label: "catch-alls")
    }

    @Test func disjointGroupsInsideOrderedGroups() throws {
        try expectEquivalent("""
            width 16
            %imm 0:s4 12:2
            {
              [
                A 00.. a:4 0... b:4
                B 01.. a:4 .... b:4 %imm
                {
                  C 1... 0000 .... ....
                  D 1... .... 1111 ....    k=3
                }
              ]
              E ..1. c:4 d:8
              [
                F 0... 1... .... ....
                G 1... 1... .... ....    k=0x20
              ]
              H x:16
            }
            """, label: "nested")
    }

    @Test(arguments: UInt64(1)...24)
    func randomSpec(seed: UInt64) throws {
        try expectEquivalent(RandomSpec.text(seed: seed), label: "random seed \(seed)")
    }

    /// Every pattern line can be reached: it is called from some node of the tree.
    @Test func everyPatternHasACallNode() throws {
        for seed in UInt64(1)...24 {
            let spec = try Spec.parse(RandomSpec.text(seed: seed))
            let tree = DecisionTree(spec: spec)
            var called = Set<Int>()
            for id in tree.reachableNodes {
                if case .call(let index, _, _, _) = tree.nodes[id].body { called.insert(index) }
            }
            #expect(called == Set(spec.patterns.indices), "seed \(seed)")
        }
    }
}
