// /proc as the guest sees it: open, readlink and stat of the paths ProcFile names. Generated
// files (maps, auxv, cmdline, environ, stat, cpuinfo) are served as a memfd holding the text,
// reopened read-only, so read, lseek, pread, fstat and mmap all behave as on a file. The memfd
// is named after the guest path, which is how readlink of /proc/self/fd/N finds it again.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// The /proc file the path argument names, resolved against `dirfd` (a host dirfd or
    /// AT_FDCWD) as the kernel would walk it; nil for every other path.
    func procFile(dirfd: Int32, pathArg: Int) -> ProcFile? {
        guard case .success(let bytes) = string(address(pathArg)), !bytes.isEmpty else { return nil }
        let absolute: [UInt8]
        if bytes.first == UInt8(ascii: "/") {
            guard bytes.count >= 5, Self.mentionsProc(bytes) else { return nil }
            absolute = GuestPath.resolve(bytes, against: [])
        } else {
            guard let base = directoryPath(dirfd) else { return nil }
            guard GuestPath.isUnderProc(base) || Self.mentionsProc(bytes) else { return nil }
            absolute = GuestPath.resolve(bytes, against: base)
        }
        guard GuestPath.isUnderProc(absolute) else { return nil }
        return ProcFile.parse(absolute, pid: getpid(), isOwnThread: { tid in access("/proc/self/task/\(tid)", F_OK) == 0 })
    }

    /// Whether a path names /proc/self/exe of this process in any spelling (execve).
    func isProcSelfExe(_ path: [UInt8]) -> Bool {
        guard path.first == UInt8(ascii: "/"), Self.mentionsProc(path) else { return false }
        let parsed = ProcFile.parse(GuestPath.resolve(path, against: []), pid: getpid(),
                                    isOwnThread: { tid in access("/proc/self/task/\(tid)", F_OK) == 0 })
        if case .exe = parsed { return true }
        return false
    }

    private static func mentionsProc(_ bytes: [UInt8]) -> Bool {
        let needle = Array("proc".utf8)
        guard bytes.count >= needle.count else { return false }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<i + 4]) == needle { return true }
        return false
    }

    /// The absolute path of a directory fd (or the cwd), as the host kernel knows it.
    private func directoryPath(_ dirfd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        if dirfd == AT_FDCWD {
            let r = buffer.withUnsafeMutableBytes { Host.rawSyscall(HOST_SYS_getcwd, Int(bitPattern: $0.baseAddress), $0.count) }
            guard r > 0, let nul = buffer.firstIndex(of: 0) else { return nil }
            return Array(buffer[..<nul])
        }
        guard let target = Self.hostReadlink("/proc/self/fd/\(dirfd)"), target.first == UInt8(ascii: "/") else { return nil }
        return target
    }

    static func hostReadlink(_ path: String) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { b in
            path.withCString { Host.rawSyscall(HOST_SYS_readlinkat, Int(AT_FDCWD), Int(bitPattern: $0), Int(bitPattern: b.baseAddress), b.count) }
        }
        guard n >= 0 else { return nil }
        return Array(buffer[..<n])
    }

    // MARK: open

    /// open/openat of a /proc path Mirage answers; nil for every other path. `flags` are host
    /// open flags.
    func openProc(dirfd: Int32, pathArg: Int, flags: Int32) -> SyscallResult? {
        guard let file = procFile(dirfd: dirfd, pathArg: pathArg) else { return nil }
        switch file {
        case .exe:
            let fd = process.executablePath.withCString { Glibc.open($0, flags) }
            return fd < 0 ? fail(errno) : SyscallResult(fd)
        case .fd:
            return nil
        default:
            // The kernel's files are 0444 and not directories.
            if flags & O_ACCMODE != O_RDONLY { return fail(EACCES) }
            if flags & O_DIRECTORY != 0 { return fail(ENOTDIR) }
            guard let content = procContent(file) else { return nil }
            let name = file.guestPath(pid: getpid(), tid: Int32(truncatingIfNeeded: Host.rawSyscall(HOST_SYS_gettid)))
            return serve(content, name: name, flags: flags)
        }
    }

    /// The bytes of a generated file; nil when the host's file is to be used instead.
    func procContent(_ file: ProcFile) -> [UInt8]? {
        let facts = process.proc.startup
        switch file {
        case .cpuinfo:
            guard let personality = process.personality else { return nil }
            return Array(personality.cpuinfo(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))).utf8)
        case .maps:
            let files = process.proc.fileMappings.withLock { $0 }
            return Array(ProcMaps.text(space.mappings(), files: files, pointerSize: abi.wordSize).utf8)
        case .auxv:
            return facts.auxv
        case .cmdline:
            return commandLine(facts)
        case .environ:
            guard facts.envEnd > facts.envStart else { return [] }
            return space.read(at: GuestAddress(facts.envStart), count: Int(facts.envEnd - facts.envStart)) ?? []
        case .stat(let thread):
            guard let host = Self.readHostFile(thread ? "/proc/thread-self/stat" : "/proc/self/stat"),
                  let text = ProcStat.rewrite(String(decoding: host, as: UTF8.self), statFields(facts, host: host))
            else { return nil }
            return Array(text.utf8)
        case .exe, .fd:
            return nil
        }
    }

    /// /proc/self/cmdline as the kernel reads it (fs/proc/base.c, get_mm_cmdline): the argv
    /// strings from guest memory, NULs included; if the program overwrote the final NUL
    /// (setproctitle), one string from argv[0] on, through the environment if need be.
    func commandLine(_ facts: StartupFacts) -> [UInt8] {
        guard facts.argEnd > facts.argStart else { return [] }
        guard let last = space.read(at: GuestAddress(facts.argEnd - 1), count: 1), last[0] != 0 else {
            return space.read(at: GuestAddress(facts.argStart), count: Int(facts.argEnd - facts.argStart)) ?? []
        }
        let end = facts.envStart == facts.argEnd && facts.envEnd >= facts.envStart ? facts.envEnd : facts.argEnd
        let bytes = space.read(at: GuestAddress(facts.argStart), count: Int(end - facts.argStart)) ?? []
        return Array(bytes.prefix { $0 != 0 })
    }

    /// The stat fields that describe the guest rather than Mirage.
    func statFields(_ facts: StartupFacts, host: [UInt8]) -> [ProcStat.Field: UInt64] {
        let vsize = space.mappings().reduce(UInt64(0)) { $0 + ($1.end - $1.start) }
        var ignored: UInt64 = 0, caught: UInt64 = 0
        let actions = process.signalActions.withLock { $0 }
        for signal in 1..<min(32, actions.count) {
            let handler = actions[signal].handler
            if handler == GuestSignalAction.ignoreHandler { ignored |= 1 << (signal - 1) }
            else if handler != GuestSignalAction.defaultHandler { caught |= 1 << (signal - 1) }
        }
        var fields: [ProcStat.Field: UInt64] = [
            .vsize: vsize, .startCode: facts.startCode, .endCode: facts.endCode, .startStack: facts.startStack,
            // The kernel masks these four bitmaps to 31 bits.
            .blocked: UInt64(thread.signalMask.low32 & 0x7fff_ffff), .sigignore: ignored & 0x7fff_ffff, .sigcatch: caught & 0x7fff_ffff,
            .startData: facts.startData, .endData: facts.endData, .startBrk: space.brkStart.rawValue,
            .argStart: facts.argStart, .argEnd: facts.argEnd, .envStart: facts.envStart, .envEnd: facts.envEnd,
        ]
        if let limit = ProcStat.value(String(decoding: host, as: UTF8.self), .rsslim) {
            fields[.rsslim] = ProcStat.clamp(limit, pointerSize: abi.wordSize)
        }
        return fields
    }

    /// A read-only descriptor for `content`, named `name` (readlink shows it as the guest path).
    func serve(_ content: [UInt8], name: String, flags: Int32) -> SyscallResult {
        let created = (Self.memfdPrefix + name).withCString {
            Host.rawSyscall(HOST_SYS_memfd_create, Int(bitPattern: $0), 1 /* MFD_CLOEXEC */)
        }
        if created < 0 { return forward(created) }
        let memfd = Int32(truncatingIfNeeded: created)
        defer { Glibc.close(memfd) }
        var offset = 0
        while offset < content.count {
            let n = content.withUnsafeBytes { bytes in bytes.baseAddress.map { Glibc.write(memfd, $0 + offset, bytes.count - offset) } ?? 0 }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return fail(n < 0 ? errno : EIO) }
            offset += n
        }
        let reopened = Glibc.open("/proc/self/fd/\(memfd)", O_RDONLY | (flags & (O_CLOEXEC | O_NONBLOCK)))
        return reopened < 0 ? fail(errno) : SyscallResult(reopened)
    }

    static let memfdPrefix = "mirage-proc:"

    static func readHostFile(_ path: String) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return result }
            result += chunk[..<n]
        }
    }

    // MARK: readlink and stat

    /// The target readlink gives for a /proc link the guest must see its own way: exe is the
    /// guest program; fd/N is the host's target with the sysroot taken off, or the guest path
    /// of a generated /proc file. nil: ask the host.
    func procLinkTarget(dirfd: Int32, pathArg: Int) -> [UInt8]? {
        switch procFile(dirfd: dirfd, pathArg: pathArg) {
        case .exe:
            return Array(process.executablePath.utf8)
        case .fd(let n):
            guard let host = Self.hostReadlink("/proc/self/fd/\(n)") else { return nil }
            let text = String(decoding: host, as: UTF8.self)
            let generated = "/memfd:" + Self.memfdPrefix
            if text.hasPrefix(generated) {
                var path = String(text.dropFirst(generated.count))
                if path.hasSuffix(" (deleted)") { path.removeLast(" (deleted)".count) }
                return Array(path.utf8)
            }
            return Array(process.proc.guestView(ofHostPath: text).utf8)
        default:
            return nil
        }
    }

    /// The host path to stat instead of the guest's, for /proc/self/exe.
    func procStatSubstitute(dirfd: Int32, pathArg: Int) -> String? {
        if case .exe = procFile(dirfd: dirfd, pathArg: pathArg) { return process.executablePath }
        return nil
    }

    // MARK: Keeping the file ranges of /proc/self/maps current

    /// After a successful mmap at [start, start + length): a file mapping records the file's
    /// guest path, offset and identity; an anonymous one clears what was recorded there.
    func noteMapped(_ start: UInt64, length: UInt64, fd: Int32?, offset: UInt64) {
        let end = start &+ ((length &+ space.pageSize &- 1) & ~(space.pageSize - 1))
        guard let fd else {
            process.proc.fileMappings.withLock { $0.remove(start, end) }
            return
        }
        let target = Self.hostReadlink("/proc/self/fd/\(fd)").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let (device, inode) = ProcState.identity(ofDescriptor: fd) ?? (0, 0)
        var path = process.proc.guestView(ofHostPath: target)
        if path.hasPrefix("/memfd:" + Self.memfdPrefix) {
            path = String(path.dropFirst(7 + Self.memfdPrefix.count))
            if path.hasSuffix(" (deleted)") { path.removeLast(" (deleted)".count) }
        }
        let mapping = FileMapping(start: start, end: end, path: path, offset: offset, device: device, inode: inode)
        process.proc.fileMappings.withLock { $0.insert(mapping) }
    }

    func noteUnmapped(_ start: UInt64, length: UInt64) {
        let end = start &+ ((length &+ space.pageSize &- 1) & ~(space.pageSize - 1))
        process.proc.fileMappings.withLock { $0.remove(start, end) }
    }

    func noteRemapped(_ start: UInt64, oldLength: UInt64, to newStart: UInt64, newLength: UInt64) {
        let page = space.pageSize
        let oldEnd = start &+ ((oldLength &+ page &- 1) & ~(page - 1))
        process.proc.fileMappings.withLock { $0.move(start, oldEnd, to: newStart, newLength: (newLength &+ page &- 1) & ~(page - 1)) }
    }
}
