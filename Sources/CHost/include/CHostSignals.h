// Guest signals on the host (Signals.c): the host handler that catches a signal for the guest,
// this thread's table of caught signals, and the interruptible system call that closes the
// window between "no signal pending" and entering a blocking call.
#ifndef CHOST_SIGNALS_H
#define CHOST_SIGNALS_H
#include <stdint.h>

/// What the host does with a signal (host numbering).
enum {
    CHOST_SIGNAL_DEFAULT = 0,  ///< the host's default action (the guest's too)
    CHOST_SIGNAL_IGNORE = 1,   ///< ignored by the host, so by the kernel for the guest
    CHOST_SIGNAL_CATCH = 2,    ///< caught into this thread's table for the guest's handler
};

/// Sets the host action for `signal` (1...64) with the raw rt_sigaction, which also reaches
/// the two signals the host C library keeps for itself. SIGSEGV and SIGBUS keep the fault
/// handler; only the recorded disposition changes. `child_flags`: SA_NOCLDSTOP and
/// SA_NOCLDWAIT (host values), for SIGCHLD. 0, or -errno.
/// Makes `set` (host numbering) the calling thread's host mask, plus the caught signals not
/// yet taken (kept blocked until then).
void chost_signal_set_host_mask(uint64_t set);
int chost_signal_set_disposition(int signal, int disposition, int child_flags);
/// The disposition last set for `signal`.
int chost_signal_disposition(int signal);

/// This thread's guest exit-request flag: raised when a signal is caught, so translated code
/// stops at the next block boundary.
void chost_signal_set_exit_request(volatile uint32_t *flag);
/// Host signals the guest blocks but Mirage cannot block on the host (the synchronous ones):
/// caught while blocked, they wait in the table without waking anyone.
void chost_signal_set_blocked(uint64_t set);

/// The caught signals of this thread not yet taken (bit n-1: host signal n).
uint64_t chost_signal_pending(void);
/// One caught signal's details, host numbering, as plain fields.
struct chost_signal_info {
    int32_t signal, code, error;
    int32_t pid, uid, status;
    int64_t utime, stime;
    uint64_t address;   ///< si_addr (faults) or the sigval (queued signals, timers)
    int32_t timer, overrun;
    int64_t band;
    int32_t fd;
};
/// Takes `signal` out of the table: 1 with its details, 0 if it was not there.
int chost_signal_take(int signal, struct chost_signal_info *info);
/// The fields of a host siginfo_t (from rt_sigtimedwait, say).
void chost_signal_describe(const void *siginfo, struct chost_signal_info *info);
/// Records a signal as caught (the handler's work; also for SIGSEGV/SIGBUS sent by kill).
void chost_signal_record(int signal, const void *siginfo);
/// A signal a synchronous-signal handler (faults, FP traps) got from kill, tgkill or sigqueue
/// rather than from an instruction (si_code <= 0): handled as the guest's disposition says
/// (recorded, ignored, or re-raised with the default action). 1 when it was sent, 0 otherwise.
int chost_signal_route_sent(int signal, const void *siginfo);
/// Forgets every caught signal (a forked child starts with none).
void chost_signal_clear(void);
/// Recomputes whether an unblocked caught signal is waiting (after takes and mask changes).
void chost_signal_refresh(void);

/// A host system call that a caught, unblocked signal interrupts even before it starts:
/// -512 when one was waiting or arrived before the syscall instruction (the call did not
/// run), else the kernel's result (-EINTR when a signal interrupted a blocking call).
long chost_safe_syscall(long number, long a0, long a1, long a2, long a3, long a4, long a5);

#endif
