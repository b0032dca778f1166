/* Event descriptors: epoll watching an eventfd, a pipe and a timerfd (epoll_wait and
   epoll_pwait, with the data word round-tripped); eventfd counter and semaphore modes;
   timerfd settime/gettime and expirations; signalfd reading a blocked SIGUSR1 sent to
   ourselves; inotify on a file in the temporary directory (argv[1]). Prints no times or
   descriptor numbers. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

static const char *errname(int e) {
    switch (e) {
    case EAGAIN: return "EAGAIN";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    default: return "other";
    }
}

static const char *result(long r) {
    static char text[64];
    if (r < 0) snprintf(text, sizeof text, "-1 %s", errname(errno));
    else snprintf(text, sizeof text, "%ld", r);
    return text;
}

static void epoll_test(void) {
    int ep = epoll_create1(EPOLL_CLOEXEC);
    printf("epoll cloexec %d\n", (fcntl(ep, F_GETFD) & FD_CLOEXEC) != 0);
    int efd = eventfd(0, EFD_NONBLOCK);
    int p[2];
    pipe(p);
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull};
    printf("add eventfd: %s\n", result(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev)));
    ev.data.u64 = 0xa0a0a0a0b0b0b0b0ull;
    printf("add pipe: %s\n", result(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev)));
    ev.data.u64 = 3;
    printf("add timerfd: %s\n", result(epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev)));
    printf("add again: %s\n", result(epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev)));
    printf("bad op: %s\n", result(epoll_ctl(ep, 99, tfd, &ev)));

    struct epoll_event out[8];
    printf("nothing ready: %d\n", epoll_wait(ep, out, 8, 0));
    uint64_t one = 5;
    write(efd, &one, sizeof one);
    write(p[1], "x", 1);
    int n = epoll_wait(ep, out, 8, 1000);
    printf("ready: %d\n", n);
    /* Order is the kernel's (ready-list order); print sorted by data. */
    uint64_t seen[8];
    for (int i = 0; i < n; i++) seen[i] = out[i].data.u64;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (seen[j] < seen[i]) { uint64_t t = seen[i]; seen[i] = seen[j]; seen[j] = t; }
    for (int i = 0; i < n; i++) printf("  data %016llx\n", (unsigned long long)seen[i]);
    printf("events EPOLLIN %d\n", out[0].events == EPOLLIN);

    uint64_t value = 0;
    read(efd, &value, sizeof value);
    printf("eventfd value %llu\n", (unsigned long long)value);
    printf("eventfd empty: %s\n", result(read(efd, &value, sizeof value)));
    char c;
    read(p[0], &c, 1);

    struct itimerspec its = {.it_interval = {0, 20000000}, .it_value = {0, 10000000}};
    printf("timerfd settime: %s\n", result(timerfd_settime(tfd, 0, &its, NULL)));
    struct itimerspec cur;
    timerfd_gettime(tfd, &cur);
    printf("gettime interval %ld.%09ld value set %d\n", (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec,
           cur.it_value.tv_sec != 0 || cur.it_value.tv_nsec != 0);
    sigset_t none;
    sigemptyset(&none);
    n = epoll_pwait(ep, out, 8, 2000, &none);
    printf("pwait: %d data %llu\n", n, (unsigned long long)out[0].data.u64);
    uint64_t expirations = 0;
    const char *got = result(read(tfd, &expirations, sizeof expirations));
    printf("timerfd read: %s expirations>=1 %d\n", got, expirations >= 1);
    struct itimerspec off = {{0, 0}, {0, 0}}, old;
    timerfd_settime(tfd, 0, &off, &old);
    printf("old interval %ld.%09ld\n", (long)old.it_interval.tv_sec, old.it_interval.tv_nsec);
    printf("del: %s\n", result(epoll_ctl(ep, EPOLL_CTL_DEL, tfd, NULL)));
    printf("bad maxevents: %s\n", result(epoll_wait(ep, out, 0, 0)));

    int sem = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK);
    int reads = 0;
    while (read(sem, &value, sizeof value) == sizeof value) reads++;
    printf("semaphore reads %d last %llu\n", reads, (unsigned long long)value);
    printf("bad eventfd flags: %s\n", result(eventfd(0, 0x12345)));
    close(sem);
    close(ep);
    close(efd);
    close(p[0]);
    close(p[1]);
    close(tfd);

    int old_style = epoll_create(1);
    printf("epoll_create(1) ok %d; epoll_create(0): %s\n", old_style >= 0, result(epoll_create(0)));
    close(old_style);
}

static void signalfd_test(void) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigaddset(&mask, SIGUSR2);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    int sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    printf("signalfd nonblock %d\n", (fcntl(sfd, F_GETFL) & O_NONBLOCK) != 0);
    struct signalfd_siginfo info;
    printf("nothing pending: %s\n", result(read(sfd, &info, sizeof info)));
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR2);
    struct pollfd pfd = {sfd, POLLIN, 0};
    printf("poll: %d\n", poll(&pfd, 1, 1000));
    for (int i = 0; i < 2; i++) {
        ssize_t n = read(sfd, &info, sizeof info);
        printf("read %zd signo %s code %s pid ok %d uid ok %d int %d\n", n,
               info.ssi_signo == SIGUSR1 ? "SIGUSR1" : info.ssi_signo == SIGUSR2 ? "SIGUSR2" : "?",
               info.ssi_code == SI_USER ? "SI_USER" : info.ssi_code == SI_QUEUE ? "SI_QUEUE" : "?",
               info.ssi_pid == (uint32_t)getpid(), info.ssi_uid == getuid(), info.ssi_int);
    }
    printf("bad size: %s\n", result(syscall(SYS_signalfd4, -1, &mask, 4, 0)));
    close(sfd);
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
}

static void inotify_test(const char *dir) {
    int in = inotify_init1(IN_NONBLOCK);
    int wd = inotify_add_watch(in, dir, IN_CREATE | IN_DELETE | IN_MODIFY);
    printf("watch ok %d\n", wd >= 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/watched", dir);
    int fd = open(path, O_CREAT | O_WRONLY, 0644);
    write(fd, "x", 1);
    close(fd);
    unlink(path);
    char buf[4096] __attribute__((aligned(8)));
    ssize_t n = read(in, buf, sizeof buf);
    for (char *p = buf; n > 0 && p < buf + n;) {
        struct inotify_event *e = (struct inotify_event *)p;
        printf("event wd ok %d mask %s name %s\n", e->wd == wd,
               e->mask & IN_CREATE ? "IN_CREATE" : e->mask & IN_MODIFY ? "IN_MODIFY" : e->mask & IN_DELETE ? "IN_DELETE" : "?",
               e->len ? e->name : "");
        p += sizeof *e + e->len;
    }
    printf("rm_watch: %s\n", result(inotify_rm_watch(in, wd)));
    printf("rm_watch again: %s\n", result(inotify_rm_watch(in, wd)));
    snprintf(path, sizeof path, "%s/missing", dir);
    printf("watch missing: %s\n", result(inotify_add_watch(in, path, IN_CREATE)));
    close(in);
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    epoll_test();
    signalfd_test();
    inotify_test(argv[1]);
    return 0;
}
