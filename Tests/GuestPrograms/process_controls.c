/* The small process controls: nice, ioprio_get/set, membarrier, pidfds (pidfd_open,
   pidfd_send_signal with and without a siginfo, pidfd_getfd, waitid on a pidfd), and the
   positioned vector calls (preadv, pwritev, preadv2, pwritev2) including an offset past 4 GiB,
   which travels in two registers. argv[1] is a fresh directory.
   guest-tests: cflags -D_FILE_OFFSET_BITS=64 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define MEMBARRIER_CMD_QUERY 0
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED (1 << 3)
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED (1 << 4)
#define MEMBARRIER_RSEQ_COMMANDS (1 << 7 | 1 << 8)

static const char *err(long r) { return r < 0 ? strerror(errno) : "ok"; }

static volatile sig_atomic_t got_value = -1, got_code = 99;
static void on_usr1(int sig, siginfo_t *info, void *context) {
    (void)sig, (void)context;
    got_value = info->si_value.sival_int;
    got_code = info->si_code;
}

static void priorities(void) {
    errno = 0;
    int before = getpriority(PRIO_PROCESS, 0);
    int r = nice(3);
    printf("nice(3): %s, moved by %d\n", err(r == -1 && errno ? -1 : 0), getpriority(PRIO_PROCESS, 0) - before);
    errno = 0;
    r = nice(100);
    printf("nice(100): clamped to %d\n", getpriority(PRIO_PROCESS, 0));
    errno = 0;
    r = nice(-1);
    printf("nice(-1): %s\n", r == -1 && errno ? strerror(errno) : (getuid() == 0 ? "ok" : "ok (unexpected)"));

    /* IOPRIO_WHO_PROCESS, the best-effort class at level 4. */
    long set = syscall(SYS_ioprio_set, 1, 0, 2 << 13 | 4);
    printf("ioprio_set: %s\n", err(set));
    long get = syscall(SYS_ioprio_get, 1, 0);
    printf("ioprio_get: class %ld level %ld\n", get >> 13, get & 0xff);
    printf("ioprio_get bad which: %s\n", err(syscall(SYS_ioprio_get, 99, 0)));
}

static void barriers(void) {
    long query = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    printf("membarrier query: %s, private expedited offered: %s\n", err(query),
           query > 0 && (query & MEMBARRIER_CMD_PRIVATE_EXPEDITED) ? "yes" : "no");
    if (query > 0 && (query & MEMBARRIER_CMD_PRIVATE_EXPEDITED)) {
        printf("unregistered barrier: %s\n", err(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0)));
        printf("register: %s\n", err(syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0)));
        printf("barrier: %s\n", err(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0)));
    }
    printf("unknown command: %s\n", err(syscall(SYS_membarrier, 1 << 20, 0, 0)));
}

static void pidfds(void) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_t child = fork();
    if (child == 0) {
        char c;
        close(fds[1]);
        _exit(read(fds[0], &c, 1) == 1 ? 0 : 1);
    }
    close(fds[0]);
    int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
    printf("pidfd_open: %s\n", err(pidfd));
    struct pollfd p = {.fd = pidfd, .events = POLLIN};
    printf("poll while running: %d\n", poll(&p, 1, 0));
    printf("pidfd_open bad flags: %s\n", err(syscall(SYS_pidfd_open, child, 1)));
    printf("pidfd_send_signal SIGTERM: %s\n", err(syscall(SYS_pidfd_send_signal, pidfd, SIGTERM, NULL, 0)));
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int r;
    do r = waitid(P_PIDFD, pidfd, &info, WEXITED); while (r < 0 && errno == EINTR);
    printf("waitid P_PIDFD: %s, killed by SIGTERM: %s\n", err(r),
           info.si_code == CLD_KILLED && info.si_status == SIGTERM && info.si_pid == child ? "yes" : "no");
    close(fds[1]);
    close(pidfd);

    /* A siginfo sent to ourselves through our own pidfd. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    int self = (int)syscall(SYS_pidfd_open, getpid(), 0);
    memset(&info, 0, sizeof info);
    info.si_signo = SIGUSR1;
    info.si_code = SI_QUEUE;
    info.si_pid = getpid();
    info.si_uid = getuid();
    info.si_value.sival_int = 4242;
    printf("pidfd_send_signal with info: %s\n", err(syscall(SYS_pidfd_send_signal, self, SIGUSR1, &info, 0)));
    printf("handler saw value %d, code SI_QUEUE: %s\n", (int)got_value, got_code == SI_QUEUE ? "yes" : "no");
    printf("signal 0 (a check): %s\n", err(syscall(SYS_pidfd_send_signal, self, 0, NULL, 0)));

    /* pidfd_getfd: a copy of our own pipe's write end. */
    if (pipe(fds) != 0) return;
    int copy = (int)syscall(SYS_pidfd_getfd, self, fds[1], 0);
    printf("pidfd_getfd: %s, new descriptor: %s\n", err(copy), copy > fds[1] ? "yes" : "no");
    char c = 0;
    if (copy >= 0 && write(copy, "z", 1) == 1 && read(fds[0], &c, 1) == 1) printf("through the copy: %c\n", c);
    printf("pidfd_getfd bad flags: %s\n", err(syscall(SYS_pidfd_getfd, self, fds[1], 1)));
    close(copy);
    close(fds[0]);
    close(fds[1]);
    close(self);
}

static void vectors(const char *dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/vectors", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    char a[] = "hello, ", b[] = "vectors";
    struct iovec out[2] = {{a, 7}, {b, 7}};
    printf("pwritev at 100: %zd\n", pwritev(fd, out, 2, 100));
    char x[5] = {0}, y[10] = {0};
    struct iovec in[2] = {{x, 4}, {y, 9}};
    ssize_t n;
    n = preadv(fd, in, 2, 101);
    printf("preadv at 101: %zd [%s|%s]\n", n, x, y);
    printf("position still: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    /* Past 4 GiB: the high word is the second register. */
    off_t far = (off_t)5 << 30;
    printf("pwritev at 5 GiB: %zd\n", pwritev(fd, out, 2, far + 3));
    memset(x, 0, sizeof x), memset(y, 0, sizeof y);
    n = preadv(fd, in, 2, far + 3);
    printf("preadv at 5 GiB: %zd [%s|%s]\n", n, x, y);
    printf("size: %lld\n", (long long)lseek(fd, 0, SEEK_END));
    /* The v2 calls: -1 is the current position, which moves. */
    lseek(fd, 100, SEEK_SET);
    memset(x, 0, sizeof x), memset(y, 0, sizeof y);
    n = preadv2(fd, in, 2, -1, 0);
    printf("preadv2 at -1: %zd [%s|%s], now at %lld\n", n, x, y, (long long)lseek(fd, 0, SEEK_CUR));
    n = pwritev2(fd, out, 1, 0, RWF_APPEND);
    printf("pwritev2 RWF_APPEND: %zd, size %lld\n", n, (long long)lseek(fd, 0, SEEK_END));
    printf("preadv2 bad flag: %s\n", err(preadv2(fd, in, 2, 0, 0x40000000)));
    printf("preadv negative offset: %s\n", err(preadv(fd, in, 2, -5)));
    close(fd);
    unlink(path);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    priorities();
    barriers();
    pidfds();
    vectors(argc > 1 ? argv[1] : "/tmp");
    return 0;
}
