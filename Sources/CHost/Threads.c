// Host threads for guest threads: created with every signal blocked (so no signal lands on a
// thread whose per-thread signal state is not set up yet), and a one-word handshake for the
// creator to learn the new thread's tid before clone returns, as the kernel's clone does.

#define _GNU_SOURCE
#include "CHost.h"
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

struct start {
    void (*body)(void *);
    void *context;
};

static void *run(void *raw) {
    struct start start = *(struct start *)raw;
    free(raw);
    start.body(start.context);
    return NULL;
}

int chost_thread_start(void (*body)(void *), void *context) {
    struct start *start = malloc(sizeof *start);
    if (!start) return ENOMEM;
    start->body = body;
    start->context = context;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &saved);
    pthread_t thread;
    int error = pthread_create(&thread, &attributes, run, start);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    pthread_attr_destroy(&attributes);
    if (error) free(start);
    return error;
}

void chost_thread_wait_posted(int32_t *word) {
    while (__atomic_load_n(word, __ATOMIC_ACQUIRE) == 0)
        syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
}

void chost_thread_post(int32_t *word, int32_t value) {
    __atomic_store_n(word, value, __ATOMIC_RELEASE);
    syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

_Noreturn void chost_thread_exit(int status) {
    for (;;) syscall(SYS_exit, status);
}

// The contended side of chost_lock: mark the word "waiters" and sleep until an unlock sees the
// mark and wakes one sleeper, who takes the lock again marked (it cannot know it was the last).
void chost_lock_wait(uint32_t *word) {
    while (__atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE) != 0)
        syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
}

void chost_lock_wake(uint32_t *word) {
    syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}
