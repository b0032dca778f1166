// Builds the C fact programs under Layouts/ with a guest's cross compiler (run under qemu-user)
// or the host compiler, and parses what they print. Tools missing -> tests skip, saying which.
import Foundation
import LinuxABI
import Testing
import TestTools

/// A guest's cross compiler and the qemu-user that runs what it builds (static binaries).
struct CrossTarget: Sendable {
    let arch: GuestArch
    let compiler: String?
    let qemu: String?
    /// Why tests of this guest are skipped when a tool is missing.
    let missing: Comment

    init(_ arch: GuestArch, compiler: String, qemu: String, packages: String) {
        self.arch = arch
        self.compiler = Tools.find(compiler)
        self.qemu = Tools.find(qemu)
        missing = Comment(rawValue: "needs \(compiler) and \(qemu): apt-get install \(packages) qemu-user")
    }

    var available: Bool { compiler != nil && qemu != nil }

    /// Builds `source` (a path) statically for this guest and runs it under qemu-user.
    func run(source: String, name: String) throws -> String {
        guard let compiler, let qemu else { throw CrossTools.Failure(description: "\(missing)") }
        let binary = CrossTools.temporaryPath("\(name)-\(arch.rawValue)")
        _ = try Tools.run(compiler, ["-static", "-O1", "-w", "-o", binary, source])
        return try Tools.run(qemu, [binary])
    }
}

enum CrossTools {
    static let layoutsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Layouts")

    static let armCompiler = Tools.find("arm-linux-gnueabihf-gcc")
    static let qemuARM = Tools.find("qemu-arm")
    static let hostCompiler = Tools.find("gcc") ?? Tools.find("cc")

    static let mips = CrossTarget(.mips, compiler: "mips-linux-gnu-gcc", qemu: "qemu-mips",
                                  packages: "gcc-mips-linux-gnu libc6-dev-mips-cross linux-libc-dev-mips-cross")
    static let mipsel = CrossTarget(.mipsel, compiler: "mipsel-linux-gnu-gcc", qemu: "qemu-mipsel",
                                    packages: "gcc-mipsel-linux-gnu libc6-dev-mipsel-cross linux-libc-dev-mipsel-cross")

    static var armAvailable: Bool { armCompiler != nil && qemuARM != nil }
    static var hostAvailable: Bool { hostCompiler != nil }

    static let armMissing: Comment =
        "needs arm-linux-gnueabihf-gcc and qemu-arm: apt-get install gcc-arm-linux-gnueabihf qemu-user"
    static let hostMissing: Comment = "needs a host C compiler (gcc)"

    typealias Failure = Tools.Failure

    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("LinuxABITests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    /// Builds `source` (a path) statically for ARM and runs it under qemu-arm.
    static func runOnARM(source: String, name: String) throws -> String {
        guard let compiler = armCompiler, let qemu = qemuARM else { throw Failure(description: "\(armMissing)") }
        let binary = temporaryPath(name + "-arm")
        _ = try Tools.run(compiler, ["-static", "-O1", "-w", "-o", binary, source])
        return try Tools.run(qemu, [binary])
    }

    /// Builds `source` natively and runs it.
    static func runOnHost(source: String, name: String) throws -> String {
        guard let compiler = hostCompiler else { throw Failure(description: "\(hostMissing)") }
        let binary = temporaryPath(name + "-host")
        _ = try Tools.run(compiler, ["-O1", "-w", "-o", binary, source])
        return try Tools.run(binary, [])
    }

    static func layoutsSource(_ file: String) -> String {
        layoutsDirectory.appendingPathComponent(file).path
    }

    /// `NAME VALUE` lines -> [name: value].
    static func parseConstants(_ text: String) -> [String: Int64] {
        var values: [String: Int64] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 2, let value = Int64(words[1]) ?? UInt64(words[1]).map({ Int64(bitPattern: $0) }) {
                values[String(words[0])] = value
            }
        }
        return values
    }
}
