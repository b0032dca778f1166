/* The test that sees its process: its argv, an environment variable the build system sets, a
 * data file named relative to the working directory the build system gives it, and its exit
 * status. Run by the build systems as
 *     test_process data/sample.txt CRC32 WORDS "two words"     (env CIPROJECT_GREETING, cwd tests/)
 *     test_process --exit-with STATUS                          (expected to fail with STATUS)   */
#include "ciproject.h"
#include "check.h"

#include <errno.h>

static void check_file(const char *path, const char *crc_text, const char *words_text) {
    CHECK(path[0] != '/');   /* the point is a path relative to the working directory */
    FILE *file = fopen(path, "rb");
    CHECK(file != NULL);
    if (file == NULL) {
        perror(path);
        return;
    }
    static char contents[65536];
    size_t length = fread(contents, 1, sizeof contents - 1, file);
    fclose(file);
    contents[length] = '\0';
    char *end;
    errno = 0;
    unsigned long crc = strtoul(crc_text, &end, 0);   /* above LONG_MAX on a 32-bit guest */
    CHECK(errno == 0 && *end == '\0');
    long words = 0;
    CHECK(cp_parse_long(words_text, &words));
    uint32_t actual = cp_crc32(contents, length);
    if (actual != crc) fprintf(stderr, "crc32 of %s is 0x%08x, not 0x%08lx\n", path, actual, crc);
    CHECK(actual == crc);
    CHECK(cp_count_words(contents) == (size_t)words);
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--exit-with") == 0) {
        long status = 0;
        if (!cp_parse_long(argv[2], &status)) return 2;
        printf("exit-status: exiting with %ld on purpose\n", status);
        return (int)status;
    }
    CHECK(argc == 5);
    if (argc != 5) {
        fprintf(stderr, "usage: %s FILE CRC32 WORDS TEXT\n", argv[0]);
        return check_finish("process");
    }
    const char *name = strrchr(argv[0], '/');
    CHECK(strcmp(name != NULL ? name + 1 : argv[0], "test_process") == 0);
    CHECK(strcmp(argv[4], "two words") == 0);   /* an argument with a space arrives whole */

    const char *greeting = getenv("CIPROJECT_GREETING");
    CHECK(greeting != NULL && strcmp(greeting, "hello from the build") == 0);

    check_file(argv[1], argv[2], argv[3]);
    return check_finish("process");
}
