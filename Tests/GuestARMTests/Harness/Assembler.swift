// Guest code for the tests comes from Debian's ARM cross assembler at test time: a snippet of
// unified-syntax assembly becomes the bytes of its .text section. Tests that need it are
// skipped (saying why) when binutils-arm-linux-gnueabihf is not installed. Results are cached
// per snippet, since many tests run one snippet on many inputs.

import Foundation
import Testing
import TestTools

enum Assembler {
    static let toolPrefix = "arm-linux-gnueabihf-"
    static let missing: Comment = "needs arm-linux-gnueabihf-as and -objcopy: apt-get install binutils-arm-linux-gnueabihf"

    static let assembler = Tools.find(toolPrefix + "as")
    static let objcopy = Tools.find(toolPrefix + "objcopy")
    static let objdump = Tools.find(toolPrefix + "objdump")
    static var available: Bool { assembler != nil && objcopy != nil }
    static var objdumpAvailable: Bool { objdump != nil }

    typealias Failure = Tools.Failure

    /// The .text bytes of `source` assembled in ARM (A32) or Thumb state.
    static func assemble(_ source: String, thumb: Bool) throws -> [UInt8] {
        let key = (thumb ? "T:" : "A:") + source
        if let hit = cache.lookup(key) { return hit }
        let header = """
            .syntax unified
            .arch armv7-a
            .arch_extension idiv
            .arch_extension mp
            .fpu neon-vfpv4
            .\(thumb ? "thumb" : "arm")
            .text

            """
        let bytes = try run(header + source + "\n")
        cache.store(key, bytes)
        return bytes
    }

    static func arm(_ source: String) throws -> [UInt8] { try assemble(source, thumb: false) }
    static func thumb(_ source: String) throws -> [UInt8] { try assemble(source, thumb: true) }

    private static func run(_ text: String) throws -> [UInt8] {
        guard let assembler, let objcopy else { throw Failure(description: "\(missing)") }
        let directory = try Tools.temporaryDirectory("GuestARMTests")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("s.s").path
        let object = directory.appendingPathComponent("s.o").path
        let binary = directory.appendingPathComponent("s.bin").path
        try text.write(toFile: source, atomically: true, encoding: .utf8)
        _ = try Tools.run(assembler, ["-o", object, source])
        _ = try Tools.run(objcopy, ["-O", "binary", "-j", ".text", object, binary])
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: binary)))
    }

    private final class Cache: @unchecked Sendable {
        private var entries: [String: [UInt8]] = [:]
        private let lock = NSLock()
        func lookup(_ key: String) -> [UInt8]? { lock.withLock { entries[key] } }
        func store(_ key: String, _ value: [UInt8]) { lock.withLock { entries[key] = value } }
    }
    private static let cache = Cache()
}

extension Array where Element == UInt8 {
    /// Little-endian 32-bit words (A32 instructions).
    var words: [UInt32] {
        stride(from: 0, to: count - 3, by: 4).map {
            UInt32(self[$0]) | UInt32(self[$0 + 1]) << 8 | UInt32(self[$0 + 2]) << 16 | UInt32(self[$0 + 3]) << 24
        }
    }
    /// Little-endian halfwords (Thumb instruction stream).
    var halfwords: [UInt16] {
        stride(from: 0, to: count - 1, by: 2).map { UInt16(self[$0]) | UInt16(self[$0 + 1]) << 8 }
    }
}

extension Assembler {
    /// Each line assembled alone: the instructions of `lines` (one per line) as separate
    /// byte strings, from one assembler run. Thumb instructions are split by their first
    /// halfword (32-bit when bits 15-11 are 0b11101, 0b11110 or 0b11111).
    static func instructions(_ lines: [String], thumb: Bool) throws -> [[UInt8]] {
        let bytes = try assemble(lines.joined(separator: "\n"), thumb: thumb)
        var out: [[UInt8]] = []
        var i = 0
        while i < bytes.count {
            var size = 4
            if thumb {
                let hw = UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                size = hw >> 11 >= 0b11101 ? 4 : 2
            }
            out.append(Array(bytes[i..<min(i + size, bytes.count)]))
            i += size
        }
        guard out.count == lines.count else {
            throw Failure(description: "\(lines.count) lines assembled to \(out.count) instructions")
        }
        return out
    }
}

extension Assembler {
    /// objdump's text for each instruction of `source` ("mov.w\tr0, #0\t@ 0x0"), in order.
    static func disassemble(_ source: String, thumb: Bool) throws -> [String] {
        guard let assembler, let objdump else { throw Failure(description: "\(missing)") }
        let directory = try Tools.temporaryDirectory("GuestARMTests")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("d.s").path, object = directory.appendingPathComponent("d.o").path
        let header = ".syntax unified\n.arch armv7-a\n.fpu neon-vfpv4\n.\(thumb ? "thumb" : "arm")\n.text\n"
        try (header + source + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        _ = try Tools.run(assembler, ["-o", object, path])
        let listing = try Tools.run(objdump, ["-d", object])
        // "   4:\tf44f 007f \tmov.w\tr0, #16711680\t@ 0xff0000"
        return listing.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].hasSuffix(":"), fields[0].first == " " else { return nil }
            return String(fields[2])
        }
    }
}
