// getrlimit/setrlimit/prlimit64 resource numbers and RLIM_INFINITY. ARM uses
// asm-generic/resource.h, as x86-64 does; MIPS moves RLIMIT_NOFILE, AS, RSS, NPROC and MEMLOCK
// (arch/mips/include/uapi/asm/resource.h) and its o32 RLIM_INFINITY is 0x7fffffff.
import Glibc

extension AsmGeneric {
    static let rlimitResources = rlimitResourceTable(rss: 5, nproc: 6, nofile: 7, memlock: 8, addressSpace: 9)

    /// asm-generic/resource.h's resources with the guest's numbers for the five an arch's
    /// resource.h may define first (MIPS's does). Host values Glibc hides without _GNU_SOURCE
    /// are the kernel's numbers (the same on x86-64).
    static func rlimitResourceTable(rss: UInt32, nproc: UInt32, nofile: UInt32, memlock: UInt32,
                                    addressSpace: UInt32) -> ConstantTable<Constant> {
        ConstantTable([
            .init("RLIMIT_CPU", 0, RLIMIT_CPU.rawValue),
            .init("RLIMIT_FSIZE", 1, RLIMIT_FSIZE.rawValue),
            .init("RLIMIT_DATA", 2, RLIMIT_DATA.rawValue),
            .init("RLIMIT_STACK", 3, RLIMIT_STACK.rawValue),
            .init("RLIMIT_CORE", 4, RLIMIT_CORE.rawValue),
            .init("RLIMIT_RSS", rss, 5 as UInt32),
            .init("RLIMIT_NPROC", nproc, 6 as UInt32),
            .init("RLIMIT_NOFILE", nofile, RLIMIT_NOFILE.rawValue),
            .init("RLIMIT_MEMLOCK", memlock, 8 as UInt32),
            .init("RLIMIT_AS", addressSpace, RLIMIT_AS.rawValue),
            .init("RLIMIT_LOCKS", 10, 10 as UInt32),
            .init("RLIMIT_SIGPENDING", 11, 11 as UInt32),
            .init("RLIMIT_MSGQUEUE", 12, 12 as UInt32),
            .init("RLIMIT_NICE", 13, 13 as UInt32),
            .init("RLIMIT_RTPRIO", 14, 14 as UInt32),
            .init("RLIMIT_RTTIME", 15, 15 as UInt32),
        ])
    }

    /// RLIM_INFINITY in a 32-bit guest's struct rlimit (~0UL); prlimit64's struct rlimit64 uses
    /// ~0ULL on every arch.
    static let rlimitInfinity32: UInt64 = 0xffff_ffff
}

extension MIPSO32 {
    static let rlimitResources = AsmGeneric.rlimitResourceTable(rss: 7, nproc: 8, nofile: 5, memlock: 9, addressSpace: 6)

    /// RLIM_INFINITY in o32's struct rlimit: 0x7fffffff, what IRIX used, not ~0UL. Host limits
    /// above it read as infinite.
    static let rlimitInfinity: UInt64 = 0x7fff_ffff
}
