/* How threads end a process: the main thread leaves with pthread_exit while another thread
   goes on (and finishes the output); then, in a child process, one thread's exit() ends every
   thread at once with its status, even with others blocked or spinning.
   guest-tests: cflags -pthread */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void *spin(void *arg) {
    (void)arg;
    for (volatile unsigned long i = 0;; i++) {}
    return NULL;
}

static void *block(void *arg) {
    (void)arg;
    pause();
    return NULL;
}

static void *ender(void *arg) {
    (void)arg;
    usleep(20000);
    exit(42);  // exit_group: the spinning and blocked threads end too
}

static void *survivor(void *arg) {
    pthread_t main_thread = *(pthread_t *)arg;
    pthread_join(main_thread, NULL);  // the main thread is gone; its join completes
    printf("the main thread ended; this thread finishes the program\n");
    fflush(stdout);
    return NULL;
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    pid_t child = fork();
    if (child == 0) {
        pthread_t t;
        pthread_create(&t, NULL, spin, NULL);
        pthread_create(&t, NULL, block, NULL);
        pthread_create(&t, NULL, ender, NULL);
        pthread_join(t, NULL);
        return 1;
    }
    int status = 0;
    waitpid(child, &status, 0);
    printf("exit() in one thread ended the process with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);

    static pthread_t self;
    self = pthread_self();
    pthread_t t;
    pthread_create(&t, NULL, survivor, &self);
    pthread_exit(NULL);
}
