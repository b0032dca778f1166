// The guest address space: brk, mmap2, munmap, mprotect, mremap, madvise. GuestMemory holds
// the Linux semantics; here guest flags become its flags.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI
import SystemPackage

extension SyscallContext {
    func fail(_ e: Errno) -> SyscallResult { fail(e.rawValue) }

    /// Guest PROT_* to Protection (through the host's PROT_* bits).
    func protection(_ i: Int) -> Protection? {
        let guest = UInt32(truncatingIfNeeded: arg(i))
        if abi.protFlags.unknownGuestBits(guest) != 0 { return nil }
        let host = Int32(bitPattern: abi.protFlags.translate(guest))
        var p: Protection = []
        if host & PROT_READ != 0 { p.insert(.read) }
        if host & PROT_WRITE != 0 { p.insert(.write) }
        if host & PROT_EXEC != 0 { p.insert(.execute) }
        return p
    }

    func brk() -> SyscallResult {
        SyscallResult(space.brk(address(0)).rawValue)
    }

    /// mmap2(addr, length, prot, flags, fd, pgoffset): the offset counts 4096-byte units.
    func mmap2() -> SyscallResult {
        mmap(offset: (arg(5) & 0xffff_ffff) * 4096)
    }

    /// The old mmap(addr, length, prot, flags, fd, offset) with a byte offset (MIPS o32's
    /// mmap, its fifth and sixth arguments from the stack), which must be page-aligned.
    func mmapBytes() -> SyscallResult {
        let offset = arg(5) & 0xffff_ffff
        guard offset % space.pageSize == 0 else { return fail(EINVAL) }
        return mmap(offset: offset)
    }

    func mmap(offset: UInt64) -> SyscallResult {
        guard let prot = protection(2) else { return fail(EINVAL) }
        let host = Int32(bitPattern: abi.mapFlags.translate(UInt32(truncatingIfNeeded: arg(3))))
        var flags: MapFlags = []
        if host & MAP_SHARED != 0 { flags.insert(.shared) }
        if host & MAP_PRIVATE != 0 { flags.insert(.private) }
        if host & MAP_SHARED_VALIDATE == MAP_SHARED_VALIDATE { flags.insert(.shared) }
        if host & MAP_FIXED != 0 { flags.insert(.fixed) }
        if host & MAP_FIXED_NOREPLACE != 0 { flags.insert(.fixedNoReplace) }
        if host & MAP_ANONYMOUS != 0 { flags.insert(.anonymous) }
        if host & MAP_GROWSDOWN != 0 { flags.insert(.growsDown) }
        if host & MAP_NORESERVE != 0 { flags.insert(.noReserve) }
        let hint = arg(0) == 0 ? nil : Optional(address(0))
        let length = arg(1) & 0xffff_ffff
        let file = flags.contains(.anonymous) ? nil : Optional((fd: int(4), offset: offset))
        if flags.contains(.fixed), let hint { process.codeChanged(hint.rawValue, hint.rawValue &+ length) }
        switch space.map(at: hint, length: length, protection: prot, flags: flags, file: file) {
        case .success(let a):
            noteMapped(a.rawValue, length: length, fd: file?.fd, offset: offset)
            return SyscallResult(a.rawValue)
        case .failure(let e): return fail(e)
        }
    }

    func munmap() -> SyscallResult {
        process.codeChanged(arg(0), arg(0) &+ (arg(1) & 0xffff_ffff))
        switch space.unmap(address(0), length: arg(1) & 0xffff_ffff) {
        case .success:
            noteUnmapped(arg(0), length: arg(1) & 0xffff_ffff)
            return 0
        case .failure(let e): return fail(e)
        }
    }

    func mprotect() -> SyscallResult {
        guard let prot = protection(2) else { return fail(EINVAL) }
        process.codeChanged(arg(0), arg(0) &+ (arg(1) & 0xffff_ffff))
        switch space.protect(address(0), length: arg(1) & 0xffff_ffff, prot) {
        case .success: return 0
        case .failure(let e): return fail(e)
        }
    }

    func mremap() -> SyscallResult {
        let host = Int32(bitPattern: abi.mremapFlags.translate(UInt32(truncatingIfNeeded: arg(3))))
        var flags: RemapFlags = []
        // MREMAP_MAYMOVE and MREMAP_FIXED: 1 and 2 on every Linux arch (Glibc hides them).
        if host & 1 != 0 { flags.insert(.mayMove) }
        if host & 2 != 0 { flags.insert(.fixed) }
        let newAddress = flags.contains(.fixed) ? Optional(address(4)) : nil
        process.codeChanged(arg(0), arg(0) &+ (arg(1) & 0xffff_ffff))
        if let newAddress { process.codeChanged(newAddress.rawValue, newAddress.rawValue &+ (arg(2) & 0xffff_ffff)) }
        switch space.remap(address(0), oldLength: arg(1) & 0xffff_ffff, newLength: arg(2) & 0xffff_ffff,
                           flags: flags, newAddress: newAddress) {
        case .success(let a):
            noteRemapped(arg(0), oldLength: arg(1) & 0xffff_ffff, to: a.rawValue, newLength: arg(2) & 0xffff_ffff)
            return SyscallResult(a.rawValue)
        case .failure(let e): return fail(e)
        }
    }

    /// madvise: advice is a hint, except that MADV_DONTNEED on private anonymous memory must
    /// read back as zeros, which the host call does on the same pages.
    func madvise() -> SyscallResult {
        let length = arg(1) & 0xffff_ffff
        guard address(0).isAligned(to: space.pageSize) else { return fail(EINVAL) }
        if length == 0 { return 0 }
        guard space.isAccessible(address(0), length: length, []) else { return fail(ENOMEM) }
        let advice = int(2)
        // The common advice values are the same numbers on every Linux arch (asm-generic/mman-common.h).
        if advice == 4 /* MADV_DONTNEED */ {
            return forward(Host.guestSyscall(HOST_SYS_madvise, Int(bitPattern: space.base + Int(arg(0))), Int(length), Int(advice)))
        }
        return 0
    }
}
