/* The tests' one assertion macro and their ending. A test fails by its exit status: the build
 * system (ctest, meson test, make check) sees the status the guest exited with, through mirage.
 * CIPROJECT_BREAK=NAME in the environment makes the test NAME fail on purpose, so a harness can
 * check that a failure is reported (Scripts/ci-recipes-tests does). */
#ifndef CIPROJECT_CHECK_H
#define CIPROJECT_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;

#define CHECK(condition) check_at((condition), #condition, __FILE__, __LINE__)

static void check_at(int holds, const char *text, const char *file, int line) {
    if (!holds) {
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, text);
        check_failures++;
    }
}

/* The exit status of the test NAME: 0 when every check held. */
static int check_finish(const char *name) {
    const char *broken = getenv("CIPROJECT_BREAK");
    if (broken != NULL && strcmp(broken, name) == 0) {
        fprintf(stderr, "%s: failing on purpose (CIPROJECT_BREAK=%s)\n", name, broken);
        check_failures++;
    }
    printf("%s: %s (%d failed checks)\n", name, check_failures == 0 ? "ok" : "FAILED", check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif
