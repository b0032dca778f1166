// MIPS o32 (Debian mips and mipsel): one ABI in two byte orders. Most numbers are MIPS's own,
// inherited from IRIX and SVR4: errno past 34, signals, open/mmap/socket/ioctl/termios
// constants, sigaction flags and `how`, rlimit resources, the lock commands, and the stat64,
// statfs, sigaction, stack_t, siginfo and flock layouts. Clocks, *at flags, mremap flags and
// lock types are asm-generic's.
//
// Calls whose MIPS form differs from ARM's under the same `Syscall` name (LinuxUser must look
// at the arch, or at the convention, for these):
// - `pipe` returns the two descriptors in $v0 and $v1 (`secondResultRegister`) and writes no
//   memory; `pipe2` writes the array as everywhere.
// - `mmap` (4090) is the old six-argument mmap with a byte offset (arguments 5 and 6 on the
//   stack); `mmap2` (4210) takes the offset in 4096-byte units, as on ARM.
// - `cacheflush` (4147) is (addr, nbytes, cache), where ARM's private one is (start, end,
//   flags); both mean "guest code in this range may have changed".
// - `sigaction` (4067) reads the rt_sigaction record (`.oldSigaction` is that layout), using
//   only the mask's first word; `getrlimit` (4076) is the only getrlimit (no ugetrlimit).
// - `fadvise64` (4254) takes two 64-bit values (offset, len) like ARM's arm_fadvise64_64 but
//   after the fd, in aligned register pairs; `sync_file_range` (4305) likewise.
// MIPS-only calls: `syscall` (4000, the indirect call: the number in $a0, arguments shifted
// by one), `sysmips` (4149), `cachectl` (4148), `set_thread_area` (4283: the TLS pointer that
// `rdhwr $29` reads), and a few obsolete ones (`waitpid`, `time`, `signal`, `socketcall`,
// `ipc`, ...) that the guest's C library does not call.

extension GuestABI {
    /// Debian mips: big endian.
    public static let mips = MIPSO32.abi(arch: .mips, byteOrder: .big)
    /// Debian mipsel: little endian.
    public static let mipsel = MIPSO32.abi(arch: .mipsel, byteOrder: .little)
}

extension MIPSO32 {
    static func abi(arch: GuestArch, byteOrder: ByteOrder) -> GuestABI {
        GuestABI(
            arch: arch,
            byteOrder: byteOrder,
            wordSize: 4,
            syscallConvention: .mipsO32,
            errnos: errnos,
            signals: signals,
            sigactionFlags: sigactionFlags,
            sigprocmaskHow: sigprocmaskHow,
            sigaltstackFlags: AsmGeneric.sigaltstackFlags,
            openFlags: openFlags,
            fcntlCommands: fcntlCommands,
            lockTypes: AsmGeneric.lockTypes,
            atFDCWD: AsmGeneric.atFDCWD,
            atFlags: AsmGeneric.atFlags,
            protFlags: protFlags,
            mapFlags: mapFlags,
            mremapFlags: AsmGeneric.mremapFlags,
            clockIDs: AsmGeneric.clockIDs,
            ioctls: ioctls,
            rlimitResources: rlimitResources,
            rlimitInfinity: rlimitInfinity,
            layouts: StructLayouts(merging: .fixedWidth, .common32, .common32Messages, layouts, signalLayouts, terminalLayouts,
                                   signalFrameLayouts),
            signalCodes: signalCodes,
            termios: termios,
            pollEvents: pollEvents)
    }
}
