/* Threads and fork, both ways round. First, threads in a forked child: the child's first
   thread (the one that forked) and new threads contend for the emulator's own locks
   (mappings, signal actions) all at once, then the child exits with a status the parent
   reports; an emulator whose locks remember the forking thread by its identity in the parent
   fails here. Then fork while other threads keep mapping and changing signal actions: each
   child must find those locks free (its other threads are gone) and exit normally.
   guest-tests: cflags -pthread */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

enum { threads = 4, rounds = 3000 };

static void on_signal(int signal) { (void)signal; }

static void churn_once_quietly(void) {
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) munmap(p, 4096);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigaction(SIGUSR2, &action, NULL);
}

static void *churn(void *arg) {
    long failures = 0;
    for (int i = 0; i < rounds; i++) {
        char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) { failures++; continue; }
        p[0] = (char)i;
        p[4096] = (char)(i >> 8);
        if (mprotect(p, 4096, PROT_READ) != 0) failures++;
        if (munmap(p, 8192) != 0) failures++;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = (i & 1) ? on_signal : SIG_IGN;
        if (sigaction(SIGUSR1, &action, NULL) != 0) failures++;
    }
    return (void *)failures;
}

static int child(void) {
    pthread_t t[threads];
    for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, churn, NULL);
    long failures = (long)churn(NULL);
    for (int i = 0; i < threads; i++) {
        void *result;
        pthread_join(t[i], &result);
        failures += (long)result;
    }
    return failures == 0 ? 7 : 1;
}

static volatile int stop;

static void *churn_until_stopped(void *arg) {
    (void)arg;
    while (!stop) churn_once_quietly();
    return NULL;
}

int main(void) {
    for (int round = 0; round < 3; round++) {
        pid_t pid = fork();
        if (pid == 0) _exit(child());
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status))
            printf("child %d: exit status %d\n", round, WEXITSTATUS(status));
        else
            printf("child %d: killed by signal %d\n", round, WIFSIGNALED(status) ? WTERMSIG(status) : -1);
    }

    pthread_t busy[2];
    for (int i = 0; i < 2; i++) pthread_create(&busy[i], NULL, churn_until_stopped, NULL);
    int normal = 0;
    for (int round = 0; round < 40; round++) {
        pid_t pid = fork();
        if (pid == 0) {
            churn_once_quietly();
            _exit(5);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 5) normal++;
    }
    stop = 1;
    for (int i = 0; i < 2; i++) pthread_join(busy[i], NULL);
    printf("forks while other threads map: %d of 40 children exited normally\n", normal);
    return 0;
}
