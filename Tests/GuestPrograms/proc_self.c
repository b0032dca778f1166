/* /proc as a program sees itself: cmdline and environ are its argv and environment; maps has
   the right lines for memory it maps (anonymous and file-backed, split by mprotect), its code,
   stack and heap; auxv agrees with getauxval; stat has its pid, comm, ppid, stack, argv and
   signal dispositions; exe and fd/N read back as its program and its files; the same answers
   under /proc/<pid>, /proc/thread-self and /proc/<pid>/task/<tid>, through openat and relative
   paths. Only properties are printed: the native run sees the host kernel's text. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

extern char **environ;

static char *slurp_fd(int fd, size_t *length) {
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
        ssize_t r = read(fd, buf + n, cap - n);
        if (r <= 0) break;
        n += (size_t)r;
    }
    buf[n] = 0;
    if (length) *length = n;
    return buf;
}

static char *slurp_at(int dirfd, const char *path, size_t *length) {
    int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    char *buf = slurp_fd(fd, length);
    close(fd);
    return buf;
}

static char *slurp(const char *path, size_t *length) { return slurp_at(AT_FDCWD, path, length); }

static const char *base_name(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* The maps line covering address a: its fields, or 0. */
struct map_line { unsigned long start, end, offset, inode; unsigned major, minor; char perms[5]; char name[512]; int well_formed; };

static int find_line(const char *maps, unsigned long a, struct map_line *out) {
    const char *line = maps;
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        char text[1024];
        snprintf(text, sizeof text, "%.*s", (int)len, line);
        struct map_line m = {0};
        int used = 0;
        if (sscanf(text, "%lx-%lx %4s %lx %x:%x %lu %n", &m.start, &m.end, m.perms, &m.offset, &m.major, &m.minor, &m.inode, &used) >= 7) {
            snprintf(m.name, sizeof m.name, "%s", text + used);
            m.well_formed = 1;
            if (a >= m.start && a < m.end) { *out = m; return 1; }
        }
        line = nl ? nl + 1 : line + len;
    }
    return 0;
}

static int all_lines_well_formed(const char *maps) {
    int lines = 0;
    for (const char *line = maps; *line;) {
        const char *nl = strchr(line, '\n');
        if (!nl) return 0;
        char text[1024];
        snprintf(text, sizeof text, "%.*s", (int)(nl - line), line);
        unsigned long s, e, off, ino;
        unsigned ma, mi;
        char perms[5];
        int used = 0;
        if (sscanf(text, "%lx-%lx %4s %lx %x:%x %lu%n", &s, &e, perms, &off, &ma, &mi, &ino, &used) != 7) return 0;
        if (s >= e || strlen(perms) != 4 || text[used] != ' ') return 0;
        /* An anonymous line ends with the space after the inode; a named one pads to a column. */
        if (text[used + 1] != 0) {
            const char *name = text + used;
            while (*name == ' ') name++;
            if (*name == 0 || name - text < used + 1) return 0;
        }
        lines++;
        line = nl + 1;
    }
    return lines > 3;
}

static void check_cmdline(int argc, char **argv) {
    char expected[8192];
    size_t n = 0;
    for (int i = 0; i < argc; i++) {
        size_t l = strlen(argv[i]) + 1;
        memcpy(expected + n, argv[i], l);
        n += l;
    }
    char path[64];
    size_t len;
    char *self = slurp("/proc/self/cmdline", &len);
    printf("cmdline is argv: %d\n", self && len == n && memcmp(self, expected, n) == 0);
    snprintf(path, sizeof path, "/proc/%d/cmdline", getpid());
    char *bypid = slurp(path, &len);
    printf("/proc/<pid>/cmdline is argv: %d\n", bypid && len == n && memcmp(bypid, expected, n) == 0);
    char *thread = slurp("/proc/thread-self/cmdline", &len);
    printf("/proc/thread-self/cmdline is argv: %d\n", thread && len == n && memcmp(thread, expected, n) == 0);
    snprintf(path, sizeof path, "/proc/%d/task/%d/cmdline", getpid(), gettid());
    char *task = slurp(path, &len);
    printf("/proc/<pid>/task/<tid>/cmdline is argv: %d\n", task && len == n && memcmp(task, expected, n) == 0);
    int dir = open("/proc/self", O_RDONLY | O_DIRECTORY);
    char *at = slurp_at(dir, "cmdline", &len);
    printf("openat(/proc/self, cmdline) is argv: %d\n", at && len == n && memcmp(at, expected, n) == 0);
    char *dotted = slurp("/proc/./self/../self//cmdline", &len);
    printf("/proc/./self/../self//cmdline is argv: %d\n", dotted && len == n && memcmp(dotted, expected, n) == 0);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) && chdir("/proc/self") == 0) {
        char *relative = slurp("cmdline", &len);
        printf("relative cmdline in /proc/self is argv: %d\n", relative && len == n && memcmp(relative, expected, n) == 0);
        free(relative);
        if (chdir(cwd) != 0) perror("chdir back");
    }
    /* Seeking and positioned reads work on it. */
    int fd = open("/proc/self/cmdline", O_RDONLY);
    char b[4] = {0};
    lseek(fd, 1, SEEK_SET);
    ssize_t r = read(fd, b, 3);
    char c[2] = {0};
    ssize_t p = pread(fd, c, 1, 0);
    printf("lseek and read: %d, pread: %d\n", r == 3 && memcmp(b, argv[0] + 1, 3) == 0, p == 1 && c[0] == argv[0][0]);
    close(fd);
    close(dir);
    free(self), free(bypid), free(thread), free(task), free(at), free(dotted);
}

static void check_environ(char **initial) {
    char expected[16384];
    size_t n = 0;
    for (char **e = initial; *e; e++) {
        size_t l = strlen(*e) + 1;
        if (n + l > sizeof expected) break;
        memcpy(expected + n, *e, l);
        n += l;
    }
    size_t len;
    char *env = slurp("/proc/self/environ", &len);
    printf("environ is the initial environment: %d\n", env && len == n && memcmp(env, expected, n) == 0);
    free(env);
}

static void check_maps(const char *program, const char *dir) {
    long page = sysconf(_SC_PAGESIZE);
    char *region = mmap(NULL, 3 * page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *maps = slurp("/proc/self/maps", NULL);
    struct map_line m;
    int found = find_line(maps, (unsigned long)region, &m);
    printf("maps well formed: %d\n", all_lines_well_formed(maps));
    printf("mmap'd region: found %d perms %s covers it %d anonymous %d\n", found, found ? m.perms : "-",
           found && m.start <= (unsigned long)region && m.end >= (unsigned long)region + 3 * page,
           found && m.inode == 0 && m.offset == 0 && m.name[0] == 0);
    free(maps);

    mprotect(region + page, page, PROT_READ | PROT_WRITE);
    maps = slurp("/proc/self/maps", NULL);
    struct map_line a, b, c;
    int fa = find_line(maps, (unsigned long)region, &a), fb = find_line(maps, (unsigned long)region + page, &b),
        fc = find_line(maps, (unsigned long)region + 2 * page, &c);
    printf("after mprotect: %s %s %s, middle exact %d\n", fa ? a.perms : "-", fb ? b.perms : "-", fc ? c.perms : "-",
           fb && b.start == (unsigned long)region + page && b.end == (unsigned long)region + 2 * page);
    free(maps);
    munmap(region, 3 * page);
    maps = slurp("/proc/self/maps", NULL);
    printf("after munmap: gone %d\n", !find_line(maps, (unsigned long)region + page, &a) || a.perms[1] != 'w' ||
           a.start != (unsigned long)region + page);
    free(maps);

    /* A file mapping: path, offset, device and inode of the file. */
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/mapped-file", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    char *zeros = calloc(4, page);
    if (write(fd, zeros, 4 * page) != 4 * page) perror("write");
    free(zeros);
    struct stat st;
    fstat(fd, &st);
    char *file = mmap(NULL, 2 * page, PROT_READ, MAP_SHARED, fd, page);
    maps = slurp("/proc/self/maps", NULL);
    found = find_line(maps, (unsigned long)file, &m);
    char real[PATH_MAX];
    if (!realpath(path, real)) strcpy(real, path);
    printf("file mapping: found %d perms %s offset %lx path right %d inode right %d device right %d\n", found,
           found ? m.perms : "-", found ? m.offset : 0, found && strcmp(m.name, real) == 0,
           found && m.inode == (unsigned long)st.st_ino, found && m.major == major(st.st_dev) && m.minor == minor(st.st_dev));
    free(maps);
    munmap(file, 2 * page);
    close(fd);

    /* The program's code, its stack and its heap. */
    maps = slurp("/proc/self/maps", NULL);
    found = find_line(maps, (unsigned long)&check_maps, &m);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    printf("code: perms %s, named after the program %d\n", found ? m.perms : "-", found && strcmp(m.name, exe) == 0);
    int local = 0;
    found = find_line(maps, (unsigned long)&local, &m);
    printf("stack: %s\n", found ? m.name : "-");
    free(maps);
    char *small = malloc(64);
    maps = slurp("/proc/self/maps", NULL);
    found = find_line(maps, (unsigned long)small, &m);
    printf("heap: %s %s\n", found ? m.perms : "-", found ? m.name : "-");
    free(small);
    free(maps);
    (void)program;
}

static void check_auxv(void) {
    size_t len;
    char *raw = slurp("/proc/self/auxv", &len);
    unsigned long *v = (unsigned long *)raw;
    size_t pairs = len / (2 * sizeof(unsigned long));
    int match = raw != NULL && len % (2 * sizeof(unsigned long)) == 0 && pairs > 5;
    int seen_page = 0, seen_entry = 0, seen_random = 0;
    for (size_t i = 0; match && i + 1 < pairs; i++) {
        unsigned long type = v[2 * i], value = v[2 * i + 1];
        if (type == AT_NULL) { match = 0; break; }
        if (type == AT_IGNORE) continue;
#if defined(__x86_64__)
        /* glibc on x86-64 answers AT_HWCAP from its own CPU feature bits, not the vector. */
        if (type == AT_HWCAP) continue;
#endif
        if (getauxval(type) != value) match = 0;
        seen_page |= type == AT_PAGESZ && value == 4096;
        seen_entry |= type == AT_ENTRY;
        seen_random |= type == AT_RANDOM;
    }
    printf("auxv: every entry matches getauxval %d, AT_NULL last %d, AT_PAGESZ 4096 %d, AT_ENTRY %d, AT_RANDOM %d\n", match,
           pairs > 0 && v[2 * (pairs - 1)] == AT_NULL, seen_page, seen_entry, seen_random);
    free(raw);
}

static void ignore(int s) { (void)s; }

static void check_stat(int argc, char **argv) {
    struct sigaction sa = {0};
    sa.sa_handler = ignore;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGUSR2, &sa, NULL);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, NULL);

    char *text = slurp("/proc/self/stat", NULL);
    char *open = strchr(text, '('), *close = strrchr(text, ')');
    char comm[64] = "";
    if (open && close) snprintf(comm, sizeof comm, "%.*s", (int)(close - open - 1), open + 1);
    char expected[16];
    snprintf(expected, sizeof expected, "%.15s", base_name(argv[0]));
    unsigned long long f[64] = {0};
    char state = 0;
    int count = 2;
    if (close) {
        char *p = close + 2;
        state = *p;
        count = 3;
        p += 1;
        while (*p == ' ' && count < 63) {
            f[++count] = strtoull(p + 1, &p, 10);
        }
    }
    int local;
    char *maps = slurp("/proc/self/maps", NULL);
    struct map_line stack;
    int found = find_line(maps, (unsigned long)f[28], &stack);
    unsigned long arg_end = (unsigned long)argv[argc - 1] + strlen(argv[argc - 1]) + 1;
    printf("stat: pid %d comm %d state %c ppid %d threads %llu fields %d\n", atoi(text) == getpid(), strcmp(comm, expected) == 0,
           state, f[4] == (unsigned long long)getppid(), f[20], count);
    printf("stat: startstack in [stack] %d (local too %d)\n", found && strcmp(stack.name, "[stack]") == 0,
           found && (unsigned long)&local >= stack.start && (unsigned long)&local < stack.end);
    printf("stat: startcode <= code < endcode %d\n", f[26] <= (unsigned long)&check_stat && (unsigned long)&check_stat < f[27]);
    printf("stat: arg_start %d arg_end %d env_start %d start_brk <= brk %d\n", f[48] == (unsigned long)argv[0], f[49] == arg_end,
           f[50] == arg_end, f[47] <= (unsigned long)sbrk(0));
    printf("stat: blocked SIGHUP %d caught SIGUSR1 %d ignored SIGUSR2 %d\n", (int)((f[32] >> (SIGHUP - 1)) & 1),
           (int)((f[34] >> (SIGUSR1 - 1)) & 1), (int)((f[33] >> (SIGUSR2 - 1)) & 1));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    free(maps);
    free(text);
}

static void check_links(const char *dir, char **argv) {
    char exe[PATH_MAX], real[PATH_MAX], path[PATH_MAX], got[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    if (!realpath(argv[0], real)) strcpy(real, "?");
    printf("exe is the program: %d, ends with its name %d\n", strcmp(exe, real) == 0,
           n > 0 && strcmp(base_name(exe), base_name(argv[0])) == 0);
    snprintf(path, sizeof path, "/proc/%d/exe", getpid());
    n = readlink(path, got, sizeof got - 1);
    got[n > 0 ? n : 0] = 0;
    printf("/proc/<pid>/exe: %d\n", strcmp(got, exe) == 0);
    n = readlink("/proc/thread-self/exe", got, sizeof got - 1);
    got[n > 0 ? n : 0] = 0;
    printf("/proc/thread-self/exe: %d\n", strcmp(got, exe) == 0);
    int d = open("/proc/self", O_RDONLY | O_DIRECTORY);
    n = readlinkat(d, "exe", got, sizeof got - 1);
    got[n > 0 ? n : 0] = 0;
    printf("readlinkat(/proc/self, exe): %d\n", strcmp(got, exe) == 0);
    close(d);
    struct stat a, b;
    int sa = stat("/proc/self/exe", &a), sb = stat(real, &b);
    printf("stat /proc/self/exe is the program: %d\n", sa == 0 && sb == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    int ef = open("/proc/self/exe", O_RDONLY);
    struct stat c;
    printf("open /proc/self/exe is the program: %d\n", ef >= 0 && fstat(ef, &c) == 0 && c.st_ino == b.st_ino);
    close(ef);

    snprintf(path, sizeof path, "%s/fd-file", dir);
    int fd = open(path, O_RDWR | O_CREAT, 0644);
    int copy = dup2(fd, 20);
    int maps = open("/proc/self/maps", O_RDONLY);
    char want[PATH_MAX];
    if (!realpath(path, want)) strcpy(want, "?");
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    n = readlink(path, got, sizeof got - 1);
    got[n > 0 ? n : 0] = 0;
    printf("fd/N of a file: %d\n", strcmp(got, want) == 0);
    snprintf(path, sizeof path, "/proc/%d/fd/%d", getpid(), copy);
    n = readlink(path, got, sizeof got - 1);
    got[n > 0 ? n : 0] = 0;
    printf("fd/N of its dup: %d\n", strcmp(got, want) == 0);
    snprintf(path, sizeof path, "/proc/self/fd/%d", maps);
    n = readlink(path, got, sizeof got - 1);
    got[n > 0 ? n : 0] = 0;
    snprintf(want, sizeof want, "/proc/%d/maps", getpid());
    printf("fd/N of /proc/self/maps: %d\n", strcmp(got, want) == 0);
    int seen[4] = {0};
    DIR *list = opendir("/proc/self/fd");
    struct dirent *e;
    while (list && (e = readdir(list))) {
        int k = atoi(e->d_name);
        if (e->d_name[0] == '.') continue;
        if (k <= 2) seen[0]++;
        if (k == fd) seen[1]++;
        if (k == copy) seen[2]++;
        if (k == maps) seen[3]++;
    }
    if (list) closedir(list);
    printf("fd listing: stdio %d file %d dup %d maps %d\n", seen[0], seen[1], seen[2], seen[3]);
    close(fd), close(copy), close(maps);
}

static void check_cpuinfo(void) {
    char *text = slurp("/proc/cpuinfo", NULL);
    int processors = 0;
    for (char *p = text; p && (p = strstr(p, "processor")); p++)
        if (p == text || p[-1] == '\n') processors++;
    printf("cpuinfo processors == online cpus: %d\n", processors == sysconf(_SC_NPROCESSORS_ONLN));
    free(text);
}

static void check_errors(void) {
    errno = 0;
    int fd = open("/proc/self/no-such-file", O_RDONLY);
    printf("missing /proc/self file: %d %s\n", fd, strerror(errno));
    errno = 0;
    fd = open("/proc/self/maps", O_RDONLY | O_DIRECTORY);
    printf("maps as a directory: %d %s\n", fd, strerror(errno));
    char buf[64];
    errno = 0;
    ssize_t n = readlink("/proc/self/maps", buf, sizeof buf);
    printf("readlink of maps: %zd %s\n", n, strerror(errno));
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    char **initial = environ;
    const char *dir = argc > 1 ? argv[1] : ".";
    check_environ(initial);
    check_cmdline(argc, argv);
    check_maps(argv[0], dir);
    check_auxv();
    check_stat(argc, argv);
    check_links(dir, argv);
    check_cpuinfo();
    check_errors();
    return 0;
}
