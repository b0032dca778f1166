// HostCall's x86-64 syscall numbers against the host's <sys/syscall.h>, built by the host
// compiler.
import Foundation
@testable import LinuxUser
import Testing

@Test func hostCallNumbersMatchTheHostHeaders() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gcc") else { return }
    let entries = HostCall.all + HostCall.more
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("HostCallTests-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let source = directory.appendingPathComponent("numbers.c")
    var program = "#include <stdio.h>\n#include <sys/syscall.h>\nint main(void) {\n"
    for (name, _) in entries { program += "    printf(\"%s %ld\\n\", \"\(name)\", (long)SYS_\(name));\n" }
    program += "    return 0;\n}\n"
    try program.write(to: source, atomically: true, encoding: .utf8)
    let binary = directory.appendingPathComponent("numbers").path
    let compile = Process()
    compile.executableURL = URL(fileURLWithPath: "/usr/bin/gcc")
    compile.arguments = ["-o", binary, source.path]
    try compile.run()
    compile.waitUntilExit()
    #expect(compile.terminationStatus == 0)
    let run = Process()
    run.executableURL = URL(fileURLWithPath: binary)
    let pipe = Pipe()
    run.standardOutput = pipe
    try run.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    run.waitUntilExit()
    var facts: [String: Int] = [:]
    for line in output.split(separator: "\n") {
        let words = line.split(separator: " ")
        if words.count == 2, let n = Int(words[1]) { facts[String(words[0])] = n }
    }
    for (name, number) in entries {
        #expect(facts[name] == number, "SYS_\(name)")
    }
}
