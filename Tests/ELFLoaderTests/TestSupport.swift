// Shared helpers: temporary files, the ARM cross compiler, reading files.

import Foundation
import GuestMemory

let crossCompiler = "/usr/bin/arm-linux-gnueabihf-gcc"
let haveCrossCompiler = FileManager.default.isExecutableFile(atPath: crossCompiler)
/// The host's readelf, or the cross binutils' one (same program, either reads any ELF).
let readelf = ["/usr/bin/readelf", "/usr/bin/arm-linux-gnueabihf-readelf"]
    .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/readelf"

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("mirage-elfloader-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct CommandFailed: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program and returns its standard output; throws on a non-zero exit.
@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw CommandFailed(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(text)")
    }
    return text
}

let helloSource = """
    #include <stdio.h>
    int table[5000];
    int initialized = 42;
    int main(int argc, char **argv) { printf("hi %d\\n", argc + table[3] + initialized); return 0; }
    """

/// A freestanding static-pie (Debian's armhf cross libc has no rcrt1.o for a libc one).
let pieSource = """
    static int counter = 5;
    int bss_area[100];
    void _start(void) {
        counter += bss_area[3];
        register int r0 asm("r0") = counter;
        register int r7 asm("r7") = 1;
        asm volatile("svc 0" :: "r"(r0), "r"(r7));
        for (;;) {}
    }
    """

/// Compiles `source` with the ARM cross compiler and `flags`; returns the program's path.
func compileARM(_ source: String, name: String, flags: [String], in directory: URL) throws -> String {
    let sourcePath = directory.appendingPathComponent(name + ".c").path
    try source.write(toFile: sourcePath, atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent(name).path
    try run(crossCompiler, flags + ["-O2", "-o", output, sourcePath])
    return output
}

func fileBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

func makeSpace() throws -> GuestAddressSpace { try GuestAddressSpace(addressBits: 32) }
