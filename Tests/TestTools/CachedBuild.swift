// Test inputs that take external tools a while to make (a corpus of objdump listings from the
// cross compilers) are made once per set of inputs and kept in /tmp, keyed by a hash of every
// input, so a changed source or command line makes a fresh copy and several test processes
// can share one.

import Foundation

public enum CachedBuild {
    /// The text `make` produces in a fresh directory holding `sources` (file name, contents):
    /// read back from /tmp/`label`/HASH/`file` when an earlier run made it. `inputs` are the
    /// other strings the result depends on (tool names, command lines, a format version).
    public static func text(label: String, sources: [(String, String)], inputs: [String], file: String = "corpus.txt",
                            make: (URL) throws -> String) throws -> String {
        var hash = FNV1a()
        for (name, text) in sources { hash.mix(name); hash.mix(text) }
        inputs.forEach { hash.mix($0) }
        let directory = URL(fileURLWithPath: "/tmp/\(label)/\(String(hash.value, radix: 16))")
        if let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) { return text }
        let work = URL(fileURLWithPath: directory.path + ".tmp-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for (name, text) in sources {
            try text.write(to: work.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        let text = try make(work)
        try text.write(to: work.appendingPathComponent(file), atomically: true, encoding: .utf8)
        // Another test process may have finished first; either copy is the same.
        if (try? FileManager.default.moveItem(at: work, to: directory)) == nil {
            try? FileManager.default.removeItem(at: work)
        }
        return text
    }
}

/// FNV-1a over strings, each followed by a separator byte (so "ab","c" differs from "a","bc").
struct FNV1a {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func mix(_ string: String) {
        for byte in string.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }
}
