// Guest code for the tests comes from Debian's MIPS cross assemblers at test time: a snippet
// of assembly (noreorder, so delay slots are as written; noat, so $1 is a register like the
// others) becomes the bytes of its .text section in either byte order. Tests that need it are
// skipped (saying why) when the MIPS binutils are not installed. Results are cached per
// snippet, since many tests run one snippet on many inputs.

import Foundation
import Testing
import TestTools

enum Assembler {
    static let missing: Comment = "needs mips-linux-gnu-as, mipsel-linux-gnu-as and objcopy: apt-get install binutils-mips-linux-gnu binutils-mipsel-linux-gnu"

    static func prefix(bigEndian: Bool) -> String { bigEndian ? "mips-linux-gnu-" : "mipsel-linux-gnu-" }

    static let available: Bool = [true, false].allSatisfy {
        Tools.find(prefix(bigEndian: $0) + "as") != nil && Tools.find(prefix(bigEndian: $0) + "objcopy") != nil
    }

    typealias Failure = Tools.Failure

    /// The header every snippet gets: MIPS32r2 with the FPU (64-bit FPRs allowed, so that odd
    /// double registers assemble; FR=0 tests keep to even ones).
    static let header = """
        .set noreorder
        .set noat
        .set mips32r2
        .set hardfloat
        .text

        """

    static let endMarker: UInt32 = 0x6d69_7073

    /// The .text bytes of `source` for a big- or little-endian CPU.
    static func assemble(_ source: String, bigEndian: Bool) throws -> [UInt8] {
        let key = (bigEndian ? "B:" : "L:") + source
        if let hit = cache.lookup(key) { return hit }
        guard let assembler = Tools.find(prefix(bigEndian: bigEndian) + "as"),
              let objcopy = Tools.find(prefix(bigEndian: bigEndian) + "objcopy") else {
            throw Failure(description: "\(missing)")
        }
        let directory = try Tools.temporaryDirectory("GuestMIPSTests")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("s.s").path
        let object = directory.appendingPathComponent("s.o").path
        let binary = directory.appendingPathComponent("s.bin").path
        // The assembler pads .text to 16 bytes; a marker word after the code says where it ends.
        try (header + source + "\n.word \(endMarker)\n").write(toFile: path, atomically: true, encoding: .utf8)
        // No Loongson LL/SC workaround (Debian's mipsel assembler adds a sync before each ll).
        _ = try Tools.run(assembler, ["-mips32r2", "-mfp64", "-mhard-float", "-mno-fix-loongson3-llsc", "-o", object, path])
        _ = try Tools.run(objcopy, ["-O", "binary", "-j", ".text", object, binary])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: binary)))
        let marker = withUnsafeBytes(of: bigEndian ? endMarker.bigEndian : endMarker.littleEndian, Array.init)
        guard let end = stride(from: bytes.count - 4, through: 0, by: -4).first(where: { Array(bytes[$0..<$0 + 4]) == marker }) else {
            throw Failure(description: "no end marker in the assembled code")
        }
        bytes.removeSubrange(end...)
        cache.store(key, bytes)
        return bytes
    }

    /// Each line assembled alone: the instructions of `lines` (one per line) as separate byte
    /// strings, from one assembler run.
    static func instructions(_ lines: [String], bigEndian: Bool) throws -> [[UInt8]] {
        let bytes = try assemble(lines.joined(separator: "\n"), bigEndian: bigEndian)
        let out = stride(from: 0, to: bytes.count, by: 4).map { Array(bytes[$0..<min($0 + 4, bytes.count)]) }
        guard out.count == lines.count else {
            throw Failure(description: "\(lines.count) lines assembled to \(out.count) instructions")
        }
        return out
    }

    private final class Cache: @unchecked Sendable {
        private var entries: [String: [UInt8]] = [:]
        private let lock = NSLock()
        func lookup(_ key: String) -> [UInt8]? { lock.withLock { entries[key] } }
        func store(_ key: String, _ value: [UInt8]) { lock.withLock { entries[key] = value } }
    }
    private static let cache = Cache()
}
