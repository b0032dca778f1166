/* Processes that keep computing after fork, as shells do for $(...) and subshells: parent and
   child each run code neither has run before (so both translate new code at the same time),
   talk through pipes, and recurse. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static uint32_t mix(uint32_t x) { x ^= x >> 16; x *= 0x7feb352d; x ^= x >> 15; x *= 0x846ca68b; return x ^ (x >> 16); }
static uint32_t work_a(uint32_t n) { uint32_t s = 0; for (uint32_t i = 0; i < n; i++) s += mix(i) % 97; return s; }
static uint32_t work_b(uint32_t n) { uint32_t s = 1; for (uint32_t i = 1; i < n; i++) s = s * 31 + (i ^ (s >> 7)); return s; }
static uint64_t work_c(int depth) { return depth < 2 ? (uint64_t)depth : work_c(depth - 1) + work_c(depth - 2); }

/* fib(n) the way a shell computes it with command substitution: a child per call. */
static long forked_fib(int n) {
    if (n < 2) return n;
    int fds[2];
    if (pipe(fds) != 0) return -1;
    pid_t p = fork();
    if (p == 0) {
        close(fds[0]);
        long v = forked_fib(n - 1);
        if (write(fds[1], &v, sizeof v) != sizeof v) _exit(2);
        _exit(0);
    }
    close(fds[1]);
    long b = forked_fib(n - 2);
    long a = -1;
    if (read(fds[0], &a, sizeof a) != sizeof a) a = -1;
    close(fds[0]);
    int status;
    waitpid(p, &status, 0);
    return a + b;
}

int main(void) {
    for (int round = 0; round < 6; round++) {
        int fds[2];
        if (pipe(fds) != 0) return 1;
        pid_t p = fork();
        if (p == 0) {
            close(fds[0]);
            uint32_t r = round % 2 ? work_a(20000 + round) : work_b(30000 + round);
            if (write(fds[1], &r, sizeof r) != sizeof r) _exit(2);
            _exit(round);
        }
        close(fds[1]);
        uint64_t mine = work_c(18 + round % 3);
        uint32_t theirs = 0;
        if (read(fds[0], &theirs, sizeof theirs) != sizeof theirs) theirs = 0;
        close(fds[0]);
        int status;
        waitpid(p, &status, 0);
        printf("round %d: child %u (exit %d), parent %llu\n", round, theirs, WEXITSTATUS(status), (unsigned long long)mine);
    }
    for (int n = 5; n <= 11; n += 3) printf("forked fib(%d) = %ld\n", n, forked_fib(n));
    return 0;
}
