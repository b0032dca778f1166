// The decoder corpus: real instruction words with objdump's reading of each. CorpusPrograms
// are compiled with Debian's arm-linux-gnueabihf-gcc (static, ARM and Thumb, -O0 and -O2, and
// -O3 with NEON) and CorpusAssembly is assembled; objdump -d disassembles every result whole
// (glibc included) and the $a/$t/$d mapping symbols (readelf -s) say which words are ARM,
// Thumb or data. The unique words are cached in /tmp/mirage-armdecoder-corpus/<hash of the
// inputs>/corpus.txt, so only the first run after a change compiles anything.

import Foundation

/// One instruction word and objdump's text for it.
struct CorpusEntry: Sendable {
    var set: InstructionSet
    var word: UInt32
    /// objdump's mnemonic as printed ("addseq", "vld1.8", "ldr.w").
    var mnemonic: String
    /// objdump's whole line after the address, for messages.
    var text: String
}

struct CorpusError: Error, CustomStringConvertible {
    var description: String
}

enum Corpus {
    static let tools = ["arm-linux-gnueabihf-gcc", "arm-linux-gnueabihf-objdump", "arm-linux-gnueabihf-readelf"]

    /// Whether the cross toolchain is installed (Debian: gcc-arm-linux-gnueabihf, binutils-arm-linux-gnueabihf).
    static let toolsAvailable: Bool = tools.allSatisfy { findInPath($0) != nil }

    /// The corpus, built on first use (shared by all tests of this process).
    static let entries: Result<[CorpusEntry], any Error> = Result { try load() }

    /// Every compile step: output name and the gcc arguments after the program name.
    static var builds: [(output: String, arguments: [String])] {
        var steps: [(String, [String])] = []
        for mode in ["-marm", "-mthumb"] {
            for opt in ["-O0", "-O2"] {
                let tag = "\(mode.dropFirst(2))\(opt)"
                var objects: [String] = []
                for program in CorpusPrograms.linked {
                    let object = "\(program)-\(tag).o"
                    steps.append((object, ["-c", opt, mode, "-Dmain=\(program)_main", "-o", object, "\(program).c"]))
                    objects.append(object)
                }
                steps.append(("c-\(tag)", ["-static", opt, mode, "-o", "c-\(tag)", "driver.c"] + objects + ["-lm", "-lpthread"]))
            }
        }
        for mode in ["-marm", "-mthumb"] {
            let output = "neon-\(mode.dropFirst(2))"
            steps.append((output, ["-static", "-O3", "-mfpu=neon", mode, "-o", output, "neon.c"]))
        }
        for file in CorpusAssembly.assembled {
            let output = file.replacingOccurrences(of: ".s", with: "-asm.o")
            steps.append((output, ["-c", "-o", output, file]))
        }
        return steps
    }

    /// The files objdump reads: every build output but the intermediate objects of the C programs.
    static var disassembled: [String] {
        builds.map(\.output).filter { $0.hasPrefix("c-") || $0.hasPrefix("neon-") || $0.hasSuffix("-asm.o") }
    }

    static func load() throws -> [CorpusEntry] {
        let directory = URL(fileURLWithPath: "/tmp/mirage-armdecoder-corpus/\(inputHash())")
        let cache = directory.appendingPathComponent("corpus.txt")
        if let text = try? String(contentsOf: cache, encoding: .utf8) {
            return try parseCache(text)
        }
        let work = URL(fileURLWithPath: directory.path + ".tmp-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for (name, text) in CorpusPrograms.sources + CorpusAssembly.sources {
            try text.write(to: work.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        for step in builds {
            _ = try run(["arm-linux-gnueabihf-gcc"] + step.arguments, in: work)
        }
        var unique: [UInt64: CorpusEntry] = [:]
        for file in disassembled {
            let symbols = try run(["arm-linux-gnueabihf-readelf", "-sW", file], in: work)
            let listing = try run(["arm-linux-gnueabihf-objdump", "-d", file], in: work)
            for entry in try ObjdumpListing.entries(listing: listing, mappingSymbols: ObjdumpListing.mappingSymbols(symbols)) {
                let key = UInt64(InstructionSet.allCases.firstIndex(of: entry.set) ?? 0) << 32 | UInt64(entry.word)
                if unique[key] == nil { unique[key] = entry }
            }
        }
        let sorted = unique.keys.sorted().compactMap { unique[$0] }
        let text = sorted.map { "\($0.set.rawValue)\t\(String($0.word, radix: 16))\t\($0.mnemonic)\t\($0.text)" }.joined(separator: "\n")
        try text.write(to: work.appendingPathComponent("corpus.txt"), atomically: true, encoding: .utf8)
        // Another test process may have finished first; either copy is the same.
        if (try? FileManager.default.moveItem(at: work, to: directory)) == nil {
            try? FileManager.default.removeItem(at: work)
        }
        return sorted
    }

    static func parseCache(_ text: String) throws -> [CorpusEntry] {
        try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let set = InstructionSet(rawValue: String(fields[0])),
                  let word = UInt32(fields[1], radix: 16) else {
                throw CorpusError(description: "bad corpus cache line: \(line)")
            }
            return CorpusEntry(set: set, word: word, mnemonic: String(fields[2]), text: String(fields[3]))
        }
    }

    /// FNV-1a over every input, so a changed source or command gets a fresh cache directory.
    static func inputHash() -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ string: String) {
            for byte in string.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        mix("corpus v1")
        for (name, text) in CorpusPrograms.sources + CorpusAssembly.sources { mix(name); mix(text) }
        for step in builds { mix(step.output); step.arguments.forEach(mix) }
        return String(hash, radix: 16)
    }

    static func findInPath(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a tool in `directory` and returns its standard output; a non-zero exit is an error
    /// carrying its standard error. Output goes through files, so neither pipe can fill up.
    static func run(_ arguments: [String], in directory: URL) throws -> String {
        let out = directory.appendingPathComponent(".stdout")
        let err = directory.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw CorpusError(description: "\(arguments.joined(separator: " ")) failed (\(process.terminationStatus)):\n\(message)")
        }
        return output
    }
}
