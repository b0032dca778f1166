// The strongest check of InitialStack: the host kernel builds an x86-64 process's stack with
// the same create_elf_tables, so a native program that prints where its own argv, envp,
// strings and auxv sit (relative to the stack top, with randomization off) must agree byte
// for byte with the builder given the same inputs and 8-byte little-endian words.

import ELFLoader
import Foundation
import GuestMemory
import Testing

let hostCompiler = "/usr/bin/gcc"
let setarch = "/usr/bin/setarch"

/// Prints offsets from the stack top (the end of the execfn string + one zero word).
let layoutProbe = """
    #include <stdio.h>
    #include <string.h>
    #include <stdint.h>
    #include <sys/auxv.h>
    extern char **environ;
    int main(int argc, char **argv) {
        uintptr_t execfn = getauxval(AT_EXECFN);
        uintptr_t top = execfn + strlen((char *)execfn) + 1 + sizeof(void *);
        printf("sp %lu\\n", top - ((uintptr_t)argv - sizeof(void *)));
        for (int i = 0; i < argc; i++) printf("arg %lu\\n", top - (uintptr_t)argv[i]);
        char **e = environ;
        for (; *e; e++) printf("env %lu\\n", top - (uintptr_t)*e);
        uintptr_t *aux = (uintptr_t *)(e + 1);
        printf("auxv %lu\\n", top - (uintptr_t)aux);
        for (; aux[0] != 0; aux += 2) printf("type %lu\\n", aux[0]);
        printf("execfn %lu\\n", top - execfn);
        printf("platform %lu\\n", top - getauxval(AT_PLATFORM));
        printf("random %lu\\n", top - getauxval(AT_RANDOM));
        return 0;
    }
    """

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: hostCompiler) && FileManager.default.isExecutableFile(atPath: setarch),
                "needs the host gcc and setarch"))
struct NativeStackTests {
    @Test func builderAgreesWithTheHostKernel() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("probe.c").path
        let probe = directory.appendingPathComponent("probe").path
        try layoutProbe.write(toFile: source, atomically: true, encoding: .utf8)
        try run(hostCompiler, ["-O1", "-o", probe, source])

        let arguments = [probe, "-x", "ünï", ""]
        let environment = ["HOME=/root", "A=1", "LONGER_VARIABLE=some value"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setarch)
        // setarch execs the probe with ADDR_NO_RANDOMIZE: no random stack-top offset or
        // arch_align_stack jitter.
        process.arguments = ["x86_64", "-R"] + arguments
        process.environment = Dictionary(uniqueKeysWithValues: environment.map {
            let parts = $0.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        })
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("the probe failed under setarch -R (personality not permitted here?)")
            return
        }
        var native: [String: [UInt64]] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let value = UInt64(fields[1]) else { continue }
            native[String(fields[0]), default: []].append(value)
        }
        // posix_spawn's environment order is not ours to choose: read it back from the
        // native process by offset (higher offset = lower address = earlier).
        let types = native["type"] ?? []
        #expect(!types.isEmpty)

        let space = try GuestAddressSpace(addressBits: 40)
        let top: UInt64 = 0x7f_0000_0000
        let layout = try InitialStack(
            top: GuestAddress(top), wordSize: 8, bigEndian: false, executable: false,
            arguments: arguments, environment: try nativeEnvironmentOrder(output: output, environment: environment, probe: native),
            execFilename: probe, platform: "x86_64", randomBytes: Array(repeating: 7, count: 16),
            auxv: types.map { AuxvEntry(AuxvType(rawValue: $0), 1) }
        ).build(in: space)

        func offset(_ address: GuestAddress) -> UInt64 { top - address.rawValue }
        #expect(offset(layout.stackPointer) == native["sp"]?.first)
        #expect(offset(layout.auxv) == native["auxv"]?.first)
        #expect(offset(layout.execFilename) == native["execfn"]?.first)
        #expect(layout.platform.map(offset) == native["platform"]?.first)
        #expect(offset(layout.random) == native["random"]?.first)
        let argv = (0..<arguments.count).compactMap { index in
            space.load(UInt64.self, at: layout.argv + UInt64(8 * index), bigEndian: false).map { top - $0 }
        }
        #expect(argv == native["arg"])
        let envp = (0..<environment.count).compactMap { index in
            space.load(UInt64.self, at: layout.envp + UInt64(8 * index), bigEndian: false).map { top - $0 }
        }
        #expect(envp == native["env"])
    }

    /// The environment in the order the native process received it, reconstructed from the
    /// string offsets (strings are laid out in order, each followed by its NUL).
    func nativeEnvironmentOrder(output: String, environment: [String], probe native: [String: [UInt64]]) throws -> [String] {
        let offsets = native["env"] ?? []
        var remaining = environment
        var ordered: [String] = []
        for (index, offset) in offsets.enumerated() {
            let length = index + 1 < offsets.count ? offset - offsets[index + 1] : offset - (native["execfn"]?.first ?? 0)
            guard let match = remaining.firstIndex(where: { UInt64($0.utf8.count + 1) == length }) else {
                throw CommandFailed(description: "cannot match environment string of length \(length) in \(output)")
            }
            ordered.append(remaining.remove(at: match))
        }
        return ordered
    }
}
