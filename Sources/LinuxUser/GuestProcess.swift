// The state of the guest process that outlives any one syscall: its address space and ABI,
// what it told the kernel (signal actions), and the facts it may ask about itself (its
// executable path). Shared by the guest's threads (GuestThread has what is per thread):
// what they may change at once is behind a lock.

import Engine
import Glibc
import Host
import GuestMemory
import LinuxABI

/// One recorded rt_sigaction: the guest's values, and its flags in the host's numbering.
struct GuestSignalAction: Sendable {
    var handler: UInt64 = 0
    /// sa_flags as the guest reads them back: its own bits, those its kernel keeps.
    var flags: UInt32 = 0
    /// The same flags in the host's numbering (SA_SIGINFO, SA_RESTART, ... as Glibc names
    /// them, and the x86-64 SA_RESTORER): what Mirage acts on, whatever the guest's numbers.
    var hostFlags: UInt32 = 0
    var restorer: UInt64 = 0
    var mask = GuestSignalSet.empty

    static let defaultHandler: UInt64 = 0
    static let ignoreHandler: UInt64 = 1
}

final class GuestProcess: @unchecked Sendable {
    let space: GuestAddressSpace
    let abi: GuestABI
    /// What the process sees of its machine (uname, auxv, /proc/cpuinfo); nil for a guest
    /// that has none yet.
    let personality: GuestPersonality?
    var log: Log
    /// Absolute path of the guest program, for /proc/self/exe and AT_EXECFN.
    let executablePath: String
    let sysroot: String?

    /// Guest signal actions by guest signal number (1...the guest's last: 64 on ARM, 128 on
    /// MIPS).
    let signalActions: HostMutex<[GuestSignalAction]>
    /// The guest's numbers of SIGKILL and SIGSTOP, which no mask blocks.
    let unblockable: GuestSignalSet

    /// Whether reads of signalfd, eventfd, timerfd and inotify descriptors need converting
    /// (a byte order or signal numbering not the host's), and the descriptors that are such
    /// (Syscalls+EventRecords).
    let convertsEventRecords: Bool
    let eventDescriptors = HostMutex([Int32: EventDescriptor]())

    /// getdents64 cookies too large for a 32-bit guest, per directory fd (see getdents64Cookies).
    let directoryCookies = HostMutex([Int32: [Int64]]())

    /// Guest threads alive (the process ends when the last one exits).
    let liveThreads = HostMutex(1)

    /// What /proc/self shows about the guest: start-up facts and file-backed ranges.
    var proc = ProcState()

    /// Called when guest memory in [start, end) stops holding the code it held (munmap,
    /// mmap over it, mremap, mprotect): translated blocks from it must go.
    var codeChanged: (UInt64, UInt64) -> Void = { _, _ in }

    /// Called when the guest installs a handler for a signal a guest memory access raises
    /// (SIGSEGV, SIGBUS): from then on it can see the state at a fault.
    var faultHandlerInstalled: () -> Void = {}

    /// Called before a fork, and after it in both processes (child: true in the child) with
    /// what the first returned and the thread that forked (the child's only thread): keeps
    /// translated code from staying shared.
    var beforeFork: () -> Int32 = { -1 }
    var afterFork: (_ child: Bool, _ token: Int32, _ thread: GuestThread) -> Void = { _, _, _ in }

    /// fork(2) from `thread`, with the engine told before and after. The process's locks are
    /// held across the fork (each guards a leaf: no holder waits for another), so the child,
    /// whose only thread is this one, gets them unlocked and their state whole, even when
    /// another thread was in mmap or sigaction at that moment.
    func fork(from thread: GuestThread) -> pid_t {
        let token = beforeFork()
        let pid = space.withLockHeld {
            proc.fileMappings.withLock { _ in
                signalActions.withLock { _ in
                    eventDescriptors.withLock { _ in
                        directoryCookies.withLock { _ in
                            liveThreads.withLock { count in
                                let pid = Glibc.fork()
                                if pid == 0 { count = 1 }
                                return pid
                            }
                        }
                    }
                }
            }
        }
        afterFork(pid == 0, token, thread)
        return pid
    }

    /// The guest's action for `signal` (1...the last signal; the default action for others).
    func signalAction(_ signal: Int32) -> GuestSignalAction {
        signalActions.withLock { signal >= 1 && Int(signal) < $0.count ? $0[Int(signal)] : GuestSignalAction() }
    }

    /// For execve of another guest program: the options to repeat (mirage's own path is
    /// looked up at each execve: /proc may be mounted by then, or gone).
    var relaunchOptions: [String] = []

    init(space: GuestAddressSpace, abi: GuestABI, log: Log, executablePath: String, sysroot: String?) {
        self.space = space
        self.abi = abi
        self.log = log
        self.executablePath = executablePath
        self.sysroot = sysroot
        personality = GuestPersonality.forArch(abi.arch)
        convertsEventRecords = abi.byteOrder != .host || !abi.signals.isIdentity
        let last = Int(max(abi.signals.guestRealtime.upperBound, 64))
        signalActions = HostMutex([GuestSignalAction](repeating: GuestSignalAction(), count: last + 1))
        var unblockable = GuestSignalSet.empty
        for host in [SIGKILL, SIGSTOP] { if let guest = abi.signals.untranslate(host) { unblockable.insert(guest) } }
        self.unblockable = unblockable
    }

    var bigEndian: Bool { abi.byteOrder == .big }
}
