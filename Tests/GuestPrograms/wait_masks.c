/* ppoll, pselect and epoll_pwait with a signal mask: the mask replaces the thread's while the
   call waits, and the thread's comes back after.
     1. SIGUSR1 blocked and pending: a wait whose mask lets it in ends at once with EINTR, the
        handler having run; SIGUSR1 is blocked again after.
     2. A mask that blocks SIGALRM while a timer fires during the wait: the wait times out
        (0), and the handler runs on the way back, when the thread's own mask lets it in.
     3. A bad sigsetsize is EINVAL, and a NULL mask leaves the thread's as it is. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t usr1, alrm;

static void on_usr1(int s) { (void)s; usr1++; }
static void on_alrm(int s) { (void)s; alrm++; }

static int blocked(int signal) {
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    return sigismember(&now, signal);
}

static void arm_timer(void) {
    struct itimerval t = {{0, 0}, {0, 20000}};  /* 20 ms, once */
    setitimer(ITIMER_REAL, &t, NULL);
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    signal(SIGALRM, on_alrm);
    sigset_t usr1_only, empty, alrm_only;
    sigemptyset(&empty);
    sigemptyset(&usr1_only);
    sigaddset(&usr1_only, SIGUSR1);
    sigemptyset(&alrm_only);
    sigaddset(&alrm_only, SIGALRM);
    struct timespec wait = {0, 200 * 1000 * 1000};

    /* 1. Pending and let in by the wait's mask. */
    sigprocmask(SIG_BLOCK, &usr1_only, NULL);
    raise(SIGUSR1);
    int r = ppoll(NULL, 0, &wait, &empty);
    printf("ppoll pending: r=%d eintr=%d handled=%d blocked after=%d\n", r, r < 0 && errno == EINTR, (int)usr1,
           blocked(SIGUSR1));
    raise(SIGUSR1);
    r = pselect(0, NULL, NULL, NULL, &wait, &empty);
    printf("pselect pending: r=%d eintr=%d handled=%d blocked after=%d\n", r, r < 0 && errno == EINTR, (int)usr1,
           blocked(SIGUSR1));
    int ep = epoll_create1(0);
    struct epoll_event event;
    raise(SIGUSR1);
    r = epoll_pwait(ep, &event, 1, 200, &empty);
    printf("epoll_pwait pending: r=%d eintr=%d handled=%d blocked after=%d\n", r, r < 0 && errno == EINTR, (int)usr1,
           blocked(SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &usr1_only, NULL);

    /* 2. Kept out by the wait's mask, handled after it. */
    arm_timer();
    r = ppoll(NULL, 0, &wait, &alrm_only);
    printf("ppoll masked: r=%d handled=%d blocked after=%d\n", r, (int)alrm, blocked(SIGALRM));
    arm_timer();
    r = pselect(0, NULL, NULL, NULL, &wait, &alrm_only);
    printf("pselect masked: r=%d handled=%d blocked after=%d\n", r, (int)alrm, blocked(SIGALRM));

    arm_timer();
    r = epoll_pwait(ep, &event, 1, 200, &alrm_only);
    printf("epoll_pwait masked: r=%d handled=%d blocked after=%d\n", r, (int)alrm, blocked(SIGALRM));

    /* 3. A bad size; no mask at all. */
    struct timespec zero = {0, 0};
    long k = syscall(SYS_ppoll, NULL, 0, &zero, &empty, (size_t)3);
    printf("ppoll size 3: r=%ld einval=%d\n", k, k < 0 && errno == EINVAL);
    sigprocmask(SIG_BLOCK, &usr1_only, NULL);
    r = ppoll(NULL, 0, &zero, NULL);
    printf("ppoll no mask: r=%d blocked after=%d\n", r, blocked(SIGUSR1));
    return 0;
}
