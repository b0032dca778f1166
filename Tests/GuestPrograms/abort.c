/* guest-tests: expect signal ABRT
   abort(): the process dies by SIGABRT (the harness compares the termination signal).
   Output is flushed first: abort does not flush stdio. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    for (int i = 0; i < 20; i++) printf("before abort %d\n", i);
    fflush(stdout);
    abort();
}
