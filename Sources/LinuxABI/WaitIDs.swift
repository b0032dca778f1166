// waitid(2)'s values (linux/wait.h and asm-generic/siginfo.h): the idtype, the option bits and
// the CLD_* codes are the same on every arch Linux supports, so they cross unchanged; what
// differs is the numbering of the signals a child's report carries (SIGCHLD itself, and the
// signal in si_status), which `untranslateChildStatus` converts.

public enum WaitID {
    /// idtype_t.
    public static let all: Int32 = 0, pid: Int32 = 1, processGroup: Int32 = 2, pidfd: Int32 = 3
    /// Option bits: WNOHANG, WSTOPPED (also WUNTRACED), WEXITED, WCONTINUED, WNOWAIT.
    public static let noHang: Int32 = 1, stopped: Int32 = 2, exited: Int32 = 4, continued: Int32 = 8
    public static let noWait: Int32 = 0x0100_0000
    /// si_code of a SIGCHLD report.
    public static let childExited: Int32 = 1, childKilled: Int32 = 2, childDumped: Int32 = 3
    public static let childTrapped: Int32 = 4, childStopped: Int32 = 5, childContinued: Int32 = 6
}

extension GuestABI {
    /// si_status of a child report (`code`: CLD_*) in the guest's terms: an exit code stays as
    /// it is; a signal (killed, dumped, stopped, trapped, continued) takes the guest's number.
    public func untranslateChildStatus(code: Int32, status: Int32) -> Int32 {
        if code == WaitID.childExited { return status }
        return signals.untranslate(status) ?? status
    }
}
