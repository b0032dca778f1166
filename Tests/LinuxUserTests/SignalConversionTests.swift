// Signal numbers, sets, masks, actions and the records that carry signals, between the host
// and ARM, big-endian MIPS and little-endian MIPS guests. Facts (signal numbers, sigset_t's
// size, siginfo_t's field order, sa_flags and `how` values) are the uapi headers' of each arch,
// which LinuxABITests checks against the cross compilers; here they check what LinuxUser does
// with them.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct GuestSignalSetTests {
    static let sample: [Int32] = [1, 16, 32, 33, 64, 100, 128]

    /// The sample in a guest sigset_t: word i holds signals 32i+1...32i+32, each word in the
    /// guest's byte order; ARM's 64-signal set has no room for 100 and 128.
    @Test(arguments: SyscallHarness.arches) func sigsetWords(arch: GuestArch) throws {
        let abi = try #require(GuestABI.forArch(arch))
        let layout = try #require(abi.layouts[.sigset])
        var set = GuestSignalSet.empty
        for signal in Self.sample { set.insert(signal) }
        var bytes = [UInt8](repeating: 0xee, count: layout.size)
        bytes.withUnsafeMutableBytes { buffer in
            guard let writer = StructWriter(layout, byteOrder: abi.byteOrder, into: buffer) else { return }
            #expect(set.write(to: writer, field: "sig"))
        }
        let expectedWords: [UInt32] = arch == .arm ? [0x8000_8001, 0x8000_0001] : [0x8000_8001, 0x8000_0001, 0, 0x8000_0008]
        #expect(layout.size == expectedWords.count * 4)
        var expected: [UInt8] = []
        for word in expectedWords {
            let order = abi.byteOrder == .big ? [24, 16, 8, 0] : [0, 8, 16, 24]
            expected += order.map { UInt8(truncatingIfNeeded: word >> UInt32($0)) }
        }
        #expect(bytes == expected)
        let back = bytes.withUnsafeBytes { buffer in
            StructReader(layout, byteOrder: abi.byteOrder, from: buffer).flatMap { GuestSignalSet($0, field: "sig") }
        }
        let kept = Self.sample.filter { arch != .arm || $0 <= 64 }
        #expect(back.map { s in Self.sample.filter { s.contains($0) } } == kept)
    }

    /// MIPS numbers cross to the host's and back; guest signals past the host's 64 are dropped.
    @Test func mipsHostNumbering() throws {
        let signals = try #require(GuestABI.forArch(.mips)).signals
        var set = GuestSignalSet.empty
        for signal: Int32 in [16, 10, 23, 32, 64, 65, 100] { set.insert(signal) }  // USR1, BUS, STOP, RT0, RT32, beyond
        let host = set.hostSet(signals)
        let expected = [SIGUSR1, SIGBUS, SIGSTOP, 32, 64].reduce(UInt64(0)) { $0 | 1 << UInt64($1 - 1) }
        #expect(host == expected)
        let back = GuestSignalSet(host: host, signals: signals)
        #expect((1...128).filter { back.contains(Int32($0)) } == [10, 16, 23, 32, 64])
    }

    @Test func armIsTheHostsNumbering() throws {
        let signals = try #require(GuestABI.forArch(.arm)).signals
        let set = GuestSignalSet(low: 0x8000_0000_0002_0201)
        #expect(set.hostSet(signals) == 0x8000_0000_0002_0201)
        #expect(GuestSignalSet(host: 0x1234, signals: signals) == GuestSignalSet(low: 0x1234))
    }

    @Test func oneWordSets() {
        let set = GuestSignalSet(bits: UInt128(0xffff_ffff_0000_0000_1111_2222_3333_4444 as UInt128))
        #expect(set.low32 == 0x3333_4444)
        #expect(set.replacingLow32(with: 0x5).bits == 0xffff_ffff_0000_0000_1111_2222_0000_0005)
        #expect(set.contains(128) && !set.contains(0) && !set.contains(129) && !set.contains(-1))
    }
}

@Suite struct SignalInfoTests {
    /// si_signo, si_errno, si_code in each arch's order (MIPS puts si_code second), the union
    /// from byte 12, the guest's byte order, and si_code in the guest's numbering.
    @Test(arguments: SyscallHarness.arches) func siginfoBytes(arch: GuestArch) throws {
        let abi = try #require(GuestABI.forArch(arch))
        let info = GuestSignalInfo(signal: 18, code: GuestSignalInfo.timer, error: 5, words: [0x1122_3344, 7, 9])
        let bytes = info.bytes(abi)
        #expect(bytes.count == 128)
        func word(_ offset: Int) -> UInt32 {
            let b = bytes[offset..<offset + 4].map(UInt32.init)
            return abi.byteOrder == .big ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
        }
        let mips = arch != .arm
        #expect(word(0) == 18)
        #expect(word(mips ? 8 : 4) == 5)
        #expect(Int32(bitPattern: word(mips ? 4 : 8)) == (mips ? -3 : -2))  // SI_TIMER
        #expect([word(12), word(16), word(20), word(24)] == [0x1122_3344, 7, 9, 0])
    }

    /// A host SIGCHLD for a child killed by the host's SIGUSR1: the guest's SIGCHLD, and the
    /// guest's SIGUSR1 in si_status (MIPS: 18 and 16).
    @Test(arguments: SyscallHarness.arches) func childSignalCarriesGuestNumbers(arch: GuestArch) throws {
        let abi = try #require(GuestABI.forArch(arch))
        var host = chost_signal_info()
        host.signal = SIGCHLD
        host.code = WaitID.childKilled
        host.pid = 4321
        host.status = SIGUSR1
        let info = try #require(GuestSignalInfo(host: host, abi: abi))
        #expect(info.signal == (arch == .arm ? 17 : 18))
        #expect(info.words.prefix(3) == [4321, 0, arch == .arm ? 10 : 16])
    }

    @Test(arguments: SyscallHarness.arches) func faultsTakeGuestNumbers(arch: GuestArch) throws {
        let abi = try #require(GuestABI.forArch(arch))
        let info = GuestSignalInfo.fault(SIGBUS, code: GuestSignalInfo.addressError, address: 0x1000, abi: abi)
        #expect(info.signal == (arch == .arm ? 7 : 10))
        #expect(info.words == [0x1000])
    }

    /// wait4's status word: WTERMSIG and WSTOPSIG in the guest's numbering, everything else
    /// as it was.
    @Test(arguments: SyscallHarness.arches) func waitStatus(arch: GuestArch) throws {
        let abi = try #require(GuestABI.forArch(arch))
        let mips = arch != .arm
        #expect(abi.untranslateWaitStatus(0x2a00) == 0x2a00)                                  // exit(42)
        #expect(abi.untranslateWaitStatus(0xffff) == 0xffff)                                  // continued
        #expect(abi.untranslateWaitStatus(SIGUSR1) == (mips ? 16 : 10))                       // killed
        #expect(abi.untranslateWaitStatus(0x80 | SIGSEGV) == 0x80 | 11)                       // core dumped
        #expect(abi.untranslateWaitStatus(SIGSTOP << 8 | 0x7f) == (mips ? 23 : 19) << 8 | 0x7f)  // stopped
        #expect(abi.untranslateWaitStatus(0x3_0000 | SIGTRAP << 8 | 0x7f) == 0x3_0000 | 5 << 8 | 0x7f)  // ptrace event
    }
}

@Suite(.serialized) struct SignalSyscallTests {
    /// rt_sigprocmask with the guest's `how` and sigset size: a full set blocks everything but
    /// SIGKILL and SIGSTOP and reads back so, all 128 MIPS signals included.
    @Test(arguments: SyscallHarness.arches) func sigprocmaskRoundTrip(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        defer { h.unblockAll() }
        let size = UInt64(arch == .arm ? 8 : 16)
        let (block, setmask): (UInt64, UInt64) = arch == .arm ? (0, 2) : (1, 3)
        h.write([UInt8](repeating: 0xff, count: Int(size)), at: 0)
        #expect(h.context(setmask, h.address(0), 0, size).rtSigprocmask() == 0)
        #expect(h.context(block, 0, h.address(0x100), size).rtSigprocmask() == 0)
        let kill: Int32 = 9, stop: Int32 = arch == .arm ? 19 : 23
        var expected = [UInt8](repeating: 0xff, count: Int(size))
        for signal in [kill, stop] {
            let bit = Int(signal - 1), byteInWord = (bit % 32) / 8
            let index = bit / 32 * 4 + (h.bigEndian ? 3 - byteInWord : byteInWord)
            expected[index] &= ~UInt8(1 << (bit % 8))
        }
        #expect(h.bytes(at: 0x100, Int(size)) == expected)
        // The wrong size, an unknown `how`.
        #expect(h.context(block, h.address(0), 0, 8 + 16 - size).rtSigprocmask() == h.failure(EINVAL))
        #expect(h.context(arch == .arm ? 3 : 0, h.address(0), 0, size).rtSigprocmask() == h.failure(EINVAL))
        // The old one-word call: SIG_SETMASK replaces signals 1-32 only.
        h.store32(0x0000_8000, at: 0x200)
        #expect(h.context(setmask, h.address(0x200), h.address(0x204)).sigprocmask() == 0)
        #expect(h.load32(at: 0x204) == 0xffff_ffff & ~(1 << 8) & ~(arch == .arm ? 0 : 1 << 22) & ~(arch == .arm ? 1 << 18 : 0))
        #expect(h.thread.signalMask.low32 == 0x8000)
        #expect(arch == .arm || h.thread.signalMask.contains(100))
    }

    /// rt_sigaction keeps the flags the guest's kernel keeps (SA_UNSUPPORTED and unknown bits
    /// cleared), acts on their host meaning, and stores the mask in the guest's layout.
    @Test(arguments: SyscallHarness.arches) func sigactionFlagsAndMask(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        defer { h.unblockAll() }
        let mips = arch != .arm
        let size: UInt64 = mips ? 16 : 8
        let siginfo: UInt32 = mips ? 0x8 : 0x4, restart: UInt32 = 0x1000_0000, unsupported: UInt32 = 0x400
        let unknown: UInt32 = mips ? 0x2 : 0x100
        // SIGUSR2 with the default handler (the host's disposition stays the default).
        let usr2: UInt64 = mips ? 17 : 12
        let (handlerAt, flagsAt, maskAt): (UInt64, UInt64, UInt64) = mips ? (4, 0, 8) : (0, 4, 12)
        h.store32(0, at: handlerAt)
        h.store32(siginfo | restart | unsupported | unknown, at: flagsAt)
        h.store32(1 << 15, at: maskAt)                           // signal 16
        h.store32(1 << 31, at: maskAt + 4)                       // signal 64
        if mips { h.store32(1 << 3, at: maskAt + 12) }           // signal 100
        #expect(h.context(usr2, h.address(0), 0, size).rtSigaction() == 0)
        let action = h.process.signalAction(Int32(usr2))
        #expect(action.flags == siginfo | restart)
        #expect(action.hostFlags == UInt32(SA_SIGINFO) | UInt32(SA_RESTART))
        #expect((1...128).filter { action.mask.contains(Int32($0)) } == (mips ? [16, 64, 100] : [16, 64]))
        #expect(h.context(usr2, 0, h.address(0x100), size).rtSigaction() == 0)
        #expect(h.load32(at: 0x100 + flagsAt) == siginfo | restart)
        #expect(h.bytes(at: 0x100 + maskAt, Int(size)) == h.bytes(at: maskAt, Int(size)))
        // SIGKILL and SIGSTOP take no action; a short set size is refused.
        #expect(h.context(9, h.address(0), 0, size).rtSigaction() == h.failure(EINVAL))
        #expect(h.context(mips ? 23 : 19, h.address(0), 0, size).rtSigaction() == h.failure(EINVAL))
        #expect(h.context(usr2, h.address(0), 0, 24 - size).rtSigaction() == h.failure(EINVAL))
        // MIPS has 128 signals, ARM 64.
        #expect(h.context(mips ? 128 : 64, 0, h.address(0x100), size).rtSigaction() == 0)
        #expect(h.context(mips ? 129 : 65, 0, h.address(0x100), size).rtSigaction() == h.failure(EINVAL))
    }

    /// wait4 of a child the host's SIGUSR1 killed reports the guest's SIGUSR1.
    @Test(arguments: SyscallHarness.arches) func wait4TranslatesTheSignal(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        defer { h.unblockAll() }
        var pid: pid_t = 0
        // The child starts with nothing blocked and SIGUSR1's default action, whatever this
        // test thread inherited.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), usr1 = sigset_t()
        sigemptyset(&none)
        sigemptyset(&usr1)
        sigaddset(&usr1, SIGUSR1)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &usr1)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments = ["/bin/sh", "-c", "kill -USR1 $$"]
        let spawned = withCStrings(arguments) { argv in posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ) }
        #expect(spawned == 0)
        #expect(h.context(UInt64(UInt32(bitPattern: pid)), h.address(0), 0, 0).wait4() == Int64(pid))
        #expect(h.load32(at: 0) == (arch == .arm ? 10 : 16))
    }

    /// rt_sigtimedwait takes a blocked pending signal of the guest's set and describes it in
    /// the guest's siginfo_t: its number, SI_TKILL, the sender.
    @Test(arguments: SyscallHarness.arches) func sigtimedwaitReportsGuestNumbers(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        defer { h.unblockAll() }
        let mips = arch != .arm
        let size: UInt64 = mips ? 16 : 8
        let usr2: Int32 = mips ? 17 : 12
        var set = GuestSignalSet.empty
        set.insert(usr2)
        h.thread.setSignalMask(set)
        h.write([UInt8](repeating: 0, count: Int(size)), at: 0)
        h.store32(1 << UInt32(usr2 - 1), at: 0)
        let tid = Host.rawSyscall(HOST_SYS_gettid)
        try #require(Host.rawSyscall(HOST_SYS_tgkill, Int(getpid()), tid, Int(SIGUSR2)) == 0)
        h.write([UInt8](repeating: 0, count: 16), at: 0x80)   // no wait
        #expect(h.context(h.address(0), h.address(0x100), h.address(0x80), size).sigtimedwait(.timespec) == Int64(usr2))
        #expect(h.load32(at: 0x100) == UInt32(usr2))
        #expect(Int32(bitPattern: h.load32(at: 0x100 + (mips ? 4 : 8))) == -6)   // SI_TKILL
        #expect(h.load32(at: 0x100 + 12) == UInt32(getpid()))
    }
}
