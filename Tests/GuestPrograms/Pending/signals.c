/* Signals within one process: raise and kill to self with signal() and sigaction handlers,
   SA_SIGINFO with si_signo/si_code, blocking with sigprocmask and delivery on unblock,
   sigpending, SIG_IGN, a handler that longjmps out, and SIGSEGV from touching address 0
   caught and recovered with siglongjmp (a precise guest fault). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t count_usr1, count_usr2, last_signo, last_code_user;
static sigjmp_buf recover;

static void on_usr1(int sig) { count_usr1++; last_signo = sig; }
static void on_usr2_info(int sig, siginfo_t *info, void *ctx) {
    (void)ctx;
    count_usr2++;
    last_signo = info->si_signo == sig ? sig : -1;
    last_code_user = info->si_code == SI_USER || info->si_code == SI_TKILL;
}
static void on_segv(int sig, siginfo_t *info, void *ctx) {
    (void)ctx;
    last_signo = sig;
    last_code_user = info->si_addr == NULL;
    siglongjmp(recover, 1);
}
static void on_alarm_jump(int sig) { (void)sig; siglongjmp(recover, 2); }

int main(void) {
    signal(SIGUSR1, on_usr1);
    for (int i = 0; i < 5; i++) raise(SIGUSR1);
    printf("usr1 via raise: %d last is SIGUSR1 %d\n", (int)count_usr1, last_signo == SIGUSR1); /* numbers differ per arch */
    kill(getpid(), SIGUSR1);
    printf("usr1 via kill: %d\n", (int)count_usr1);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr2_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    printf("sigaction %d\n", sigaction(SIGUSR2, &sa, NULL));
    raise(SIGUSR2);
    printf("usr2 info: count %d signo ok %d code user %d\n", (int)count_usr2, last_signo == SIGUSR2, (int)last_code_user);

    sigset_t block, old, pending;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR1);
    raise(SIGUSR1); /* standard signals do not queue: delivered once */
    sigpending(&pending);
    printf("blocked: count %d pending usr1 %d pending usr2 %d\n", (int)count_usr1, sigismember(&pending, SIGUSR1),
           sigismember(&pending, SIGUSR2));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: count %d\n", (int)count_usr1);

    struct sigaction query;
    sigaction(SIGUSR1, NULL, &query);
    printf("query usr1 handler is ours %d\n", query.sa_handler == on_usr1);
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    printf("ignored: count %d\n", (int)count_usr1);
    signal(SIGUSR1, SIG_DFL);

    /* A handler that jumps out. */
    signal(SIGALRM, on_alarm_jump);
    int r = sigsetjmp(recover, 1);
    if (r == 0) { raise(SIGALRM); printf("not reached\n"); }
    else printf("jumped out of SIGALRM handler: %d\n", r);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("SIGALRM unblocked again after siglongjmp %d\n", !sigismember(&now, SIGALRM));

    /* A fault: reading address 0. */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    for (int i = 0; i < 3; i++) {
        last_signo = 0;
        if (sigsetjmp(recover, 1) == 0) {
            volatile int *p = (volatile int *)(uintptr_t)(i * 0);
            printf("value %d\n", *p);
        } else {
            printf("recovered from fault %d: signo SEGV %d addr zero %d\n", i, last_signo == SIGSEGV, (int)last_code_user);
        }
    }
    /* Signal names and the default action table as libc reports them. */
    static const int sigs[] = {SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGKILL, SIGUSR1, SIGSEGV,
                               SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) printf("signal %s: %s\n", sigabbrev_np(sigs[i]), strsignal(sigs[i]));
    return 0;
}
