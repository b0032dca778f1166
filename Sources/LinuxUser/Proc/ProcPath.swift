// Which /proc paths must describe the guest rather than Mirage. The guest's pid and tids are
// the host's (one host process per guest process, one host thread per guest thread), so
// /proc/self, /proc/<own pid>, /proc/thread-self and /proc/<own pid>/task/<tid> all name
// this process; everything under them that the host kernel would answer about Mirage
// (its executable, its address space, its argv) is answered here instead.

/// A /proc file whose content Mirage supplies.
enum ProcFile: Equatable, Sendable {
    /// /proc/cpuinfo: the guest's CPU.
    case cpuinfo
    /// Per-process files; `thread` when reached through thread-self or task/<tid>.
    case exe(thread: Bool)
    case maps(thread: Bool)
    case auxv(thread: Bool)
    case cmdline(thread: Bool)
    case environ(thread: Bool)
    case stat(thread: Bool)
    /// fd/N: only readlink is special (the target in the guest's view).
    case fd(Int32)

    /// The path the kernel's d_path gives an open file of this kind (self and thread-self
    /// resolved): what readlink of /proc/self/fd/N shows.
    func guestPath(pid: Int32, tid: Int32) -> String {
        func directory(_ thread: Bool) -> String { thread ? "/proc/\(pid)/task/\(tid)/" : "/proc/\(pid)/" }
        switch self {
        case .cpuinfo: return "/proc/cpuinfo"
        case .exe(let t): return directory(t) + "exe"
        case .maps(let t): return directory(t) + "maps"
        case .auxv(let t): return directory(t) + "auxv"
        case .cmdline(let t): return directory(t) + "cmdline"
        case .environ(let t): return directory(t) + "environ"
        case .stat(let t): return directory(t) + "stat"
        case .fd(let n): return directory(false) + "fd/\(n)"
        }
    }

    /// Parses an absolute, normalized path. `pid` is this process's id; `isOwnThread` says
    /// whether a tid under /proc/<pid>/task is one of its threads.
    static func parse(_ path: [UInt8], pid: Int32, isOwnThread: (Int32) -> Bool) -> ProcFile? {
        let parts = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { Array($0) }
        guard parts.count >= 2, parts[0] == Array("proc".utf8) else { return nil }
        if parts.count == 2 && parts[1] == Array("cpuinfo".utf8) { return .cpuinfo }
        var rest = parts[2...]
        var thread: Bool
        switch parts[1] {
        case Array("self".utf8): thread = false
        case Array("thread-self".utf8): thread = true
        default:
            guard decimal(parts[1]) == pid else { return nil }
            thread = false
        }
        if !thread, rest.count >= 2, rest.first == Array("task".utf8) {
            guard let tid = decimal(rest[rest.startIndex + 1]), isOwnThread(tid) else { return nil }
            thread = true
            rest = rest.dropFirst(2)
        }
        switch (rest.count, rest.first.map { String(decoding: $0, as: UTF8.self) }) {
        case (1, "exe"): return .exe(thread: thread)
        case (1, "maps"): return .maps(thread: thread)
        case (1, "auxv"): return .auxv(thread: thread)
        case (1, "cmdline"): return .cmdline(thread: thread)
        case (1, "environ"): return .environ(thread: thread)
        case (1, "stat"): return .stat(thread: thread)
        case (2, "fd"):
            guard let n = decimal(rest[rest.startIndex + 1]) else { return nil }
            return .fd(n)
        default: return nil
        }
    }

    /// A canonical decimal (no sign, no leading zero) that fits an Int32, as /proc names pids.
    static func decimal(_ bytes: [UInt8]) -> Int32? {
        guard !bytes.isEmpty, bytes.count <= 10, bytes.count == 1 || bytes[0] != UInt8(ascii: "0") else { return nil }
        var value: Int64 = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(b - UInt8(ascii: "0"))
        }
        return value <= Int64(Int32.max) ? Int32(value) : nil
    }
}

/// Lexical path arithmetic for guest paths (no symlinks are followed: /proc's own links,
/// self and thread-self, are recognised by name).
enum GuestPath {
    /// `path` made absolute against `base` (an absolute directory) and normalized: empty and
    /// "." components dropped, ".." removes the previous component (never above /).
    static func resolve(_ path: [UInt8], against base: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        let full = path.first == slash ? path : base + [slash] + path
        var parts: [ArraySlice<UInt8>] = []
        for part in full.split(separator: slash, omittingEmptySubsequences: true) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        var result: [UInt8] = []
        for part in parts {
            result.append(slash)
            result += part
        }
        return result.isEmpty ? [slash] : result
    }

    /// Whether a normalized absolute path is /proc or below it.
    static func isUnderProc(_ path: [UInt8]) -> Bool {
        path.elementsEqual("/proc".utf8) || path.starts(with: "/proc/".utf8)
    }
}
