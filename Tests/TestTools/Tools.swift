// External tools the tests drive (cross assemblers and compilers, objdump, qemu, gcc): found on
// PATH and run to completion with their output collected. Shared by every test target, so a
// test that needs a tool says so in one way and a failing tool reports its stderr.

import Foundation

public enum Tools {
    /// A tool that failed: its command line, exit status and standard error.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The first executable named `name` on PATH (an absolute or relative path is taken as is
    /// when it is executable).
    public static func find(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`, in `directory`
    /// when given, with no standard input, and returns its standard output. A non-zero exit
    /// throws with its standard error. Output goes through unlinked temporary files, so a tool
    /// that writes much to either stream cannot block on a full pipe.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
        guard let path = find(executable) else { throw Failure(description: "\(executable): not found on PATH") }
        let out = try scratchFile(), err = try scratchFile()
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: try contents(out), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let message = String(decoding: try contents(err), as: UTF8.self)
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(message)")
        }
        return output
    }

    /// A fresh directory for one test's files, removed by nobody (the system's temporary
    /// directory is cleaned by the system).
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("mirage-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func scratchFile() throws -> FileHandle {
        var template = Array("\(NSTemporaryDirectory())/mirage-tool-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(description: "cannot create a temporary file: errno \(errno)") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    private static func contents(_ handle: FileHandle) throws -> Data {
        try handle.seek(toOffset: 0)
        return try handle.readToEnd() ?? Data()
    }
}
