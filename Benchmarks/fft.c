/* Radix-2 complex FFT in double (4096 points): bit-reversal permutation (integer work),
 * butterflies (complex multiply-add), a twiddle recurrence, then a filter and the inverse
 * transform. Twiddles come from half-angle formulas with sqrt only, no libm trig, so the
 * guest and host compute the same bits.
 * bench-group: fp */
#include <math.h>
#include "bench.h"

enum { LOG2_N = 12, N = 1 << LOG2_N, BASE_ROUNDS = 840 };

static double re[N], im[N];
/* cos and sin of 2π / 2^k for k = 1...LOG2_N. */
static double cos_table[LOG2_N + 1], sin_table[LOG2_N + 1];

static void make_twiddles(void) {
    cos_table[1] = -1.0; sin_table[1] = 0.0;   /* π */
    cos_table[2] = 0.0;  sin_table[2] = 1.0;   /* π/2 */
    for (int k = 3; k <= LOG2_N; k++) {
        /* cos(θ/2) = √((1 + cos θ)/2), sin(θ/2) = sin θ / (2 cos(θ/2)), both for θ/2 < π/2. */
        cos_table[k] = sqrt((1.0 + cos_table[k - 1]) * 0.5);
        sin_table[k] = sin_table[k - 1] / (2.0 * cos_table[k]);
    }
}

/* In place; sign -1 forward, +1 inverse (unscaled). */
static void fft(double sign) {
    for (uint32_t i = 1, j = 0; i < N; i++) {
        uint32_t bit = N >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j |= bit;
        if (i < j) {
            double t = re[i]; re[i] = re[j]; re[j] = t;
            t = im[i]; im[i] = im[j]; im[j] = t;
        }
    }
    for (int k = 1; k <= LOG2_N; k++) {
        uint32_t length = 1u << k, half = length >> 1;
        double step_re = cos_table[k], step_im = sign * sin_table[k];
        for (uint32_t start = 0; start < N; start += length) {
            double w_re = 1.0, w_im = 0.0;
            for (uint32_t m = 0; m < half; m++) {
                uint32_t p = start + m, q = p + half;
                double t_re = re[q] * w_re - im[q] * w_im;
                double t_im = re[q] * w_im + im[q] * w_re;
                re[q] = re[p] - t_re; im[q] = im[p] - t_im;
                re[p] += t_re; im[p] += t_im;
                double next = w_re * step_re - w_im * step_im;
                w_im = w_re * step_im + w_im * step_re;
                w_re = next;
            }
        }
    }
}

int main(int argc, char **argv) {
    uint32_t rounds = bench_count(argc, argv, BASE_ROUNDS);
    make_twiddles();
    uint32_t seed = 0x600dcafe;
    for (int i = 0; i < N; i++) {
        re[i] = (double)(bench_rand(&seed) % 2001) / 1000.0 - 1.0;
        im[i] = 0.0;
    }
    uint64_t sum = BENCH_FOLD_INIT;
    for (uint32_t round = 0; round < rounds; round++) {
        fft(-1.0);
        /* Low-pass: scale the spectrum down with frequency, folding in one bin per round. */
        for (int i = 0; i < N; i++) {
            int f = i < N / 2 ? i : N - i;
            double gain = 1.0 / (1.0 + (double)f * (1.0 / 64.0));
            re[i] *= gain;
            im[i] *= gain;
        }
        sum = bench_fold_double(sum, re[round % N]);
        fft(1.0);
        /* Scale the inverse by 1/N and add fresh noise, so the signal never dies out. */
        for (int i = 0; i < N; i++) {
            re[i] = re[i] * (1.0 / N) + (double)(bench_rand(&seed) % 201) / 1000.0 - 0.1;
            im[i] = 0.0;
        }
    }
    for (int i = 0; i < N; i++) sum = bench_fold_double(sum, re[i]);
    printf("fft rounds %u re[1] %.17g\n", rounds, re[1]);
    bench_result("fft", sum);
    return 0;
}
