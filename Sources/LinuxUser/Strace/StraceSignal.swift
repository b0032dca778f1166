// -strace's line for a signal delivered to a guest handler, as strace writes it:
// `--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=12, si_uid=0} ---`, with the fields
// the siginfo union holds for that signal and code.

import CHost
import Host

extension Strace {
    static func signal(_ process: GuestProcess, _ info: GuestSignalInfo) {
        let formatter = StraceFormatter(space: process.space, abi: process.abi)
        let name = formatter.signalName(UInt64(bitPattern: Int64(info.signal)))
        var fields = ["si_signo=\(name)", "si_code=\(codeName(info, signalName: name))"]
        func word(_ i: Int) -> UInt32 { i < info.words.count ? info.words[i] : 0 }
        if info.code > 0 && ["SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGTRAP"].contains(name) {
            fields.append("si_addr=" + (word(0) == 0 ? "NULL" : "0x" + String(word(0), radix: 16)))
        } else if info.code == GuestSignalInfo.timer {
            fields += ["si_timerid=\(word(0))", "si_overrun=\(Int32(bitPattern: word(1)))"]
        } else {
            fields += ["si_pid=\(word(0))", "si_uid=\(word(1))"]
            if info.code > 0 && name == "SIGCHLD" {
                fields += ["si_status=\(Int32(bitPattern: word(2)))", "si_utime=\(word(3))", "si_stime=\(word(4))"]
            } else if info.code == GuestSignalInfo.queue {
                fields.append("si_int=\(Int32(bitPattern: word(2)))")
            }
        }
        process.log.write("\(Host.rawSyscall(HOST_SYS_gettid)) --- \(name) {\(fields.joined(separator: ", "))} ---")
    }

    /// si_code by name: the generic SI_* codes, else the signal's own.
    static func codeName(_ info: GuestSignalInfo, signalName: String) -> String {
        let generic: [Int32: String] = [0: "SI_USER", 0x80: "SI_KERNEL", -1: "SI_QUEUE", -2: "SI_TIMER", -3: "SI_MESGQ",
                                        -4: "SI_ASYNCIO", -5: "SI_SIGIO", -6: "SI_TKILL"]
        if let name = generic[info.code] { return name }
        let specific: [String: [String]] = [
            "SIGSEGV": ["SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR"],
            "SIGBUS": ["BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"],
            "SIGILL": ["ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"],
            "SIGFPE": ["FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"],
            "SIGTRAP": ["TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT"],
            "SIGCHLD": ["CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"],
        ]
        if let names = specific[signalName], info.code >= 1, Int(info.code) <= names.count { return names[Int(info.code) - 1] }
        return String(info.code)
    }
}
