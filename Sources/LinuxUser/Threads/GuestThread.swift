// One guest thread: what the kernel keeps per thread rather than per process. Its blocked
// signal mask (mirrored to its host thread's mask), its alternate signal stack, the address
// to clear and wake when it ends (CLONE_CHILD_CLEARTID, set_tid_address), its robust futex
// list, and its engine context. The CPU state itself belongs to the arch's CPU loop.

import CHost
import Engine
import Glibc
import Host

final class GuestThread {
    let process: GuestProcess
    /// The thread's context in the shared engine.
    let engineThread: EngineThread
    /// Whether this is the thread the program started on (the host's main thread).
    let isMain: Bool
    /// The thread id, the host thread's (guest tids are host tids).
    let tid: Int32

    /// The blocked signals, guest numbering; set through `setSignalMask`, which also gives
    /// the host thread the matching mask.
    private(set) var signalMask = GuestSignalSet.empty
    /// The same set in host numbering (bit n-1 for host signal n), kept beside it so that
    /// taking a caught signal costs no translation.
    private(set) var hostSignalMask: UInt64 = 0
    /// The mask to restore after rt_sigsuspend/pause, while a signal ends the wait: the
    /// handler's frame saves it instead of the temporary mask.
    var suspendedMask: GuestSignalSet?
    /// sigaltstack: base and size (size 0: disabled).
    var alternateStack: (base: UInt64, size: UInt64) = (0, 0)
    /// set_tid_address / CLONE_CHILD_CLEARTID: zeroed and woken when the thread ends.
    var clearChildTID: UInt64 = 0
    /// set_robust_list: the head of the thread's list of held robust futexes.
    var robustList: (head: UInt64, length: UInt64) = (0, 0)
    /// Set by exit(2): the thread ends with this status once the syscall returns.
    var exitStatus: Int32?

    /// A thread for the calling host thread.
    init(process: GuestProcess, engineThread: EngineThread, isMain: Bool) {
        self.process = process
        self.engineThread = engineThread
        self.isMain = isMain
        tid = Int32(truncatingIfNeeded: Host.rawSyscall(HOST_SYS_gettid))
    }

    /// Makes `mask` (guest numbering) the blocked set, here and on the host; SIGKILL and
    /// SIGSTOP never join it.
    func setSignalMask(_ mask: GuestSignalSet) {
        signalMask = mask.subtracting(process.unblockable)
        hostSignalMask = signalMask.hostSet(process.abi.signals)
        chost_signal_set_host_mask(hostSignalMask & ~GuestProcess.faultSignals)
        chost_signal_set_blocked(hostSignalMask)
    }
}
