/* Dense double-precision matrix multiply (128×128, i-k-j order, so the inner loop streams
 * rows): multiply and add on doubles from memory, the FP unit's throughput.
 * bench-group: fp */
#include "bench.h"

enum { N = 128, BASE_ROUNDS = 125 };

static double a[N][N], b[N][N], c[N][N];

int main(int argc, char **argv) {
    uint32_t rounds = bench_count(argc, argv, BASE_ROUNDS);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)((i * N + j) % 17) * 0.25 - 2.0;
            b[i][j] = (double)((i * 7 + j * 3) % 13) / 8.0 - 0.75;
        }
    uint64_t sum = BENCH_FOLD_INIT;
    double trace = 0.0;
    for (uint32_t round = 0; round < rounds; round++) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) c[i][j] = 0.0;
            for (int k = 0; k < N; k++) {
                double aik = a[i][k];
                for (int j = 0; j < N; j++) c[i][j] += aik * b[k][j];
            }
        }
        /* Feed back a damped product plus a constant pattern: values stay far from both
         * overflow and subnormals however many rounds run. */
        trace = 0.0;
        for (int i = 0; i < N; i++) {
            trace += c[i][i];
            for (int j = 0; j < N; j++)
                a[i][j] = c[i][j] * (1.0 / 256.0) - a[i][j] * 0.5 + (double)((i - j) % 5) * 0.125;
        }
        sum = bench_fold_double(sum, trace);
    }
    for (int i = 0; i < N; i++) sum = bench_fold_numbers(sum, c[i], sizeof c[i], 8);
    printf("matmul rounds %u trace %.17g\n", rounds, trace);
    bench_result("matmul", sum);
    return 0;
}
