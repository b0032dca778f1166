// The decoder corpus: real instruction words with objdump's reading of each. CorpusPrograms
// are compiled with Debian's mips-linux-gnu-gcc and mipsel-linux-gnu-gcc (static, -O0 and -O2,
// the default FPXX and -mfp64) and CorpusAssembly is assembled for both byte orders;
// `objdump -d -M no-aliases` disassembles every result whole (glibc included). MIPS has no
// data mapping symbols; glibc's .text holds only code. The unique words are cached in
// /tmp/mirage-mipsdecoder-corpus/<hash of the inputs>/corpus.txt, so only the first run after a
// change compiles anything.

import Foundation
import TestTools

/// One instruction word and objdump's text for it.
struct CorpusEntry: Sendable {
    var word: UInt32
    /// objdump's mnemonic as printed ("addiu", "c.ult.d", "jr.hb").
    var mnemonic: String
    /// objdump's operands ("a0,a1,0x7").
    var operands: String
    /// The file the word came from, for messages.
    var source: String

    var text: String { "\(mnemonic) \(operands)" }
}

struct CorpusError: Error, CustomStringConvertible {
    var description: String
}

enum Corpus {
    static let prefixes = ["mips-linux-gnu-", "mipsel-linux-gnu-"]
    static let tools = prefixes.flatMap { [$0 + "gcc", $0 + "as", $0 + "objdump"] }

    /// Whether the cross toolchains are installed (Debian: gcc-mips-linux-gnu,
    /// gcc-mipsel-linux-gnu and their binutils).
    static let toolsAvailable: Bool = tools.allSatisfy { Tools.find($0) != nil }

    /// The corpus, built on first use (shared by all tests of this process).
    static let entries: Result<[CorpusEntry], any Error> = Result { try load() }

    /// Every build step: the tool, the output name and the arguments.
    static var builds: [(tool: String, output: String, arguments: [String])] {
        var steps: [(String, String, [String])] = []
        for prefix in prefixes {
            let order = prefix.hasPrefix("mipsel") ? "el" : "eb"
            for (fp, fpFlags) in [("fpxx", [String]()), ("fp64", ["-mfp64", "-mips32r2"])] {
                for opt in ["-O0", "-O2"] {
                    let tag = "\(order)-\(fp)\(opt)"
                    var objects: [String] = []
                    for program in CorpusPrograms.linked {
                        let object = "\(program)-\(tag).o"
                        steps.append((prefix + "gcc", object, ["-c", opt] + fpFlags + ["-Dmain=\(program)_main", "-o", object, "\(program).c"]))
                        objects.append(object)
                    }
                    steps.append((prefix + "gcc", "c-\(tag)", ["-static", opt] + fpFlags + ["-o", "c-\(tag)", "driver.c"] + objects + ["-lm", "-lpthread", "-latomic"]))
                }
            }
            for file in CorpusAssembly.assembled {
                let output = file.replacingOccurrences(of: ".s", with: "-\(order)-asm.o")
                steps.append((prefix + "as", output, ["-mips32r2", "-mfp64", "-mhard-float", "-o", output, file]))
            }
        }
        return steps
    }

    /// The files objdump reads, with the objdump that reads them: every build output but the
    /// intermediate objects of the C programs.
    static var disassembled: [(tool: String, file: String)] {
        builds.filter { $0.output.hasPrefix("c-") || $0.output.hasSuffix("-asm.o") }
            .map { (($0.tool.hasPrefix("mipsel") ? prefixes[1] : prefixes[0]) + "objdump", $0.output) }
    }

    static func load() throws -> [CorpusEntry] {
        var inputs = ["mips corpus v2"]
        for step in builds { inputs.append(step.tool); inputs.append(step.output); inputs += step.arguments }
        let text = try CachedBuild.text(label: "mirage-mipsdecoder-corpus", sources: CorpusPrograms.sources + CorpusAssembly.sources,
                                        inputs: inputs) { work in
            for step in builds {
                _ = try Tools.run(step.tool, step.arguments, in: work)
            }
            var unique: [UInt32: CorpusEntry] = [:]
            var listings: [String: [CorpusEntry]] = [:]
            for (tool, file) in disassembled {
                let listing = try Tools.run(tool, ["-d", "-M", "no-aliases", file], in: work)
                let entries = try ObjdumpListing.entries(listing: listing, source: file)
                listings[file] = entries
                for entry in entries where unique[entry.word] == nil {
                    unique[entry.word] = entry
                }
            }
            // The same assembly in both byte orders must list the same words: objdump undid each
            // file's byte order, so the decoder sees one word whatever the guest's order. (Debian's
            // mipsel assembler puts a sync before each ll, a Loongson 3 workaround, and the padding
            // at the end differs; both are left out of the comparison.)
            for file in CorpusAssembly.assembled {
                let stem = file.replacingOccurrences(of: ".s", with: "")
                func words(_ order: String) -> [UInt32] {
                    (listings["\(stem)-\(order)-asm.o"] ?? []).map(\.word).filter { $0 != 0x0000_000f && $0 != 0 }
                }
                let big = words("eb"), little = words("el")
                guard big == little, !big.isEmpty else {
                    throw CorpusError(description: "\(file): the big- and little-endian objects list different words")
                }
            }
            let sorted = unique.keys.sorted().compactMap { unique[$0] }
            return sorted.map { "\(String($0.word, radix: 16))\t\($0.mnemonic)\t\($0.operands)\t\($0.source)" }.joined(separator: "\n")
        }
        return try parseCache(text)
    }

    static func parseCache(_ text: String) throws -> [CorpusEntry] {
        try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let word = UInt32(fields[0], radix: 16) else {
                throw CorpusError(description: "bad corpus cache line: \(line)")
            }
            return CorpusEntry(word: word, mnemonic: String(fields[1]), operands: String(fields[2]), source: String(fields[3]))
        }
    }
}
