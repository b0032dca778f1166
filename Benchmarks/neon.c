/* Auto-vectorized loops: 32-bit float multiply-adds, 32-bit integer multiply-adds and 16-bit
 * adds over arrays, which gcc -O3 turns into Advanced SIMD (NEON) code on ARM (vld1, vmul,
 * vadd, vst1 on Q registers) and into SSE natively. Elementwise only, with values kept away
 * from subnormals, so NEON's flush-to-zero arithmetic gives the native bits exactly.
 * bench-group: fp
 * bench-cflags: -O3
 * bench-cflags-arm: -mfpu=neon -funsafe-math-optimizations */
#include "bench.h"

enum { N = 1024, BASE_REPS = 400000 };

static float fa[N], fb[N], fc[N];
static uint32_t ia[N], ib[N], ic[N];
static uint16_t ha[N], hb[N];

int main(int argc, char **argv) {
    uint32_t reps = bench_count(argc, argv, BASE_REPS);
    uint32_t seed = 12345;
    for (int i = 0; i < N; i++) {
        fa[i] = 1.0f + (float)(bench_rand(&seed) & 0xffff) / 65536.0f;
        fb[i] = 1.0f + (float)(bench_rand(&seed) & 0xffff) / 65536.0f;
        fc[i] = 0;
        ia[i] = bench_rand(&seed);
        ib[i] = bench_rand(&seed);
        ic[i] = bench_rand(&seed);
        ha[i] = (uint16_t)bench_rand(&seed);
        hb[i] = (uint16_t)bench_rand(&seed);
    }
    uint32_t sum = 0;
    for (uint32_t r = 0; r < reps; r++) {
        for (int i = 0; i < N; i++) fc[i] = fa[i] * fb[i] + fc[i] * 0.5f;
        for (int i = 0; i < N; i++) ic[i] = ia[i] * ib[i] + (ic[i] ^ ia[i]);
        for (int i = 0; i < N; i++) ha[i] = (uint16_t)(ha[i] + hb[i] * 3);
        sum += ic[r % N] + ha[r % N];
    }
    uint64_t h = BENCH_FOLD_INIT;
    h = bench_fold_numbers(h, fc, sizeof fc, 4);
    h = bench_fold_numbers(h, ic, sizeof ic, 4);
    h = bench_fold_numbers(h, ha, sizeof ha, 2);
    printf("neon %u %016llx\n", sum, (unsigned long long)h);
    return 0;
}
