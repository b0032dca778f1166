/* waitid(2): the child's report in siginfo_t (si_signo, si_code CLD_*, si_pid, si_uid,
   si_status) for an exit, a death by signal, a stop and a continue; WNOHANG with nothing ready
   (the kernel zeroes the six fields it writes and leaves the rest alone); WNOWAIT, then the
   real wait; P_PGID and P_ALL with a rusage; the errors. Pids and uids are printed only as
   "matches", so the output is the same natively and under emulation. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *code_name(int code) {
    switch (code) {
    case CLD_EXITED: return "CLD_EXITED";
    case CLD_KILLED: return "CLD_KILLED";
    case CLD_DUMPED: return "CLD_DUMPED";
    case CLD_STOPPED: return "CLD_STOPPED";
    case CLD_CONTINUED: return "CLD_CONTINUED";
    case 0: return "0";
    default: return "other";
    }
}

static void show(const char *what, int r, const siginfo_t *info, pid_t child) {
    if (r < 0) {
        printf("%s: -1 %s\n", what, strerror(errno));
        return;
    }
    /* A signal in si_status is checked by name below: numbers differ between arches. */
    char status[32];
    if (info->si_code == CLD_EXITED || info->si_signo == 0) snprintf(status, sizeof status, "%d", info->si_status);
    else snprintf(status, sizeof status, "a signal");
    printf("%s: %d signo=%s code=%s pid=%s uid=%s status=%s\n", what, r,
           info->si_signo == SIGCHLD ? "SIGCHLD" : info->si_signo == 0 ? "0" : "other",
           code_name(info->si_code), info->si_pid == child ? "matches" : info->si_pid == 0 ? "0" : "other",
           info->si_signo == 0 ? (info->si_uid == 0 ? "0" : "other") : info->si_uid == getuid() ? "matches" : "other", status);
}

static int wait_id(idtype_t type, id_t id, siginfo_t *info, int options) {
    int r;
    memset(info, 0x55, sizeof *info);
    do r = waitid(type, id, info, options); while (r < 0 && errno == EINTR);
    return r;
}

int main(void) {
    siginfo_t info;
    setvbuf(stdout, NULL, _IONBF, 0);

    /* An exit status. */
    pid_t child = fork();
    if (child == 0) _exit(3);
    show("exited", wait_id(P_PID, child, &info, WEXITED), &info, child);

    /* Death by a signal: the signal is the status. */
    child = fork();
    if (child == 0) {
        raise(SIGUSR1);
        _exit(99);
    }
    show("killed", wait_id(P_PID, child, &info, WEXITED), &info, child);
    printf("SIGUSR1 is status: %s\n", info.si_status == SIGUSR1 ? "yes" : "no");

    /* Stopped, continued, then exited. The child waits for a byte before exiting: once it has
       exited, its continued report is gone and waitid(WCONTINUED) finds no child. */
    int go[2];
    if (pipe(go) != 0) return 1;
    child = fork();
    if (child == 0) {
        char c;
        close(go[1]);
        raise(SIGSTOP);
        _exit(read(go[0], &c, 1) == 1 ? 7 : 100);
    }
    close(go[0]);
    show("stopped", wait_id(P_PID, child, &info, WSTOPPED), &info, child);
    printf("SIGSTOP is status: %s\n", info.si_status == SIGSTOP ? "yes" : "no");
    kill(child, SIGCONT);
    show("continued", wait_id(P_PID, child, &info, WCONTINUED), &info, child);
    printf("SIGCONT is status: %s\n", info.si_status == SIGCONT ? "yes" : "no");
    if (write(go[1], "x", 1) != 1) return 1;
    close(go[1]);
    show("then exited", wait_id(P_PID, child, &info, WEXITED), &info, child);

    /* WNOHANG with the child still running: 0, the report zeroed, the rest untouched. */
    int fds[2];
    if (pipe(fds) != 0) return 1;
    child = fork();
    if (child == 0) {
        char c;
        close(fds[1]);
        _exit(read(fds[0], &c, 1) == 1 ? c : 100);
    }
    close(fds[0]);
    show("WNOHANG, running", wait_id(P_PID, child, &info, WEXITED | WNOHANG), &info, child);
    unsigned char pattern[sizeof info.si_utime];
    memset(pattern, 0x55, sizeof pattern);
    printf("si_utime untouched: %s\n", memcmp(&info.si_utime, pattern, sizeof pattern) == 0 ? "yes" : "no");
    if (write(fds[1], "\x11", 1) != 1) return 1;
    close(fds[1]);

    /* WNOWAIT leaves the child waitable: the same report twice, then ECHILD. */
    show("WNOWAIT", wait_id(P_PID, child, &info, WEXITED | WNOWAIT), &info, child);
    show("after WNOWAIT", wait_id(P_PID, child, &info, WEXITED), &info, child);
    show("again", wait_id(P_PID, child, &info, WEXITED), &info, child);

    /* P_PGID: the child is in our process group. */
    child = fork();
    if (child == 0) _exit(4);
    show("P_PGID", wait_id(P_PGID, getpgid(0), &info, WEXITED), &info, child);

    /* P_ALL with a rusage (the raw call: glibc's waitid has no rusage argument). */
    child = fork();
    if (child == 0) {
        volatile unsigned n = 0;
        for (unsigned i = 0; i < 1000000; i++) n += i;
        _exit(6);
    }
    struct rusage usage;
    memset(&usage, 0xff, sizeof usage);
    memset(&info, 0x55, sizeof info);
    long r;
    do r = syscall(SYS_waitid, P_ALL, 0, &info, WEXITED, &usage); while (r < 0 && errno == EINTR);
    show("P_ALL with rusage", (int)r, &info, child);
    printf("rusage written: %s\n", usage.ru_utime.tv_sec >= 0 && usage.ru_utime.tv_usec >= 0 && usage.ru_utime.tv_usec < 1000000
                                       && usage.ru_maxrss > 0 ? "yes" : "no");

    /* WNOHANG with no children at all, and bad arguments. */
    show("no children", wait_id(P_ALL, 0, &info, WEXITED | WNOHANG), &info, 0);
    show("no options", wait_id(P_ALL, 0, &info, 0), &info, 0);
    show("bad idtype", wait_id((idtype_t)7, 0, &info, WEXITED), &info, 0);
    show("bad option bit", wait_id(P_ALL, 0, &info, WEXITED | 0x10000), &info, 0);
    return 0;
}
