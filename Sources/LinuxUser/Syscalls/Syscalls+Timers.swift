// POSIX per-process timers (timer_create and friends): the host's timers, with the guest's
// struct sigevent converted. A timer's signal is a host signal like any other (SI_TIMER, the
// timer id and overrun, the guest's sigev_value in its union), so it reaches the guest through
// the caught-signal table. glibc's SIGEV_THREAD is SIGEV_THREAD_ID to a helper thread of its
// own at this level, and guest tids are host tids.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    /// timer_create(clockid, sigevent *, timer_t *).
    func timerCreate() -> SyscallResult {
        guard let clock = clockID(0) else { return fail(EINVAL) }
        var event = sigevent()
        var eventPointer: UnsafeMutablePointer<sigevent>?
        if arg(1) != 0 {
            // The 32-bit sigevent: sigev_value (4 bytes), sigev_signo, sigev_notify, then the
            // union whose first word is the thread id of SIGEV_THREAD_ID.
            let be = process.bigEndian, base = address(1)
            guard let value = space.load(UInt32.self, at: base, bigEndian: be),
                  let signo = space.load(UInt32.self, at: base + 4, bigEndian: be),
                  let notify = space.load(UInt32.self, at: base + 8, bigEndian: be),
                  let tid = space.load(UInt32.self, at: base + 12, bigEndian: be) else { return fail(EFAULT) }
            let none: UInt32 = 1, threadID: UInt32 = 4
            var host: Int32 = 0
            if notify != none {
                guard let h = abi.signals.translate(Int32(bitPattern: signo)) else { return fail(EINVAL) }
                host = h
            }
            withUnsafeMutableBytes(of: &event) { raw in
                // x86-64: sigev_value at 0 (8 bytes), signo at 8, notify at 12, the union at 16.
                raw.storeBytes(of: UInt64(value), toByteOffset: 0, as: UInt64.self)
                raw.storeBytes(of: host, toByteOffset: 8, as: Int32.self)
                raw.storeBytes(of: notify, toByteOffset: 12, as: UInt32.self)
                if notify & threadID != 0 { raw.storeBytes(of: tid, toByteOffset: 16, as: UInt32.self) }
            }
        }
        var id: Int32 = 0
        let r = withUnsafeMutablePointer(to: &event) { e in
            if arg(1) != 0 { eventPointer = e }
            return withUnsafeMutablePointer(to: &id) { Host.rawSyscall(HOST_SYS_timer_create, Int(clock), Int(bitPattern: eventPointer), Int(bitPattern: $0)) }
        }
        if r < 0 { return forward(r) }
        guard space.store(UInt32(bitPattern: id), at: address(2), bigEndian: process.bigEndian) else {
            _ = Host.rawSyscall(HOST_SYS_timer_delete, Int(id))
            return fail(EFAULT)
        }
        return 0
    }
}
