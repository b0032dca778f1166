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
    /// clone(flags, stack, ptid, tls, ctid) on ARM (the raw kernel order). Without CLONE_VM it
    /// is a fork; threads (CLONE_VM) are not supported yet.
    mutating func clone() -> SyscallResult {
        let flags = UInt32(truncatingIfNeeded: arg(0))
        let cloneVM: UInt32 = 0x100, cloneVfork: UInt32 = 0x4000
        let parentSetTID: UInt32 = 0x0010_0000, childSetTID: UInt32 = 0x0100_0000, childClearTID: UInt32 = 0x0020_0000
        if flags & cloneVM != 0 && flags & cloneVfork == 0 {
            if process.log.enabled(.unimp) { process.log.write("mirage: clone with CLONE_VM (threads) is not supported yet: ENOSYS") }
            return fail(ENOSYS)
        }
        guard flags & 0xff == UInt32(SIGCHLD) || flags & 0xff == 0 else { return fail(EINVAL) }
        let pid = process.fork()
        if pid < 0 { return fail(errno) }
        if pid == 0 {
            // The child starts on the stack it was given (glibc's clone puts the function to
            // run there), as the kernel's clone does.
            if arg(1) != 0 { childStack = arg(1) }
            let tid = UInt32(truncatingIfNeeded: Host.rawSyscall(HOST_SYS_gettid))
            if flags & childSetTID != 0 { _ = space.store(tid, at: address(4), bigEndian: process.bigEndian) }
            if flags & childClearTID != 0 { process.clearChildTID = arg(4) }
            return 0
        }
        if flags & parentSetTID != 0 { _ = space.store(UInt32(pid), at: address(2), bigEndian: process.bigEndian) }
        return SyscallResult(pid)
    }

    func fork() -> SyscallResult {
        let pid = process.fork()
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
        let guest = isGuestProgram(path)
        // The guest's argv[0] stays what it asked for, under mirage (-0) or not.
        let command = guest ? [process.launcherPath] + process.relaunchOptions + ["-0", argv.first ?? path, path] + argv.dropFirst()
            : argv
        let target = guest ? process.launcherPath : path
        // A successful execve does not come back to be logged: log it now, as succeeding.
        if process.log.enabled(.strace) { Strace.log(process, .execve, 0, args, 0) }
        let r = withCStrings(command) { cargv in
            withCStrings(envp) { cenvp in
                Glibc.execve(target, cargv, cenvp)
            }
        }
        return r < 0 ? fail(errno) : 0
    }

    func isGuestProgram(_ path: String) -> Bool {
        guard let file = try? ELFFile.open(path: path) else { return false }
        return file.machine == .arm && file.elfClass == .elf32
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
