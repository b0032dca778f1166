// The rest of what ordinary static programs call: futex, statfs, prctl, sigaltstack,
// personality, getcpu, and memory hints that need no emulation.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// futex(uaddr, op, val, timeout/val2, uaddr2, val3), on the host's futex at the host
    /// address of the guest word, so futexes work across guest threads and processes sharing
    /// memory. `kind` is the timeout's timespec layout. The host compares the word as it lies
    /// in memory with `val` (WAIT, WAIT_BITSET) or `val3` (CMP_REQUEUE): for a big-endian
    /// guest those values are byte-swapped to match; the PI lock calls, whose word the kernel
    /// reads itself, are Mirage's own for such a guest (Syscalls+FutexPI). (WAKE_OP's
    /// arithmetic on the second word and the requeue-PI calls stay in the host's order: glibc's
    /// condition variables use neither.)
    func futex(_ kind: StructKind) -> SyscallResult {
        guard let word = pointer(address(0), 4, write: false) else { return fail(EFAULT) }
        let op = int(1)
        let command = op & 0x7f  // without FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME
        var timeout = timespec()
        var fourth = Int(arg(3) & 0xffff_ffff)
        switch command {
        case 0, 9, 6, 11, 13:  // WAIT, WAIT_BITSET, LOCK_PI, WAIT_REQUEUE_PI, LOCK_PI2: a timespec
            if arg(3) != 0 {
                guard let t = readTimespec(kind, 3) else { return fail(EFAULT) }
                timeout = t
            }
        default:
            break
        }
        var second = 0
        if [3, 4, 5, 11, 12].contains(command) {  // CMP_REQUEUE, REQUEUE, WAKE_OP, *_REQUEUE_PI
            guard let p = pointer(address(4), 4, write: true) else { return fail(EFAULT) }
            second = Int(bitPattern: p)
        }
        if process.bigEndian && [6, 7, 8, 13].contains(command) {
            guard arg(0) & 3 == 0 else { return fail(EINVAL) }
            guard let writable = pointer(address(0), 4, write: true) else { return fail(EFAULT) }
            let lock = writable.assumingMemoryBound(to: UInt32.self)
            if command == 7 { return unlockPI(lock, op: op) }
            return withUnsafeMutablePointer(to: &timeout) { t in
                lockPI(lock, op: op, timeout: command != 8 && arg(3) != 0 ? t : nil, trylock: command == 8)
            }
        }
        var value = UInt32(truncatingIfNeeded: arg(2)), value3 = UInt32(truncatingIfNeeded: arg(5))
        if process.bigEndian {
            if command == 0 || command == 9 || command == 11 { value = value.byteSwapped }
            if command == 4 || command == 12 { value3 = value3.byteSwapped }
        }
        return withUnsafeMutablePointer(to: &timeout) { t in
            if [0, 9, 6, 11, 13].contains(command) { fourth = arg(3) != 0 ? Int(bitPattern: t) : 0 }
            return forward(Host.guestSyscall(HOST_SYS_futex, Int(bitPattern: word), Int(op), Int(Int32(bitPattern: value)), fourth, second,
                                             Int(Int32(bitPattern: value3))))
        }
    }

    /// statfs64(path, size, buf) / fstatfs64(fd, size, buf): the host's record through
    /// LinuxABI's host layout into the guest's.
    func statfs64(path: Bool) -> SyscallResult {
        guard let hostLayout = StructLayouts.host[.statfs], let guestLayout = abi.layouts[.statfs64] else { return fail(ENOSYS) }
        // ARM EABI's kernel struct is packed (84 bytes) where the C library's is padded to 88;
        // the ARM kernel's wrapper takes either (sys_statfs64_wrapper).
        let padded = abi.arch == .arm && guestLayout.size == 84 ? 88 : guestLayout.size
        guard arg(1) == UInt64(guestLayout.size) || arg(1) == UInt64(padded) else { return fail(EINVAL) }
        var raw = [UInt8](repeating: 0, count: hostLayout.size)
        let result: SyscallResult = raw.withUnsafeMutableBytes { buffer in
            let p = Int(bitPattern: buffer.baseAddress)
            if path { return withPath(0) { forward(Host.guestSyscall(HOST_SYS_statfs, Int(bitPattern: $0), p)) } }
            return forward(Host.guestSyscall(HOST_SYS_fstatfs, Int(int(0)), p))
        }
        if result < 0 { return result }
        return raw.withUnsafeBytes { bytes in
            guard let reader = StructReader(hostLayout, byteOrder: .host, from: bytes) else { return fail(EFAULT) }
            var fits = true
            guard writeStruct(.statfs64, at: address(2), { fits = $0.copyFields(from: reader) }) else { return fail(EFAULT) }
            return fits ? 0 : fail(EOVERFLOW)
        }
    }

    /// prctl: the calls about the calling thread's name and a few harmless ones; the rest EINVAL.
    func prctl() -> SyscallResult {
        switch int(0) {
        case 15:  // PR_SET_NAME: 16 bytes
            guard let p = pointer(address(1), 1, write: false), let name = space.readCString(at: address(1), maxLength: 16) else { return fail(EFAULT) }
            _ = p
            var bytes = name + [0]
            return bytes.withUnsafeMutableBytes { forward(Host.guestSyscall(HOST_SYS_prctl, 15, Int(bitPattern: $0.baseAddress))) }
        case 16:  // PR_GET_NAME
            guard let p = pointer(address(1), 16, write: true) else { return fail(EFAULT) }
            return forward(Host.guestSyscall(HOST_SYS_prctl, 16, Int(bitPattern: p)))
        case 1, 2, 3, 4, 36, 37, 38, 39:  // PDEATHSIG set/get, DUMPABLE get/set, CHILD_SUBREAPER, NO_NEW_PRIVS
            if int(0) == 2 || int(0) == 37 {
                // An int the kernel stores, in the guest's byte order (PDEATHSIG's a signal:
                // the guest's number).
                guard pointer(address(1), 4, write: true) != nil else { return fail(EFAULT) }
                var value: Int32 = 0
                let r = withUnsafeMutablePointer(to: &value) { Host.guestSyscall(HOST_SYS_prctl, Int(int(0)), Int(bitPattern: $0)) }
                if int(0) == 2 && value != 0 { value = abi.signals.untranslate(value) ?? value }
                if r >= 0 && !storeWord(UInt32(bitPattern: value), at: address(1)) { return fail(EFAULT) }
                return forward(r)
            }
            var value = Int(arg(1) & 0xffff_ffff)
            if int(0) == 1 && value != 0 {  // PR_SET_PDEATHSIG: the guest's signal number
                guard let host = abi.signals.translate(int(1)) else { return fail(EINVAL) }
                value = Int(host)
            }
            return forward(Host.guestSyscall(HOST_SYS_prctl, Int(int(0)), value, 0, 0, 0))
        default:
            return fail(EINVAL)
        }
    }

    /// sigaltstack(ss, old_ss), as the kernel's do_sigaltstack: the old stack's ss_flags say
    /// SS_DISABLE, or SS_ONSTACK while the thread runs on it; on it, the stack cannot change
    /// (EPERM). A new ss_flags is 0, SS_ONSTACK (taken as 0) or SS_DISABLE; SS_AUTODISARM is
    /// not supported (EINVAL). The old stack is written only when the call succeeds.
    func sigaltstack() -> SyscallResult {
        let current = thread.alternateStack, currentFlags = thread.alternateStackFlags(stackPointer)
        if arg(0) != 0 {
            guard let (base, flags, size) = readStruct(.stack, at: address(0), { r -> (UInt64, Int64, UInt64)? in
                guard let b = r.get("ss_sp"), let f = r.getSigned("ss_flags"), let s = r.get("ss_size") else { return nil }
                return (b, f, s)
            }) else { return fail(EFAULT) }
            if currentFlags == GuestThread.stackOn { return fail(EPERM) }
            switch flags {
            case GuestThread.stackDisabled: thread.alternateStack = (0, 0)
            case 0, GuestThread.stackOn:
                guard size >= 2048 else { return fail(ENOMEM) }  // MINSIGSTKSZ
                thread.alternateStack = (base, size)
            default: return fail(EINVAL)
            }
        }
        if arg(1) != 0 {
            guard writeStruct(.stack, at: address(1), { w in
                _ = w.set("ss_sp", current.base)
                _ = w.set("ss_flags", signed: currentFlags)
                _ = w.set("ss_size", current.size)
            }) else { return fail(EFAULT) }
        }
        return 0
    }

    func getcpu() -> SyscallResult {
        var cpu: UInt32 = 0, node: UInt32 = 0
        let r = Host.rawSyscall(HOST_SYS_getcpu, Int(bitPattern: withUnsafeMutablePointer(to: &cpu) { $0 }),
                                Int(bitPattern: withUnsafeMutablePointer(to: &node) { $0 }), 0)
        if r < 0 { return forward(r) }
        if arg(0) != 0 && !space.store(cpu, at: address(0), bigEndian: process.bigEndian) { return fail(EFAULT) }
        if arg(1) != 0 && !space.store(node, at: address(1), bigEndian: process.bigEndian) { return fail(EFAULT) }
        return 0
    }

    /// Memory-residency calls with no effect on an emulation: the range must be mapped.
    func memoryHint() -> SyscallResult {
        let length = arg(1) & 0xffff_ffff
        guard address(0).isAligned(to: space.pageSize) else { return fail(EINVAL) }
        if length == 0 { return 0 }
        return space.isAccessible(address(0), length: length, []) ? 0 : fail(ENOMEM)
    }
}

extension SyscallContext {
    /// mincore(addr, length, vec): every mapped page reads as resident.
    func mincore() -> SyscallResult {
        let result = memoryHint()
        if result != 0 { return result }
        let pages = ((arg(1) & 0xffff_ffff) + space.pageSize - 1) / space.pageSize
        guard let vector = pointer(address(2), pages, write: true) else { return fail(EFAULT) }
        vector.initializeMemory(as: UInt8.self, repeating: 1, count: Int(pages))
        return 0
    }
}
