// The decoder corpus: real instruction words with objdump's reading of each. CorpusPrograms
// are compiled with Debian's arm-linux-gnueabihf-gcc (static, ARM and Thumb, -O0 and -O2, and
// -O3 with NEON) and CorpusAssembly is assembled; objdump -d disassembles every result whole
// (glibc included) and the $a/$t/$d mapping symbols (readelf -s) say which words are ARM,
// Thumb or data. The unique words are cached in /tmp/mirage-armdecoder-corpus/<hash of the
// inputs>/corpus.txt, so only the first run after a change compiles anything.

import Foundation
import TestTools

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
    static let toolsAvailable: Bool = tools.allSatisfy { Tools.find($0) != nil }

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
        var inputs = ["corpus v1"]
        for step in builds { inputs.append(step.output); inputs += step.arguments }
        let text = try CachedBuild.text(label: "mirage-armdecoder-corpus", sources: CorpusPrograms.sources + CorpusAssembly.sources,
                                        inputs: inputs) { work in
            for step in builds {
                _ = try Tools.run("arm-linux-gnueabihf-gcc", step.arguments, in: work)
            }
            var unique: [UInt64: CorpusEntry] = [:]
            for file in disassembled {
                let symbols = try Tools.run("arm-linux-gnueabihf-readelf", ["-sW", file], in: work)
                let listing = try Tools.run("arm-linux-gnueabihf-objdump", ["-d", file], in: work)
                for entry in try ObjdumpListing.entries(listing: listing, mappingSymbols: ObjdumpListing.mappingSymbols(symbols)) {
                    let key = UInt64(InstructionSet.allCases.firstIndex(of: entry.set) ?? 0) << 32 | UInt64(entry.word)
                    if unique[key] == nil { unique[key] = entry }
                }
            }
            let sorted = unique.keys.sorted().compactMap { unique[$0] }
            return sorted.map { "\($0.set.rawValue)\t\(String($0.word, radix: 16))\t\($0.mnemonic)\t\($0.text)" }.joined(separator: "\n")
        }
        return try parseCache(text)
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
}
