// The guest's signal dispositions and mask, made real on the host. An action the guest sets
// becomes the host's (ignored stays ignored by the kernel, across execve too; a default action
// is the host's default, so a SIGTERM kills Mirage as it would kill the guest; a handler means
// the host catches the signal for the guest), and the guest's mask is the host thread's mask,
// so the host kernel keeps blocked signals pending and picks the thread to deliver to. The
// exceptions are the signals of faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP): Mirage must
// always receive those, so their blocking is emulated in the caught-signal table.

import CHost
import Glibc
import Host
import LinuxABI

/// What becomes of a signal the guest is to receive.
enum SignalOutcome {
    case ignore
    case terminate(hostSignal: Int32)
    case stop
    case handler(GuestSignalAction)
}

extension GuestProcess {
    /// Host signals a fault raises: never blocked on the host.
    static let faultSignals: UInt64 = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP].reduce(0) { $0 | 1 << UInt64($1 - 1) }
    /// sa_flags bits in the host's numbering (`GuestSignalAction.hostFlags`); the guest's
    /// cross through `GuestABI.sigactionFlags`. SA_RESTORER is the x86-64 kernel's value, as
    /// in the ARM table's row (Glibc does not export it).
    static let saNoChildStop = UInt32(SA_NOCLDSTOP), saNoChildWait = UInt32(SA_NOCLDWAIT), saSigInfo = UInt32(SA_SIGINFO)
    static let saOnStack = UInt32(SA_ONSTACK), saRestart = UInt32(SA_RESTART)
    static let saNoDefer = UInt32(SA_NODEFER), saResetHand = UInt32(truncatingIfNeeded: SA_RESETHAND), saRestorer: UInt32 = 0x0400_0000

    /// The action rt_sigaction records for the guest's (handler, sa_flags, restorer, mask):
    /// the flags the guest's kernel keeps (the bits its uapi defines, SA_UNSUPPORTED cleared so
    /// that a program can tell the kernel checks flags), and the same in host numbering.
    func action(handler: UInt64, flags guest: UInt32, restorer: UInt64, mask: GuestSignalSet) -> GuestSignalAction {
        let table = abi.sigactionFlags
        let unsupported = table.entries.first { $0.name.description == "SA_UNSUPPORTED" }?.guest ?? 0
        let kept = guest & table.knownGuestBits & ~unsupported
        return GuestSignalAction(handler: handler, flags: kept, hostFlags: table.translate(kept), restorer: restorer, mask: mask)
    }

    /// Records the guest's action for `signal` and gives the host the matching one.
    func setAction(_ action: GuestSignalAction, for signal: Int32) {
        signalActions.withLock { if signal >= 1 && Int(signal) < $0.count { $0[Int(signal)] = action } }
        guard let host = abi.signals.translate(signal) else { return }
        let disposition = switch action.handler {
        case GuestSignalAction.defaultHandler: CHOST_SIGNAL_DEFAULT
        case GuestSignalAction.ignoreHandler: CHOST_SIGNAL_IGNORE
        default: CHOST_SIGNAL_CATCH
        }
        // SA_NOCLDSTOP and SA_NOCLDWAIT: the host kernel acts on them for SIGCHLD.
        var childFlags: Int32 = 0
        if action.hostFlags & Self.saNoChildStop != 0 { childFlags |= SA_NOCLDSTOP }
        if action.hostFlags & Self.saNoChildWait != 0 { childFlags |= SA_NOCLDWAIT }
        _ = chost_signal_set_disposition(host, Int32(disposition), childFlags)
        if (host == SIGSEGV || host == SIGBUS) && disposition == CHOST_SIGNAL_CATCH { faultHandlerInstalled() }
    }

    /// What the guest's action for `signal` does now.
    func outcome(of signal: Int32) -> SignalOutcome {
        let action = signalAction(signal)
        switch action.handler {
        case GuestSignalAction.ignoreHandler: return .ignore
        case GuestSignalAction.defaultHandler:
            guard let host = abi.signals.translate(signal) else { return .ignore }
            switch host {
            case SIGCHLD, SIGURG, SIGWINCH, SIGCONT: return .ignore
            case SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU: return .stop
            default: return .terminate(hostSignal: host)
            }
        default: return .handler(action)
        }
    }

    /// Calls that return EINTR after a handler even with SA_RESTART (the kernel's
    /// ERESTARTNOHAND and restart-block calls).
    static let neverRestarted: Set<Syscall> = [
        .poll, .ppoll, .ppoll_time64, ._newselect, .pselect6, .pselect6_time64, .nanosleep, .clock_nanosleep,
        .clock_nanosleep_time64, .epoll_wait, .epoll_pwait, .epoll_pwait2, .pause, .rt_sigsuspend, .sigsuspend,
        .rt_sigtimedwait, .rt_sigtimedwait_time64, .io_getevents, .semtimedop, .msgrcv, .msgsnd,
    ]
}
