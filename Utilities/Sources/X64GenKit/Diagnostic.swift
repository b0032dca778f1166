// Errors in a rows spec, each tied to its line and rendered the way compilers do
// (`path:line: error: message`) so editors can jump to them.

public struct Diagnostic: Equatable, Sendable {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public func rendered(path: String) -> String {
        "\(path):\(line): error: \(message)"
    }
}

/// Everything wrong with a spec; thrown by `RowSpec.parse` and `Generator.generate`.
public struct SpecErrors: Error, Equatable, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public func rendered(path: String) -> String {
        diagnostics.map { $0.rendered(path: path) }.joined(separator: "\n")
    }
}
