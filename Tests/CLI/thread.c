/* One thread started and joined, for Scripts/cli-tests' -strace check of clone and exit. */
#include <pthread.h>
#include <stdio.h>
static void *run(void *arg) { return arg; }
int main(void) {
    pthread_t t;
    if (pthread_create(&t, NULL, run, NULL) != 0 || pthread_join(t, NULL) != 0) return 1;
    puts("joined");
    return 0;
}
