// Host: the only module through which the runtime talks to the host kernel.
//
// Everything here is a thin, typed wrapper over one system call. Two flavours:
//
// - `Host.rawSyscall` forwards a call exactly as the kernel sees it and returns the
//   kernel's convention (result, or -errno). Guest syscalls go through it; EINTR is
//   not retried, because a Linux guest must see EINTR exactly when Linux would give it.
// - The typed wrappers (`mmap`, `pread`, `getrandom`, ...) are for the runtime's own
//   use. They retry EINTR once, here, so no caller writes that loop, and report
//   failure as SystemPackage's `Errno`: either `Result<_, Errno>` (memory calls, whose
//   callers usually forward the errno to the guest) or typed `throws(Errno)` (files).
//
// All wrappers issue the system call through the CHost shim, which reads errno in C
// right after the call, so nothing on the Swift side can clobber it.

import CHost
import SystemPackage

/// Namespace for host system calls.
public enum Host {
    /// Issues host system call `number` with up to six arguments.
    ///
    /// Returns the kernel's value: the result on success, `-errno` on failure (a value in
    /// -4095...-1). EINTR is returned, not retried.
    @inline(never)
    public static func rawSyscall(
        _ number: Int, _ a0: Int = 0, _ a1: Int = 0, _ a2: Int = 0,
        _ a3: Int = 0, _ a4: Int = 0, _ a5: Int = 0
    ) -> Int {
        chost_syscall(number, a0, a1, a2, a3, a4, a5)
    }

    /// A guest's system call that a guest signal may interrupt: like `rawSyscall`, but when a
    /// caught guest signal is waiting, or arrives before the call enters the kernel, the call
    /// does not run and the result is -512 (the kernel's ERESTARTSYS): deliver the signal,
    /// then run the call again. A signal during a blocking call gives -EINTR as usual.
    @inline(never)
    public static func guestSyscall(
        _ number: Int, _ a0: Int = 0, _ a1: Int = 0, _ a2: Int = 0,
        _ a3: Int = 0, _ a4: Int = 0, _ a5: Int = 0
    ) -> Int {
        chost_safe_syscall(number, a0, a1, a2, a3, a4, a5)
    }

    /// The result `guestSyscall` gives for a call that did not run because of a signal.
    public static let notStarted = -512

    /// Runs `number` like `rawSyscall`, retrying while the kernel says EINTR, and turns a
    /// negative kernel result into an `Errno`. The one place the runtime's EINTR loop lives.
    @inline(never)
    static func syscall(
        _ number: Int, _ a0: Int = 0, _ a1: Int = 0, _ a2: Int = 0,
        _ a3: Int = 0, _ a4: Int = 0, _ a5: Int = 0
    ) -> Result<Int, Errno> {
        while true {
            let result = chost_syscall(number, a0, a1, a2, a3, a4, a5)
            if result >= 0 || result < -4095 { return .success(result) }
            let errno = Errno(rawValue: Int32(-result))
            if errno != .interrupted { return .failure(errno) }
        }
    }
}
