// Faults caught by the program: SIGSEGV on an unmapped page (SEGV_MAPERR) and on a read-only
// page (SEGV_ACCERR), each left with siglongjmp, si_addr naming the address; a handler that
// fixes the protection and returns, so the faulting store runs again; SIGILL from abort-like
// traps is left to other tests. Also SIGSEGV and SIGFPE sent by kill, which are not faults
// (the emulator's own handlers for host faults and FP traps must pass them on), and SIGFPE
// sent while ignored.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf recover;
static volatile void *fault_address;
static volatile int fault_code, faults, fix_page;
static char *page;
static long page_size;

static void on_segv(int sig, siginfo_t *info, void *context) {
    (void)sig;
    (void)context;
    faults++;
    fault_address = info->si_addr;
    fault_code = info->si_code;
    if (fix_page) {
        mprotect(page, page_size, PROT_READ | PROT_WRITE);
        return;  // the store runs again and succeeds
    }
    siglongjmp(recover, 1);
}

int main(void) {
    page_size = sysconf(_SC_PAGESIZE);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);

    char *hole = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(hole, page_size);
    if (sigsetjmp(recover, 1) == 0) {
        *(volatile char *)(hole + 12) = 1;
        printf("no fault?\n");
    } else {
        printf("unmapped: faults=%d addr ok=%d maperr=%d\n", faults, fault_address == hole + 12, fault_code == SEGV_MAPERR);
    }

    page = mmap(NULL, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(recover, 1) == 0) {
        *(volatile int *)(page + 64) = 7;
        printf("no fault?\n");
    } else {
        printf("read-only: faults=%d addr ok=%d accerr=%d\n", faults, fault_address == page + 64, fault_code == SEGV_ACCERR);
    }
    // The mask was restored by siglongjmp(…, 1): a second fault is caught too.
    if (sigsetjmp(recover, 1) == 0) {
        volatile int x = *(volatile int *)(hole + 100);
        (void)x;
    }
    printf("second unmapped: faults=%d\n", faults);

    fix_page = 1;
    volatile int *cell = (volatile int *)(page + 128);
    int before = faults;
    for (int i = 0; i < 3; i++) cell[i] = 40 + i;
    printf("fixed and resumed: extra faults=%d values=%d %d %d\n", faults - before, cell[0], cell[1], cell[2]);

    fix_page = 0;
    if (sigsetjmp(recover, 1) == 0) {
        kill(getpid(), SIGSEGV);
        printf("no signal?\n");
    } else {
        printf("kill SIGSEGV: code is user=%d\n", fault_code == SI_USER);
    }

    struct sigaction fpe;
    memset(&fpe, 0, sizeof fpe);
    fpe.sa_sigaction = on_segv;
    fpe.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &fpe, NULL);
    before = faults;
    if (sigsetjmp(recover, 1) == 0) {
        kill(getpid(), SIGFPE);
        printf("no signal?\n");
    } else {
        printf("kill SIGFPE: caught=%d code is user=%d\n", faults - before, fault_code == SI_USER);
    }
    signal(SIGFPE, SIG_IGN);
    kill(getpid(), SIGFPE);
    volatile double zero = 0.0, nan = zero / zero;
    printf("ignored SIGFPE: still here, 0/0 is nan=%d\n", nan != nan);
    return 0;
}
