// MIPS o32 signal constants (arch/mips/include/uapi/asm/signal.h and siginfo.h): the SVR4
// numbering of signals 1-31, real-time signals 32-128 (_NSIG 128), SVR4's sigaction flags and
// sigprocmask `how` values, and three sender si_codes swapped around. sigaltstack's flags are
// asm-generic's.
//
// SIGEMT (7) is not a row: the host has no such signal, so the guest cannot send, catch or
// block it (EINVAL), and no host signal becomes it. Host signals MIPS lacks (SIGSTKFLT) have
// no guest number either. Guest real-time signals past 64 have no host signal.
import Glibc

extension MIPSO32 {
    static let signals = SignalNumbers(named: ConstantTable<Constant>([
        .init("SIGHUP", 1, SIGHUP),
        .init("SIGINT", 2, SIGINT),
        .init("SIGQUIT", 3, SIGQUIT),
        .init("SIGILL", 4, SIGILL),
        .init("SIGTRAP", 5, SIGTRAP),
        .init("SIGABRT", 6, SIGABRT),
        .init("SIGFPE", 8, SIGFPE),
        .init("SIGKILL", 9, SIGKILL),
        .init("SIGBUS", 10, SIGBUS),
        .init("SIGSEGV", 11, SIGSEGV),
        .init("SIGSYS", 12, SIGSYS),
        .init("SIGPIPE", 13, SIGPIPE),
        .init("SIGALRM", 14, SIGALRM),
        .init("SIGTERM", 15, SIGTERM),
        .init("SIGUSR1", 16, SIGUSR1),
        .init("SIGUSR2", 17, SIGUSR2),
        .init("SIGCHLD", 18, SIGCHLD),
        .init("SIGPWR", 19, SIGPWR),
        .init("SIGWINCH", 20, SIGWINCH),
        .init("SIGURG", 21, SIGURG),
        .init("SIGIO", 22, SIGIO),
        .init("SIGSTOP", 23, SIGSTOP),
        .init("SIGTSTP", 24, SIGTSTP),
        .init("SIGCONT", 25, SIGCONT),
        .init("SIGTTIN", 26, SIGTTIN),
        .init("SIGTTOU", 27, SIGTTOU),
        .init("SIGVTALRM", 28, SIGVTALRM),
        .init("SIGPROF", 29, SIGPROF),
        .init("SIGXCPU", 30, SIGXCPU),
        .init("SIGXFSZ", 31, SIGXFSZ),
    ]), guestRealtime: 32...128)

    /// sigaction's sa_flags. MIPS has no SA_RESTORER: its handlers return through a
    /// trampoline the kernel (here LinuxUser) places, never one the guest names.
    static let sigactionFlags = FlagTable([
        .init("SA_NOCLDSTOP", 0x1, SA_NOCLDSTOP),
        .init("SA_SIGINFO", 0x8, SA_SIGINFO),
        .init("SA_UNSUPPORTED", 0x400, 0x400 as UInt32),        // not in Glibc's headers
        .init("SA_EXPOSE_TAGBITS", 0x800, 0x800 as UInt32),     // not in Glibc's headers
        .init("SA_NOCLDWAIT", 0x1_0000, SA_NOCLDWAIT),
        .init("SA_ONSTACK", 0x0800_0000, SA_ONSTACK),
        .init("SA_RESTART", 0x1000_0000, SA_RESTART),
        .init("SA_NODEFER", 0x4000_0000, SA_NODEFER),
        .init("SA_RESETHAND", 0x8000_0000, SA_RESETHAND),
    ])

    /// sigprocmask / rt_sigprocmask `how`: one more than asm-generic's.
    static let sigprocmaskHow = ConstantTable<Constant>([
        .init("SIG_BLOCK", 1, SIG_BLOCK),
        .init("SIG_UNBLOCK", 2, SIG_UNBLOCK),
        .init("SIG_SETMASK", 3, SIG_SETMASK),
    ])

    /// si_code of sent signals: SI_ASYNCIO, SI_TIMER and SI_MESGQ are -2, -3, -4 (asm-generic:
    /// -4, -2, -3); the others are asm-generic's.
    static let signalCodes = AsmGeneric.signalCodeTable(timer: -3, messageQueue: -4, asyncIO: -2)
}
