/* Process and system information, checked only for what is the same everywhere: getpid
   and getppid positive, ids consistent, uname succeeds and says Linux, clocks succeed and
   never go backwards, sleeping takes at least the time asked, the page size is 4096,
   resource limits and usage can be read, stdin is not a terminal. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int64_t ns_of(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

int main(void) {
    pid_t pid = getpid(), ppid = getppid();
    printf("getpid positive %d getppid positive %d differ %d\n", pid > 0, ppid > 0, pid != ppid);
    printf("getpid stable %d gettid == getpid %d\n", getpid() == pid, gettid() == pid);
    printf("uid == euid %d gid == egid %d\n", getuid() == geteuid(), getgid() == getegid());
    printf("getpgrp positive %d getsid positive %d\n", getpgrp() > 0, getsid(0) > 0);
    struct utsname u;
    int r = uname(&u);
    printf("uname %d sysname %s release non-empty %d machine non-empty %d\n", r, u.sysname, u.release[0] != 0, u.machine[0] != 0);
    char host[256];
    printf("gethostname %d\n", gethostname(host, sizeof host));

    time_t t0 = time(NULL);
    printf("time after 2020 %d\n", t0 > 1577836800);
    struct timeval tv;
    r = gettimeofday(&tv, NULL);
    printf("gettimeofday %d usec in range %d\n", r, tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    struct timespec ts, prev;
    static const clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
                                       CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE};
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        int a = clock_gettime(clocks[i], &ts);
        struct timespec res;
        int b = clock_getres(clocks[i], &res);
        printf("clock %zu: gettime %d nsec in range %d getres %d res positive %d\n", i, a, ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000,
               b, res.tv_sec > 0 || res.tv_nsec > 0);
    }
    int backwards = 0;
    clock_gettime(CLOCK_MONOTONIC, &prev);
    for (int i = 0; i < 20000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &ts);
        if (ns_of(ts) < ns_of(prev)) backwards++;
        prev = ts;
    }
    printf("monotonic went backwards %d times\n", backwards);
    struct timespec before, after, req = {0, 20 * 1000000};
    clock_gettime(CLOCK_MONOTONIC, &before);
    r = nanosleep(&req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("nanosleep 20ms %d slept enough %d\n", r, ns_of(after) - ns_of(before) >= 20 * 1000000);
    clock_gettime(CLOCK_MONOTONIC, &before);
    usleep(5000);
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("usleep 5ms slept enough %d\n", ns_of(after) - ns_of(before) >= 5 * 1000000);
    struct tm tm;
    time_t fixed = 1234567890;
    gmtime_r(&fixed, &tm);
    char when[64];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %a %j", &tm);
    printf("gmtime of 1234567890: %s\n", when);
    printf("mktime round trip %d\n", timegm(&tm) == fixed);
    volatile uint32_t spin = 0;
    for (int i = 0; i < 3000000; i++) spin += (uint32_t)i;
    clock_t c = clock();
    struct tms t;
    clock_t tk = times(&t);
    printf("clock non-negative %d times ok %d\n", c >= 0, tk != (clock_t)-1);
    struct rusage ru;
    printf("getrusage %d\n", getrusage(RUSAGE_SELF, &ru));

    printf("page size %ld getpagesize %d\n", sysconf(_SC_PAGESIZE), getpagesize());
    printf("nprocs positive %d clk_tck %ld\n", sysconf(_SC_NPROCESSORS_ONLN) > 0, sysconf(_SC_CLK_TCK));
    struct rlimit rl;
    int rs = getrlimit(RLIMIT_STACK, &rl);
    int rn = getrlimit(RLIMIT_NOFILE, &rl);
    printf("getrlimit stack %d nofile %d\n", rs, rn);
    printf("nofile soft <= hard %d\n", rl.rlim_cur <= rl.rlim_max);
    printf("isatty stdin %d\n", isatty(0));
    printf("sched_yield %d\n", sched_yield());
    char cwd[4096];
    printf("getcwd ok %d\n", getcwd(cwd, sizeof cwd) != NULL);
    umask(027);
    printf("umask round trip %03o\n", (unsigned)umask(022));
    return 0;
}
