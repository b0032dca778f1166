// waitid(idtype, id, siginfo *, options, rusage *): the host's waitid, whose report the guest
// reads in its own 32-bit siginfo_t. The idtype (P_ALL, P_PID, P_PGID, P_PIDFD) and option
// bits are the same for every guest (LinuxABI.WaitID), so they cross unchanged and the host
// kernel refuses what it refuses (EINVAL for unknown bits or no W{EXITED,STOPPED,CONTINUED}).

import CHost
import Glibc
import Host
import LinuxABI

extension SyscallContext {
    func waitid() -> SyscallResult {
        var info = siginfo_t()
        var usage = rusage()
        // The host siginfo and rusage are always ours, so a NULL guest pointer changes nothing
        // about what the host does (the kernel also reaps before it looks at the pointers).
        let r = withUnsafeMutablePointer(to: &info) { i in
            withUnsafeMutablePointer(to: &usage) { u in
                Host.guestSyscall(HOST_SYS_waitid, Int(int(0)), Int(int(1)), Int(bitPattern: i), Int(int(3)),
                                  Int(bitPattern: u))
            }
        }
        if r < 0 { return forward(r) }
        var host = chost_signal_info()
        withUnsafePointer(to: &info) { chost_signal_describe($0, &host) }
        // si_signo is SIGCHLD when a child was reported, 0 when WNOHANG found none ready.
        let reported = host.signal != 0
        // The kernel writes the rusage only for a reported child, and of the siginfo only
        // signo, errno, code, pid, uid and status (the first six words of a 32-bit guest's
        // siginfo_t), every time it succeeds; the rest of the guest's buffer stays as it was.
        if reported && arg(4) != 0 && !writeStruct(.rusage, at: address(4), { $0.write(usage) }) { return fail(EFAULT) }
        if arg(2) != 0 {
            let signal = reported ? abi.signals.untranslate(host.signal) ?? 0 : 0
            let status = reported ? abi.untranslateChildStatus(code: host.code, status: host.status) : 0
            let guest = GuestSignalInfo(signal: signal, code: host.code,
                                        words: [UInt32(bitPattern: host.pid), UInt32(bitPattern: host.uid), UInt32(bitPattern: status)])
            if !writeBytes(Array(guest.bytes(abi).prefix(24)), to: address(2)) { return fail(EFAULT) }
        }
        return 0
    }
}
