/* Re-executing oneself through /proc/self/exe (busybox and env do this), and readdir with a
   32-bit off_t (no large-file support, the armhf default) over a directory with many entries,
   whose 64-bit host directory cookies must not reach the guest as EOVERFLOW. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        printf("child: argv[0]=%s argc=%d\n", argv[0], argc);
        return 5;
    }
    const char *dir = argc > 1 ? argv[1] : ".";
    char path[4096];
    snprintf(path, sizeof path, "%s/many", dir);
    mkdir(path, 0755);
    for (int i = 0; i < 300; i++) {
        char name[4200];
        snprintf(name, sizeof name, "%s/file-%03d-%x", path, i, i * 2654435761u);
        int fd = open(name, O_CREAT | O_WRONLY, 0644);
        if (fd >= 0) close(fd);
    }
    DIR *d = opendir(path);
    if (!d) { perror("opendir"); return 1; }
    char *names[400];
    int n = 0;
    long first = -1, second = -1;
    errno = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 400) {
        if (e->d_name[0] == '.') continue;
        names[n++] = strdup(e->d_name);
        if (n == 10) first = telldir(d);
    }
    printf("readdir: %d entries, errno %s\n", n, strerror(errno));
    qsort(names, n, sizeof names[0], compare);
    printf("first %s last %s\n", names[0], names[n - 1]);
    /* seekdir back to a remembered position and read on from there. */
    if (first != -1) {
        seekdir(d, first);
        int more = 0;
        while ((e = readdir(d))) if (e->d_name[0] != '.') more++;
        second = more;
        printf("after seekdir: %s\n", second > 0 && second <= n ? "entries follow" : "wrong");
    }
    closedir(d);
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        execl("/proc/self/exe", "renamed", "child", (char *)0);
        perror("execl");
        _exit(99);
    }
    int status;
    waitpid(p, &status, 0);
    printf("child exit %d\n", WEXITSTATUS(status));
    return 0;
}
