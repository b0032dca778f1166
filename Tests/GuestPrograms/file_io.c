/* File I/O inside the temporary directory the harness passes as argv[1]: open/creat with
   flags, write/read/pread/pwrite, lseek from every origin, ftruncate, stat/fstat/lstat
   sizes and modes, O_APPEND and O_EXCL, mkdir/rmdir, rename, unlink, link counts, symlink
   and readlink, utimes with fixed times, dup/dup2, a pipe, opendir/readdir (sorted before
   printing), and stdio: fopen/fprintf/fgets/fscanf/fread/fwrite/fseek/ftell/ungetc/getline.
   Errors print by name, not number: errno numbers differ between architectures. The path
   of the directory itself is never printed. */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static const char *dir;
static char path_buf[4][4096];
static const char *at(int slot, const char *name) {
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
    return path_buf[slot];
}

static const char *errname(int e) {
    switch (e) {
    case 0: return "OK";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case EACCES: return "EACCES";
    case ESPIPE: return "ESPIPE";
    case ELOOP: return "ELOOP";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    default: return "other";
    }
}
#define CHECK(label, expr) do { errno = 0; long long r_ = (long long)(expr); printf("%-28s -> %lld %s\n", label, r_, r_ < 0 ? errname(errno) : ""); } while (0)

static void show_stat(const char *label, const char *path, int follow) {
    struct stat st;
    int r = follow ? stat(path, &st) : lstat(path, &st);
    if (r != 0) { printf("stat %-20s: %s\n", label, errname(errno)); return; }
    const char *type = S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir" : S_ISLNK(st.st_mode) ? "symlink" : S_ISFIFO(st.st_mode) ? "fifo" : "other";
    printf("stat %-20s: %s size %" PRId64 " mode %04o nlink %" PRIu64 "\n", label, type,
           S_ISDIR(st.st_mode) ? (int64_t)-1 : (int64_t)st.st_size, (unsigned)(st.st_mode & 07777), (uint64_t)st.st_nlink);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static void list_dir(const char *label, const char *path) {
    DIR *d = opendir(path);
    if (!d) { printf("opendir %s: %s\n", label, errname(errno)); return; }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        char type = e->d_type == DT_REG ? 'f' : e->d_type == DT_DIR ? 'd' : e->d_type == DT_LNK ? 'l' : e->d_type == DT_UNKNOWN ? '?' : 'o';
        char *s = malloc(strlen(e->d_name) + 3);
        sprintf(s, "%s %c", e->d_name, type);
        names[n++] = s;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_names);
    printf("list %s (%d):", label, n);
    for (int i = 0; i < n; i++) { printf(" [%s]", names[i]); free(names[i]); }
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc < 2) { printf("usage: file_io DIR\n"); return 2; }
    dir = argv[1];
    umask(022);
    list_dir("empty", dir);

    /* Raw descriptors. */
    int fd = open(at(0, "data.bin"), O_CREAT | O_RDWR | O_TRUNC, 0644);
    printf("open data.bin ok %d\n", fd >= 0);
    char block[5000];
    for (int i = 0; i < (int)sizeof block; i++) block[i] = (char)('a' + i % 26);
    CHECK("write 5000", write(fd, block, sizeof block));
    CHECK("lseek cur", lseek(fd, 0, SEEK_CUR));
    CHECK("lseek set 100", lseek(fd, 100, SEEK_SET));
    char rb[64] = "";
    CHECK("read 10", read(fd, rb, 10));
    printf("read back [%.10s]\n", rb);
    CHECK("lseek end -5", lseek(fd, -5, SEEK_END));
    CHECK("read past end", read(fd, rb, 64));
    CHECK("read at eof", read(fd, rb, 64));
    CHECK("lseek hole 10000", lseek(fd, 10000, SEEK_SET));
    CHECK("write after hole", write(fd, "END", 3));
    CHECK("pread 4 at 9998", pread(fd, rb, 4, 9998));
    printf("hole bytes %02x %02x %c %c\n", (unsigned char)rb[0], (unsigned char)rb[1], rb[2], rb[3]);
    CHECK("pwrite at 0", pwrite(fd, "XYZ", 3, 0));
    CHECK("lseek cur after pwrite", lseek(fd, 0, SEEK_CUR));
    CHECK("fsync", fsync(fd));
    show_stat("data.bin", at(0, "data.bin"), 1);
    CHECK("ftruncate 777", ftruncate(fd, 777));
    struct stat st;
    CHECK("fstat", fstat(fd, &st));
    printf("fstat size %" PRId64 " regular %d\n", (int64_t)st.st_size, S_ISREG(st.st_mode));
    CHECK("truncate 4096", truncate(at(0, "data.bin"), 4096));
    show_stat("after truncate", at(0, "data.bin"), 1);
    int fd2 = dup(fd);
    CHECK("dup shares offset", lseek(fd2, 0, SEEK_CUR) == lseek(fd, 0, SEEK_CUR));
    CHECK("dup2 to 50", dup2(fd, 50));
    CHECK("read via dup2", pread(50, rb, 3, 0));
    printf("dup2 read [%.3s]\n", rb);
    CHECK("close 50", close(50));
    CHECK("close 50 again", close(50));
    close(fd2);
    close(fd);

    /* Flags and errors. */
    CHECK("open O_EXCL existing", open(at(0, "data.bin"), O_CREAT | O_EXCL | O_WRONLY, 0600));
    CHECK("open missing", open(at(0, "missing"), O_RDONLY));
    CHECK("open dir for write", open(dir, O_WRONLY));
    fd = open(at(0, "log.txt"), O_CREAT | O_WRONLY | O_APPEND, 0600);
    for (int i = 0; i < 5; i++) {
        char line[32];
        int n = snprintf(line, sizeof line, "line %d\n", i);
        lseek(fd, 0, SEEK_SET); /* O_APPEND ignores this for writes */
        CHECK("append", write(fd, line, (size_t)n));
    }
    close(fd);
    show_stat("log.txt", at(0, "log.txt"), 1);
    CHECK("chmod 0640", chmod(at(0, "log.txt"), 0640));
    show_stat("log.txt chmod", at(0, "log.txt"), 1);
    CHECK("access R_OK", access(at(0, "log.txt"), R_OK));
    CHECK("access missing", access(at(0, "nope"), F_OK));
    CHECK("lseek on pipe", ({ int p[2]; pipe(p); long long r = lseek(p[0], 0, SEEK_SET); int e = errno; close(p[0]); close(p[1]); errno = e; r; }));

    /* Times. */
    struct timeval tv[2] = {{1000000000, 0}, {1234567890, 500000}};
    CHECK("utimes", utimes(at(0, "log.txt"), tv));
    stat(at(0, "log.txt"), &st);
    printf("mtime %" PRId64 " atime %" PRId64 "\n", (int64_t)st.st_mtime, (int64_t)st.st_atime);

    /* Directories, links, renames. */
    CHECK("mkdir sub", mkdir(at(0, "sub"), 0755));
    CHECK("mkdir sub again", mkdir(at(0, "sub"), 0755));
    CHECK("mkdir sub/deeper", mkdir(at(0, "sub/deeper"), 0700));
    CHECK("mkdir missing/parent", mkdir(at(0, "missing/parent"), 0755));
    show_stat("sub", at(0, "sub"), 1);
    show_stat("sub/deeper", at(0, "sub/deeper"), 1);
    CHECK("link", link(at(0, "log.txt"), at(1, "sub/hardlink")));
    show_stat("log.txt linked", at(0, "log.txt"), 1);
    CHECK("symlink", symlink("../log.txt", at(0, "sub/symlink")));
    char target[256];
    ssize_t tl = readlink(at(0, "sub/symlink"), target, sizeof target - 1);
    target[tl > 0 ? tl : 0] = 0;
    printf("readlink %zd [%s]\n", tl, target);
    show_stat("symlink (lstat)", at(0, "sub/symlink"), 0);
    show_stat("symlink (stat)", at(0, "sub/symlink"), 1);
    CHECK("readlink on file", readlink(at(0, "log.txt"), target, sizeof target));
    CHECK("symlink loop", symlink("loop", at(0, "loop")));
    CHECK("open loop", open(at(0, "loop"), O_RDONLY));
    CHECK("rename", rename(at(0, "data.bin"), at(1, "sub/moved.bin")));
    CHECK("rename missing", rename(at(0, "data.bin"), at(1, "x")));
    show_stat("moved.bin", at(0, "sub/moved.bin"), 1);
    list_dir("top", dir);
    list_dir("sub", at(0, "sub"));
    CHECK("rmdir non-empty", rmdir(at(0, "sub")));
    CHECK("rmdir a file", rmdir(at(0, "log.txt")));
    CHECK("unlink a dir", unlink(at(0, "sub/deeper")));
    CHECK("chdir sub", chdir(at(0, "sub")));
    CHECK("relative open", open("moved.bin", O_RDONLY) >= 0);
    char cwd[4096];
    printf("getcwd ends with /sub: %d\n", getcwd(cwd, sizeof cwd) && strlen(cwd) >= 4 && strcmp(cwd + strlen(cwd) - 4, "/sub") == 0);
    CHECK("chdir ..", chdir(".."));
    CHECK("unlink hardlink", unlink(at(0, "sub/hardlink")));
    CHECK("unlink symlink", unlink(at(0, "sub/symlink")));
    CHECK("unlink moved", unlink(at(0, "sub/moved.bin")));
    CHECK("rmdir deeper", rmdir(at(0, "sub/deeper")));
    CHECK("rmdir sub", rmdir(at(0, "sub")));
    CHECK("unlink missing", unlink(at(0, "sub")));

    /* stdio. */
    FILE *f = fopen(at(0, "text.txt"), "w");
    for (int i = 0; i < 200; i++) fprintf(f, "%d:%s:%.3f:%x\n", i, i % 3 ? "word" : "other word", i / 7.0, i * 12345);
    fputs("no newline at end", f);
    printf("ftell after write %ld\n", ftell(f));
    fclose(f);
    show_stat("text.txt", at(0, "text.txt"), 1);
    f = fopen(at(0, "text.txt"), "r");
    char line[128];
    int lines = 0;
    uint32_t h = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        for (char *p = line; *p; p++) h = h * 31 + (unsigned char)*p;
        if (lines % 40 == 1) printf("fgets %d: %s", lines, line);
    }
    printf("\nfgets lines %d hash %08" PRIx32 " eof %d\n", lines, h, feof(f));
    rewind(f);
    int num; char word[32]; double val; unsigned hex;
    int r = fscanf(f, "%d:%31[^:]:%lf:%x", &num, word, &val, &hex);
    printf("fscanf %d: %d [%s] %.3f %x\n", r, num, word, val, hex);
    fseek(f, -17, SEEK_END);
    int c = fgetc(f);
    ungetc('#', f);
    char tail[32] = "";
    fgets(tail, sizeof tail, f);
    printf("tail first %c then [%s] pos %ld\n", c, tail, ftell(f));
    fseek(f, 0, SEEK_SET);
    char *gl = NULL;
    size_t cap = 0;
    ssize_t len, total = 0;
    int count = 0;
    while ((len = getline(&gl, &cap, f)) > 0) { total += len; count++; }
    printf("getline %d lines %zd bytes\n", count, total);
    free(gl);
    fclose(f);
    /* Binary fread/fwrite with "r+b" updates. */
    f = fopen(at(0, "records.bin"), "w+b");
    for (int32_t i = 0; i < 1000; i++) { int32_t rec[3] = {i, i * i, -i}; fwrite(rec, sizeof rec, 1, f); }
    fseek(f, 12 * 500, SEEK_SET);
    int32_t rec[3];
    size_t got = fread(rec, sizeof rec, 1, f);
    printf("fread %zu: %d %d %d\n", got, rec[0], rec[1], rec[2]);
    fseek(f, -12, SEEK_CUR);
    rec[1] = 42;
    fwrite(rec, sizeof rec, 1, f);
    fflush(f);
    fseek(f, 0, SEEK_END);
    printf("size %ld\n", ftell(f));
    rewind(f);
    int64_t sum = 0;
    while (fread(rec, sizeof rec, 1, f) == 1) sum += rec[0] + rec[1] + rec[2];
    printf("sum %" PRId64 "\n", sum);
    fclose(f);
    f = fopen(at(0, "missing/file"), "r");
    printf("fopen missing: %s %s\n", f ? "opened" : "NULL", errname(errno));
    /* Many files at once. */
    for (int i = 0; i < 40; i++) {
        char name[32];
        snprintf(name, sizeof name, "many-%02d", (i * 17) % 40);
        int fdm = open(at(0, name), O_CREAT | O_WRONLY, 0644);
        if (fdm < 0) { printf("open many failed\n"); continue; }
        if (write(fdm, name, (size_t)i) < 0) printf("write many failed\n");
        close(fdm);
    }
    list_dir("many", dir);
    int64_t bytes = 0;
    for (int i = 0; i < 40; i++) {
        char name[32];
        snprintf(name, sizeof name, "many-%02d", i);
        if (stat(at(0, name), &st) == 0) bytes += st.st_size;
        unlink(at(0, name));
    }
    printf("many bytes %" PRId64 "\n", bytes);
    unlink(at(0, "text.txt")); unlink(at(0, "records.bin")); unlink(at(0, "log.txt")); unlink(at(0, "loop"));
    list_dir("end", dir);
    return 0;
}
