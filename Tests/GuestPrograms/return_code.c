/* guest-tests: expect exit 3
   Returning 3 from main: the status passes through exit(), stdout is flushed at exit, and
   an on_exit handler sees the status. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

static void on_leave(int status, void *arg) { printf("on_exit: status %d arg %s\n", status, (const char *)arg); }

int main(void) {
    on_exit(on_leave, "hello");
    int sum = 0;
    for (int i = 1; i <= 10; i++) { sum += i; printf("partial sum %d\n", sum); }
    return sum == 55 ? 3 : 1;
}
