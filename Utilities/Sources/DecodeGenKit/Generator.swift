// Entry point of the kit: spec text in, generated Swift files out.

public struct GeneratedFile: Equatable, Sendable {
    /// File name only, e.g. `A32Decoder+Tree1.swift`.
    public var name: String
    public var contents: String
}

public enum Generator {
    /// Largest tree file, in lines: big Swift files and functions compile slowly.
    public static let defaultLinesPerTreeFile = 1500

    /// Parses `specText` and returns `<prefix>Decoder.swift`, `<prefix>Decoder+Tree<n>.swift`
    /// (n from 1), `<prefix>Describer.swift` and `<prefix>Patterns.swift`. `specPath` is named
    /// in the DO-NOT-EDIT header; `prefix` must be an identifier.
    public static func generate(specText: String, specPath: String, prefix: String,
                                linesPerTreeFile: Int = defaultLinesPerTreeFile) throws(SpecErrors) -> [GeneratedFile] {
        let spec = try Spec.parse(specText)
        let emitter = Emitter(spec: spec, tree: DecisionTree(spec: spec), prefix: prefix, specPath: specPath)
        return [emitter.decoderFile()] + emitter.treeFiles(maxLines: linesPerTreeFile)
            + [emitter.describerFile(), emitter.patternsFile()]
    }

    /// Whether `name` is a file this generator writes for `prefix`; the command line deletes
    /// such files that a run did not produce (tree files left over from a bigger tree).
    public static func isGeneratedFileName(_ name: String, prefix: String) -> Bool {
        let fixed = ["Decoder.swift", "Describer.swift", "Patterns.swift"].map { prefix + $0 }
        if fixed.contains(name) { return true }
        let treePrefix = prefix + "Decoder+Tree"
        guard name.hasPrefix(treePrefix), name.hasSuffix(".swift") else { return false }
        let number = name.dropFirst(treePrefix.count).dropLast(".swift".count)
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }

    /// Whether `prefix` can start Swift type names.
    public static func isValidPrefix(_ prefix: String) -> Bool {
        SwiftNames.isIdentifier(Substring(prefix)) && !SwiftNames.reserved.contains(prefix)
    }
}
