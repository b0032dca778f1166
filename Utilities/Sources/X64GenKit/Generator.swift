// Entry point of the kit: spec text in, generated Swift files out.

public struct GeneratedFile: Equatable, Sendable {
    /// File name only, e.g. `Assembler+ALU.swift`.
    public var name: String
    public var contents: String
}

public enum Generator {
    /// Largest source file, in lines, before a section continues in a second file.
    public static let defaultLinesPerFile = 900
    /// The test table's file name.
    public static let testTableName = "RowCases.swift"

    /// Parses `specText` and returns the module's `Assembler+<Section>.swift` files and the
    /// test target's `RowCases.swift`. `specPath` is named in the DO-NOT-EDIT headers.
    public static func generate(specText: String, specPath: String, linesPerFile: Int = defaultLinesPerFile)
        throws(SpecErrors) -> (sources: [GeneratedFile], tests: [GeneratedFile])
    {
        let spec = try RowSpec.parse(specText)
        let methods = MethodSet(spec: spec)
        guard methods.diagnostics.isEmpty else { throw SpecErrors(methods.diagnostics) }
        let emitter = Emitter(methods: methods, specPath: specPath)
        return (emitter.sourceFiles(maxLines: linesPerFile), [emitter.testTableFile()])
    }

    /// Whether `name` is a source file this generator writes; the command line deletes such
    /// files that a run did not produce (a section renamed or shrunk).
    public static func isGeneratedSourceName(_ name: String) -> Bool {
        name.hasPrefix("Assembler+") && name.hasSuffix(".swift")
    }
}
