/* The ARM Linux kuser helpers: code the kernel maps at the top of every process (the vector
   page) for old CPUs that lack atomics. A program branches to fixed addresses:
     0xffff0ffc  __kuser_helper_version (a word, not code)
     0xffff0fe0  __kuser_get_tls: r0 = the TLS pointer (TPIDRURO); clobbers nothing
     0xffff0fc0  __kuser_cmpxchg(r0 old, r1 new, r2 ptr): r0 == 0 and C set when *ptr was old
                 and is now new; otherwise r0 != 0 and C clear; clobbers r3, ip, flags
     0xffff0fa0  __kuser_memory_barrier: clobbers nothing, keeps the flags
     0xffff0f60  __kuser_cmpxchg64(r0 &old, r1 &new, r2 ptr): like cmpxchg on 64 bits;
                 clobbers r3, lr, flags (version >= 5); the kernel's own routine loads the
                 current value into r0:r1, so r1 is not checked after it
   Each is called from C through a function pointer (the way old libgcc does) and from inline
   asm, where the registers the helper must keep and the C flag are checked. The native build
   computes the same answers with __sync builtins. Only whether r0 is zero is printed: the
   non-zero failure value is not part of the interface. */
/* guest-tests: only arm */
#include <stdint.h>
#include <stdio.h>

static volatile int word;
static volatile int64_t dword;

#ifdef __arm__
typedef int (*cmpxchg_fn)(int oldval, int newval, volatile int *ptr);
typedef int (*cmpxchg64_fn)(const int64_t *oldval, const int64_t *newval, volatile int64_t *ptr);
typedef void (*barrier_fn)(void);
typedef void *(*get_tls_fn)(void);
#define KUSER_VERSION (*(volatile int32_t *)0xffff0ffcu)
#define KUSER_GET_TLS ((get_tls_fn)0xffff0fe0u)
#define KUSER_CMPXCHG ((cmpxchg_fn)0xffff0fc0u)
#define KUSER_BARRIER ((barrier_fn)0xffff0fa0u)
#define KUSER_CMPXCHG64 ((cmpxchg64_fn)0xffff0f60u)

/* r0 and the C flag after __kuser_cmpxchg; *kept is 1 when r1 and r2 came back unchanged. */
static int asm_cmpxchg(int oldval, int newval, volatile int *ptr, int *carry, int *kept) {
    register int r0 __asm__("r0") = oldval;
    register int r1 __asm__("r1") = newval;
    register volatile int *r2 __asm__("r2") = ptr;
    uint32_t fn = 0xffff0fc0u, psr;
    __asm__ volatile("blx %[fn]\n\t"
                     "mrs %[psr], apsr"
                     : "+r"(r0), "+r"(r1), "+r"(r2), [psr] "=r"(psr)
                     : [fn] "r"(fn)
                     : "r3", "ip", "lr", "cc", "memory");
    *carry = (psr >> 29) & 1;
    *kept = r1 == newval && r2 == ptr;
    return r0;
}

static int asm_cmpxchg64(const int64_t *oldval, const int64_t *newval, volatile int64_t *ptr,
                         int *carry, int *kept) {
    register const int64_t *r0 __asm__("r0") = oldval;
    register const int64_t *r1 __asm__("r1") = newval;
    register volatile int64_t *r2 __asm__("r2") = ptr;
    uint32_t fn = 0xffff0f60u, psr;
    __asm__ volatile("blx %[fn]\n\t"
                     "mrs %[psr], apsr"
                     : "+r"(r0), "+r"(r1), "+r"(r2), [psr] "=r"(psr)
                     : [fn] "r"(fn)
                     : "r3", "ip", "lr", "cc", "memory");
    *carry = (psr >> 29) & 1;
    (void)r1;
    *kept = r2 == ptr;
    return (int)(intptr_t)r0;
}

/* Sets N, Z, C and V to a known pattern, calls the barrier, and reports whether r0-r3 and the
   flags came back unchanged. */
static int asm_barrier_keeps_state(void) {
    register uint32_t r0 __asm__("r0") = 0x11111111u;
    register uint32_t r1 __asm__("r1") = 0x22222222u;
    register uint32_t r2 __asm__("r2") = 0x33333333u;
    register uint32_t r3 __asm__("r3") = 0x44444444u;
    uint32_t fn = 0xffff0fa0u, before, after;
    __asm__ volatile("msr APSR_nzcvq, %[set]\n\t"
                     "mrs %[before], apsr\n\t"
                     "blx %[fn]\n\t"
                     "mrs %[after], apsr"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), [before] "=&r"(before), [after] "=&r"(after)
                     : [fn] "r"(fn), [set] "r"(0xa0000000u)
                     : "lr", "cc", "memory");
    return r0 == 0x11111111u && r1 == 0x22222222u && r2 == 0x33333333u && r3 == 0x44444444u &&
           (before & 0xf0000000u) == 0xa0000000u && (after & 0xf0000000u) == 0xa0000000u;
}

/* __kuser_get_tls through asm: r0 is the result; r1-r3 must survive. */
static int asm_get_tls_keeps_state(void **tls) {
    register uint32_t r0 __asm__("r0") = 0;
    register uint32_t r1 __asm__("r1") = 0x55555555u;
    register uint32_t r2 __asm__("r2") = 0x66666666u;
    register uint32_t r3 __asm__("r3") = 0x77777777u;
    uint32_t fn = 0xffff0fe0u;
    __asm__ volatile("blx %[fn]" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : [fn] "r"(fn) : "lr", "memory");
    *tls = (void *)r0;
    return r1 == 0x55555555u && r2 == 0x66666666u && r3 == 0x77777777u;
}

static void *thread_pointer(void) {
    void *tp;
    __asm__("mrc p15, 0, %0, c13, c0, 3" : "=r"(tp));
    return tp;
}
#else
/* The portable model: what each helper means, with __sync builtins. */
static int model_cmpxchg(int oldval, int newval, volatile int *ptr) {
    return __sync_bool_compare_and_swap(ptr, oldval, newval) ? 0 : 1;
}
static int model_cmpxchg64(const int64_t *oldval, const int64_t *newval, volatile int64_t *ptr) {
    return __sync_bool_compare_and_swap(ptr, *oldval, *newval) ? 0 : 1;
}
#endif

static int c_cmpxchg(int oldval, int newval, volatile int *ptr) {
#ifdef __arm__
    return KUSER_CMPXCHG(oldval, newval, ptr);
#else
    return model_cmpxchg(oldval, newval, ptr);
#endif
}

static int c_cmpxchg64(int64_t oldval, int64_t newval, volatile int64_t *ptr) {
#ifdef __arm__
    return KUSER_CMPXCHG64(&oldval, &newval, ptr);
#else
    return model_cmpxchg64(&oldval, &newval, ptr);
#endif
}

static void show_cmpxchg(const char *label, int oldval, int newval) {
    int r, carry, kept;
#ifdef __arm__
    r = asm_cmpxchg(oldval, newval, &word, &carry, &kept);
#else
    r = model_cmpxchg(oldval, newval, &word);
    carry = r == 0;
    kept = 1;
#endif
    printf("%-28s r0 %s C=%d r1/r2 kept %s word now %d\n", label, r == 0 ? "zero" : "nonzero", carry,
           kept ? "yes" : "no", word);
}

static void show_cmpxchg64(const char *label, int64_t oldval, int64_t newval) {
    int r, carry, kept;
#ifdef __arm__
    r = asm_cmpxchg64(&oldval, &newval, &dword, &carry, &kept);
#else
    r = model_cmpxchg64(&oldval, &newval, &dword);
    carry = r == 0;
    kept = 1;
#endif
    printf("%-28s r0 %s C=%d r2 kept %s dword now %016llx\n", label, r == 0 ? "zero" : "nonzero",
           carry, kept ? "yes" : "no", (unsigned long long)dword);
}

/* An atomic add built from a compare-and-swap loop, the way pre-v6 libgcc did it. */
static int add_with_cmpxchg(volatile int *ptr, int delta) {
    int old;
    do {
        old = *ptr;
    } while (c_cmpxchg(old, old + delta, ptr) != 0);
    return old + delta;
}

static int64_t add64_with_cmpxchg(volatile int64_t *ptr, int64_t delta) {
    int64_t old;
    do {
        old = *ptr;
    } while (c_cmpxchg64(old, old + delta, ptr) != 0);
    return old + delta;
}

static __thread int tls_marker = 42;

int main(void) {
#ifdef __arm__
    int version_ok = KUSER_VERSION >= 5;
    void *tls_c = KUSER_GET_TLS();
    void *tls_asm;
    int tls_kept = asm_get_tls_keeps_state(&tls_asm);
    int tls_ok = tls_c == thread_pointer() && tls_asm == tls_c;
    int barrier_ok = asm_barrier_keeps_state();
    KUSER_BARRIER();
#else
    int version_ok = 1, tls_kept = 1, tls_ok = 1, barrier_ok = 1;
    __sync_synchronize();
#endif
    printf("helper version >= 5: %s\n", version_ok ? "yes" : "no");
    printf("get_tls equals the thread pointer: %s, r1-r3 kept: %s\n", tls_ok ? "yes" : "no",
           tls_kept ? "yes" : "no");
    printf("tls variable reads %d\n", tls_marker);
    printf("memory barrier keeps r0-r3 and NZCV: %s\n", barrier_ok ? "yes" : "no");

    word = 5;
    show_cmpxchg("cmpxchg 5->7 (matches)", 5, 7);
    show_cmpxchg("cmpxchg 5->9 (stale)", 5, 9);
    show_cmpxchg("cmpxchg 7->7 (same value)", 7, 7);
    show_cmpxchg("cmpxchg 7->-1", 7, -1);
    show_cmpxchg("cmpxchg -1->INT_MIN", -1, (int)0x80000000u);
    show_cmpxchg("cmpxchg 0->1 (stale)", 0, 1);

    word = 0;
    int r = c_cmpxchg(0, 3, &word);
    printf("c cmpxchg 0->3: %s, word %d\n", r == 0 ? "swapped" : "failed", word);
    r = c_cmpxchg(0, 4, &word);
    printf("c cmpxchg 0->4: %s, word %d\n", r == 0 ? "swapped" : "failed", word);
    for (int i = 0; i < 1000; i++) add_with_cmpxchg(&word, i);
    printf("cmpxchg-loop sum: %d\n", word);

    dword = 0x0123456789abcdefLL;
    show_cmpxchg64("cmpxchg64 matches", 0x0123456789abcdefLL, -2);
    show_cmpxchg64("cmpxchg64 stale", 0x0123456789abcdefLL, 5);
    show_cmpxchg64("cmpxchg64 high word differs", 0x00000000fffffffeLL, 6);
    show_cmpxchg64("cmpxchg64 low word differs", (int64_t)0xffffffff00000000ULL, 7);
    show_cmpxchg64("cmpxchg64 -2->2^32", -2, 0x100000000LL);
    dword = 0;
    for (int i = 0; i < 500; i++) add64_with_cmpxchg(&dword, (int64_t)i << 24);
    printf("cmpxchg64-loop sum: %lld\n", (long long)dword);
#ifdef __arm__
    KUSER_BARRIER();
#endif
    return 0;
}
