/* Threads running while code changes under them: worker threads compute checksums through
   many distinct functions (so translation goes on in several threads at once), while the main
   thread writes functions into fresh executable pages, calls them, and unmaps them again,
   which makes a translator throw code away with the other threads mid-run. The results do not
   depend on scheduling. The ARM build writes ARM code, the MIPS builds MIPS code, the native
   build x86-64 code.
   guest-tests: cflags -pthread */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef int (*fn)(int);

/* A function returning x * k + c at code; its entry. */
static fn emit(uint8_t *code, int k, int c) {
#if defined(__arm__)
    uint32_t *w = (uint32_t *)code;
    w[0] = 0xe3a01000 | (k & 0xff); /* mov r1, #k */
    w[1] = 0xe0000190;              /* mul r0, r0, r1 */
    w[2] = 0xe2800000 | (c & 0xff); /* add r0, r0, #c */
    w[3] = 0xe12fff1e;              /* bx lr */
    return (fn)code;
#elif defined(__mips__)
    uint32_t *w = (uint32_t *)code;
    w[0] = 0x24080000 | (k & 0xffff); /* addiu t0, zero, k */
    w[1] = 0x70881002;                /* mul v0, a0, t0 */
    w[2] = 0x03e00008;                /* jr ra */
    w[3] = 0x24420000 | (c & 0xffff); /* addiu v0, v0, c (the delay slot) */
    return (fn)code;
#else
    uint8_t bytes[] = {0x69, 0xc7, (uint8_t)k, 0, 0, 0, 0x05, (uint8_t)c, 0, 0, 0, 0xc3};
    memcpy(code, bytes, sizeof bytes);
    return (fn)code;
#endif
}

#define STEP(n) static unsigned step##n(unsigned h, unsigned v) { return (h ^ (v + n)) * 16777619u + (h >> (n % 13 + 1)); }
#define STEPS8(a) STEP(a##0) STEP(a##1) STEP(a##2) STEP(a##3) STEP(a##4) STEP(a##5) STEP(a##6) STEP(a##7)
STEPS8(1) STEPS8(2) STEPS8(3) STEPS8(4)
typedef unsigned (*stepfn)(unsigned, unsigned);
#define REF8(a) step##a##0, step##a##1, step##a##2, step##a##3, step##a##4, step##a##5, step##a##6, step##a##7,
static stepfn steps[] = {REF8(1) REF8(2) REF8(3) REF8(4)};

static atomic_int stop;

static void *worker(void *arg) {
    unsigned id = (unsigned)(uintptr_t)arg, h = 2166136261u ^ id;
    for (unsigned i = 0; i < 400000; i++) h = steps[(i * 7 + id) % 32](h, i);
    return (void *)(uintptr_t)h;
}

int main(void) {
    enum { WORKERS = 4 };
    pthread_t t[WORKERS];
    for (uintptr_t i = 0; i < WORKERS; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    long total = 0;
    for (int round = 1; round <= 60; round++) {
        uint8_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (page == MAP_FAILED) { perror("mmap"); return 1; }
        fn f = emit(page + (round % 8) * 16, round, round * 2);
        __builtin___clear_cache((char *)page, (char *)page + 4096);
        for (int x = 0; x < 100; x++) total += f(x);
        munmap(page, 4096);
    }
    printf("generated code total %ld\n", total);
    for (int i = 0; i < WORKERS; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("worker %d checksum %08x\n", i, (unsigned)(uintptr_t)r);
    }
    return 0;
}
