// The MIPS o32 tables where they differ from the host's: round trips of every flag and constant
// table, and the translations a MIPS program exercises first (open, mmap, errno, signals).
import Glibc
import LinuxABI
import Testing

let mips = GuestABI.mips

func mipsFlagTables(_ abi: GuestABI) -> [(String, FlagTable)] {
    flagTables(abi) + [
        ("poll", abi.pollEvents), ("lflag", abi.termios.localFlags), ("modem", abi.termios.modemLines),
    ]
}

@Test func mipsFlagRowsAndCombinationsRoundTrip() {
    var generator = SystemRandomNumberGenerator()
    for (table, flags) in mipsFlagTables(mips) {
        for entry in flags.entries {
            #expect(flags.translate(entry.guest) & entry.host == entry.host, "\(table) \(entry.name) guest->host")
            if entry.host != 0 {
                #expect(flags.untranslate(entry.host) & entry.guest == entry.guest, "\(table) \(entry.name) host->guest")
            }
        }
        let crossing = flags.entries.filter { $0.host != 0 }.reduce(flags.passThrough) { $0 | $1.guest }
        for _ in 0..<1000 {
            let guest = UInt32.random(in: 0...UInt32.max, using: &generator) & crossing
            #expect(flags.untranslate(flags.translate(guest)) == guest, "\(table) round trip of \(guest)")
        }
    }
}

@Test func mipsConstantTablesRoundTripWithoutDuplicates() {
    func check(_ table: String, _ entries: [some TranslatedConstant], aliases: Set<String> = []) {
        var guests = Set<UInt32>()
        for entry in entries { #expect(guests.insert(entry.guest).inserted, "\(table): guest \(entry.guest) twice") }
        let all = ConstantTable(entries)
        for entry in entries where !aliases.contains("\(entry.name)") {
            #expect(all.untranslate(all.translate(entry.guest) ?? 0xdead) == entry.guest, "\(table) \(entry.name)")
        }
    }
    check("errnos", mips.errnos.entries, aliases: ["EDEADLOCK"])
    check("signals", mips.signals.named.entries)
    check("signalCodes", mips.signalCodes.entries)
    check("fcntl", mips.fcntlCommands.entries, aliases: ["F_GETLK64", "F_SETLK64", "F_SETLKW64"])
    check("ioctls", mips.ioctls.entries)
    check("rlimits", mips.rlimitResources.entries)
    check("c_cc", mips.termios.controlCharacters.entries)
}

@Test func mipsOpenAndMemoryFlags() {
    // open(O_WRONLY|O_CREAT|O_TRUNC|O_APPEND|O_NONBLOCK|O_LARGEFILE) as MIPS glibc passes it.
    let guest: UInt32 = 0x1 | 0x100 | 0x200 | 0x8 | 0x80 | 0x2000
    #expect(mips.openFlags.translate(guest) == UInt32(O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_NONBLOCK) | 0o100000)
    #expect(mips.openFlags.untranslate(UInt32(O_RDWR | O_NONBLOCK)) == 0x2 | 0x80)
    #expect(mips.openFlags.translate(0o2000000 | 0o200000) == UInt32(O_CLOEXEC | O_DIRECTORY))
    // mmap(PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE|MAP_STACK).
    #expect(mips.mapFlags.translate(0x2 | 0x800 | 0x400 | 0x4_0000)
        == UInt32(MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK))
    #expect(mips.mapFlags.translate(0x20) == 0, "x86-64's MAP_ANONYMOUS bit is IRIX's MAP_RENAME to MIPS")
    #expect(mips.mapFlags.unknownGuestBits(0x20) == 0x20)
    #expect(mips.protFlags.translate(0x10) == 0x8, "PROT_SEM")
    #expect(mips.descriptorFlags.eventfd.translate(0x80 | 0o2000000) == 0o4000 | 0o2000000)
}

@Test func mipsErrnosAndSignals() {
    #expect(mips.untranslateErrno(ENOSYS) == 89)
    #expect(mips.untranslateErrno(ENAMETOOLONG) == 78)
    #expect(mips.untranslateErrno(EDEADLK) == 45)
    #expect(mips.untranslateErrno(EAGAIN) == 11)
    #expect(mips.untranslateErrno(EDQUOT) == 1133)
    #expect(mips.translateErrno(56) == EDEADLK, "EDEADLOCK")
    #expect(mips.translateErrno(141) == nil, "EINIT has no host errno")
    for entry in mips.errnos.entries where entry.guest != 56 {
        #expect(mips.untranslateErrno(Int32(entry.host)) == Int32(entry.guest), "\(entry.name)")
    }

    let signals = mips.signals
    #expect(!signals.isIdentity)
    #expect(signals.translate(16) == SIGUSR1)
    #expect(signals.translate(18) == SIGCHLD)
    #expect(signals.translate(10) == SIGBUS)
    #expect(signals.translate(23) == SIGSTOP)
    #expect(signals.translate(7) == nil, "SIGEMT")
    #expect(signals.translate(32) == 32)
    #expect(signals.translate(64) == 64)
    #expect(signals.translate(65) == nil, "beyond the host's last signal")
    #expect(signals.translate(129) == nil)
    #expect(signals.untranslate(SIGCHLD) == 18)
    #expect(signals.untranslate(SIGSTKFLT) == nil)
    #expect(signals.translateSet(1 << 15) == 1 << UInt64(SIGUSR1 - 1))
    #expect(mips.untranslateChildStatus(code: WaitID.childKilled, status: SIGKILL) == 9)
    #expect(mips.untranslateChildStatus(code: WaitID.childStopped, status: SIGSTOP) == 23)

    #expect(mips.sigprocmaskHow.translate(1) == UInt32(SIG_BLOCK))
    #expect(mips.sigprocmaskHow.translate(3) == UInt32(SIG_SETMASK))
    #expect(mips.sigprocmaskHow.translate(0) == nil)
    #expect(mips.sigactionFlags.translate(0x8 | 0x1000_0000) == UInt32(SA_SIGINFO | SA_RESTART))
    #expect(mips.sigactionFlags.untranslate(UInt32(SA_NOCLDWAIT)) == 0x1_0000)
    #expect(mips.untranslateSignalCode(-2) == -3, "SI_TIMER")
    #expect(mips.untranslateSignalCode(-4) == -2, "SI_ASYNCIO")
    #expect(mips.translateSignalCode(-4) == -3, "SI_MESGQ")
    #expect(mips.untranslateSignalCode(1) == 1, "SEGV_MAPERR and friends pass")
    #expect(GuestABI.arm.untranslateSignalCode(-2) == -2)
}

@Test func mipsFilesIoctlsAndLimits() {
    #expect(mips.fcntlCommands.entry(guest: 14)?.host == UInt32(F_GETLK))
    #expect(mips.fcntlCommands.entry(guest: 14)?.argument == .lock(.flock))
    #expect(mips.fcntlCommands.entry(guest: 33)?.argument == .lock(.flock64))
    #expect(mips.fcntlCommands.translate(24) == UInt32(F_SETOWN))
    #expect(mips.fcntlCommands.translate(5) == nil, "ARM's F_GETLK is no MIPS command")
    #expect(mips.ioctls.entry(guest: 0x540D)?.host == UInt32(TCGETS))
    #expect(mips.ioctls.entry(guest: 0x540D)?.argument == .structOut(.termios))
    #expect(mips.ioctls.entry(guest: 0x5401)?.argument == .structOut(.termio))
    #expect(mips.ioctls.translate(0x467F) == UInt32(FIONREAD))
    #expect(mips.ioctls.translate(0x4008_7468) == UInt32(TIOCGWINSZ))
    #expect(mips.ioctls.translate(0x541B) == nil, "the host's FIONREAD is no MIPS ioctl")
    #expect(mips.rlimitResources.translate(5) == RLIMIT_NOFILE.rawValue)
    #expect(mips.rlimitResources.translate(7) == 5, "RLIMIT_RSS")
    #expect(mips.rlimitInfinity == 0x7fff_ffff)
    #expect(mips.pollEvents.translate(0x4) == UInt32(POLLOUT) | 0x100, "POLLOUT is POLLWRNORM")
    #expect(mips.pollEvents.untranslate(0x100) == 0x4)
    #expect(mips.pollEvents.untranslate(0x200) == 0x100, "POLLWRBAND")
    #expect(GuestABI.arm.pollEvents.translate(0x104) == 0x104)
}

@Test func mipsSyscallConvention() {
    for abi in [GuestABI.mips, .mipsel] {
        let convention = abi.syscallConvention
        #expect(convention.numberRegister == 2)
        #expect(convention.argumentRegisters == [4, 5, 6, 7])
        #expect(convention.stackArgumentsOffset == 16)
        #expect(convention.resultRegister == 2 && convention.secondResultRegister == 3)
        #expect(convention.errorReporting == .errorFlagRegister(7))
        #expect(convention.alignsRegisterPairs)
        #expect(abi.wordSize == 4)
        #expect(GuestABI.forArch(abi.arch)?.arch == abi.arch)
    }
    #expect(GuestABI.mips.byteOrder == .big && GuestABI.mipsel.byteOrder == .little)
    #expect(GuestABI.arm.syscallConvention.secondResultRegister == nil)
}
