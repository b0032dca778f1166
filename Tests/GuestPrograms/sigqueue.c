/* Queued signals: sigqueue's value reaches an SA_SIGINFO handler and sigwaitinfo with
   si_code SI_QUEUE; real-time signals sent while blocked are all delivered, in order, once
   unblocked (standard signals merge into one); a signal queued to one thread
   (pthread_sigqueue) reaches that thread.
   guest-tests: cflags -pthread */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int values[16], count;
static int codes_ok = 1;

static void on_rt(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (info->si_code != SI_QUEUE || info->si_signo != sig || info->si_pid != getpid()) codes_ok = 0;
    if (count < 16) values[count++] = info->si_value.sival_int + (sig - SIGRTMIN) * 1000;
}

static volatile sig_atomic_t usr1;
static void on_usr1(int sig) { (void)sig; usr1++; }

static pthread_t target;
static volatile int target_value;
static void on_usr2(int sig, siginfo_t *info, void *context) {
    (void)sig; (void)context;
    if (pthread_equal(pthread_self(), target)) target_value = info->si_value.sival_int;
}

static void *wait_for_usr2(void *arg) {
    (void)arg;
    while (!target_value) usleep(1000);
    return NULL;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_rt;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);
    signal(SIGUSR1, on_usr1);

    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGRTMIN);
    sigaddset(&block, SIGRTMIN + 1);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    for (int i = 1; i <= 4; i++) sigqueue(getpid(), SIGRTMIN + 1, (union sigval){.sival_int = i * 10});
    for (int i = 1; i <= 3; i++) sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = i});
    for (int i = 0; i < 3; i++) kill(getpid(), SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    printf("delivered %d real-time signals:", count);
    for (int i = 0; i < count; i++) printf(" %d", values[i]);
    printf("\nsi_code SI_QUEUE and sender pid: %s; SIGUSR1 three times sent, handled %d\n", codes_ok ? "yes" : "no", (int)usr1);

    sigprocmask(SIG_BLOCK, &block, NULL);
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 77});
    siginfo_t info;
    int sig = sigwaitinfo(&block, &info);
    printf("sigwaitinfo: %s value %d code %s\n", sig == SIGRTMIN ? "SIGRTMIN" : "other", info.si_value.sival_int,
           info.si_code == SI_QUEUE ? "SI_QUEUE" : "other");

    sa.sa_sigaction = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    pthread_create(&target, NULL, wait_for_usr2, NULL);
    pthread_sigqueue(target, SIGUSR2, (union sigval){.sival_int = 99});
    pthread_join(target, NULL);
    printf("pthread_sigqueue reached its thread with %d\n", target_value);
    return 0;
}
