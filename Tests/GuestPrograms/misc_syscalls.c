/* The rest of the breadth: user.* xattrs on a file in the temporary directory (argv[1]; a
   filesystem without them prints the same ENOTSUP both ways), fallocate, sendfile, splice
   and tee through pipes, copy_file_range, truncate, sync_file_range, readahead,
   posix_fadvise, memfd_create, mlock2, sched_* queries, setpriority/getpriority, setuid to
   oneself, setgroups failing without privilege, close_range, utimes. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

static const char *errname(int e) {
    switch (e) {
    case ENOTSUP: return "ENOTSUP";
    case ENODATA: return "ENODATA";
    case ERANGE: return "ERANGE";
    case EINVAL: return "EINVAL";
    case EPERM: return "EPERM";
    case EBADF: return "EBADF";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOSYS: return "ENOSYS";
    default: return "other";
    }
}

static const char *result(long r) {
    static char text[64];
    if (r < 0) snprintf(text, sizeof text, "-1 %s", errname(errno));
    else snprintf(text, sizeof text, "%ld", r);
    return text;
}

static char path_buf[3][4096];
static const char *at(const char *dir, int slot, const char *name) {
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
    return path_buf[slot];
}

static void xattrs(const char *dir) {
    const char *file = at(dir, 0, "attrs");
    int fd = open(file, O_CREAT | O_RDWR, 0644);
    printf("setxattr: %s\n", result(setxattr(file, "user.colour", "blue", 4, 0)));
    if (errno == ENOTSUP) { close(fd); return; }
    printf("setxattr create again: %s\n", result(setxattr(file, "user.colour", "red", 3, XATTR_CREATE)));
    printf("fsetxattr: %s\n", result(fsetxattr(fd, "user.size", "42", 2, 0)));
    char value[64] = {0};
    printf("getxattr: %s", result(getxattr(file, "user.colour", value, sizeof value)));
    printf(" '%s'\n", value);
    printf("size query: %s\n", result(getxattr(file, "user.colour", NULL, 0)));
    printf("too small: %s\n", result(getxattr(file, "user.colour", value, 2)));
    memset(value, 0, sizeof value);
    printf("fgetxattr: %s", result(fgetxattr(fd, "user.size", value, sizeof value)));
    printf(" '%s'\n", value);
    printf("lgetxattr: %s\n", result(lgetxattr(file, "user.size", value, sizeof value)));
    printf("missing: %s\n", result(getxattr(file, "user.none", value, sizeof value)));
    char list[256];
    ssize_t n = listxattr(file, list, sizeof list);
    int colour = 0, size = 0;
    for (ssize_t i = 0; i < n; i += strlen(list + i) + 1) {
        if (!strcmp(list + i, "user.colour")) colour = 1;
        if (!strcmp(list + i, "user.size")) size = 1;
    }
    printf("listxattr has colour %d size %d\n", colour, size);
    printf("flistxattr same length %d\n", flistxattr(fd, list, sizeof list) == n);
    printf("removexattr: %s\n", result(removexattr(file, "user.colour")));
    printf("fremovexattr: %s\n", result(fremovexattr(fd, "user.size")));
    printf("remove missing: %s\n", result(lremovexattr(file, "user.size")));
    char longname[300];
    memset(longname, 'a', sizeof longname);
    memcpy(longname, "user.", 5);
    longname[299] = 0;
    printf("long name: %s\n", result(setxattr(file, longname, "x", 1, 0)));
    close(fd);
}

static void file_data(const char *dir) {
    const char *a = at(dir, 0, "data-a"), *b = at(dir, 1, "data-b");
    int fd = open(a, O_CREAT | O_RDWR | O_TRUNC, 0644);
    int r = fallocate(fd, 0, 0, 1 << 20);
    struct stat st;
    fstat(fd, &st);
    printf("fallocate: %s size %lld\n", r == 0 ? "0" : errno == EOPNOTSUPP ? "EOPNOTSUPP" : "other", r == 0 ? (long long)st.st_size : -1LL);
    ftruncate(fd, 0);
    write(fd, "0123456789abcdef", 16);
    printf("sync_file_range: %s\n", result(sync_file_range(fd, 0, 16, SYNC_FILE_RANGE_WRITE)));
    printf("readahead: %s\n", result(readahead(fd, 0, 16)));
    printf("fadvise: %d\n", posix_fadvise(fd, 0, 16, POSIX_FADV_SEQUENTIAL));
    int out = open(b, O_CREAT | O_RDWR | O_TRUNC, 0644);
    off_t off = 4;
    printf("sendfile: %s", result(sendfile(out, fd, &off, 6)));
    printf(" offset %lld\n", (long long)off);
    loff_t in_off = 10, out_off = 6;
    printf("copy_file_range: %s", result(copy_file_range(fd, &in_off, out, &out_off, 6, 0)));
    printf(" offsets %lld %lld\n", (long long)in_off, (long long)out_off);
    char buf[64] = {0};
    pread(out, buf, sizeof buf - 1, 0);
    printf("copied '%s'\n", buf);

    int p[2], q[2];
    pipe(p);
    pipe(q);
    loff_t so = 0;
    printf("splice file->pipe: %s", result(splice(fd, &so, p[1], NULL, 5, 0)));
    printf(" offset %lld\n", (long long)so);
    printf("tee: %s\n", result(tee(p[0], q[1], 5, 0)));
    memset(buf, 0, sizeof buf);
    read(q[0], buf, 5);
    printf("tee copy '%s'\n", buf);
    so = 0;
    printf("splice pipe->file: %s\n", result(splice(p[0], NULL, out, &so, 5, 0)));
    memset(buf, 0, sizeof buf);
    pread(out, buf, 5, 0);
    printf("spliced '%s'\n", buf);
    struct iovec iov = {"vm", 2};
    printf("vmsplice: %s\n", result(vmsplice(q[1], &iov, 1, 0)));
    close(p[0]); close(p[1]); close(q[0]); close(q[1]);

    printf("truncate: %s\n", result(truncate(b, 3)));
    stat(b, &st);
    printf("size after truncate %lld\n", (long long)st.st_size);
    struct timeval tv[2] = {{1000000000, 500000}, {1100000000, 250000}};
    printf("utimes: %s\n", result(utimes(b, tv)));
    stat(b, &st);
    printf("mtime %lld.%09ld\n", (long long)st.st_mtime, st.st_mtim.tv_nsec);
    close(fd);
    close(out);

    int m = memfd_create("mirage-test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    printf("memfd cloexec %d write %zd\n", (fcntl(m, F_GETFD) & FD_CLOEXEC) != 0, write(m, "sealed", 6));
    printf("seal: %s\n", result(fcntl(m, F_ADD_SEALS, F_SEAL_WRITE)));
    printf("write sealed: %s\n", result(write(m, "x", 1)));
    close(m);
    printf("memfd bad flags: %s\n", result(memfd_create("x", 0x1000)));

    /* close_range over fresh descriptors. */
    int first = dup(1), second = dup(1);
    printf("close_range: %s\n", result(syscall(SYS_close_range, first, second, 0)));
    printf("closed %d %d\n", fcntl(first, F_GETFD) < 0, fcntl(second, F_GETFD) < 0);
}

static void scheduling(void) {
    printf("policy other %d\n", sched_getscheduler(0) == SCHED_OTHER);
    struct sched_param sp = {0};
    printf("getparam: %s priority %d\n", result(sched_getparam(0, &sp)), sp.sched_priority);
    printf("setparam: %s\n", result(sched_setparam(0, &sp)));
    printf("fifo max %d min %d\n", sched_get_priority_max(SCHED_FIFO), sched_get_priority_min(SCHED_FIFO));
    printf("bad policy: %s\n", result(sched_get_priority_max(99)));
    struct timespec ts;
    printf("rr_get_interval: %s\n", result(sched_rr_get_interval(0, &ts)));
    cpu_set_t set;
    CPU_ZERO(&set);
    sched_getaffinity(0, sizeof set, &set);
    printf("setaffinity same: %s\n", result(sched_setaffinity(0, sizeof set, &set)));
    int prio = getpriority(PRIO_PROCESS, 0);
    printf("setpriority +1: %s", result(setpriority(PRIO_PROCESS, 0, prio + 1)));
    printf(" now %d\n", getpriority(PRIO_PROCESS, 0) - prio);
    void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mlock2: %s\n", result(syscall(SYS_mlock2, page, 4096, 0)));
    printf("mlock2 bad flags: %s\n", result(syscall(SYS_mlock2, page, 4096, 8)));
    munmap(page, 4096);
}

static void identity(void) {
    printf("setuid self: %s\n", result(setuid(getuid())));
    printf("setgid self: %s\n", result(setgid(getgid())));
    printf("setreuid -1: %s\n", result(setreuid(-1, -1)));
    printf("setresuid -1: %s\n", result(setresuid(-1, -1, -1)));
    printf("setresgid -1: %s\n", result(setresgid(-1, -1, -1)));
    printf("setfsuid returns uid %d\n", setfsuid(-1) == (int)getuid());
    if (getuid() != 0) {
        gid_t g = 12345;
        printf("setgroups unprivileged: %s\n", result(setgroups(1, &g)));
        printf("setuid 0 unprivileged: %s\n", result(setuid(0)));
    } else {
        printf("setgroups unprivileged: -1 EPERM\nsetuid 0 unprivileged: -1 EPERM\n");
    }
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    xattrs(argv[1]);
    file_data(argv[1]);
    scheduling();
    identity();
    return 0;
}
