// Guest signals on the host. A signal the guest has a handler for is caught here, on whatever
// thread the host kernel picked (one whose mask, the guest's mirrored, lets it through): the
// handler notes it in that thread's table and raises the thread's exit-request flag, and the
// CPU loop builds the guest's signal frame at the next block boundary. A blocking system call
// must not sleep through a signal caught just before it: chost_safe_syscall checks the table
// and the handler, finding the thread between that check and the syscall instruction, moves
// it to a return of -512 instead (the call never ran, so it can be restarted). Everything
// the handler touches is thread-local or written atomically: it may run at any instruction.

#define _GNU_SOURCE
#include "CHost.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

__thread volatile uint64_t chost_signal_wake;       // nonzero: an unblocked caught signal waits
static __thread volatile uint64_t caught;            // bit n-1: host signal n caught, not taken
static __thread volatile uint64_t blocked;           // the guest's mask, host numbering
static __thread siginfo_t caught_info[65];
static __thread volatile uint32_t *exit_request;
static volatile uint8_t dispositions[65];

extern const char chost_safe_syscall_start[], chost_safe_syscall_end[], chost_safe_syscall_interrupted[];
extern void chost_signal_restorer(void);

// The raw syscall: arguments in rdi (number), rsi, rdx, rcx, r8, r9 and the stack, moved to
// the kernel's rax, rdi, rsi, rdx, r10, r8, r9. [start, end) is the window the handler rewinds.
__asm__(
    ".text\n"
    ".globl chost_safe_syscall\n"
    ".type chost_safe_syscall, @function\n"
    "chost_safe_syscall:\n"
    "    movq %rdi, %rax\n"
    "    movq %rsi, %rdi\n"
    "    movq %rdx, %rsi\n"
    "    movq %rcx, %rdx\n"
    "    movq %r8, %r10\n"
    "    movq %r9, %r8\n"
    "    movq 8(%rsp), %r9\n"
    ".globl chost_safe_syscall_start\n"
    "chost_safe_syscall_start:\n"
    "    movq chost_signal_wake@gottpoff(%rip), %r11\n"
    "    cmpq $0, %fs:(%r11)\n"
    "    jne chost_safe_syscall_interrupted\n"
    "    syscall\n"
    ".globl chost_safe_syscall_end\n"
    "chost_safe_syscall_end:\n"
    "    ret\n"
    ".globl chost_safe_syscall_interrupted\n"
    "chost_safe_syscall_interrupted:\n"
    "    movq $-512, %rax\n"
    "    ret\n"
    ".size chost_safe_syscall, .-chost_safe_syscall\n"
    // rt_sigreturn for handlers installed with the raw rt_sigaction (x86-64 needs SA_RESTORER).
    ".globl chost_signal_restorer\n"
    ".type chost_signal_restorer, @function\n"
    "chost_signal_restorer:\n"
    "    movq $15, %rax\n"
    "    syscall\n"
    ".size chost_signal_restorer, .-chost_signal_restorer\n");

void chost_signal_set_exit_request(volatile uint32_t *flag) { exit_request = flag; }

void chost_signal_set_blocked(uint64_t set) {
    blocked = set;
    chost_signal_refresh();
}

void chost_signal_set_host_mask(uint64_t set) {
    // A caught signal not yet taken stays blocked on the host, so that a second instance
    // waits in the kernel instead of overwriting the first's siginfo. Everything is blocked
    // while the table is read, so none can slip in between.
    uint64_t all = ~0ull, mask;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, 8);
    uint64_t faults = 1ull << (SIGSEGV - 1) | 1ull << (SIGBUS - 1) | 1ull << (SIGILL - 1) | 1ull << (SIGFPE - 1) | 1ull << (SIGTRAP - 1);
    mask = (set | __atomic_load_n(&caught, __ATOMIC_SEQ_CST)) & ~faults;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, NULL, 8);
}

uint64_t chost_signal_pending(void) { return caught; }

void chost_signal_refresh(void) {
    // Cleared first, then set again if needed: a signal caught in between sets it itself.
    if ((caught & ~blocked) == 0) chost_signal_wake = 0;
    if ((caught & ~blocked) != 0) {
        chost_signal_wake = 1;
        if (exit_request) *exit_request = 1;
    }
}

void chost_signal_record(int signal, const void *siginfo) {
    if (signal < 1 || signal > 64) return;
    memcpy(&caught_info[signal], siginfo, sizeof(siginfo_t));
    uint64_t bit = 1ull << (signal - 1);
    __atomic_fetch_or(&caught, bit, __ATOMIC_SEQ_CST);
    if (!(blocked & bit)) {
        chost_signal_wake = 1;
        if (exit_request) *exit_request = 1;
    }
}

int chost_signal_take(int signal, struct chost_signal_info *out) {
    if (signal < 1 || signal > 64) return 0;
    uint64_t bit = 1ull << (signal - 1);
    if (!(caught & bit)) return 0;
    chost_signal_describe(&caught_info[signal], out);
    __atomic_fetch_and(&caught, ~bit, __ATOMIC_SEQ_CST);
    return 1;
}

void chost_signal_describe(const void *siginfo, struct chost_signal_info *out) {
    const siginfo_t *info = siginfo;
    int signal = info->si_signo;
    memset(out, 0, sizeof *out);
    out->signal = signal;
    out->code = info->si_code;
    out->error = info->si_errno;
    out->pid = info->si_pid;
    out->uid = (int32_t)info->si_uid;
    if (signal == SIGCHLD) {
        out->status = info->si_status;
        out->utime = info->si_utime;
        out->stime = info->si_stime;
    } else if (signal == SIGSEGV || signal == SIGBUS || signal == SIGILL || signal == SIGFPE || signal == SIGTRAP) {
        out->address = (uint64_t)(uintptr_t)info->si_addr;
    } else if (signal == SIGIO) {
        out->band = info->si_band;
        out->fd = info->si_fd;
    }
    if (info->si_code == SI_TIMER) {
        out->timer = info->si_timerid;
        out->overrun = info->si_overrun;
    }
    if (info->si_code == SI_QUEUE || info->si_code == SI_TIMER || info->si_code == SI_MESGQ)
        out->address = (uint64_t)(uintptr_t)info->si_value.sival_ptr;
}

void chost_signal_clear(void) {
    __atomic_store_n(&caught, 0, __ATOMIC_SEQ_CST);
    chost_signal_wake = 0;
}

static void on_signal(int signal, siginfo_t *info, void *context) {
    int saved = errno;
    chost_signal_record(signal, info);
    ucontext_t *uc = context;
    // The table holds one instance per signal: further ones wait in the kernel (which queues
    // real-time signals) with the signal blocked on return, until the CPU loop has taken this
    // one and puts the guest's mask back.
    if (signal != SIGILL && signal != SIGFPE && signal != SIGTRAP) sigaddset(&uc->uc_sigmask, signal);
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (chost_signal_wake && pc >= (uintptr_t)chost_safe_syscall_start && pc < (uintptr_t)chost_safe_syscall_end)
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)chost_safe_syscall_interrupted;
    errno = saved;
}

int chost_signal_route_sent(int sig, const void *siginfo) {
    if (((const siginfo_t *)siginfo)->si_code > 0) return 0;
    switch (chost_signal_disposition(sig)) {
    case CHOST_SIGNAL_CATCH: chost_signal_record(sig, siginfo); break;
    case CHOST_SIGNAL_IGNORE: break;
    default:
        signal(sig, SIG_DFL);
        syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), sig);
        break;
    }
    return 1;
}

int chost_signal_disposition(int signal) {
    return signal >= 1 && signal <= 64 ? dispositions[signal] : CHOST_SIGNAL_DEFAULT;
}

// The kernel's struct sigaction for x86-64 rt_sigaction.
struct kernel_action {
    void *handler;
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};

int chost_signal_set_disposition(int signal, int disposition, int child_flags) {
    if (signal < 1 || signal > 64 || signal == SIGKILL || signal == SIGSTOP) return -EINVAL;
    dispositions[signal] = (uint8_t)disposition;
    if (signal == SIGSEGV || signal == SIGBUS) return 0;  // the fault handler routes them
    if (signal == SIGFPE && chost_float_traps_active()) return 0;  // so does the float trap handler
    struct kernel_action action;
    memset(&action, 0, sizeof action);
    switch (disposition) {
    case CHOST_SIGNAL_IGNORE: action.handler = (void *)SIG_IGN; break;
    case CHOST_SIGNAL_CATCH:
        action.handler = (void *)on_signal;
        // No SA_RESTART: a blocking call returns EINTR and the guest's SA_RESTART decides.
        action.flags = SA_SIGINFO | SA_ONSTACK | 0x04000000 /* SA_RESTORER */;
        // SIGCHLD's SA_NOCLDSTOP and SA_NOCLDWAIT change what the kernel does with children
        // (no stop notices, no zombies): they must be the host's too.
        if (signal == SIGCHLD) action.flags |= child_flags & (SA_NOCLDSTOP | SA_NOCLDWAIT);
        action.restorer = chost_signal_restorer;
        action.mask = ~0ull;
        break;
    default:
        action.handler = (void *)SIG_DFL;
        if (signal == SIGCHLD) action.flags |= child_flags & SA_NOCLDWAIT;
        break;
    }
    long r = syscall(SYS_rt_sigaction, signal, &action, NULL, 8);
    return r == 0 ? 0 : -errno;
}
