/* /proc as the ARM guest sees it, for Scripts/cli-tests:
     procview cat FILE...   copies each file to stdout
     procview auxv          /proc/self/auxv as "type value" lines (decimal type, hex value)
     procview hwcap         getauxval(AT_HWCAP) in hex */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "hwcap") == 0) {
        printf("%lx\n", getauxval(AT_HWCAP));
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "auxv") == 0) {
        unsigned long pair[2];
        int fd = open("/proc/self/auxv", O_RDONLY);
        if (fd < 0) return 1;
        while (read(fd, pair, sizeof pair) == sizeof pair) printf("%lu %lx\n", pair[0], pair[1]);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "cat") == 0) {
        for (int i = 2; i < argc; i++) {
            int fd = open(argv[i], O_RDONLY);
            if (fd < 0) { perror(argv[i]); return 1; }
            char buf[4096];
            ssize_t n;
            while ((n = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, (size_t)n, stdout);
            close(fd);
        }
        return 0;
    }
    fprintf(stderr, "usage: procview cat FILE... | auxv | hwcap\n");
    return 2;
}
