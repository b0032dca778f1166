// Errors in a spec, each tied to a source line, rendered the way compilers do
// (`path:line: error: message`) so editors can jump to them.

public struct Diagnostic: Equatable, Sendable {
    public var line: Int
    public var message: String
    /// Further lines involved (for an overlap, the other pattern), rendered as notes.
    public var notes: [Note]

    public struct Note: Equatable, Sendable {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public init(line: Int, _ message: String, notes: [Note] = []) {
        self.line = line
        self.message = message
        self.notes = notes
    }

    public func rendered(path: String) -> String {
        var text = "\(path):\(line): error: \(message)"
        for note in notes {
            text += "\n\(path):\(note.line): note: \(note.message)"
        }
        return text
    }
}

/// Everything wrong with a spec; thrown by `Spec.parse` and `Generator.generate`.
public struct SpecErrors: Error, Equatable, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public func rendered(path: String) -> String {
        diagnostics.map { $0.rendered(path: path) }.joined(separator: "\n")
    }
}
