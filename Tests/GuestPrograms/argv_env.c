/* argv and the environment: argc and every argument after the temp dir (argv[0] and
   argv[1] differ between the native and guest runs, so only their shape is printed),
   getenv of the variables the harness sets, environ walked with only MIRAGE_TEST_ entries
   printed (sorted), and setenv/unsetenv/putenv/clearenv effects. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern char **environ;

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void show_env(const char *label) {
    char *entries[256];
    int n = 0;
    for (char **e = environ; e && *e && n < 256; e++) /* clearenv leaves environ NULL */
        if (strncmp(*e, "MIRAGE_TEST_", 12) == 0) entries[n++] = *e;
    qsort(entries, (size_t)n, sizeof entries[0], cmp);
    printf("%s: %d MIRAGE_TEST_ entries\n", label, n);
    for (int i = 0; i < n; i++) printf("  [%s]\n", entries[i]);
}

static void show_var(const char *name) {
    const char *v = getenv(name);
    if (v) printf("getenv %s = [%s] (%zu bytes)\n", name, v, strlen(v));
    else printf("getenv %s = NULL\n", name);
}

int main(int argc, char **argv) {
    printf("argc %d\n", argc);
    printf("argv[0] non-empty %d\n", argv[0] != NULL && argv[0][0] != 0);
    struct stat st;
    if (argc > 1) printf("argv[1] is a directory %d\n", stat(argv[1], &st) == 0 && S_ISDIR(st.st_mode));
    for (int i = 2; i < argc; i++) {
        printf("argv[%d] = [%s] length %zu bytes:", i, argv[i], strlen(argv[i]));
        for (const char *p = argv[i]; *p; p++) printf(" %02x", (unsigned char)*p);
        printf("\n");
    }
    printf("argv[argc] is NULL %d\n", argv[argc] == NULL);
    /* The argument strings are contiguous and writable (programs rely on both). */
    if (argc > 2) {
        argv[2][0] = 'A';
        printf("modified argv[2] = [%s]\n", argv[2]);
    }
    static const char *names[] = {"MIRAGE_TEST_NAME", "MIRAGE_TEST_GREETING", "MIRAGE_TEST_EMPTY", "MIRAGE_TEST_NUMBER",
                                  "MIRAGE_TEST_UTF8", "OTHER_VARIABLE", "PATH", "HOME", "MIRAGE_TEST_MISSING"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) show_var(names[i]);
    printf("number + 1 = %d\n", atoi(getenv("MIRAGE_TEST_NUMBER") ? getenv("MIRAGE_TEST_NUMBER") : "0") + 1);
    show_env("initial");
    setenv("MIRAGE_TEST_ADDED", "added value", 0);
    setenv("MIRAGE_TEST_NAME", "not replaced", 0);
    setenv("MIRAGE_TEST_NUMBER", "replaced", 1);
    unsetenv("MIRAGE_TEST_EMPTY");
    static char put[] = "MIRAGE_TEST_PUT=from putenv";
    putenv(put);
    show_env("after set/unset/put");
    put[16] = 'F'; /* putenv keeps the caller's string */
    show_var("MIRAGE_TEST_PUT");
    for (int i = 0; i < 100; i++) {
        char name[40], value[40];
        snprintf(name, sizeof name, "MIRAGE_TEST_BULK_%03d", i);
        snprintf(value, sizeof value, "%d", i * i);
        setenv(name, value, 1);
    }
    for (int i = 0; i < 100; i += 2) {
        char name[40];
        snprintf(name, sizeof name, "MIRAGE_TEST_BULK_%03d", i);
        unsetenv(name);
    }
    show_env("after bulk");
    clearenv();
    show_env("after clearenv");
    show_var("PATH");
    return 0;
}
