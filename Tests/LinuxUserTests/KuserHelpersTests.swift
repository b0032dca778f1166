// The kuser helper page (KuserHelpers.swift): each routine's words are what its comments say.
// The comment text is read from the source file itself, assembled with Debian's ARM cross
// assembler and compared word for word; the page is disassembled with objdump (-b binary -m
// arm) and each instruction's mnemonic matches its comment. Also: the routines sit at the
// kernel's fixed offsets without overlapping, and the version word says 5.

import Foundation
@testable import LinuxUser
import Testing
import TestTools

@Suite struct KuserHelpersTests {
    static let assembler = Tools.find("arm-linux-gnueabihf-as")
    static let objdump = Tools.find("arm-linux-gnueabihf-objdump")
    static var available: Bool { assembler != nil && objdump != nil }
    static let missing: Comment = "needs arm-linux-gnueabihf-as and -objdump: apt-get install binutils-arm-linux-gnueabihf"

    typealias Failure = Tools.Failure

    static func temporaryDirectory() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("LinuxUserTests-kuser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// (word, comment) pairs of each routine, in source order, read from KuserHelpers.swift.
    static func commentedRoutines() throws -> [[(UInt32, String)]] {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LinuxUser/ARM/KuserHelpers.swift")
        let text = try String(contentsOf: source, encoding: .utf8)
        var routines: [[(UInt32, String)]] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("(0x"), trimmed.hasSuffix("[") {
                routines.append([])
                continue
            }
            guard trimmed.hasPrefix("0x"), let comma = trimmed.firstIndex(of: ","),
                  let slashes = trimmed.range(of: "//") else { continue }
            let hex = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<comma].replacingOccurrences(of: "_", with: "")
            guard let word = UInt32(hex, radix: 16), !routines.isEmpty else { continue }
            routines[routines.count - 1].append((word, trimmed[slashes.upperBound...].trimmingCharacters(in: .whitespaces)))
        }
        return routines
    }

    @Test func sourceAndTableAgree() throws {
        let parsed = try Self.commentedRoutines()
        #expect(parsed.count == KuserHelpers.routines.count)
        for (comments, (_, words)) in zip(parsed, KuserHelpers.routines) {
            #expect(comments.map(\.0) == words)
        }
    }

    /// The comments, assembled as one routine each (labels and all), give the table's words.
    @Test(.enabled(if: available, missing))
    func commentsAssembleToTheWords() throws {
        guard let assembler = Self.assembler, let objdump = Self.objdump else { return }
        for routine in try Self.commentedRoutines() {
            let directory = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let source = directory.appendingPathComponent("k.s").path, object = directory.appendingPathComponent("k.o").path
            let body = routine.map(\.1).joined(separator: "\n")
            try (".syntax unified\n.arch armv7-a\n.arch_extension mp\n.arm\n.text\n" + body + "\n")
                .write(toFile: source, atomically: true, encoding: .utf8)
            _ = try Tools.run(assembler, ["-o", object, source])
            let listing = try Tools.run(objdump, ["-d", object])
            let words = listing.split(separator: "\n").compactMap { line -> UInt32? in
                let fields = line.split(separator: "\t")
                guard fields.count >= 2, fields[0].hasSuffix(":"), fields[0].first == " " else { return nil }
                return UInt32(fields[1].trimmingCharacters(in: .whitespaces), radix: 16)
            }
            #expect(words == routine.map(\.0), "\(body)")
        }
    }

    /// objdump of the page as raw ARM code names the instructions the comments name.
    @Test(.enabled(if: available, missing))
    func pageDisassemblesToTheComments() throws {
        guard let objdump = Self.objdump else { return }
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("page.bin")
        try Data(KuserHelpers.page()).write(to: file)
        let listing = try Tools.run(objdump, ["-b", "binary", "-m", "arm", "-D", "--adjust-vma=0xffff0000", file.path])
        var byAddress: [UInt32: (UInt32, String)] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[0].hasSuffix(":"),
                  let address = UInt32(fields[0].dropLast().trimmingCharacters(in: .whitespaces), radix: 16),
                  let word = UInt32(fields[1].trimmingCharacters(in: .whitespaces), radix: 16) else { continue }
            byAddress[address] = (word, String(fields[2]))
        }
        for (comments, (offset, _)) in zip(try Self.commentedRoutines(), KuserHelpers.routines) {
            for (i, (word, comment)) in comments.enumerated() {
                let address = 0xffff_0000 + offset + UInt32(4 * i)
                guard let (seen, mnemonic) = byAddress[address] else {
                    Issue.record("objdump printed nothing at 0x\(String(address, radix: 16))")
                    continue
                }
                #expect(seen == word)
                // The comment's mnemonic, after an optional "1:" label.
                var tokens = comment.split(separator: " ")
                if tokens.first?.hasSuffix(":") == true { tokens.removeFirst() }
                #expect(mnemonic == tokens.first.map(String.init),
                        "0x\(String(address, radix: 16)): objdump \(mnemonic), comment \(comment)")
            }
        }
        #expect(byAddress[0xffff_0ffc]?.0 == 5, "__kuser_helper_version")
    }

    /// Fixed entry points (the kernel's Documentation/arm/kernel_user_helpers.rst) and no
    /// routine running into the next.
    @Test func layout() {
        let offsets = KuserHelpers.routines.map(\.0)
        #expect(Set(offsets) == [0xfe0, 0xfc0, 0xfa0, 0xf60])
        let sorted = KuserHelpers.routines.sorted { $0.0 < $1.0 }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            #expect(a.0 + UInt32(4 * a.1.count) <= b.0, "routine at 0x\(String(a.0, radix: 16)) overlaps 0x\(String(b.0, radix: 16))")
        }
        if let last = sorted.last { #expect(last.0 + UInt32(4 * last.1.count) <= KuserHelpers.versionOffset) }
        let page = KuserHelpers.page()
        #expect(page.count == 4096)
        #expect(Array(page[0xffc..<0x1000]) == [5, 0, 0, 0])
        #expect(KuserHelpers.pageAddress == 0xffff_0000)
    }
}
