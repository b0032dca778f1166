// Small process controls a userland reaches for: nice, membarrier, and pidfds (host
// descriptors naming a host process, which is what a guest process is).

import CHost
import Glibc
import Host
import LinuxABI

extension SyscallContext {
    /// A 64-bit offset passed as (low, high) in registers `i` and `i + 1`.
    func splitOffset(_ i: Int) -> Int64 {
        Int64(bitPattern: (arg(i + 1) & 0xffff_ffff) << 32 | arg(i) & 0xffff_ffff)
    }

    /// nice(increment): the kernel's nice adds to the calling thread's nice value, clamped to
    /// -20...19; here getpriority and setpriority do it on the host (which keep the same
    /// per-thread value). Lowering it without the right gives EPERM, as nice does.
    func nice() -> SyscallResult {
        let increment = max(-40, min(40, Int(int(0))))
        // The raw getpriority answers 20 - nice, so it is never negative.
        let raw = Host.rawSyscall(HOST_SYS_getpriority, Int(PRIO_PROCESS.rawValue), 0)
        if raw < 0 { return forward(raw) }
        let value = max(-20, min(19, 20 - raw + increment))
        let r = Host.rawSyscall(HOST_SYS_setpriority, Int(PRIO_PROCESS.rawValue), 0, value)
        if r == -Int(EACCES) { return fail(EPERM) }
        return r < 0 ? forward(r) : 0
    }

    /// membarrier(cmd, flags, cpu_id): guest threads are host threads and guest loads and
    /// stores are host ones, so the host's barrier across the process's threads is the guest's.
    /// The rseq commands are refused with the EINVAL a kernel gives for an unknown command,
    /// and QUERY does not offer them: Mirage refuses rseq itself.
    func membarrier() -> SyscallResult {
        let rseqCommands: Int32 = 1 << 7 | 1 << 8  // PRIVATE_EXPEDITED_RSEQ, REGISTER_PRIVATE_EXPEDITED_RSEQ
        let command = int(0)
        if command & rseqCommands != 0 { return fail(EINVAL) }
        let r = Host.rawSyscall(HOST_SYS_membarrier, Int(command), Int(int(1)), Int(int(2)))
        if command == 0 && r >= 0 { return SyscallResult(r & ~Int(rseqCommands)) }
        return forward(r)
    }

    /// pidfd_open(pid, flags): PIDFD_NONBLOCK is the guest's O_NONBLOCK.
    func pidfdOpen() -> SyscallResult {
        let flags = abi.openFlags.translate(UInt32(truncatingIfNeeded: arg(1)))
        return forward(Host.rawSyscall(HOST_SYS_pidfd_open, Int(int(0)), Int(flags)))
    }

    /// pidfd_send_signal(pidfd, sig, info *, flags): the guest's signal number, and its
    /// siginfo converted as rt_sigqueueinfo converts it.
    func pidfdSendSignal() -> SyscallResult {
        let guestSignal = int(1)
        var host: Int32 = 0
        if guestSignal != 0 {
            guard let translated = abi.signals.translate(guestSignal) else { return fail(EINVAL) }
            host = translated
        }
        if arg(2) == 0 {
            return forward(Host.guestSyscall(HOST_SYS_pidfd_send_signal, Int(int(0)), Int(host), 0, Int(arg(3) & 0xffff_ffff)))
        }
        guard var info = hostQueuedInfo(host, at: address(2)) else { return fail(EFAULT) }
        return forward(withUnsafeMutablePointer(to: &info) { p in
            Host.guestSyscall(HOST_SYS_pidfd_send_signal, Int(int(0)), Int(host), Int(bitPattern: p), Int(arg(3) & 0xffff_ffff))
        })
    }
}
