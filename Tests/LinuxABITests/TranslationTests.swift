// Round trips through the flag and constant tables, and the translations that differ between
// ARM and the host.
import Glibc
import LinuxABI
import Testing

let arm = GuestABI.arm

func flagTables(_ abi: GuestABI) -> [(String, FlagTable)] {
    [
        ("open", abi.openFlags), ("prot", abi.protFlags), ("map", abi.mapFlags), ("mremap", abi.mremapFlags),
        ("at", abi.atFlags), ("sigaction", abi.sigactionFlags), ("sigaltstack", abi.sigaltstackFlags),
    ]
}

@Test func everyFlagRowRoundTrips() {
    for (table, flags) in flagTables(arm) {
        for entry in flags.entries {
            #expect(flags.translate(entry.guest) == entry.host, "\(table) \(entry.name) guest->host")
            if entry.host != 0 {
                #expect(flags.untranslate(entry.host) & entry.guest == entry.guest, "\(table) \(entry.name) host->guest")
            }
        }
    }
}

@Test func flagCombinationsRoundTrip() {
    var generator = SystemRandomNumberGenerator()
    for (table, flags) in flagTables(arm) {
        // Bits that cross and come back: rows with a host bit, and the pass-through field.
        let crossing = flags.entries.filter { $0.host != 0 }.reduce(flags.passThrough) { $0 | $1.guest }
        for _ in 0..<2000 {
            let guest = UInt32.random(in: 0...UInt32.max, using: &generator) & crossing
            let host = flags.translate(guest)
            #expect(flags.untranslate(host) == guest, "\(table) round trip of \(guest)")
            #expect(flags.unknownGuestBits(guest) == 0)
            #expect(flags.unknownHostBits(host) == 0)
        }
    }
}

@Test func armOpenFlagsThatMove() {
    // ARM's four relocated flags (arch/arm/include/uapi/asm/fcntl.h) and x86-64's bits.
    #expect(arm.openFlags.translate(0o40000) == UInt32(O_DIRECTORY))
    #expect(arm.openFlags.translate(0o100000) == UInt32(O_NOFOLLOW))
    #expect(arm.openFlags.translate(0o200000) == 0o40000)   // O_DIRECT
    #expect(arm.openFlags.translate(0o400000) == 0o100000)  // O_LARGEFILE
    #expect(arm.openFlags.untranslate(UInt32(O_DIRECTORY)) == 0o40000)
    #expect(arm.openFlags.untranslate(0o100000) == 0o400000)
    // openat(O_RDONLY|O_CLOEXEC|O_DIRECTORY|O_LARGEFILE), what ARM glibc's opendir passes.
    let guest: UInt32 = 0o2000000 | 0o40000 | 0o400000
    #expect(arm.openFlags.translate(guest) == UInt32(O_CLOEXEC | O_DIRECTORY) | 0o100000)
    // O_TMPFILE = __O_TMPFILE | O_DIRECTORY moves with O_DIRECTORY.
    #expect(arm.openFlags.translate(0o20000000 | 0o40000) == 0o20000000 | UInt32(O_DIRECTORY))
    // A bit no arch defines is reported, not passed.
    #expect(arm.openFlags.unknownGuestBits(0x4000_0000 | 1) == 0x4000_0000)
    #expect(arm.openFlags.translate(0x4000_0000 | 1) == 1)
}

@Test func mmapFlags() {
    let guest: UInt32 = 0x02 | 0x20 | 0x10_0000  // MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE
    #expect(arm.mapFlags.translate(guest) == UInt32(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE))
    #expect(arm.mapFlags.translate(0x03) == UInt32(MAP_SHARED_VALIDATE))
    // MAP_HUGE_2MB (21 << 26) crosses as a field.
    #expect(arm.mapFlags.translate(0x02 | 0x20 | 0x4_0000 | (21 << 26)) == UInt32(MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB) | (21 << 26))
    #expect(arm.mapFlags.unknownGuestBits(0x40) == 0x40)  // MAP_32BIT is x86-64's, not a guest's
    #expect(arm.protFlags.translate(7) == UInt32(PROT_READ | PROT_WRITE | PROT_EXEC))
    #expect(arm.mremapFlags.translate(3) == 3)
}

@Test func atFlagsAndDirectoryFD() {
    #expect(arm.translateDirectoryFD(-100) == AT_FDCWD)
    #expect(arm.translateDirectoryFD(5) == 5)
    #expect(arm.atFlags.translate(0x100 | 0x1000) == UInt32(AT_SYMLINK_NOFOLLOW) | 0x1000)
    #expect(arm.atFlags.translate(0x200) == UInt32(AT_REMOVEDIR))
}

@Test func fcntlCommands() {
    // ARM's 64-bit lock commands become the host's (64-bit) ones, with flock64 layouts.
    for (guest, host) in [(12, F_GETLK), (13, F_SETLK), (14, F_SETLKW)] {
        let command = arm.fcntlCommands.entry(guest: UInt32(guest))
        #expect(command?.host == UInt32(host))
        #expect(command?.argument == .lock(.flock64))
    }
    #expect(arm.fcntlCommands.entry(guest: 5)?.argument == .lock(.flock))
    #expect(arm.fcntlCommands.entry(guest: 3)?.argument == .returnsOpenFlags)
    #expect(arm.fcntlCommands.translate(1030) == UInt32(F_DUPFD_CLOEXEC))
    #expect(arm.fcntlCommands.translate(99) == nil)
}

@Test func ioctlsAndOtherConstants() {
    #expect(arm.ioctls.entry(guest: 0x5401)?.host == UInt32(TCGETS))
    #expect(arm.ioctls.entry(guest: 0x5401)?.argument == .structOut(.termios))
    #expect(arm.ioctls.entry(guest: 0x5413)?.argument == .structOut(.winsize))
    #expect(arm.ioctls.translate(0x541B) == UInt32(FIONREAD))
    #expect(arm.ioctls.translate(0x1234) == nil)
    #expect(arm.translateClockID(1) == CLOCK_MONOTONIC)
    #expect(arm.translateClockID(10) == nil)      // no clock 10
    #expect(arm.translateClockID(-6) == -6)       // a CPU clock of pid 0's thread: crosses as is
    #expect(arm.rlimitResources.translate(7) == RLIMIT_NOFILE.rawValue)
    #expect(arm.sigprocmaskHow.translate(2) == UInt32(SIG_SETMASK))
    #expect(arm.sigactionFlags.translate(0x0200_0000 | 0x4) == UInt32(SA_SIGINFO))  // SA_THIRTYTWO dropped
    #expect(arm.sigactionFlags.unknownGuestBits(0x0200_0000) == 0)
}

@Test func constantTablesHaveNoDuplicateGuestNumbers() {
    func check(_ table: String, _ entries: [some TranslatedConstant]) {
        var seen = Set<UInt32>()
        for entry in entries { #expect(seen.insert(entry.guest).inserted, "\(table): guest \(entry.guest) twice") }
    }
    check("errnos", arm.errnos.entries)
    check("signals", arm.signals.named.entries)
    check("fcntl", arm.fcntlCommands.entries)
    check("ioctls", arm.ioctls.entries)
    check("clocks", arm.clockIDs.entries)
    check("rlimits", arm.rlimitResources.entries)
}

@Test func errnoTranslation() {
    #expect(arm.untranslateErrno(ENOENT) == 2)
    #expect(arm.untranslateErrno(EAGAIN) == 11)
    #expect(arm.untranslateErrno(EHWPOISON) == 133)
    #expect(arm.untranslateErrno(4000) == 22)  // unknown host errno -> EINVAL
    #expect(arm.translateErrno(38) == ENOSYS)
    #expect(arm.translateErrno(41) == nil)     // unused in asm-generic
    for entry in arm.errnos.entries {
        #expect(arm.untranslateErrno(Int32(entry.host)) == Int32(entry.guest), "\(entry.name)")
        #expect(arm.translateErrno(Int32(entry.guest)) == Int32(entry.host), "\(entry.name)")
    }
    #expect(arm.errnos.entries.count == 131)
}

@Test func signalTranslation() {
    let signals = arm.signals
    #expect(signals.isIdentity)
    #expect(signals.translate(SIGSEGV) == SIGSEGV)
    #expect(signals.translate(64) == 64)
    #expect(signals.translate(65) == nil)
    #expect(signals.translate(0) == nil)
    #expect(signals.untranslate(SIGCHLD) == 17)
    #expect(signals.translateSet(0x8000_0000_0000_0001) == 0x8000_0000_0000_0001)

    // A non-identity table: real-time range 32...127 (MIPS-like) onto the host's 32...64.
    let wide = SignalNumbers(
        named: ConstantTable([Constant("SIGUSR1", 16, SIGUSR1), Constant("SIGCHLD", 18, SIGCHLD)]),
        guestRealtime: 32...127)
    #expect(!wide.isIdentity)
    #expect(wide.translate(16) == SIGUSR1)
    #expect(wide.untranslate(SIGCHLD) == 18)
    #expect(wide.translate(40) == 40)
    #expect(wide.translate(100) == nil)   // beyond the host's SIGRTMAX
    #expect(wide.translate(10) == nil)    // unnamed
    let guestSet: UInt64 = (1 << 15) | (1 << 17) | (1 << 39)   // 16, 18, 40
    let hostSet = wide.translateSet(guestSet)
    #expect(hostSet == (1 << UInt64(SIGUSR1 - 1)) | (1 << UInt64(SIGCHLD - 1)) | (1 << 39))
    #expect(wide.untranslateSet(hostSet) == guestSet)
}

@Test func syscallConvention() {
    let convention = arm.syscallConvention
    #expect(convention.numberRegister == 7)
    #expect(convention.argumentRegisters.prefix(6) == [0, 1, 2, 3, 4, 5])
    #expect(convention.resultRegister == 0)
    #expect(convention.errorReporting == .negatedErrno)
    #expect(convention.alignsRegisterPairs)
    #expect(arm.byteOrder == .little && arm.wordSize == 4)
    #expect(GuestABI.forArch(.arm)?.arch == .arm)
    #expect(GuestABI.forArch(.mips)?.byteOrder == .big)
    #expect(GuestABI.forArch(.mipsel)?.byteOrder == .little)
    #expect(GuestABI.forArch(.ppc) == nil)
}
