/* What a MIPS o32 program asks of its kernel beyond the common calls, each line printed by
   the MIPS builds from what happened and by the native build from what Linux does on MIPS:
     1. syscall(SYS_syscall, n, ...): the indirect call, with arguments shifted by one (five
        of them, so the last two come from the caller's stack), nested or out of range (EINVAL).
     2. cacheflush, cachectl (ENOSYS), sysmips(MIPS_ATOMIC_SET) and sysmips(MIPS_FIXADE):
        unaligned loads fixed up by default, SIGBUS (BUS_ADRALN) once the program turns that off.
     3. prctl(PR_GET_FP_MODE) of an FPXX program: FR=0.
     4. A signal handler's ucontext: the pc and $sp of the trap, registers written through it
        and sigreturn putting them back (the handler steps over the BREAK and sets $v1);
        FPU registers and the rounding mode kept across a handler that changes both.
   guest-tests: only mips mipsel */
#include <errno.h>
#include <fenv.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#ifdef __mips__
#include <sys/cachectl.h>
#include <sys/sysmips.h>
#endif

static void indirect_calls(void) {
#ifdef __mips__
    long pid = syscall(SYS_syscall, SYS_getpid);
    printf("indirect getpid %d\n", pid == getpid());
    /* _llseek has five arguments: the indirect call finds the last two on the caller's
       stack, one slot on from where the direct call has them. */
    int fd = memfd_create("mips_kernel", 0);
    char bytes[100] = {0};
    long long position = -1;
    int ok = fd >= 0 && write(fd, bytes, sizeof bytes) == (ssize_t)sizeof bytes
        && syscall(SYS_syscall, SYS__llseek, fd, 0, 10, &position, SEEK_SET) == 0 && position == 10
        && syscall(SYS_syscall, SYS__llseek, fd, -1, -5, &position, SEEK_END) == 0 && position == 95;
    printf("indirect _llseek %d\n", ok);
    if (fd >= 0) close(fd);
    errno = 0;
    long r = syscall(SYS_syscall, SYS_syscall, SYS_getpid);
    printf("nested indirect %ld EINVAL %d\n", r, errno == EINVAL);
    errno = 0;
    r = syscall(SYS_syscall, 3999);
    printf("indirect out of range %ld EINVAL %d\n", r, errno == EINVAL);
#else
    printf("indirect getpid 1\nindirect _llseek 1\nnested indirect -1 EINVAL 1\nindirect out of range -1 EINVAL 1\n");
#endif
}

static sigjmp_buf escape;
static volatile int bus_code;
static void on_bus(int sig, siginfo_t *info, void *context) {
    (void)sig, (void)context;
    bus_code = info->si_code;
    siglongjmp(escape, 1);
}

static void kernel_services(void) {
#ifdef __mips__
    static char buffer[64];
    printf("cacheflush %d\n", cacheflush(buffer, sizeof buffer, BCACHE));
    errno = 0;
    int r = cachectl(buffer, sizeof buffer, CACHEABLE);
    printf("cachectl %d ENOSYS %d\n", r, errno == ENOSYS);
    static int word = 7;
    long old = syscall(SYS_sysmips, MIPS_ATOMIC_SET, &word, 12);
    printf("atomic set old %ld now %d\n", old, word);
    errno = 0;
    r = syscall(SYS_sysmips, 12345, 0, 0);
    printf("bad sysmips %d EINVAL %d\n", r, errno == EINVAL);

    static uint32_t words[2] = {0x11223344, 0x55667788};
    volatile uint32_t *odd = (volatile uint32_t *)((char *)words + 1);
    volatile uint32_t fixed = *odd;
    printf("unaligned load fixed up %d\n", fixed == (words[0] >> 8 | words[1] << 24) || fixed == (words[0] << 8 | words[1] >> 24));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    printf("fixade off %ld\n", syscall(SYS_sysmips, MIPS_FIXADE, 0, 0));
    if (!sigsetjmp(escape, 1)) {
        fixed = *odd;
        printf("unaligned load without fix-up ran\n");
    } else {
        printf("unaligned load without fix-up: SIGBUS BUS_ADRALN %d\n", bus_code == BUS_ADRALN);
    }
    printf("fixade on %ld\n", syscall(SYS_sysmips, MIPS_FIXADE, 1, 0));
    printf("unaligned load fixed up again %d\n", *odd == fixed);
    printf("fp mode %d\n", prctl(PR_GET_FP_MODE));
#else
    printf("cacheflush 0\ncachectl -1 ENOSYS 1\natomic set old 7 now 12\nbad sysmips -1 EINVAL 1\n");
    printf("unaligned load fixed up 1\nfixade off 0\nunaligned load without fix-up: SIGBUS BUS_ADRALN 1\n");
    printf("fixade on 0\nunaligned load fixed up again 1\nfp mode 0\n");
#endif
}

#ifdef __mips__
static volatile uintptr_t trap_pc, trap_sp;
static void on_trap(int sig, siginfo_t *info, void *context) {
    (void)sig, (void)info;
    ucontext_t *uc = context;
    trap_pc = (uintptr_t)uc->uc_mcontext.pc;
    trap_sp = (uintptr_t)uc->uc_mcontext.gregs[29];
    uc->uc_mcontext.pc += 4;          /* step over the BREAK */
    uc->uc_mcontext.gregs[3] = 4242;  /* $v1 */
    /* Clobber the FPU and its rounding mode here; sigreturn must put them back. */
    fesetround(FE_UPWARD);
    volatile double x = 1.0 / 3.0;
    (void)x;
}
#endif

static void contexts(void) {
#ifdef __mips__
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_trap;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGTRAP, &sa, NULL);
    fesetround(FE_TOWARDZERO);
    register double kept __asm__("$f20") = 2.5;
    uintptr_t v1, sp, here;
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "move $3, $0\n\t"
                     "bal 1f\n\t"
                     "nop\n"
                     "1:\tmove %[here], $31\n\t"
                     "break 9\n\t"
                     "move %[v1], $3\n\t"
                     "move %[sp], $29\n\t"
                     ".set pop"
                     : [v1] "=r"(v1), [sp] "=r"(sp), [here] "=r"(here), "+f"(kept)
                     :
                     : "$3", "$31", "memory");
    printf("handler saw the BREAK's pc %d and sp %d\n", trap_pc == here + 4, trap_sp == sp);
    printf("register set through the context %lu\n", (unsigned long)v1);
    printf("fpu register kept %d rounding kept %d\n", kept == 2.5, fegetround() == FE_TOWARDZERO);
    fesetround(FE_TONEAREST);
#else
    printf("handler saw the BREAK's pc 1 and sp 1\nregister set through the context 4242\n");
    printf("fpu register kept 1 rounding kept 1\n");
#endif
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    indirect_calls();
    kernel_services();
    contexts();
    return 0;
}
