/* POSIX timers (timer_create and friends): a one-shot timer's signal carries SI_TIMER and the
   sigev_value; a periodic timer keeps firing; timer_gettime reports what is left; a
   SIGEV_THREAD timer calls its function on a thread; a deleted timer is gone. What is printed
   does not depend on timing.
   guest-tests: cflags -pthread -lrt */
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static atomic_int thread_calls;
static void on_expiry(union sigval value) { atomic_fetch_add(&thread_calls, value.sival_int); }

int main(void) {
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, NULL);

    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGUSR1;
    event.sigev_value.sival_int = 42;
    timer_t timer;
    if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) { perror("timer_create"); return 1; }

    struct itimerspec spec = {.it_value = {.tv_sec = 0, .tv_nsec = 20 * 1000 * 1000}};
    timer_settime(timer, 0, &spec, NULL);
    struct itimerspec left;
    timer_gettime(timer, &left);
    printf("one-shot armed, time left within the 20 ms: %s\n",
           left.it_value.tv_sec == 0 && left.it_value.tv_nsec > 0 && left.it_value.tv_nsec <= 20 * 1000 * 1000 ? "yes" : "no");
    siginfo_t info;
    int sig = sigwaitinfo(&usr1, &info);
    printf("signal %s, si_code %s, value %d\n", sig == SIGUSR1 ? "SIGUSR1" : "other",
           info.si_code == SI_TIMER ? "SI_TIMER" : "other", info.si_value.sival_int);
    timer_gettime(timer, &left);
    printf("disarmed after firing: %s\n", left.it_value.tv_sec == 0 && left.it_value.tv_nsec == 0 ? "yes" : "no");

    struct itimerspec periodic = {.it_interval = {0, 2 * 1000 * 1000}, .it_value = {0, 2 * 1000 * 1000}};
    timer_settime(timer, 0, &periodic, NULL);
    int fired = 0;
    while (fired < 5 && sigwaitinfo(&usr1, &info) == SIGUSR1) fired++;
    printf("periodic timer fired %d times, overrun count is non-negative: %s\n", fired,
           timer_getoverrun(timer) >= 0 ? "yes" : "no");
    timer_delete(timer);
    errno = 0;
    int r = timer_settime(timer, 0, &spec, NULL);
    printf("settime on a deleted timer: %d %s\n", r, errno == EINVAL ? "EINVAL" : strerror(errno));

    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_THREAD;
    event.sigev_notify_function = on_expiry;
    event.sigev_value.sival_int = 7;
    if (timer_create(CLOCK_REALTIME, &event, &timer) != 0) { perror("timer_create SIGEV_THREAD"); return 1; }
    spec.it_value.tv_nsec = 5 * 1000 * 1000;
    timer_settime(timer, 0, &spec, NULL);
    for (int i = 0; i < 2000 && atomic_load(&thread_calls) == 0; i++) usleep(1000);
    printf("SIGEV_THREAD function called with %d\n", atomic_load(&thread_calls));
    timer_delete(timer);
    return 0;
}
