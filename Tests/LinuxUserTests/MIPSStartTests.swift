// The translation mode a MIPS program starts in, from its ELF headers: byte order, and FR=1
// exactly for the FP64 ABI (an FPXX or double-float program runs with FR=0, as the kernel
// runs it on a Release 2 CPU). Programs built by the MIPS cross compilers (skipped without).

import ELFLoader
import Foundation
import GuestMIPS
import GuestMemory
import LinuxABI
@testable import LinuxUser
import Testing

private func compiler(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

private let mipsCompilersPresent = compiler("mips-linux-gnu-gcc") != nil && compiler("mipsel-linux-gnu-gcc") != nil

@Suite(.enabled(if: mipsCompilersPresent, "needs mips-linux-gnu-gcc and mipsel-linux-gnu-gcc"))
struct MIPSStartTests {
    /// Builds a static program with `flags` and returns the mode Mirage would start it in.
    func mode(_ arch: String, _ flags: [String]) throws -> MIPSMode {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mips-start-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = dir.appendingPathComponent("main.c"), binary = dir.appendingPathComponent("\(arch)\(flags.joined())")
        try "int main(void) { return 0; }\n".write(to: source, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(compiler("\(arch)-linux-gnu-gcc")))
        process.arguments = ["-static", "-O1"] + flags + ["-o", binary.path, source.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let file = try ELFFile.open(path: binary.path)
        let space = try GuestAddressSpace(addressBits: 32)
        let image = try load(file, into: space, loadBias: nil)
        return MIPSPersonality.mode(bigEndian: arch == "mips", program: (file, image), interpreter: nil, space: space)
    }

    @Test func modeFromTheELFHeaders() throws {
        #expect(try mode("mips", []) == [.bigEndian], "Debian's default: FPXX, legacy NaNs")
        #expect(try mode("mipsel", []) == [])
        #expect(try mode("mipsel", ["-mfp64"]) == [.fr])
        #expect(try mode("mips", ["-mfp32"]) == [.bigEndian])
    }
}
