// The entries against real programs: built here by Debian's cross compilers (static, dynamic,
// PIE) and the host's own; each must be claimed by its arch's entry alone.

import Binfmt
import Foundation
import LinuxABI
import Testing
import TestTools

struct RealProgramTests {
    /// Builds a trivial C program with `compiler` and `flags`; nil when the compiler is missing.
    static func build(_ compiler: String, _ flags: [String]) throws -> [UInt8]? {
        guard let cc = Tools.find(compiler) else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binfmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("p.c")
        try "int main(void) { return 0; }\n".write(to: source, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("p")
        guard (try? Tools.run(cc, flags + ["-o", output.path, source.path])) != nil else { return nil }
        return Array(try Data(contentsOf: output).prefix(64))
    }

    static let cases: [(compiler: String, flags: [String], arch: GuestArch?)] = [
        ("arm-linux-gnueabihf-gcc", ["-static"], .arm),
        ("arm-linux-gnueabihf-gcc", ["-fPIE", "-pie"], .arm),
        ("arm-linux-gnueabihf-gcc", ["-no-pie"], .arm),
        ("mips-linux-gnu-gcc", ["-static"], .mips),
        ("mips-linux-gnu-gcc", [], .mips),
        ("mipsel-linux-gnu-gcc", ["-static"], .mipsel),
        ("mipsel-linux-gnu-gcc", [], .mipsel),
        ("aarch64-linux-gnu-gcc", [], .aarch64),
        ("powerpc-linux-gnu-gcc", [], .ppc),
        ("gcc", [], nil),
    ]

    @Test(arguments: cases.indices)
    func claimedByItsArchAlone(index: Int) throws {
        let c = Self.cases[index]
        guard let header = try Self.build(c.compiler, c.flags) else {
            print("skipped: \(c.compiler) \(c.flags.joined(separator: " ")) not available")
            return
        }
        for arch in GuestArch.allCases {
            let entry = BinfmtEntry(target: .forArch(arch), interpreter: "/usr/bin/mirage-\(arch.rawValue)", flags: [])
            let parsed = try KernelRules.parse(entry.registerLine)
            #expect(KernelRules.matches(parsed, header) == (arch == c.arch), "\(c.compiler) \(c.flags) vs \(arch)")
        }
    }
}
