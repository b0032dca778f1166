/* Buffer shuffling through libc: memcpy, memmove (overlapping), memset and memcmp on blocks of
 * 1 byte to 16 KiB at random offsets in two 1 MiB buffers. Stresses the string routines and
 * unaligned block moves.
 * bench-group: int */
#include "bench.h"

enum { SIZE = 1 << 20, OPS_PER_ROUND = 4096, BASE_ROUNDS = 500 };

static uint8_t a[SIZE], b[SIZE];

int main(int argc, char **argv) {
    uint32_t rounds = bench_count(argc, argv, BASE_ROUNDS);
    uint32_t seed = 0x2545f491;
    for (size_t i = 0; i < SIZE; i++) { a[i] = (uint8_t)bench_rand(&seed); b[i] = (uint8_t)(i * 31); }
    /* Counts of memcmp's sign only: its magnitude is not specified and differs by libc. */
    uint32_t less = 0, equal = 0, greater = 0;
    for (uint32_t round = 0; round < rounds; round++) {
        for (uint32_t k = 0; k < OPS_PER_ROUND; k++) {
            uint32_t r = bench_rand(&seed);
            /* Mostly small blocks, as real programs do, with a tail of large ones. */
            uint32_t len = (r & 0x100) ? 1 + (r >> 20) % 64 : 1 + (r >> 16) % 16384;
            uint32_t src = bench_rand(&seed) % (SIZE - len);
            uint32_t dst = bench_rand(&seed) % (SIZE - len);
            switch (r & 3) {
            case 0: memcpy(b + dst, a + src, len); break;
            case 1: memmove(a + dst, a + (dst + len / 3) % (SIZE - len), len); break;
            case 2: memset(a + dst, (int)(r >> 24), len / 4 + 1); break;
            case 3: {
                /* Half the compares are of equal blocks, so memcmp runs to the end. */
                if (r & 0x200) memcpy(b + dst, a + src, len);
                int c = memcmp(a + src, b + dst, len);
                if (c < 0) less++; else if (c == 0) equal++; else greater++;
                break;
            }
            }
        }
    }
    uint64_t sum = BENCH_FOLD_INIT;
    sum = bench_fold(sum, a, SIZE);
    sum = bench_fold(sum, b, SIZE);
    printf("memops rounds %u compares %u < %u = %u >\n", rounds, less, equal, greater);
    bench_result("memops", sum);
    return 0;
}
