// Signal syscalls: actions, masks, waiting for signals, sending them, and sigreturn (in the
// CPU loop, which owns the registers). GuestProcess+Signals makes actions and masks real on
// the host; the CPU loop delivers what the host caught.

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
        let old = process.signalAction(signal)
        if arg(1) != 0 {
            // SIGKILL and SIGSTOP cannot be caught or ignored.
            if signal == 9 || signal == 19 { return fail(EINVAL) }
            guard let new = readStruct(.sigaction, at: address(1), { r -> GuestSignalAction? in
                guard let handler = r.get("sa_handler"), let flags = r.get("sa_flags") else { return nil }
                return GuestSignalAction(handler: handler, flags: flags, restorer: r.get("sa_restorer") ?? 0,
                                         mask: r.signalSet(field: "sa_mask.sig") ?? 0)
            }) else { return fail(EFAULT) }
            process.setAction(new, for: signal)
        }
        if arg(2) != 0 {
            guard writeStruct(.sigaction, at: address(2), { w in
                _ = w.set("sa_handler", old.handler)
                _ = w.set("sa_flags", old.flags)
                _ = w.set("sa_restorer", old.restorer)
                _ = w.setSignalSet(old.mask, field: "sa_mask.sig")
            }) else { return fail(EFAULT) }
        }
        return 0
    }

    /// rt_sigprocmask(how, set, oldset, sigsetsize).
    func rtSigprocmask() -> SyscallResult {
        guard arg(3) == 8 else { return fail(EINVAL) }
        return changeMask(how: int(0), set: address(1), old: address(2), wide: true)
    }

    /// sigprocmask(how, set, oldset) with the old 32-bit set.
    func sigprocmask() -> SyscallResult { changeMask(how: int(0), set: address(1), old: address(2), wide: false) }

    func changeMask(how: Int32, set: GuestAddress, old: GuestAddress, wide: Bool) -> SyscallResult {
        let current = thread.signalMask
        let be = process.bigEndian
        if set.rawValue != 0 {
            guard let value = wide ? space.load(UInt64.self, at: set, bigEndian: be)
                    : space.load(UInt32.self, at: set, bigEndian: be).map(UInt64.init) else { return fail(EFAULT) }
            switch how {
            case 0: thread.setSignalMask(current | value)         // SIG_BLOCK
            case 1: thread.setSignalMask(current & ~value)        // SIG_UNBLOCK
            case 2: thread.setSignalMask(wide ? value : current & ~0xffff_ffff | value)  // SIG_SETMASK
            default: return fail(EINVAL)
            }
        }
        if old.rawValue != 0 {
            let stored = wide ? space.store(current, at: old, bigEndian: be) : space.store(UInt32(truncatingIfNeeded: current), at: old, bigEndian: be)
            guard stored else { return fail(EFAULT) }
        }
        return 0
    }

    /// rt_sigpending(set, sigsetsize) / sigpending(set): the host's pending blocked signals and
    /// the caught ones not yet delivered.
    func sigpending(wide: Bool) -> SyscallResult {
        if wide && arg(1) != 8 { return fail(EINVAL) }
        var host = sigset_t()
        _ = Glibc.sigpending(&host)
        var hostBits: UInt64 = chost_signal_pending()
        for signal in 1...64 where sigismember(&host, Int32(signal)) == 1 { hostBits |= 1 << UInt64(signal - 1) }
        let guest = abi.signals.untranslateSet(hostBits) & thread.signalMask
        let ok = wide ? space.store(guest, at: address(0), bigEndian: process.bigEndian)
            : space.store(UInt32(truncatingIfNeeded: guest), at: address(0), bigEndian: process.bigEndian)
        return ok ? 0 : fail(EFAULT)
    }

    /// rt_sigsuspend(mask, sigsetsize), sigsuspend(a, b, mask) and pause(): wait with `mask`
    /// blocked until a signal is caught; the handler's frame saves the mask from before, and
    /// the call returns EINTR.
    func sigsuspend(_ source: SuspendMask) -> SyscallResult {
        var mask = thread.signalMask
        switch source {
        case .wide:
            guard arg(1) == 8 else { return fail(EINVAL) }
            guard let m = space.load(UInt64.self, at: address(0), bigEndian: process.bigEndian) else { return fail(EFAULT) }
            mask = m
        case .narrow: mask = mask & ~0xffff_ffff | arg(2) & 0xffff_ffff
        case .current: break
        }
        let saved = thread.signalMask
        thread.setSignalMask(mask)
        thread.suspendedMask = saved
        var host = abi.signals.translateSet(thread.signalMask) & ~GuestProcess.faultSignals
        _ = withUnsafeMutablePointer(to: &host) { Host.guestSyscall(HOST_SYS_rt_sigsuspend, Int(bitPattern: $0), 8) }
        return fail(EINTR)
    }

    enum SuspendMask { case wide, narrow, current }

    /// rt_sigtimedwait(set, info, timeout, sigsetsize): takes a blocked pending signal of `set`.
    func sigtimedwait(_ kind: StructKind) -> SyscallResult {
        guard arg(3) == 8 else { return fail(EINVAL) }
        guard let guestSet = space.load(UInt64.self, at: address(0), bigEndian: process.bigEndian) else { return fail(EFAULT) }
        var set = abi.signals.translateSet(guestSet) & ~GuestProcess.faultSignals
        var timeout = timespec()
        if arg(2) != 0 {
            guard let t = readTimespec(kind, 2) else { return fail(EFAULT) }
            timeout = t
        }
        var info = siginfo_t()
        let r = withUnsafeMutablePointer(to: &set) { s in
            withUnsafeMutablePointer(to: &info) { i in
                withUnsafeMutablePointer(to: &timeout) { t in
                    Host.guestSyscall(HOST_SYS_rt_sigtimedwait, Int(bitPattern: s), Int(bitPattern: i),
                                      arg(2) != 0 ? Int(bitPattern: t) : 0, 8)
                }
            }
        }
        if r <= 0 { return forward(r) }
        guard let guest = abi.signals.untranslate(Int32(r)) else { return fail(EINVAL) }
        if arg(1) != 0 {
            var fields = chost_signal_info()
            withUnsafePointer(to: &info) { chost_signal_describe($0, &fields) }
            let bytes = GuestSignalInfo(host: fields, signals: abi.signals)?.bytes(bigEndian: process.bigEndian) ?? []
            guard space.write(bytes, at: address(1)) else { return fail(EFAULT) }
        }
        return SyscallResult(guest)
    }

    /// kill/tgkill/tkill: the host sends the signal, to us too (the host handler catches it
    /// for the guest, or the host's default action is the guest's).
    func sendSignal(pid: Int32, tid: Int32?, signal guestSignal: Int32) -> SyscallResult {
        var host: Int32 = 0
        if guestSignal != 0 {
            guard let h = abi.signals.translate(guestSignal) else { return fail(EINVAL) }
            host = h
        }
        if let tid { return forward(Host.guestSyscall(HOST_SYS_tgkill, Int(pid), Int(tid), Int(host))) }
        return forward(Host.guestSyscall(HOST_SYS_kill, Int(pid), Int(host)))
    }

    /// rt_sigqueueinfo(tgid, sig, info) / rt_tgsigqueueinfo(tgid, tid, sig, info): the guest's
    /// 32-bit siginfo as the host's. What the union carries for a queued signal (sender pid
    /// and uid, the sigval word) is all a sender may set; the kernel checks si_code itself.
    func queueSignal(pid: Int32, tid: Int32?, signal guestSignal: Int32, infoArg: Int) -> SyscallResult {
        guard let host = abi.signals.translate(guestSignal) else { return fail(EINVAL) }
        guard var info = hostQueuedInfo(host, at: address(infoArg)) else { return fail(EFAULT) }
        return forward(withUnsafeMutablePointer(to: &info) { p in
            if let tid { return Host.guestSyscall(HOST_SYS_rt_tgsigqueueinfo, Int(pid), Int(tid), Int(host), Int(bitPattern: p)) }
            return Host.guestSyscall(HOST_SYS_rt_sigqueueinfo, Int(pid), Int(host), Int(bitPattern: p))
        })
    }

    /// The host siginfo for a guest's queued signal (`host`: its host number): the guest's
    /// errno, code, pid, uid and value words at the host's offsets. Nil when unreadable.
    func hostQueuedInfo(_ host: Int32, at address: GuestAddress) -> siginfo_t? {
        guard let words = space.read(at: address, count: 24) else { return nil }
        let be = process.bigEndian
        var info = siginfo_t()
        withUnsafeMutableBytes(of: &info) { raw in
            raw.storeBytes(of: host, toByteOffset: 0, as: Int32.self)
            raw.storeBytes(of: Int32(bitPattern: words.get32(at: 4, bigEndian: be)), toByteOffset: 4, as: Int32.self)
            raw.storeBytes(of: Int32(bitPattern: words.get32(at: 8, bigEndian: be)), toByteOffset: 8, as: Int32.self)
            // x86-64: si_pid at 16, si_uid at 20, si_value (a pointer-sized union) at 24.
            raw.storeBytes(of: words.get32(at: 12, bigEndian: be), toByteOffset: 16, as: UInt32.self)
            raw.storeBytes(of: words.get32(at: 16, bigEndian: be), toByteOffset: 20, as: UInt32.self)
            raw.storeBytes(of: UInt64(words.get32(at: 20, bigEndian: be)), toByteOffset: 24, as: UInt64.self)
        }
        return info
    }
}

extension SyscallContext {
    /// setitimer(which, new, old): glibc's alarm() on ARM. The host's timer delivers the host's
    /// SIGALRM (or SIGVTALRM, SIGPROF), which reaches the guest like any caught signal.
    func setitimer() -> SyscallResult {
        var new = itimerval()
        if arg(1) != 0 {
            guard let v = readItimerval(address(1)) else { return fail(EFAULT) }
            new = v
        }
        var old = itimerval()
        let r = withUnsafeMutablePointer(to: &new) { n in
            withUnsafeMutablePointer(to: &old) { o in
                Host.rawSyscall(HOST_SYS_setitimer, Int(int(0)), arg(1) != 0 ? Int(bitPattern: n) : 0, Int(bitPattern: o))
            }
        }
        if r < 0 { return forward(r) }
        if arg(2) != 0 && !writeItimerval(old, address(2)) { return fail(EFAULT) }
        return 0
    }

    func getitimer() -> SyscallResult {
        var value = itimerval()
        let r = withUnsafeMutablePointer(to: &value) { Host.rawSyscall(HOST_SYS_getitimer, Int(int(0)), Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        return writeItimerval(value, address(1)) ? 0 : fail(EFAULT)
    }

    /// struct itimerval: two guest timevals, the interval then the value.
    func readItimerval(_ at: GuestAddress) -> itimerval? {
        guard let size = abi.layouts[.timeval]?.size,
              let interval = readStruct(.timeval, at: at, { $0.readTimeval() }),
              let value = readStruct(.timeval, at: GuestAddress(at.rawValue + UInt64(size)), { $0.readTimeval() })
        else { return nil }
        return itimerval(it_interval: interval, it_value: value)
    }

    func writeItimerval(_ v: itimerval, _ at: GuestAddress) -> Bool {
        guard let size = abi.layouts[.timeval]?.size else { return false }
        return writeStruct(.timeval, at: at, { _ = $0.write(v.it_interval) })
            && writeStruct(.timeval, at: GuestAddress(at.rawValue + UInt64(size)), { _ = $0.write(v.it_value) })
    }
}
