// Signals reaching the guest: faults of its own instructions (raised synchronously, or fatal
// when it cannot take them), signals the host caught for it (delivered when the CPU loop
// regains control: after a block exit, at the latest at the next block boundary, as the
// exit-request flag stops translated code), and the restart of a system call a signal
// interrupted, as the kernel decides it. The frames themselves are the arch's.

import CHost
import Engine
import Glibc
import LinuxABI

extension CPULoop {
    /// A signal raised by the guest's own instruction: to its handler when it has one and does
    /// not block the signal; otherwise the process dies of it, as the kernel forces it.
    func raise(_ info: GuestSignalInfo, _ message: @autoclosure () -> String, always: Bool = false, item: LogItems) {
        let blocked = thread.signalMask.contains(info.signal)
        if case .handler(let action) = process.outcome(of: info.signal), !blocked {
            if process.log.enabled(item) { process.log.write("mirage: \(message()) (to the guest's handler)") }
            deliver(info, action)
            return
        }
        let host = process.abi.signals.translate(info.signal) ?? SIGSEGV
        let dump = item == .guestErrors && GuestProcess.faultSignals & 1 << UInt64(host - 1) != 0 ? "\n" + registerDump() : ""
        process.fatal(signal: host, message() + dump, always: always, item: item)
    }

    /// Builds the handler's frame; a frame that cannot be written kills with SIGSEGV.
    func deliver(_ info: GuestSignalInfo, _ action: GuestSignalAction) {
        if process.log.enabled(.strace) { Strace.signal(process, info) }
        let saved = thread.suspendedMask ?? thread.signalMask
        thread.suspendedMask = nil
        guard pushSignalFrame(info, action, savedMask: saved) else {
            process.fatal(signal: SIGSEGV, "cannot write the frame of signal \(info.signal) below sp 0x\(hex(UInt64(stackPointer)))",
                  always: false, item: .guestErrors)
        }
        thread.enterHandler(info.signal, action)
    }

    /// Every caught signal the guest does not block, lowest number first; each handler's frame
    /// goes on top of the previous one, so the last runs first, as with the kernel.
    func deliverSignals() {
        while let info = thread.takeSignal() {
            switch process.outcome(of: info.signal) {
            case .ignore: continue
            case .stop: _ = kill(getpid(), SIGSTOP)
            case .terminate(let host): Termination.die(signal: host)
            case .handler(let action): deliver(info, action)
            }
        }
        if let mask = thread.suspendedMask {
            thread.suspendedMask = nil
            thread.setSignalMask(mask)
        }
    }

    /// A call a signal interrupted (or kept from starting): its result, or `.notStarted` after
    /// moving the pc back onto the syscall instruction so that it runs again once the handler
    /// returns.
    func restartOrInterrupt(_ call: Syscall?, notStarted: Bool) -> SyscallResult {
        guard thread.restarts(call, notStarted: notStarted) else { return -SyscallResult(process.abi.untranslateErrno(EINTR)) }
        rewindSyscall()
        return .notStarted
    }
}
