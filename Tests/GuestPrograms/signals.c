// Signal handlers: SA_SIGINFO and plain handlers, raise and kill to ourselves, masks and
// sigpending, SA_RESETHAND, SA_NODEFER nesting, registers and FP state kept across a handler,
// sigsuspend woken by a timer, a timer interrupting a tight loop, EINTR and SA_RESTART on a
// blocking read, sigaltstack, sigtimedwait.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t count, last_signal, last_code, same_pid, depth, max_depth, on_alt, calls;
/* Inside alt_handler: sigaltstack's ss_flags then, and the errno of changing the stack. */
static volatile sig_atomic_t alt_flags, alt_change_errno;
static char *alt_base;
static size_t alt_size;

static void info_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    count++;
    last_signal = info->si_signo == sig ? sig : -1;
    last_code = info->si_code;
    same_pid = info->si_pid == getpid();
}

static void plain_handler(int sig) { count++; last_signal = sig; }

static void nested_handler(int sig) {
    depth++;
    if (depth > max_depth) max_depth = depth;
    if (++calls < 3) raise(sig);
    depth--;
}

static void fp_handler(int sig) {
    (void)sig;
    volatile double x = 1.0;
    for (int i = 0; i < 10; i++) x = x * 3.7 + 0.1;
    count++;
}

static void alt_handler(int sig) {
    (void)sig;
    char local;
    on_alt = &local >= alt_base && &local < alt_base + alt_size;
    stack_t now, other = {.ss_sp = alt_base, .ss_size = alt_size, .ss_flags = 0};
    alt_flags = sigaltstack(NULL, &now) == 0 ? now.ss_flags : -1;
    alt_change_errno = sigaltstack(&other, NULL) == 0 ? 0 : errno;
}

static void arm_timer(long usec) {
    struct itimerval t = {{0, 0}, {usec / 1000000, usec % 1000000}};
    setitimer(ITIMER_REAL, &t, NULL);
}

static void install(int sig, void (*handler)(int), int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("raise: count=%d SIGUSR1=%d code_is_tkill=%d same_pid=%d\n", count, last_signal == SIGUSR1, last_code == SI_TKILL, same_pid);
    kill(getpid(), SIGUSR1);
    printf("kill: count=%d code_is_user=%d same_pid=%d\n", count, last_code == SI_USER, same_pid);

    install(SIGUSR2, plain_handler, 0);
    kill(getpid(), SIGUSR2);
    printf("plain: count=%d SIGUSR2=%d\n", count, last_signal == SIGUSR2);

    sigset_t block, pending, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR1);
    sigpending(&pending);
    printf("blocked: count=%d pending=%d\n", count, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: count=%d\n", count);

    install(SIGUSR2, plain_handler, SA_RESETHAND);
    raise(SIGUSR2);
    struct sigaction now;
    sigaction(SIGUSR2, NULL, &now);
    printf("resethand: count=%d reset=%d\n", count, now.sa_handler == SIG_DFL);

    install(SIGUSR2, nested_handler, SA_NODEFER);
    raise(SIGUSR2);
    printf("nodefer: max depth=%d\n", max_depth);
    max_depth = 0;
    calls = 0;
    install(SIGUSR2, nested_handler, 0);
    raise(SIGUSR2);
    printf("deferred: max depth=%d\n", max_depth);

    install(SIGUSR2, fp_handler, 0);
    double a = 1.25, b = 0;
    for (int i = 0; i < 100; i++) {
        b += a * i;
        if (i == 50) raise(SIGUSR2);
    }
    printf("fp kept: %.3f count=%d\n", b, count);

    // sigsuspend woken by SIGALRM.
    install(SIGALRM, plain_handler, 0);
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);
    arm_timer(20000);
    sigset_t wait_mask;
    sigemptyset(&wait_mask);
    int r = sigsuspend(&wait_mask);
    printf("sigsuspend: r=%d eintr=%d SIGALRM=%d\n", r, errno == EINTR, last_signal == SIGALRM);
    sigprocmask(SIG_SETMASK, &old, NULL);

    // A timer stops a loop that makes no system calls.
    count = 0;
    arm_timer(20000);
    unsigned long spins = 0;
    while (count == 0) spins++;
    printf("tight loop stopped: %d\n", spins > 0);

    // A blocking read: EINTR without SA_RESTART, the data with it.
    int fds[2];
    pipe(fds);
    char buffer[16];
    install(SIGALRM, plain_handler, 0);
    arm_timer(20000);
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    printf("read without SA_RESTART: n=%zd eintr=%d\n", n, errno == EINTR);
    install(SIGALRM, plain_handler, SA_RESTART);
    pid_t child = fork();
    if (child == 0) {
        usleep(100000);
        write(fds[1], "late", 4);
        _exit(0);
    }
    count = 0;
    arm_timer(20000);
    n = read(fds[0], buffer, sizeof buffer);
    printf("read with SA_RESTART: n=%zd handled=%d\n", n, count);
    waitpid(child, NULL, 0);

    // sigaltstack.
    alt_size = 64 * 1024;
    alt_base = malloc(alt_size);
    stack_t ss = {.ss_sp = alt_base, .ss_size = alt_size, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    install(SIGUSR2, alt_handler, SA_ONSTACK);
    raise(SIGUSR2);
    printf("on alternate stack: %d, ss_flags SS_ONSTACK %d, changing it EPERM %d\n", on_alt, alt_flags == SS_ONSTACK,
           alt_change_errno == EPERM);
    install(SIGUSR2, alt_handler, 0);
    raise(SIGUSR2);
    printf("without SA_ONSTACK: %d, ss_flags %d, changing it errno %d\n", on_alt, (int)alt_flags, (int)alt_change_errno);
    stack_t bad = {.ss_sp = alt_base, .ss_size = alt_size, .ss_flags = 4};
    int einval = sigaltstack(&bad, NULL) == -1 && errno == EINVAL;
    bad.ss_flags = 0;
    bad.ss_size = 1024;
    int enomem = sigaltstack(&bad, NULL) == -1 && errno == ENOMEM;
    printf("bad ss_flags EINVAL %d, small ENOMEM %d\n", einval, enomem);

    // sigtimedwait takes a blocked signal without running its handler.
    count = 0;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR1);
    siginfo_t info;
    struct timespec timeout = {1, 0};
    int got = sigtimedwait(&block, &info, &timeout);
    printf("sigtimedwait: SIGUSR1 %d signo SIGUSR1 %d handler ran=%d\n", got == SIGUSR1, info.si_signo == SIGUSR1, count);
    timeout.tv_sec = 0;
    timeout.tv_nsec = 1000000;
    got = sigtimedwait(&block, &info, &timeout);
    printf("sigtimedwait empty: %d eagain=%d\n", got, errno == EAGAIN);

    // Ignored and default actions.
    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    printf("ignored survives\n");
    fflush(stdout);
    child = fork();
    if (child == 0) {
        signal(SIGTERM, SIG_DFL);
        raise(SIGTERM);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    printf("child killed by %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : -1);
    return 0;
}
