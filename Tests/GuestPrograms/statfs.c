/* statfs/fstatfs (statfs64 with the C library's struct size) and statvfs: what df and stat -f
   read. Only what is stable between the two runs is printed (the temporary directory's
   filesystem type, block size, name length; free space changes). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".";
    struct statfs a, b;
    if (statfs(dir, &a) != 0) { perror("statfs"); return 1; }
    int fd = open(dir, O_RDONLY);
    if (fd < 0 || fstatfs(fd, &b) != 0) { perror("fstatfs"); return 1; }
    printf("statfs: type 0x%lx bsize %ld namelen %ld, fstatfs agrees: %s\n", (unsigned long)a.f_type, (long)a.f_bsize,
           (long)a.f_namelen, a.f_type == b.f_type && a.f_bsize == b.f_bsize && a.f_blocks == b.f_blocks ? "yes" : "no");
    struct statvfs v;
    if (statvfs(dir, &v) != 0) { perror("statvfs"); return 1; }
    printf("statvfs: bsize %lu namemax %lu, blocks agree: %s\n", (unsigned long)v.f_bsize, (unsigned long)v.f_namemax,
           (unsigned long long)v.f_blocks * v.f_frsize == (unsigned long long)a.f_blocks * a.f_bsize ? "yes" : "no");
    if (statfs("/nonexistent/mirage", &a) == 0) return 1;
    perror("statfs of a missing path");
    return 0;
}
