/* Code that writes code: a function assembled into an executable buffer at run time, called,
   rewritten in place and called again, both with the cache maintenance the architecture asks
   for (__builtin___clear_cache) and without it (a translator must notice the write itself:
   x86 and qemu do). The ARM build writes ARM or Thumb code, the MIPS builds MIPS code (the
   "thumb" rounds write it again elsewhere on the page), the native build x86-64 code; all
   compute the same numbers. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef int (*fn)(int);

/* Writes a function returning x * k + c into code; returns its entry. */
static fn emit(uint8_t *code, int k, int c, int thumb) {
#if defined(__arm__)
    if (thumb) {
        /* movs r1, #k; muls r0, r1, r0; adds r0, #c; bx lr */
        uint16_t *h = (uint16_t *)code;
        h[0] = 0x2100 | (k & 0xff);
        h[1] = 0x4348;
        h[2] = 0x3000 | (c & 0xff);
        h[3] = 0x4770;
        return (fn)(uintptr_t)(code + 1);
    }
    /* mov r1, #k; mul r0, r0, r1; add r0, r0, #c; bx lr */
    uint32_t *w = (uint32_t *)code;
    w[0] = 0xe3a01000 | (k & 0xff);
    w[1] = 0xe0000190;
    w[2] = 0xe2800000 | (c & 0xff);
    w[3] = 0xe12fff1e;
    (void)thumb;
    return (fn)code;
#elif defined(__mips__)
    /* addiu t0, zero, k; mul v0, a0, t0; jr ra; addiu v0, v0, c (in the delay slot) */
    uint32_t *w = (uint32_t *)code;
    w[0] = 0x24080000 | (k & 0xffff);
    w[1] = 0x70881002;
    w[2] = 0x03e00008;
    w[3] = 0x24420000 | (c & 0xffff);
    (void)thumb;
    return (fn)code;
#else
    (void)thumb;
    /* imul eax, edi, k; add eax, c; ret */
    uint8_t bytes[] = {0x69, 0xc7, (uint8_t)k, 0, 0, 0, 0x05, (uint8_t)c, 0, 0, 0, 0xc3};
    memcpy(code, bytes, sizeof bytes);
    return (fn)code;
#endif
}

int main(void) {
    uint8_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) { perror("mmap"); return 1; }
    for (int thumb = 0; thumb < 2; thumb++) {
        for (int flush = 1; flush >= 0; flush--) {
            int total = 0;
            for (int round = 1; round <= 20; round++) {
                fn f = emit(page + thumb * 64, round, round * 3, thumb);
                if (flush) __builtin___clear_cache((char *)page, (char *)page + 128);
                int r = 0;
                for (int x = 0; x < 50; x++) r += f(x);
                total += r;
                if (round % 5 == 0) printf("thumb %d flush %d round %2d: %d\n", thumb, flush, round, r);
            }
            printf("thumb %d flush %d total %d\n", thumb, flush, total);
        }
    }
    /* Data next to code on the same page: writes to it must not break the code. */
    fn g = emit(page, 7, 1, 0);
    __builtin___clear_cache((char *)page, (char *)page + 128);
    volatile int *data = (volatile int *)(page + 2048);
    int sum = 0;
    for (int i = 0; i < 1000; i++) {
        data[i % 16] = i;
        sum += g(i) + data[(i + 1) % 16];
    }
    printf("mixed page: %d\n", sum);
    return 0;
}
