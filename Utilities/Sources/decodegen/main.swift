// decodegen: `decodegen SPEC.decode --prefix NAME --out DIR` writes NAMEDecoder.swift,
// NAMEDecoder+Tree<n>.swift, NAMEDescriber.swift and NAMEPatterns.swift into DIR
// (grammar: Documentation/Decode.md). Files whose contents are unchanged are not rewritten, so
// a no-op regeneration does not trigger rebuilds; tree files a smaller tree no longer needs are
// deleted. Exit status: 0 done, 1 errors in the spec, 2 usage or I/O error.

import DecodeGenKit
import Foundation

struct Options {
    var spec = ""
    var prefix = ""
    var out = ""
    var linesPerTreeFile = Generator.defaultLinesPerTreeFile
}

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data(("decodegen: " + message + "\n").utf8))
    exit(status)
}

let usage = "usage: decodegen SPEC.decode --prefix NAME --out DIR [--lines-per-file N]"

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--prefix", "--out", "--lines-per-file":
            guard let value = rest.popFirst() else { fail("\(argument) needs a value\n\(usage)") }
            if argument == "--prefix" { options.prefix = value }
            if argument == "--out" { options.out = value }
            if argument == "--lines-per-file" {
                guard let lines = Int(value), lines >= 50 else { fail("--lines-per-file wants a number >= 50") }
                options.linesPerTreeFile = lines
            }
        case "-h", "--help":
            print(usage)
            exit(0)
        default:
            guard !argument.hasPrefix("-"), options.spec.isEmpty else { fail("unexpected argument '\(argument)'\n\(usage)") }
            options.spec = argument
        }
    }
    guard !options.spec.isEmpty, !options.prefix.isEmpty, !options.out.isEmpty else { fail(usage) }
    guard Generator.isValidPrefix(options.prefix) else { fail("--prefix '\(options.prefix)' is not a Swift identifier") }
    return options
}

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

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
guard let data = FileManager.default.contents(atPath: options.spec),
      let text = String(data: data, encoding: .utf8) else {
    fail("cannot read \(options.spec)")
}

let files: [GeneratedFile]
do {
    files = try Generator.generate(specText: text, specPath: headerPath(for: options.spec),
                                   prefix: options.prefix, linesPerTreeFile: options.linesPerTreeFile)
} catch {
    FileHandle.standardError.write(Data((error.rendered(path: options.spec) + "\n").utf8))
    exit(1)
}

let manager = FileManager.default
do {
    try manager.createDirectory(atPath: options.out, withIntermediateDirectories: true)
    for file in files {
        let path = (options.out as NSString).appendingPathComponent(file.name)
        let contents = Data(file.contents.utf8)
        if manager.contents(atPath: path) != contents {
            try contents.write(to: URL(fileURLWithPath: path))
        }
    }
    let produced = Set(files.map(\.name))
    for name in try manager.contentsOfDirectory(atPath: options.out)
    where Generator.isGeneratedFileName(name, prefix: options.prefix) && !produced.contains(name) {
        try manager.removeItem(atPath: (options.out as NSString).appendingPathComponent(name))
    }
} catch {
    fail("cannot write into \(options.out): \(error)")
}
