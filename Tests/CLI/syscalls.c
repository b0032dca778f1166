/* A few system calls with known arguments, for Scripts/cli-tests' -strace checks: a missing
   file, writes short and long, an anonymous mapping, a pipe round trip, a bad descriptor, a
   call number no kernel has, a signal to a handler, and exit_group(7). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static void on_usr1(int sig) { (void)sig; }

int main(void) {
    if (open("/nonexistent/mirage-strace-test", O_RDONLY) >= 0) return 1;
    if (write(1, "hello, strace\n", 14) != 14) return 1;
    if (write(1, "0123456789abcdefghijklmnopqrstuvwxyz\n", 37) != 37) return 1;
    void *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return 1;
    munmap(p, 8192);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return 1;
    char buf[16];
    if (write(fds[1], "ping", 4) != 4 || read(fds[0], buf, sizeof buf) != 4) return 1;
    close(99);
    syscall(9999, 1, 2, 3);
    signal(SIGUSR1, on_usr1);
    kill(getpid(), SIGUSR1);
    exit(7);
}
