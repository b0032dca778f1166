// Host threads for guest threads (Threads.c).
#ifndef CHOST_THREADS_H
#define CHOST_THREADS_H
#include <stdint.h>

/// Starts a detached host thread running body(context), with every signal blocked until the
/// body sets its own mask (it must: the thread knows its guest mask, the creator does not
/// hand it down). 0, or the errno pthread_create failed with.
int chost_thread_start(void (*body)(void *), void *context);
/// Waits until *word is nonzero (another thread posts it).
void chost_thread_wait_posted(int32_t *word);
/// Stores value (nonzero) into *word and wakes a waiter.
void chost_thread_post(int32_t *word, int32_t value);
/// Ends the calling host thread only (the kernel's exit, not exit_group): what the main thread
/// does when other guest threads live on.
_Noreturn void chost_thread_exit(int status);

/// A lock word (0 unlocked, 1 locked, 2 locked with waiters) on a plain futex, for the
/// runtime's own locks (Host's HostMutex). Not a PI futex and no owner tid in the word: Swift's
/// Mutex stores a per-thread cached tid, which in a forked child is still the parent's, so a
/// contended lock there asked the kernel about another process's thread (ESRCH, a trap).
void chost_lock_wait(uint32_t *word);
void chost_lock_wake(uint32_t *word);
static inline void chost_lock(uint32_t *word) {
    uint32_t expected = 0;
    if (__atomic_compare_exchange_n(word, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    chost_lock_wait(word);
}
static inline void chost_unlock(uint32_t *word) {
    if (__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) == 2) chost_lock_wake(word);
}

#endif
