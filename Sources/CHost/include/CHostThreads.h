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

#endif
