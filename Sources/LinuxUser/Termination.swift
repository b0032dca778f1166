// Ending the process as the guest asked: exit with its status, or die by its signal so that
// our parent sees exactly what the guest's parent would.

import Glibc

enum Termination {
    /// exit_group: the guest's status, low 8 bits, without running Swift or C atexit handlers
    /// (the guest flushed its own stdio; ours holds nothing).
    static func exit(status: Int32) -> Never {
        _exit(status & 0xff)
    }

    /// Dies by `signal` (a host signal number). Core dumps are turned off first: a core of the
    /// emulator with its 4 GiB reservation would help nobody.
    static func die(signal: Int32) -> Never {
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
        Glibc.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        // Not a terminating signal by default (the guest asked for a signal whose default is to
        // be ignored, which the caller should not do): exit as a shell would report it.
        _exit(128 + signal)
    }
}
