// Host memory mapping calls: mmap, munmap, mprotect, mremap.
//
// Protection and flag arguments are the host's own PROT_*/MAP_*/MREMAP_* values (Glibc's
// constants); translating guest values is the caller's job.

import CHost
import Glibc
import SystemPackage

extension Host {
    /// mmap(2). Returns the mapped address.
    public static func mmap(
        _ address: UnsafeMutableRawPointer?, length: Int, protection: Int32, flags: Int32,
        fd: Int32 = -1, offset: Int64 = 0
    ) -> Result<UnsafeMutableRawPointer, Errno> {
        syscall(
            Int(SYS_mmap), Int(bitPattern: address), length, Int(protection), Int(flags),
            Int(fd), Int(offset)
        ).flatMap { value in
            // The kernel never returns 0 for a successful mapping unless asked for address 0
            // with MAP_FIXED, which mmap_min_addr forbids; treat it as a failure anyway.
            guard let pointer = UnsafeMutableRawPointer(bitPattern: value) else {
                return .failure(.noMemory)
            }
            return .success(pointer)
        }
    }

    /// munmap(2).
    public static func munmap(_ address: UnsafeMutableRawPointer, length: Int) -> Result<Void, Errno> {
        syscall(Int(SYS_munmap), Int(bitPattern: address), length).map { _ in () }
    }

    /// mprotect(2).
    public static func mprotect(
        _ address: UnsafeMutableRawPointer, length: Int, protection: Int32
    ) -> Result<Void, Errno> {
        syscall(Int(SYS_mprotect), Int(bitPattern: address), length, Int(protection)).map { _ in () }
    }

    /// mremap(2). `newAddress` is used only with MREMAP_FIXED.
    public static func mremap(
        _ oldAddress: UnsafeMutableRawPointer, oldLength: Int, newLength: Int, flags: Int32,
        newAddress: UnsafeMutableRawPointer? = nil
    ) -> Result<UnsafeMutableRawPointer, Errno> {
        syscall(
            Int(SYS_mremap), Int(bitPattern: oldAddress), oldLength, newLength, Int(flags),
            Int(bitPattern: newAddress)
        ).flatMap { value in
            guard let pointer = UnsafeMutableRawPointer(bitPattern: value) else {
                return .failure(.noMemory)
            }
            return .success(pointer)
        }
    }

    /// MREMAP_MAYMOVE and MREMAP_FIXED (linux/mman.h). glibc declares them only under
    /// _GNU_SOURCE, which Swift's Glibc module is not built with.
    public static let mremapMayMove: Int32 = 1
    public static let mremapFixed: Int32 = 2

    /// The host's page size (4096 on x86-64).
    public static let pageSize: Int = Int(sysconf(Int32(_SC_PAGESIZE)))
}
