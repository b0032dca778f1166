// The part of a system call every arch shares, between reading the arguments from its
// registers and writing the results back: sigreturn, the table's dispatch (or the arch's own
// calls first), a new thread, -strace, and the restart decision when a signal interrupted it.

import Glibc
import LinuxABI

extension CPULoop {
    /// Runs `call` (nil: a number the guest's table does not have) with the arguments in
    /// `context`. `archCall` is tried first for the calls only the arch's loop can do (they
    /// touch registers or translations). The result for the registers, or nil when none is to
    /// be written: sigreturn put every register back, or the call runs again (pc rewound).
    func perform(_ call: Syscall?, number: UInt32, context: inout SyscallContext,
                 archCall: (Syscall, inout SyscallContext) -> SyscallResult? = { _, _ in nil }) -> SyscallResult? {
        let strace = process.log.enabled(.strace)
        if call == .sigreturn || call == .rt_sigreturn {
            if strace { Strace.log(process, call, number, context.args, nil) }
            if !restoreSignalFrame(rt: call == .rt_sigreturn) {
                raise(.fault(SIGSEGV, code: GuestSignalInfo.user, address: 0, abi: process.abi),
                      "bad signal frame at sp 0x\(hex(UInt64(stackPointer)))", item: .guestErrors)
            }
            return nil
        }
        // exit_group does not come back to be logged.
        if strace && call == .exit_group { Strace.log(process, call, number, context.args, nil) }
        var result: SyscallResult
        context.stackPointer = UInt64(stackPointer)
        if let call, let r = archCall(call, &context) ?? context.dispatch(call) {
            result = r
        } else {
            if process.log.enabled(.unimp) {
                process.log.write("mirage: unimplemented syscall \(call.map { "\($0)" } ?? "#\(number)") (\(number)): ENOSYS")
            }
            result = context.fail(ENOSYS)
        }
        if let request = context.newThread { result = startThread(request) }
        if strace {
            Strace.log(process, call, number, context.args, thread.exitStatus == nil ? result : nil, secondResult: context.secondResult)
        }
        if result == .interrupted || result == .notStarted {
            result = restartOrInterrupt(call, notStarted: result == .notStarted)
            if result == .notStarted { return nil }
        }
        return result
    }
}
