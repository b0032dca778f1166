/* Executes a permanently undefined instruction (UDF): the kernel kills the process with SIGILL. */
#include <stdio.h>
int main(void) {
    puts("before");
    fflush(stdout);
#ifdef __thumb__
    __asm__ volatile(".inst.n 0xde01");
#else
    __asm__ volatile(".inst 0xe7f000f1");
#endif
    puts("after");
    return 0;
}
