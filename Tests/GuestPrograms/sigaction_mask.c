/* sigaction's sa_mask: signals it names stay blocked while the handler runs (a raise of one
   inside the handler is delivered after it returns), and reading the action back returns
   the mask. SA_NODEFER lets the handler's own signal in. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static char order[64];
static volatile sig_atomic_t depth;

static void add(const char *s) { strncat(order, s, sizeof order - strlen(order) - 1); }

static void on_usr1(int sig) {
    (void)sig;
    add("usr1-in ");
    raise(SIGUSR2); /* blocked by sa_mask until this handler returns */
    add("usr1-out ");
}
static void on_usr2(int sig) { (void)sig; add("usr2 "); }
static void on_alrm(int sig) {
    (void)sig;
    if (++depth == 1) raise(SIGALRM); /* SA_NODEFER: taken at once, nested */
    add(depth == 2 ? "alrm-nested " : "alrm ");
    depth--;
}

int main(void) {
    struct sigaction a, b, back;
    memset(&a, 0, sizeof a);
    a.sa_handler = on_usr1;
    sigemptyset(&a.sa_mask);
    sigaddset(&a.sa_mask, SIGUSR2);
    sigaddset(&a.sa_mask, SIGRTMIN + 3);
    sigaction(SIGUSR1, &a, NULL);
    memset(&b, 0, sizeof b);
    b.sa_handler = on_usr2;
    sigaction(SIGUSR2, &b, NULL);
    raise(SIGUSR1);
    printf("order: %s\n", order);
    sigaction(SIGUSR1, NULL, &back);
    printf("mask read back: USR2 %d, RTMIN+3 %d, INT %d\n", sigismember(&back.sa_mask, SIGUSR2),
           sigismember(&back.sa_mask, SIGRTMIN + 3), sigismember(&back.sa_mask, SIGINT));
    order[0] = 0;
    struct sigaction c;
    memset(&c, 0, sizeof c);
    c.sa_handler = on_alrm;
    c.sa_flags = SA_NODEFER;
    sigaction(SIGALRM, &c, NULL);
    raise(SIGALRM);
    printf("nodefer: %s\n", order);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("mask after handlers: USR2 %d\n", sigismember(&now, SIGUSR2));
    return 0;
}
