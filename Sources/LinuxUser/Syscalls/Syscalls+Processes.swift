// Child processes: fork (and clone/vfork without CLONE_VM), execve, wait4. A forked child is
// a copy of this whole process, guest memory and all, as the host kernel makes it. An execve
// of a guest program runs it under Mirage again; of anything else, lets the host run it.

import CHost
import ELFLoader
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// clone(flags, stack, ptid, tls, ctid) on ARM (the raw kernel order). With CLONE_THREAD it
    /// makes a thread (carried out by the CPU loop: `newThread`); without CLONE_VM it is a fork
    /// (CLONE_VM|CLONE_VFORK, posix_spawn's, is one too: the parent waits for nothing, but the
    /// child has its own copy of memory, which a vfork child may not tell from sharing it).
    mutating func clone() -> SyscallResult {
        let flags = UInt32(truncatingIfNeeded: arg(0))
        if flags & CloneFlags.thread != 0 {
            // A thread shares everything a thread shares (Linux refuses CLONE_THREAD without
            // CLONE_SIGHAND, and CLONE_SIGHAND without CLONE_VM; Mirage's threads always share
            // files and cwd, so a clone that wants them private is refused too).
            guard flags & CloneFlags.threadRequired == CloneFlags.threadRequired, flags & CloneFlags.namespaces == 0,
                  flags & CloneFlags.vfork == 0 else {
                if process.log.enabled(.unimp) { process.log.write("mirage: clone flags 0x\(String(flags, radix: 16)) for a thread: EINVAL") }
                return fail(EINVAL)
            }
            newThread = ThreadRequest(
                stack: arg(1), tls: flags & CloneFlags.setTLS != 0 ? arg(3) : nil,
                parentTID: flags & CloneFlags.parentSetTID != 0 ? arg(2) : nil,
                childSetTID: flags & CloneFlags.childSetTID != 0 ? arg(4) : nil,
                childClearTID: flags & CloneFlags.childClearTID != 0 ? arg(4) : nil)
            return 0
        }
        if flags & CloneFlags.vm != 0 && flags & CloneFlags.vfork == 0 {
            // Memory shared with a separate process: not something a copy can be.
            if process.log.enabled(.unimp) { process.log.write("mirage: clone with CLONE_VM but not CLONE_THREAD is not supported: EINVAL") }
            return fail(EINVAL)
        }
        guard flags & 0xff == UInt32(SIGCHLD) || flags & 0xff == 0 else { return fail(EINVAL) }
        let pid = process.fork(from: thread)
        if pid < 0 { return fail(errno) }
        if pid == 0 {
            // The child starts on the stack it was given (glibc's clone puts the function to
            // run there), as the kernel's clone does.
            if arg(1) != 0 { childStack = arg(1) }
            let tid = UInt32(truncatingIfNeeded: Host.rawSyscall(HOST_SYS_gettid))
            if flags & CloneFlags.childSetTID != 0 { _ = space.store(tid, at: address(4), bigEndian: process.bigEndian) }
            if flags & CloneFlags.childClearTID != 0 { thread.clearChildTID = arg(4) }
            return 0
        }
        if flags & CloneFlags.parentSetTID != 0 { _ = space.store(UInt32(pid), at: address(2), bigEndian: process.bigEndian) }
        return SyscallResult(pid)
    }

    func fork() -> SyscallResult {
        let pid = process.fork(from: thread)
        return pid < 0 ? fail(errno) : SyscallResult(pid)
    }

    /// wait4(pid, status *, options, rusage *).
    func wait4() -> SyscallResult {
        var status: Int32 = 0
        var usage = rusage()
        let r = withUnsafeMutablePointer(to: &status) { s in
            withUnsafeMutablePointer(to: &usage) { u in
                Host.guestSyscall(HOST_SYS_wait4, Int(int(0)), Int(bitPattern: s), Int(int(2)), Int(bitPattern: u))
            }
        }
        if r <= 0 { return forward(r) }
        // The status word's signal numbers are the host's; ARM's are the same.
        if arg(1) != 0 && !space.store(UInt32(bitPattern: status), at: address(1), bigEndian: process.bigEndian) { return fail(EFAULT) }
        if arg(3) != 0 && !writeStruct(.rusage, at: address(3), { $0.write(usage) }) { return fail(EFAULT) }
        return SyscallResult(r)
    }

    /// execve(path, argv, envp). A guest program (an ELF for this guest) runs under this
    /// mirage again, with the same options; anything else goes to the host's execve.
    func execve() -> SyscallResult {
        guard case .success(let pathBytes) = string(address(0)) else { return fail(EFAULT) }
        guard let argv = stringArray(address(1)), let envp = stringArray(address(2)) else { return fail(EFAULT) }
        var hostPath = process.hostPath(pathBytes)
        hostPath.removeLast()
        // /proc/self/exe is the guest program, as the guest sees it (readlink says so too).
        let path = isProcSelfExe(pathBytes) ? process.executablePath : String(decoding: hostPath, as: UTF8.self)
        if access(path, X_OK) != 0 { return fail(errno) }
        // Without a path to this mirage (a chroot without /proc) the host kernel runs the
        // program, through mirage's binfmt_misc entry when there is one.
        let launcher = Launcher.launcherPath()
        var guest = launcher != nil && isGuestProgram(path)
        // The guest's argv[0] stays what it asked for, under mirage (-0) or not.
        var command = guest ? [launcher ?? ""] + process.relaunchOptions + ["-0", argv.first ?? path, path] + argv.dropFirst()
            : argv
        if !guest, let launcher, let script = guestInterpreter(script: path) {
            // A script whose interpreter is a guest program (found in the sysroot first): run
            // that under mirage with the argv the kernel would give it.
            guest = true
            command = [launcher] + process.relaunchOptions + ["-0", script.written, script.hostPath]
                + (script.argument.map { [$0] } ?? []) + [String(decoding: pathBytes, as: UTF8.self)] + argv.dropFirst()
        }
        let target = guest ? launcher ?? path : path
        // A successful execve does not come back to be logged: log it now, as succeeding.
        if process.log.enabled(.strace) { Strace.log(process, .execve, 0, args, 0) }
        let r = withCStrings(command) { cargv in
            withCStrings(envp) { cenvp in
                Glibc.execve(target, cargv, cenvp)
            }
        }
        return r < 0 ? fail(errno) : 0
    }

    /// For a `#!` script: its interpreter as written, where it is on the host (the sysroot
    /// first), and the one optional argument, when that interpreter is a guest program. Nil for
    /// anything else (the host kernel runs it, or refuses it, itself).
    func guestInterpreter(script path: String) -> (written: String, hostPath: String, argument: String?)? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var head = [UInt8](repeating: 0, count: 256)
        let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard n > 2, head[0] == UInt8(ascii: "#"), head[1] == UInt8(ascii: "!") else { return nil }
        // The kernel's rule: the first line, the interpreter up to blank, the rest (trimmed)
        // one argument.
        let line = head[2..<n].prefix { $0 != UInt8(ascii: "\n") }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let trimmed = line.drop(while: blank)
        let interpreter = trimmed.prefix { !blank($0) }
        guard !interpreter.isEmpty else { return nil }
        var rest = Array(trimmed.dropFirst(interpreter.count).drop(while: blank))
        while let last = rest.last, blank(last) || last == UInt8(ascii: "\r") { rest.removeLast() }
        var resolved = process.hostPath(Array(interpreter))
        resolved.removeLast()
        let hostPath = String(decoding: resolved, as: UTF8.self)
        guard isGuestProgram(hostPath) else { return nil }
        return (String(decoding: interpreter, as: UTF8.self), hostPath, rest.isEmpty ? nil : String(decoding: rest, as: UTF8.self))
    }

    func isGuestProgram(_ path: String) -> Bool {
        guard let file = try? ELFFile.open(path: path) else { return false }
        guard case .guest(let arch) = GuestSelection.identity(of: file) else { return false }
        return GuestSelection.runnable.contains(arch)
    }

    /// A NULL-terminated array of guest string pointers.
    func stringArray(_ start: GuestAddress) -> [String]? {
        if start.rawValue == 0 { return [] }
        var out: [String] = []
        var p = start
        while out.count < 65536 {
            guard let word = space.load(UInt32.self, at: p, bigEndian: process.bigEndian) else { return nil }
            if word == 0 { return out }
            guard let bytes = space.readCString(at: GuestAddress(UInt64(word)), maxLength: 1 << 20) else { return nil }
            out.append(String(decoding: bytes, as: UTF8.self))
            p += 4
        }
        return nil
    }
}

/// Runs `body` with a NULL-terminated C array of `strings`.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
