// The state of the guest process that outlives any one syscall: its address space and ABI,
// what it told the kernel (signal actions), and the facts it may ask about itself (its
// executable path). Shared by the guest's threads (GuestThread has what is per thread):
// what they may change at once is behind a lock.

import Engine
import Glibc
import GuestMemory
import LinuxABI
import Synchronization

/// One recorded rt_sigaction: the guest's values, kept as the guest gave them.
struct GuestSignalAction: Sendable {
    var handler: UInt64 = 0
    var flags: UInt64 = 0
    var restorer: UInt64 = 0
    var mask: UInt64 = 0

    static let defaultHandler: UInt64 = 0
    static let ignoreHandler: UInt64 = 1
}

final class GuestProcess: @unchecked Sendable {
    let space: GuestAddressSpace
    let abi: GuestABI
    var log: Log
    /// Absolute path of the guest program, for /proc/self/exe and AT_EXECFN.
    let executablePath: String
    let sysroot: String?

    /// Guest signal actions by guest signal number (1...64).
    let signalActions = Mutex([GuestSignalAction](repeating: GuestSignalAction(), count: 65))

    /// getdents64 cookies too large for a 32-bit guest, per directory fd (see getdents64Cookies).
    let directoryCookies = Mutex([Int32: [Int64]]())

    /// Guest threads alive (the process ends when the last one exits).
    let liveThreads = Mutex(1)

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

    /// fork(2) from `thread`, with the engine told before and after.
    func fork(from thread: GuestThread) -> pid_t {
        let token = beforeFork()
        let pid = Glibc.fork()
        if pid == 0 { liveThreads.withLock { $0 = 1 } }
        afterFork(pid == 0, token, thread)
        return pid
    }

    /// The guest's action for `signal` (1...64).
    func signalAction(_ signal: Int32) -> GuestSignalAction {
        signalActions.withLock { $0[Int(signal)] }
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
    }

    var bigEndian: Bool { abi.byteOrder == .big }
}
