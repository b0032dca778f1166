// Threads: many threads with mutexes, condition variables, barriers, semaphores and atomics,
// each part producing a result that does not depend on scheduling; thread-local storage;
// joins and their values; a detached thread; a robust mutex whose owner dies; signals aimed
// at one thread and per-thread masks; fork from a threaded process.
// guest-tests: cflags -pthread

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define THREADS 8

// --- mutex-protected counter, atomics, TLS ---------------------------------------------
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static atomic_long atomic_counter;
static atomic_int cas_counter;
static __thread long tls_value = 7;

static void *count_up(void *arg) {
    long id = (long)(intptr_t)arg;
    tls_value = id * 1000;
    for (int i = 0; i < 20000; i++) {
        pthread_mutex_lock(&counter_lock);
        counter++;
        pthread_mutex_unlock(&counter_lock);
        atomic_fetch_add(&atomic_counter, 2);
        int seen = atomic_load(&cas_counter);
        while (!atomic_compare_exchange_weak(&cas_counter, &seen, seen + 3)) {}
    }
    // Another thread's writes did not touch this thread's copy.
    return (void *)(intptr_t)(tls_value == id * 1000 ? id + 100 : -1);
}

static void counters(void) {
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, count_up, (void *)(intptr_t)i);
    long joined = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        joined += (long)(intptr_t)r;
    }
    printf("counter %ld atomic %ld cas %d joined %ld main tls %ld\n", counter, (long)atomic_load(&atomic_counter),
           atomic_load(&cas_counter), joined, tls_value);
}

// --- bounded queue with condition variables ----------------------------------------------
#define QUEUE 4
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static int queue[QUEUE], queue_head, queue_count;

static void put(int v) {
    pthread_mutex_lock(&queue_lock);
    while (queue_count == QUEUE) pthread_cond_wait(&not_full, &queue_lock);
    queue[(queue_head + queue_count++) % QUEUE] = v;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&queue_lock);
}

static int get(void) {
    pthread_mutex_lock(&queue_lock);
    while (queue_count == 0) pthread_cond_wait(&not_empty, &queue_lock);
    int v = queue[queue_head];
    queue_head = (queue_head + 1) % QUEUE;
    queue_count--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&queue_lock);
    return v;
}

static void *producer(void *arg) {
    int base = (int)(intptr_t)arg;
    for (int i = 1; i <= 500; i++) put(base + i);
    return NULL;
}

static void *consumer(void *arg) {
    long sum = 0;
    for (int i = 0; i < 500; i++) sum += get();
    *(long *)arg = sum;
    return NULL;
}

static void producers_consumers(void) {
    pthread_t p[3], c[3];
    long sums[3];
    for (int i = 0; i < 3; i++) pthread_create(&p[i], NULL, producer, (void *)(intptr_t)(i * 10000));
    for (int i = 0; i < 3; i++) pthread_create(&c[i], NULL, consumer, &sums[i]);
    long total = 0;
    for (int i = 0; i < 3; i++) pthread_join(p[i], NULL);
    for (int i = 0; i < 3; i++) {
        pthread_join(c[i], NULL);
        total += sums[i];
    }
    printf("queue total %ld\n", total);
}

// --- barrier and semaphore ------------------------------------------------------------------
static pthread_barrier_t barrier;
static sem_t tokens;
static atomic_int inside, most_inside, phase_errors;
static atomic_int arrived;

static void *phases(void *arg) {
    (void)arg;
    for (int phase = 0; phase < 5; phase++) {
        atomic_fetch_add(&arrived, 1);
        pthread_barrier_wait(&barrier);
        // Everyone of this phase arrived before anyone left the barrier.
        if (atomic_load(&arrived) < (phase + 1) * THREADS) atomic_fetch_add(&phase_errors, 1);
        pthread_barrier_wait(&barrier);
    }
    for (int i = 0; i < 50; i++) {
        sem_wait(&tokens);
        int now = atomic_fetch_add(&inside, 1) + 1;
        int most = atomic_load(&most_inside);
        while (now > most && !atomic_compare_exchange_weak(&most_inside, &most, now)) {}
        atomic_fetch_sub(&inside, 1);
        sem_post(&tokens);
    }
    return NULL;
}

static void barrier_semaphore(void) {
    pthread_barrier_init(&barrier, NULL, THREADS);
    sem_init(&tokens, 0, 2);
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, phases, NULL);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    printf("barrier errors %d, semaphore never above 2: %s\n", atomic_load(&phase_errors),
           atomic_load(&most_inside) <= 2 ? "yes" : "no");
}

// --- detached thread, robust mutex -----------------------------------------------------------
static sem_t detached_done;

static void *detached(void *arg) {
    (void)arg;
    // Nobody joins this thread, so it may still be on its way out when thread_signals sends
    // the process a SIGUSR2 that every other thread blocks: with SIGUSR2
    // open here the kernel could pick this thread and the default action ends the process.
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    sem_post(&detached_done);
    return NULL;
}

static pthread_mutex_t robust;

static void *die_holding(void *arg) {
    (void)arg;
    pthread_mutex_lock(&robust);
    return NULL;  // ends without unlocking
}

static void detached_and_robust(void) {
    sem_init(&detached_done, 0, 0);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t t;
    pthread_create(&t, &attributes, detached, NULL);
    sem_wait(&detached_done);
    printf("detached thread ran\n");

    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&robust, &ma);
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_join(t, NULL);
    int r = pthread_mutex_lock(&robust);
    printf("robust lock after owner died: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
    if (r == EOWNERDEAD) pthread_mutex_consistent(&robust);
    pthread_mutex_unlock(&robust);
    printf("robust lock again: %d\n", pthread_mutex_lock(&robust));
    pthread_mutex_unlock(&robust);
}

// --- signals and threads ---------------------------------------------------------------------
static pthread_t signal_target;
static volatile sig_atomic_t right_thread, handled;

static void on_usr1(int sig) {
    (void)sig;
    right_thread = pthread_equal(pthread_self(), signal_target);
    handled = 1;
}

static sem_t ready, go;

static void *wait_for_signal(void *arg) {
    (void)arg;
    sem_post(&ready);
    while (!handled) usleep(1000);
    return NULL;
}

static void *block_usr2(void *arg) {
    (void)arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    sem_post(&ready);
    sem_wait(&go);
    int sig = 0;
    sigwait(&set, &sig);  // takes the process-directed SIGUSR2 the main thread left pending
    printf("sigwait in a thread got %s\n", sig == SIGUSR2 ? "SIGUSR2" : "something else");
    return NULL;
}

static void thread_signals(void) {
    sem_init(&ready, 0, 0);
    sem_init(&go, 0, 0);
    signal(SIGUSR1, on_usr1);
    pthread_create(&signal_target, NULL, wait_for_signal, NULL);
    sem_wait(&ready);
    pthread_kill(signal_target, SIGUSR1);
    pthread_join(signal_target, NULL);
    printf("pthread_kill reached the right thread: %s\n", right_thread ? "yes" : "no");

    // Every thread blocks SIGUSR2 (main blocked it first thing); the one in sigwait takes it.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t t;
    pthread_create(&t, NULL, block_usr2, NULL);
    sem_wait(&ready);
    kill(getpid(), SIGUSR2);
    sem_post(&go);
    pthread_join(t, NULL);
}

// --- fork from a threaded process ------------------------------------------------------------
static void *spin_a_while(void *arg) {
    (void)arg;
    usleep(20000);
    return NULL;
}

static void fork_with_threads(void) {
    pthread_t t;
    pthread_create(&t, NULL, spin_a_while, NULL);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        // Only the forking thread exists here; threads can be made again.
        pthread_t u;
        pthread_create(&u, NULL, spin_a_while, NULL);
        pthread_join(u, NULL);
        printf("child made and joined a thread\n");
        fflush(stdout);
        _exit(3);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    pthread_join(t, NULL);
    printf("child exited %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

// --- priority-inheritance mutex (FUTEX_LOCK_PI/UNLOCK_PI on the owner's tid) ----------------
static pthread_mutex_t pi_lock;
static long pi_counter;

static void *pi_count(void *arg) {
    (void)arg;
    for (int i = 0; i < 5000; i++) {
        pthread_mutex_lock(&pi_lock);
        pi_counter++;
        pthread_mutex_unlock(&pi_lock);
    }
    return NULL;
}

static void priority_inheritance(void) {
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(&pi_lock, &ma);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, pi_count, NULL);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    struct timespec soon;
    clock_gettime(CLOCK_REALTIME, &soon);
    soon.tv_nsec += 1000000;
    if (soon.tv_nsec >= 1000000000) { soon.tv_sec++; soon.tv_nsec -= 1000000000; }
    pthread_mutex_lock(&pi_lock);
    int r = pthread_mutex_timedlock(&pi_lock, &soon);  // our own: EDEADLK, or a timeout
    pthread_mutex_unlock(&pi_lock);
    printf("pi counter %ld, relock by owner %s\n", pi_counter, r == EDEADLK || r == ETIMEDOUT ? "refused" : "granted");
}

// --- many short threads ------------------------------------------------------------------------
static void *square(void *arg) {
    long v = (long)(intptr_t)arg;
    return (void *)(intptr_t)(v * v);
}

static void many_threads(void) {
    long sum = 0;
    for (int round = 0; round < 25; round++) {
        pthread_t t[THREADS];
        for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, square, (void *)(intptr_t)(round * THREADS + i));
        for (int i = 0; i < THREADS; i++) {
            void *r;
            pthread_join(t[i], &r);
            sum += (long)(intptr_t)r;
        }
    }
    printf("200 threads, sum of squares %ld\n", sum);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    // SIGUSR2 is blocked in every thread from the start (thread_signals sends it to the
    // process for a sigwait): a thread that did not block it, such as the detached one still
    // on its way out on a loaded machine, would take it and die of it.
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &usr2, NULL);
    counters();
    producers_consumers();
    barrier_semaphore();
    detached_and_robust();
    thread_signals();
    priority_inheritance();
    fork_with_threads();
    many_threads();
    return 0;
}
