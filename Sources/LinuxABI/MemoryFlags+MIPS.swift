// MIPS mmap/mprotect flags (arch/mips/include/uapi/asm/mman.h): PROT_SEM is 0x10, and every
// MAP_* bit above MAP_FIXED is IRIX's: MAP_ANONYMOUS is 0x800, MAP_NORESERVE 0x400, and the
// rest one or two places up from x86-64's. MIPS has no MAP_SYNC or MAP_UNINITIALIZED; bits
// 26-31 are MAP_HUGE_* as everywhere (linux/mman.h). mremap's flags are asm-generic's.
import Glibc

extension MIPSO32 {
    static let protFlags = AsmGeneric.protFlagTable(semaphore: 0x10)

    static let mapFlags = FlagTable([
        .init("MAP_SHARED", 0x01, MAP_SHARED),
        .init("MAP_PRIVATE", 0x02, MAP_PRIVATE),
        .init("MAP_SHARED_VALIDATE", 0x03, MAP_SHARED_VALIDATE),
        .init("MAP_FIXED", 0x10, MAP_FIXED),
        .init("MAP_NORESERVE", 0x0400, MAP_NORESERVE),
        .init("MAP_ANONYMOUS", 0x0800, MAP_ANONYMOUS),
        .init("MAP_GROWSDOWN", 0x1000, MAP_GROWSDOWN),
        .init("MAP_DENYWRITE", 0x2000, MAP_DENYWRITE),
        .init("MAP_EXECUTABLE", 0x4000, MAP_EXECUTABLE),
        .init("MAP_LOCKED", 0x8000, MAP_LOCKED),
        .init("MAP_POPULATE", 0x1_0000, MAP_POPULATE),
        .init("MAP_NONBLOCK", 0x2_0000, MAP_NONBLOCK),
        .init("MAP_STACK", 0x4_0000, MAP_STACK),
        .init("MAP_HUGETLB", 0x8_0000, MAP_HUGETLB),
        .init("MAP_FIXED_NOREPLACE", 0x10_0000, MAP_FIXED_NOREPLACE),
    ], passThrough: 0xfc00_0000)
}
