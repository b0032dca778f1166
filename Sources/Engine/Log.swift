// Logging switches (`-d ITEMS`) and the sink they write to (`-D FILE`, default stderr).

import Glibc

/// What `-d` asked to log.
public struct LogItems: OptionSet, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Guest instructions of each block translated.
    public static let inAsm = LogItems(rawValue: 1 << 0)
    /// The IR of each block translated.
    public static let op = LogItems(rawValue: 1 << 1)
    /// The IR after optimization.
    public static let opOpt = LogItems(rawValue: 1 << 2)
    /// Each block executed.
    public static let exec = LogItems(rawValue: 1 << 3)
    /// Unimplemented instructions and syscalls.
    public static let unimp = LogItems(rawValue: 1 << 4)
    /// Do not chain blocks (debugging).
    public static let nochain = LogItems(rawValue: 1 << 5)
    /// Guest faults and signals.
    public static let guestErrors = LogItems(rawValue: 1 << 6)
    /// Each syscall (also `-strace`).
    public static let strace = LogItems(rawValue: 1 << 7)
    /// Per-block IR verification, with a report of failures.
    public static let verify = LogItems(rawValue: 1 << 8)
    /// The host code of each translated block (JIT).
    public static let outAsm = LogItems(rawValue: 1 << 9)

    /// The `-d` names, in the order `-d help` lists them.
    public static let names: [(String, LogItems, String)] = [
        ("in_asm", .inAsm, "show guest instructions of each translated block"),
        ("op", .op, "show the IR of each translated block"),
        ("op_opt", .opOpt, "show the IR after optimization"),
        ("out_asm", .outAsm, "show the host code of each translated block"),
        ("exec", .exec, "show each block as it runs"),
        ("unimp", .unimp, "log unimplemented instructions and syscalls"),
        ("nochain", .nochain, "do not chain translated blocks"),
        ("guest_errors", .guestErrors, "log guest faults and signals"),
        ("strace", .strace, "log system calls"),
        ("verify", .verify, "verify the IR of every block"),
    ]

    /// Parses a comma-separated `-d` list; nil and the bad name when one is unknown.
    public static func parse(_ text: String) -> (LogItems?, String?) {
        var items: LogItems = []
        for name in text.split(separator: ",") {
            guard let match = names.first(where: { $0.0 == name }) else { return (nil, String(name)) }
            items.insert(match.1)
        }
        return (items, nil)
    }
}

/// Where log lines go. Writes are unbuffered whole lines, so the log interleaves correctly with
/// the guest's own output on stderr.
public struct Log: @unchecked Sendable {
    public var items: LogItems
    public var fd: Int32

    public init(items: LogItems = [], fd: Int32 = 2) {
        self.items = items
        self.fd = fd
    }

    @inline(__always) public func enabled(_ item: LogItems) -> Bool { !items.isDisjoint(with: item) }

    /// Writes `text` followed by a newline unless it already ends in one.
    @inline(never)
    public func write(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
