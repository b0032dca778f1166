// mmap/mprotect/mremap flags. ARM and AArch64 use asm-generic/mman-common.h and mman.h, as does
// x86-64 (which adds MAP_32BIT, a host-only flag no guest can ask for). MIPS (MemoryFlags+MIPS.swift)
// and PowerPC move several MAP_* bits and get their own tables.
import Glibc

extension AsmGeneric {
    /// PROT_* for mmap, mprotect and pkey_mprotect.
    static let protFlags = protFlagTable(semaphore: 0x8)

    /// PROT_* with the guest's PROT_SEM, the one bit where the guests' mman.h files differ
    /// (MIPS's spells out the others itself, with asm-generic's bits).
    static func protFlagTable(semaphore: UInt32) -> FlagTable {
        FlagTable([
            .init("PROT_READ", 0x1, PROT_READ),
            .init("PROT_WRITE", 0x2, PROT_WRITE),
            .init("PROT_EXEC", 0x4, PROT_EXEC),
            .init("PROT_SEM", semaphore, 0x8 as UInt32),  // x86-64 kernel value; not exported by Glibc
            .init("PROT_GROWSDOWN", 0x0100_0000, PROT_GROWSDOWN),
            .init("PROT_GROWSUP", 0x0200_0000, PROT_GROWSUP),
        ])
    }

    /// MAP_* for mmap. Bits 26-31 are MAP_HUGE_* (log2 of the huge page size) and cross as they
    /// are; bit 26 is also MAP_UNINITIALIZED, which only no-MMU kernels honour.
    static let mapFlags = FlagTable([
        .init("MAP_SHARED", 0x01, MAP_SHARED),
        .init("MAP_PRIVATE", 0x02, MAP_PRIVATE),
        .init("MAP_SHARED_VALIDATE", 0x03, MAP_SHARED_VALIDATE),
        .init("MAP_FIXED", 0x10, MAP_FIXED),
        .init("MAP_ANONYMOUS", 0x20, MAP_ANONYMOUS),
        .init("MAP_GROWSDOWN", 0x0100, MAP_GROWSDOWN),
        .init("MAP_DENYWRITE", 0x0800, MAP_DENYWRITE),
        .init("MAP_EXECUTABLE", 0x1000, MAP_EXECUTABLE),
        .init("MAP_LOCKED", 0x2000, MAP_LOCKED),
        .init("MAP_NORESERVE", 0x4000, MAP_NORESERVE),
        .init("MAP_POPULATE", 0x8000, MAP_POPULATE),
        .init("MAP_NONBLOCK", 0x1_0000, MAP_NONBLOCK),
        .init("MAP_STACK", 0x2_0000, MAP_STACK),
        .init("MAP_HUGETLB", 0x4_0000, MAP_HUGETLB),
        .init("MAP_SYNC", 0x8_0000, MAP_SYNC),
        .init("MAP_FIXED_NOREPLACE", 0x10_0000, MAP_FIXED_NOREPLACE),
        .init("MAP_UNINITIALIZED", 0x400_0000, 0x400_0000 as UInt32),  // not exported by Glibc
    ], passThrough: 0xfc00_0000)

    /// MREMAP_* (linux/mman.h; the same on every arch).
    static let mremapFlags = FlagTable([
        .init("MREMAP_MAYMOVE", 1, 1 as UInt32),    // Glibc exports MREMAP_* only with _GNU_SOURCE
        .init("MREMAP_FIXED", 2, 2 as UInt32),
        .init("MREMAP_DONTUNMAP", 4, 4 as UInt32),
    ])
}
