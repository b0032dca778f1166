// Registering with the running kernel: writing entries to /proc/sys/fs/binfmt_misc (mounting
// it first when it is not), removing them, and reading their state. Every failure is a
// sentence that says what to do.

import Glibc

public enum BinfmtControl {
    public static let directory = "/proc/sys/fs/binfmt_misc"

    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Mounts binfmt_misc when its register file is missing (systemd does this at boot; a
    /// plain container or chroot may not have).
    public static func ensureMounted() -> Result<Void, Failure> {
        if access(directory + "/register", F_OK) == 0 { return .success(()) }
        if mount("binfmt_misc", directory, "binfmt_misc", 0, nil) == 0 { return .success(()) }
        let reason = String(cString: strerror(errno))
        return .failure(Failure(message: "\(directory) is not mounted and mounting it failed (\(reason)); "
            + "as root run: mount -t binfmt_misc binfmt_misc \(directory)"))
    }

    /// Registers `entry`, replacing an entry of the same name.
    public static func register(_ entry: BinfmtEntry) -> Result<Void, Failure> {
        if case .failure(let f) = ensureMounted() { return .failure(f) }
        if access(directory + "/" + entry.name, F_OK) == 0, case .failure(let f) = unregister(name: entry.name) {
            return .failure(f)
        }
        return write(entry.registerLine + "\n", to: directory + "/register", doing: "register \(entry.name)")
    }

    /// Removes the entry `name`; an absent entry is not an error.
    public static func unregister(name: String) -> Result<Void, Failure> {
        let path = directory + "/" + name
        if access(path, F_OK) != 0 { return .success(()) }
        return write("-1\n", to: path, doing: "unregister \(name)")
    }

    /// The kernel's description of entry `name` ("enabled", "interpreter ...", "flags: ...",
    /// "offset 0", "magic ...", "mask ..."), or nil when there is none.
    public static func status(name: String) -> String? {
        let fd = open(directory + "/" + name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `text` into a new file (or replaces one) with mode 0644.
    public static func writeFile(_ text: String, to path: String) -> Result<Void, Failure> {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            return .failure(Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        return writeAll(fd, text, doing: "write \(path)")
    }

    private static func write(_ text: String, to path: String, doing what: String) -> Result<Void, Failure> {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let hint = errno == EACCES || errno == EPERM ? " (needs root)" : ""
            return .failure(Failure(message: "cannot \(what): \(path): \(String(cString: strerror(errno)))\(hint)"))
        }
        defer { close(fd) }
        return writeAll(fd, text, doing: what)
    }

    private static func writeAll(_ fd: Int32, _ text: String, doing what: String) -> Result<Void, Failure> {
        var text = text
        // binfmt_misc takes the whole registration in one write.
        let n = text.withUTF8 { Glibc.write(fd, $0.baseAddress, $0.count) }
        if n == text.utf8.count { return .success(()) }
        let reason = n < 0 ? String(cString: strerror(errno)) : "short write"
        return .failure(Failure(message: "cannot \(what): \(reason)"))
    }
}
