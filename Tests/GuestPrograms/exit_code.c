/* guest-tests: expect exit 42
   exit(42) from a nested call, after output that is still buffered and atexit handlers
   (which run in reverse order of registration and may print). */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("atexit handler registered first runs last\n"); }
static void second(void) { printf("atexit handler registered second runs first\n"); }

/* gcc warns of infinite recursion here because it does not count exit() as a way out. */
#pragma GCC diagnostic ignored "-Winfinite-recursion"
static void leave(int depth) {
    if (depth > 0) {
        leave(depth - 1);
        printf("never printed\n");
        return;
    }
    printf("leaving with 42 from depth 5\n");
    exit(42);
}

int main(void) {
    atexit(first);
    atexit(second);
    for (int i = 0; i < 100; i++) printf("buffered line %d\n", i);
    leave(5);
    return 0;
}
