// Signals, as far as the foundation goes: actions and the mask are recorded; a signal the
// process sends itself takes its default action (terminate, ignore), which is what abort()
// and raise() need. Delivery to guest handlers comes with the signals issue.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// rt_sigaction(sig, act, oact, sigsetsize).
    func rtSigaction() -> SyscallResult {
        let signal = int(0)
        guard signal >= 1 && signal <= 64, arg(3) == 8 else { return fail(EINVAL) }
        let old = process.signalActions[Int(signal)]
        if arg(1) != 0 {
            // SIGKILL and SIGSTOP cannot be caught or ignored.
            if signal == 9 || signal == 19 { return fail(EINVAL) }
            guard let new = readStruct(.sigaction, at: address(1), { r -> GuestSignalAction? in
                guard let handler = r.get("sa_handler"), let flags = r.get("sa_flags") else { return nil }
                return GuestSignalAction(handler: handler, flags: flags, restorer: r.get("sa_restorer") ?? 0,
                                         mask: r.signalSet(field: "sa_mask") ?? 0)
            }) else { return fail(EFAULT) }
            process.signalActions[Int(signal)] = new
            // SIGBUS 7, SIGSEGV 11 (the same on every Linux guest).
            if (signal == 7 || signal == 11) && new.handler != GuestSignalAction.defaultHandler
                && new.handler != GuestSignalAction.ignoreHandler {
                process.faultHandlerInstalled()
            }
        }
        if arg(2) != 0 {
            guard writeStruct(.sigaction, at: address(2), { w in
                _ = w.set("sa_handler", old.handler)
                _ = w.set("sa_flags", old.flags)
                _ = w.set("sa_restorer", old.restorer)
                _ = w.setSignalSet(old.mask, field: "sa_mask")
            }) else { return fail(EFAULT) }
        }
        return 0
    }

    /// rt_sigprocmask(how, set, oldset, sigsetsize): recorded only.
    func rtSigprocmask() -> SyscallResult {
        guard arg(3) == 8 else { return fail(EINVAL) }
        let old = process.signalMask
        if arg(1) != 0 {
            guard let set = space.load(UInt64.self, at: address(1), bigEndian: process.bigEndian) else { return fail(EFAULT) }
            let unblockable: UInt64 = 1 << (9 - 1) | 1 << (19 - 1)
            switch int(0) {
            case 0: process.signalMask = (old | set) & ~unblockable      // SIG_BLOCK
            case 1: process.signalMask = old & ~set                      // SIG_UNBLOCK
            case 2: process.signalMask = set & ~unblockable              // SIG_SETMASK
            default: return fail(EINVAL)
            }
        }
        if arg(2) != 0 {
            guard space.store(old, at: address(2), bigEndian: process.bigEndian) else { return fail(EFAULT) }
        }
        return 0
    }

    /// kill/tgkill/tkill: a signal to ourselves takes its default action now; other targets
    /// get the real signal.
    func sendSignal(pid: Int32, tid: Int32?, signal guestSignal: Int32) -> SyscallResult {
        let me = getpid()
        let toSelf = (pid == me || pid == 0) && (tid == nil || tid == Int32(Host.rawSyscall(HOST_SYS_gettid)))
        if guestSignal == 0 {
            return toSelf ? 0 : forward(Host.rawSyscall(HOST_SYS_kill, Int(pid), 0))
        }
        guard let host = abi.signals.translate(guestSignal) else { return fail(EINVAL) }
        guard toSelf else {
            if let tid { return forward(Host.rawSyscall(HOST_SYS_tgkill, Int(pid), Int(tid), Int(host))) }
            return forward(Host.rawSyscall(HOST_SYS_kill, Int(pid), Int(host)))
        }
        let action = process.signalActions[Int(guestSignal)]
        if action.handler == GuestSignalAction.ignoreHandler { return 0 }
        if action.handler != GuestSignalAction.defaultHandler && process.log.enabled(.unimp) {
            process.log.write("mirage: signal \(guestSignal) has a guest handler; delivery is not implemented yet, taking the default action")
        }
        switch host {
        case SIGCHLD, SIGURG, SIGWINCH, SIGCONT:  // ignored by default
            return 0
        default:
            Termination.die(signal: host)
        }
    }
}
