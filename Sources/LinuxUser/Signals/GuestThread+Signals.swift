// A thread's side of guest signals: its blocked mask, made the host thread's mask (except
// the fault signals, whose blocking is emulated in the caught-signal table, which is per host
// thread too), and taking the signals the host caught on this thread.

import CHost
import Glibc
import Host
import LinuxABI

extension GuestThread {
    /// Caught signals the guest does not block (host numbering, bit n-1 for signal n).
    var waitingSignals: UInt64 { chost_signal_pending() & ~hostSignalMask }

    /// The lowest-numbered caught signal the guest does not block (guest numbering), left
    /// in the table; nil when none waits.
    func peekSignal() -> Int32? {
        let waiting = waitingSignals
        guard waiting != 0 else { return nil }
        return process.abi.signals.untranslate(Int32(waiting.trailingZeroBitCount + 1))
    }

    /// Takes the lowest-numbered caught signal the guest does not block.
    func takeSignal() -> GuestSignalInfo? {
        while true {
            let waiting = waitingSignals
            guard waiting != 0 else {
                chost_signal_refresh()
                return nil
            }
            var info = chost_signal_info()
            let host = Int32(waiting.trailingZeroBitCount + 1)
            guard chost_signal_take(host, &info) != 0 else { continue }
            // The host handler left the signal blocked (later instances wait in the kernel):
            // the guest's own mask again.
            setSignalMask(signalMask)
            if let guest = GuestSignalInfo(host: info, abi: process.abi) {
                chost_signal_refresh()
                return guest
            }
        }
    }

    /// Whether `call`, which a signal interrupted (or kept from starting), runs again, as the
    /// kernel decides it from the handler about to run: no handler (the signal was dropped) or
    /// one with SA_RESTART, unless the call never restarts; a call that never started always
    /// runs again when no handler says otherwise.
    func restarts(_ call: Syscall?, notStarted: Bool) -> Bool {
        guard let signal = peekSignal(), case .handler(let action) = process.outcome(of: signal) else { return true }
        if let call, GuestProcess.neverRestarted.contains(call) { return false }
        return notStarted || action.hostFlags & GuestProcess.saRestart != 0
    }

    /// Whether `sp` is on the alternate stack (the kernel's on_sig_stack: above its base and
    /// at most its size in).
    func onAlternateStack(_ sp: UInt64) -> Bool {
        alternateStack.size != 0 && sp > alternateStack.base && sp - alternateStack.base <= alternateStack.size
    }

    /// stack_t's ss_flags for the alternate stack seen from `sp`: SS_DISABLE, SS_ONSTACK or 0
    /// (the same numbers on every arch).
    func alternateStackFlags(_ sp: UInt64) -> Int64 {
        alternateStack.size == 0 ? Self.stackDisabled : onAlternateStack(sp) ? Self.stackOn : 0
    }

    static let stackOn: Int64 = 1, stackDisabled: Int64 = 2

    /// After a handler frame for `signal` is built: block what its action asks, and forget the
    /// action if it was for one delivery only.
    func enterHandler(_ signal: Int32, _ action: GuestSignalAction) {
        var mask = signalMask.union(action.mask)
        if action.hostFlags & GuestProcess.saNoDefer == 0 { mask.insert(signal) }
        setSignalMask(mask)
        if action.hostFlags & GuestProcess.saResetHand != 0 { process.setAction(GuestSignalAction(), for: signal) }
    }
}
