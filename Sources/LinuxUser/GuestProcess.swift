// The state of the guest process that outlives any one syscall: its address space and ABI,
// what it told the kernel (signal actions and mask, the tid address, the robust list), and
// the facts it may ask about itself (its executable path).

import Engine
import Glibc
import GuestMemory
import LinuxABI

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

    /// Guest signal actions by guest signal number (1...64), and the blocked mask.
    var signalActions = [GuestSignalAction](repeating: GuestSignalAction(), count: 65)
    var signalMask: UInt64 = 0
    /// set_tid_address and set_robust_list values.
    var clearChildTID: UInt64 = 0
    var robustList: (head: UInt64, length: UInt64) = (0, 0)

    /// getdents64 cookies too large for a 32-bit guest, per directory fd (see getdents64Cookies).
    var directoryCookies: [Int32: [Int64]] = [:]

    /// The mask to restore after rt_sigsuspend/pause, while a signal ends the wait: the
    /// handler's frame saves it instead of the temporary mask.
    var suspendedMask: UInt64?

    /// What /proc/self shows about the guest: start-up facts and file-backed ranges.
    var proc = ProcState()

    /// sigaltstack: base and size (size 0: disabled).
    var alternateStack: (base: UInt64, size: UInt64) = (0, 0)

    /// Called when guest memory in [start, end) stops holding the code it held (munmap,
    /// mmap over it, mremap, mprotect): translated blocks from it must go.
    var codeChanged: (UInt64, UInt64) -> Void = { _, _ in }

    /// Called when the guest installs a handler for a signal a guest memory access raises
    /// (SIGSEGV, SIGBUS): from then on it can see the state at a fault.
    var faultHandlerInstalled: () -> Void = {}

    /// Called before a fork, and after it in both processes (child: true in the child) with
    /// what the first returned: keeps translated code from staying shared.
    var beforeFork: () -> Int32 = { -1 }
    var afterFork: (_ child: Bool, _ token: Int32) -> Void = { _, _ in }

    /// fork(2) with the engine told before and after.
    func fork() -> pid_t {
        let token = beforeFork()
        let pid = Glibc.fork()
        afterFork(pid == 0, token)
        return pid
    }

    /// For execve of another guest program: this mirage's path and the options to repeat.
    var launcherPath = "/proc/self/exe"
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
