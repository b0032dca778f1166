/* The FP status a signal handler finds in its context: an inexact division just before the
   signal must show in the saved status word (ARM: the VFP record's FPSCR.IXC in uc_regspace;
   MIPS: FCSR's inexact flag, bit 2, in the sigcontext; natively: MXCSR.PE in the x86-64
   frame), and the flag must survive the handler's return. */
#define _GNU_SOURCE
#include <fenv.h>
#include <signal.h>
#include <stdio.h>
#include <ucontext.h>

static volatile float a = 1.0f, b = 3.0f, c;
static volatile int saved_inexact = -1;

static void on_usr1(int signal, siginfo_t *info, void *context) {
    (void)signal;
    (void)info;
    ucontext_t *uc = context;
#if defined(__arm__)
    /* struct vfp_sigframe: magic, size, then user_vfp { u64 fpregs[32]; u32 fpscr; }. */
    const unsigned long *regspace = (const unsigned long *)uc->uc_regspace;
    if (regspace[0] == 0x56465001) saved_inexact = (int)(regspace[2 + 64] >> 4 & 1);
#elif defined(__mips__)
    saved_inexact = (int)(uc->uc_mcontext.fpc_csr >> 2 & 1);
#elif defined(__x86_64__)
    saved_inexact = (int)(uc->uc_mcontext.fpregs->mxcsr >> 5 & 1);
#endif
}

int main(void) {
    struct sigaction action = {0};
    action.sa_sigaction = on_usr1;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &action, NULL);
    feclearexcept(FE_ALL_EXCEPT);
    c = a / b;
    raise(SIGUSR1);
    printf("inexact saved in the signal frame: %d\n", saved_inexact);
    printf("inexact after the handler returned: %d\n", fetestexcept(FE_INEXACT) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    c = a + b;
    raise(SIGUSR1);
    printf("exact addition, inexact saved: %d\n", saved_inexact);
    return 0;
}
