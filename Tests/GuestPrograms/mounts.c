/* mount, umount2: a tmpfs mounted on a fresh directory, seen by statfs and by a file written
   into it, then unmounted. Without the privilege both runs print the same refusal. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <unistd.h>

#define TMPFS_MAGIC 0x01021994

int main(void) {
    char dir[] = "/tmp/mirage-mount-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    if (mount("mirage-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0700") != 0) {
        printf("mount: %s\n", errno == EPERM ? "not permitted" : strerror(errno));
        rmdir(dir);
        return 0;
    }
    struct statfs s;
    if (statfs(dir, &s) != 0) { perror("statfs"); return 1; }
    printf("mounted: tmpfs %s, blocks of %ld: %ld\n", s.f_type == TMPFS_MAGIC ? "yes" : "no", (long)s.f_bsize,
           (long)s.f_blocks);
    char file[64];
    snprintf(file, sizeof file, "%s/f", dir);
    int fd = open(file, O_CREAT | O_WRONLY, 0600);
    printf("file in it: %s\n", fd >= 0 && write(fd, "x", 1) == 1 ? "written" : strerror(errno));
    close(fd);
    /* Busy while the file is open elsewhere? No: closed. A bad flag is refused first. */
    printf("umount2 with a bad flag: %s\n", umount2(dir, 0x80000000) == 0 ? "succeeded" : strerror(errno));
    if (umount2(dir, 0) != 0) { perror("umount2"); return 1; }
    printf("unmounted: file gone: %s\n", access(file, F_OK) != 0 ? "yes" : "no");
    printf("umount2 again: %s\n", umount2(dir, 0) == 0 ? "succeeded" : strerror(errno));
    printf("mount with a missing target: %s\n",
           mount("none", "/nonexistent/mirage", "tmpfs", 0, NULL) == 0 ? "succeeded" : strerror(errno));
    rmdir(dir);
    return 0;
}
