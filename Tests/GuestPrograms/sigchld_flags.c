/* SIGCHLD's flags change what the kernel does with children, so they must reach the host:
   with SA_NOCLDWAIT (or SIGCHLD ignored) a child leaves no zombie and wait fails with ECHILD;
   with SA_NOCLDSTOP a child that stops sends no SIGCHLD. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t chld;
static void on_chld(int sig) { (void)sig; chld++; }

static const char *reap(void) {
    pid_t child = fork();
    if (child == 0) _exit(5);
    int status;
    pid_t r;
    do r = wait(&status); while (r < 0 && errno == EINTR);
    return r < 0 && errno == ECHILD ? "ECHILD (no zombie)" : r == child ? "reaped" : "something else";
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sa.sa_flags = SA_NOCLDWAIT;
    sigaction(SIGCHLD, &sa, NULL);
    printf("SA_NOCLDWAIT handler: wait %s\n", reap());

    signal(SIGCHLD, SIG_IGN);
    printf("SIGCHLD ignored: wait %s\n", reap());

    signal(SIGCHLD, SIG_DFL);
    printf("SIGCHLD default: wait %s\n", reap());

    sa.sa_flags = SA_NOCLDSTOP | SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    chld = 0;
    pid_t child = fork();
    if (child == 0) {
        raise(SIGSTOP);
        _exit(7);
    }
    int status = 0;
    waitpid(child, &status, WUNTRACED);
    int stopped = WIFSTOPPED(status);
    usleep(50000);
    int after_stop = chld;
    kill(child, SIGCONT);
    waitpid(child, &status, 0);
    usleep(20000);
    printf("SA_NOCLDSTOP: stopped %d, SIGCHLD on stop %d, exit %d, SIGCHLD in all %d\n", stopped, after_stop,
           WIFEXITED(status) ? WEXITSTATUS(status) : -1, (int)chld);
    return 0;
}
