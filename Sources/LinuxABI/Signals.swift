// Signal-related constants: the numbers themselves, sigaction flags, sigprocmask's `how`,
// siginfo's sender codes and sigaltstack's flags. ARM and the host share the numbers 1-31
// (arch/arm/include/uapi/asm/signal.h repeats the i386 ones) and the real-time range 32-64
// (_NSIG 64). MIPS's are in Signals+MIPS.swift.
import Glibc

extension AsmGeneric {
    /// Signals 1-31 as ARM, AArch64, x86 and PowerPC number them.
    static let signals = SignalNumbers(named: ConstantTable<Constant>([
        .init("SIGHUP", 1, SIGHUP),
        .init("SIGINT", 2, SIGINT),
        .init("SIGQUIT", 3, SIGQUIT),
        .init("SIGILL", 4, SIGILL),
        .init("SIGTRAP", 5, SIGTRAP),
        .init("SIGABRT", 6, SIGABRT),
        .init("SIGBUS", 7, SIGBUS),
        .init("SIGFPE", 8, SIGFPE),
        .init("SIGKILL", 9, SIGKILL),
        .init("SIGUSR1", 10, SIGUSR1),
        .init("SIGSEGV", 11, SIGSEGV),
        .init("SIGUSR2", 12, SIGUSR2),
        .init("SIGPIPE", 13, SIGPIPE),
        .init("SIGALRM", 14, SIGALRM),
        .init("SIGTERM", 15, SIGTERM),
        .init("SIGSTKFLT", 16, SIGSTKFLT),
        .init("SIGCHLD", 17, SIGCHLD),
        .init("SIGCONT", 18, SIGCONT),
        .init("SIGSTOP", 19, SIGSTOP),
        .init("SIGTSTP", 20, SIGTSTP),
        .init("SIGTTIN", 21, SIGTTIN),
        .init("SIGTTOU", 22, SIGTTOU),
        .init("SIGURG", 23, SIGURG),
        .init("SIGXCPU", 24, SIGXCPU),
        .init("SIGXFSZ", 25, SIGXFSZ),
        .init("SIGVTALRM", 26, SIGVTALRM),
        .init("SIGPROF", 27, SIGPROF),
        .init("SIGWINCH", 28, SIGWINCH),
        .init("SIGIO", 29, SIGIO),
        .init("SIGPWR", 30, SIGPWR),
        .init("SIGSYS", 31, SIGSYS),
    ]), guestRealtime: 32...64)

    /// sigprocmask / rt_sigprocmask `how`.
    static let sigprocmaskHow = ConstantTable<Constant>([
        .init("SIG_BLOCK", 0, SIG_BLOCK),
        .init("SIG_UNBLOCK", 1, SIG_UNBLOCK),
        .init("SIG_SETMASK", 2, SIG_SETMASK),
    ])

    /// si_code of signals a process, a timer, a message queue or asynchronous I/O sent
    /// (asm-generic/siginfo.h; x86-64 the same).
    static let signalCodes = signalCodeTable(timer: -2, messageQueue: -3, asyncIO: -4)

    /// asm-generic/siginfo.h's sender codes with the guest's SI_TIMER, SI_MESGQ and SI_ASYNCIO,
    /// the three an arch's siginfo.h may redefine (MIPS's does). The host column is x86-64's,
    /// asm-generic's. Negative codes are rows as their 32-bit patterns.
    static func signalCodeTable(timer: Int32, messageQueue: Int32, asyncIO: Int32) -> ConstantTable<Constant> {
        ConstantTable([
            .init("SI_USER", 0, 0 as UInt32),
            .init("SI_KERNEL", 0x80, 0x80 as UInt32),
            .init("SI_QUEUE", UInt32(bitPattern: -1), -1 as Int32),
            .init("SI_TIMER", UInt32(bitPattern: timer), -2 as Int32),
            .init("SI_MESGQ", UInt32(bitPattern: messageQueue), -3 as Int32),
            .init("SI_ASYNCIO", UInt32(bitPattern: asyncIO), -4 as Int32),
            .init("SI_SIGIO", UInt32(bitPattern: -5), -5 as Int32),
            .init("SI_TKILL", UInt32(bitPattern: -6), -6 as Int32),
            .init("SI_DETHREAD", UInt32(bitPattern: -7), -7 as Int32),
            .init("SI_ASYNCNL", UInt32(bitPattern: -60), -60 as Int32),
        ])
    }

    /// sigaltstack's ss_flags.
    static let sigaltstackFlags = FlagTable([
        .init("SS_ONSTACK", 1, SS_ONSTACK),
        .init("SS_DISABLE", 2, SS_DISABLE),
        .init("SS_AUTODISARM", 0x8000_0000, 0x8000_0000 as UInt32),  // Glibc hides it without _GNU_SOURCE
    ])
}

extension ARMEABI {
    /// sigaction's sa_flags: asm-generic/signal-defs.h plus ARM's SA_THIRTYTWO and SA_RESTORER.
    /// SA_THIRTYTWO only meant something on 26-bit ARM kernels; it crosses as nothing. The
    /// guest's SA_RESTORER names a guest address: LinuxUser builds the host side itself.
    static let sigactionFlags = FlagTable([
        .init("SA_NOCLDSTOP", 0x1, SA_NOCLDSTOP),
        .init("SA_NOCLDWAIT", 0x2, SA_NOCLDWAIT),
        .init("SA_SIGINFO", 0x4, SA_SIGINFO),
        .init("SA_UNSUPPORTED", 0x400, 0x400 as UInt32),        // not in Glibc's headers
        .init("SA_EXPOSE_TAGBITS", 0x800, 0x800 as UInt32),     // not in Glibc's headers
        .init("SA_THIRTYTWO", 0x0200_0000, 0 as UInt32),         // no host meaning
        .init("SA_RESTORER", 0x0400_0000, 0x0400_0000 as UInt32), // x86-64 kernel value
        .init("SA_ONSTACK", 0x0800_0000, SA_ONSTACK),
        .init("SA_RESTART", 0x1000_0000, SA_RESTART),
        .init("SA_NODEFER", 0x4000_0000, SA_NODEFER),
        .init("SA_RESETHAND", 0x8000_0000, SA_RESETHAND),
    ])
}

extension GuestABI {
    /// A host si_code as the guest's: sender codes through `signalCodes`, every other code (the
    /// kernel's per-signal ones: SEGV_MAPERR, CLD_EXITED, ...) unchanged.
    public func untranslateSignalCode(_ host: Int32) -> Int32 {
        signalCodes.untranslate(UInt32(bitPattern: host)).map { Int32(bitPattern: $0) } ?? host
    }

    /// A guest si_code as the host's (rt_sigqueueinfo's siginfo).
    public func translateSignalCode(_ guest: Int32) -> Int32 {
        signalCodes.translate(UInt32(bitPattern: guest)).map { Int32(bitPattern: $0) } ?? guest
    }
}
