/* Start-up cost: a static hello world, so a run is loading, libc start-up and exit only. */
#include <stdio.h>

int main(void) {
    puts("hello, world");
    return 0;
}
