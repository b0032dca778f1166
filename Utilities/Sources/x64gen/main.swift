// x64gen: `x64gen SPEC.rows --out DIR --tests-out DIR` writes Assembler+<Section>.swift into
// --out (the X64Assembler module's Generated directory) and RowCases.swift into --tests-out
// (the test target's). Grammar: the comment at the top of the spec. Files whose contents are
// unchanged are not rewritten; Assembler+*.swift files a run no longer produces are deleted.
// Exit status: 0 done, 1 errors in the spec, 2 usage or I/O error.

import Foundation
import X64GenKit

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data(("x64gen: " + message + "\n").utf8))
    exit(status)
}

let usage = "usage: x64gen SPEC.rows --out DIR --tests-out DIR [--lines-per-file N]"

var spec = ""
var out = ""
var testsOut = ""
var linesPerFile = Generator.defaultLinesPerFile
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--out", "--tests-out", "--lines-per-file":
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value\n\(usage)") }
        if argument == "--out" { out = value }
        if argument == "--tests-out" { testsOut = value }
        if argument == "--lines-per-file" {
            guard let lines = Int(value), lines >= 50 else { fail("--lines-per-file wants a number >= 50") }
            linesPerFile = lines
        }
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        guard !argument.hasPrefix("-"), spec.isEmpty else { fail("unexpected argument '\(argument)'\n\(usage)") }
        spec = argument
    }
}
guard !spec.isEmpty, !out.isEmpty, !testsOut.isEmpty else { fail(usage) }

/// The spec's path relative to the enclosing git work tree, so the header is the same whoever
/// runs the generator from wherever; the path as given when there is no work tree.
func headerPath(for spec: String) -> String {
    let absolute = URL(fileURLWithPath: spec).standardizedFileURL.path
    var directory = URL(fileURLWithPath: absolute).deletingLastPathComponent()
    while directory.path != "/" {
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) {
            return String(absolute.dropFirst(directory.path.count + 1))
        }
        directory = directory.deletingLastPathComponent()
    }
    return spec
}

guard let data = FileManager.default.contents(atPath: spec), let text = String(data: data, encoding: .utf8) else {
    fail("cannot read \(spec)")
}

let generated: (sources: [GeneratedFile], tests: [GeneratedFile])
do {
    generated = try Generator.generate(specText: text, specPath: headerPath(for: spec), linesPerFile: linesPerFile)
} catch {
    FileHandle.standardError.write(Data((error.rendered(path: spec) + "\n").utf8))
    exit(1)
}

/// Writes `files` into `directory`, skipping unchanged ones; deletes stale files `isOurs` claims.
func write(_ files: [GeneratedFile], into directory: String, isOurs: (String) -> Bool) {
    let manager = FileManager.default
    do {
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            let contents = Data(file.contents.utf8)
            if manager.contents(atPath: path) != contents {
                try contents.write(to: URL(fileURLWithPath: path))
            }
        }
        let produced = Set(files.map(\.name))
        for name in try manager.contentsOfDirectory(atPath: directory) where isOurs(name) && !produced.contains(name) {
            try manager.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    } catch {
        fail("cannot write into \(directory): \(error)")
    }
}

write(generated.sources, into: out, isOurs: Generator.isGeneratedSourceName)
write(generated.tests, into: testsOut, isOurs: { $0 == Generator.testTableName })
