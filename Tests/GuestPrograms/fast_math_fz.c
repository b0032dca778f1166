/* Flush-to-zero mode as gcc -Ofast sets it: crtfastmath.o turns on FPSCR.FZ on ARM (and FTZ
   and DAZ in MXCSR natively), so denormal operands count as zeros and tiny results become
   zeros. A loop that runs hot (translated and compiled as one block) does every VFP operation
   the flush-to-zero translation tests its operands for, on ordinary values and now and then on
   denormals and tiny results, and prints the results' bits.
   The values keep both sides' answers equal: products and quotients are exact or far from
   the smallest normal (x86 decides tininess after rounding, ARM before, which differs only
   for a result that rounds up to the smallest normal), nothing is a reduction -Ofast could
   reorder, and the inputs come through volatile loads so nothing is folded at compile time.
   Natively not vectorized: x86's vectorized sqrtf under -Ofast is rsqrtps and a Newton step,
   which is not correctly rounded. */
/* guest-tests: cflags -Ofast */
/* guest-tests: native-cflags -fno-tree-vectorize */
/* guest-tests: only arm */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { N = 16, PASSES = 300 };

static volatile float fsource[N] = {
    1.5f, -0.1f, 3.0f, 0x1p-149f, 0x1.8p-127f, -2.5f, 0x1p-70f, 0x1p-60f,
    7.0f, 0x1.4p-126f, -0x1p-130f, 1e10f, 0.0f, -0.0f, 0x1.2p-100f, 0.75f,
};
static volatile float fother[N] = {
    2.0f, 0.3f, 0x1p-140f, 5.0f, 1.0f, 0x1p-40f, 0x1p-70f, -0x1p-80f,
    -0.0f, 2.0f, 3.0f, 1e-30f, 4.0f, 0x1p-126f, 0x1p-30f, -8.0f,
};
static volatile double dsource[N] = {
    1.5, -0.1, 3.0, 0x1p-1074, 0x1.8p-1023, -2.5, 0x1p-520, 0x1p-500,
    7.0, 0x1.4p-1022, -0x1p-1030, 1e300, 0.0, -0.0, 0x1.2p-900, 0x1p-1000,
};
static volatile double dother[N] = {
    2.0, 0.3, 0x1p-1060, 5.0, 1.0, 0x1p-300, 0x1p-520, -0x1p-530,
    -0.0, 2.0, 3.0, 1e-300, 4.0, 0x1p-1022, 0x1p-30, 0x1p-40,
};

static float fa[N], fb[N], fr[8][N];
static double da[N], db[N], dr[8][N];

static uint32_t fbits(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static uint64_t dbits(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }

/* One pass: every element through each operation. Not inlined into main's loop, so the
   loop over the elements is the hot block. */
__attribute__((noinline)) static void pass(float fscale, double dscale) {
    for (int i = 0; i < N; i++) {
        float x = fa[i], y = fb[i];
        fr[0][i] = x * y;
        fr[1][i] = x + y;
        fr[2][i] = x - y;
        fr[3][i] = x * fscale + y;
        fr[4][i] = x / 4.0f;
        fr[5][i] = sqrtf(fabsf(x));
        fr[6][i] = (float)(da[i] * 0x1p-800);
        fr[7][i] = -(x * y);
        double p = da[i], q = db[i];
        dr[0][i] = p * q;
        dr[1][i] = p + q;
        dr[2][i] = p - q;
        dr[3][i] = p * dscale - q;
        dr[4][i] = p / 8.0;
        dr[5][i] = sqrt(fabs(p));
        dr[6][i] = (double)x;
        dr[7][i] = -(p * q) + dscale;
    }
}

int main(void) {
    for (int i = 0; i < N; i++) {
        fa[i] = fsource[i];
        fb[i] = fother[i];
        da[i] = dsource[i];
        db[i] = dother[i];
    }
    /* Zeros and denormals compare equal to zero under flush-to-zero. */
    printf("denormal float is zero: %d, denormal double is zero: %d\n", fa[3] == 0.0f, da[3] == 0.0);
    uint64_t fold = 0;
    for (int k = 0; k < PASSES; k++) {
        volatile float fs = 0.5f;
        volatile double ds = 0.25;
        pass(fs, ds);
        for (int j = 0; j < 8; j++)
            for (int i = 0; i < N; i++) fold = (fold ^ fbits(fr[j][i]) ^ dbits(dr[j][i])) * 0x100000001b3ull;
    }
    for (int j = 0; j < 8; j++) {
        printf("op %d:", j);
        for (int i = 0; i < N; i++) printf(" %08" PRIx32 "/%016" PRIx64, fbits(fr[j][i]), dbits(dr[j][i]));
        printf("\n");
    }
    printf("fold %016" PRIx64 "\n", fold);
    return 0;
}
