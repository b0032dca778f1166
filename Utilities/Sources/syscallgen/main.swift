// syscallgen: syscall-tables/*.tbl -> Swift enums for LinuxABI.
// Usage: syscallgen TABLE-DIRECTORY --out OUTPUT-DIRECTORY
// Writes Syscall.swift and one <Arch>Syscalls.swift per table; files whose contents are already
// right are left untouched so a regenerate that changes nothing does not trigger a rebuild.
import Glibc
import SyscallGenKit

func fail(_ message: String) -> Never {
    let line = Array("syscallgen: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    if ferror(file) != 0 { return nil }
    return String(decoding: bytes, as: UTF8.self)
}

func writeFile(_ path: String, _ contents: String) -> Bool {
    if readFile(path) == contents { return true }
    guard let file = fopen(path, "wb") else { return false }
    let bytes = Array(contents.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    return fclose(file) == 0 && written == bytes.count
}

func tableFiles(in directory: String) -> [String] {
    guard let dir = opendir(directory) else {
        fail("cannot open \(directory): \(String(cString: strerror(errno)))")
    }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
        if name.hasSuffix(".tbl") { names.append(name) }
    }
    return names.sorted()
}

var arguments = Array(CommandLine.arguments.dropFirst())
var outDirectory: String?
var tableDirectory: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    if argument == "--out" {
        guard !arguments.isEmpty else { fail("--out needs a directory") }
        outDirectory = arguments.removeFirst()
    } else if argument == "-h" || argument == "--help" {
        print("usage: syscallgen TABLE-DIRECTORY --out OUTPUT-DIRECTORY")
        exit(0)
    } else if tableDirectory == nil {
        tableDirectory = argument
    } else {
        fail("unexpected argument \(argument)")
    }
}
guard let tableDirectory, let outDirectory else {
    fail("usage: syscallgen TABLE-DIRECTORY --out OUTPUT-DIRECTORY")
}

var tables: [SyscallTable] = []
for fileName in tableFiles(in: tableDirectory) {
    let path = tableDirectory + "/" + fileName
    guard let text = readFile(path) else { fail("cannot read \(path)") }
    do {
        tables.append(try SyscallTable(stem: String(fileName.dropLast(4)), text: text))
    } catch {
        fail("\(path): \(error)")
    }
}
if tables.isEmpty { fail("no *.tbl files in \(tableDirectory)") }

// The header names the tables' directory by its last component, so the output is the same
// whether the generator runs from the repository root or from Utilities/.
let trimmed = tableDirectory.hasSuffix("/") ? String(tableDirectory.dropLast()) : tableDirectory
let directoryName = trimmed.split(separator: "/").last.map(String.init) ?? trimmed

mkdir(outDirectory, 0o755)
for file in Generator.files(tables: tables, tableDirectory: directoryName) {
    let path = outDirectory + "/" + file.name
    if !writeFile(path, file.contents) { fail("cannot write \(path)") }
}
