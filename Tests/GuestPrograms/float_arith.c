/* Floating-point arithmetic in double and float: + - * / over a table with zeros of both
   signs, subnormals, huge values and infinities; comparisons including unordered ones;
   conversions int32/uint32/int64/uint64 <-> double <-> float (in range only: out-of-range
   conversion is undefined and CPUs really differ); accumulation loops; a small matrix
   solve. Results print as %.17g and %a; a NaN prints as "nan" without its sign, because
   the sign of a computed NaN differs between CPUs (x86 makes negative ones). */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

double dv[] = {0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 0.1, -2.75, 1e10, -1e-10, 1e300, 1e-300, DBL_MAX, DBL_MIN,
               4.9406564584124654e-324, 2.2250738585072009e-308, 123456.789, -987654321.0123, INFINITY, -INFINITY,
               9007199254740992.0, 0.3333333333333333, 1.0 + DBL_EPSILON};
float fv[] = {0.0f, -0.0f, 1.0f, -1.5f, 0.1f, 3.0f, 1e20f, 1e-20f, FLT_MAX, FLT_MIN, 1.4e-45f, 1.1754942e-38f,
              16777216.0f, 0.33333334f, -7.25f, INFINITY};

static void show(const char *label, double x) {
    if (isnan(x)) printf(" %s=nan", label);
    else printf(" %s=%.17g(%a)", label, x, x);
}
static void showf(const char *label, float x) {
    if (isnan(x)) printf(" %s=nan", label);
    else printf(" %s=%.9g(%a)", label, (double)x, (double)x);
}

__attribute__((noinline)) static double opaque(double x) { __asm__ volatile("" : : "r"(&x) : "memory"); return x; }

int main(void) {
    const int nd = (int)(sizeof dv / sizeof dv[0]), nf = (int)(sizeof fv / sizeof fv[0]);
    for (int i = 0; i < nd; i++) {
        for (int j = 0; j < nd; j++) {
            double a = opaque(dv[i]), b = opaque(dv[j]);
            printf("d %d %d:", i, j);
            show("add", a + b); show("sub", a - b); show("mul", a * b); show("div", a / b);
            printf(" lt%d le%d eq%d ne%d gt%d ge%d un%d\n", a < b, a <= b, a == b, a != b, a > b, a >= b, isunordered(a, b));
        }
    }
    for (int i = 0; i < nf; i++) {
        for (int j = 0; j < nf; j++) {
            float a = (float)opaque(fv[i]), b = (float)opaque(fv[j]);
            printf("f %d %d:", i, j);
            showf("add", a + b); showf("sub", a - b); showf("mul", a * b); showf("div", a / b);
            printf(" lt%d eq%d gt%d\n", a < b, a == b, a > b);
        }
    }
    /* NaN compares: every ordered comparison is false, != is true. */
    double qn = opaque(NAN);
    printf("nan: lt%d le%d eq%d ne%d gt%d ge%d self-eq%d isnan%d\n", qn < 1, qn <= 1, qn == 1, qn != 1, qn > 1, qn >= 1,
           qn == qn, isnan(qn * 0));
    printf("inf-inf isnan %d, 0*inf isnan %d, 0/0 isnan %d\n", isnan(opaque(INFINITY) - INFINITY),
           isnan(opaque(0.0) * INFINITY), isnan(opaque(0.0) / opaque(0.0)));
    /* Conversions, in range. */
    static const double to_int[] = {0.0, -0.0, 0.4, 0.5, 0.6, 1.5, 2.5, -0.5, -1.5, -2.5, 2147483647.0, -2147483648.0,
                                    2147483646.9, -2147483647.9, 1e9, -1e9, 123.999, -123.999};
    for (size_t i = 0; i < sizeof to_int / sizeof to_int[0]; i++) {
        double d = opaque(to_int[i]);
        printf("conv %.17g: i32 %" PRId32 " i64 %" PRId64 " f %.9g", d, (int32_t)d, (int64_t)d, (double)(float)d);
        if (d >= 0) printf(" u32 %" PRIu32 " u64 %" PRIu64, (uint32_t)d, (uint64_t)d);
        printf("\n");
    }
    static const double big[] = {4294967295.0, 4294967296.0, 1e18, -1e18, 9223372036854774784.0, 18446744073709549568.0,
                                 -9223372036854775808.0, 3e15 + 0.5};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        double d = opaque(big[i]);
        printf("conv64 %.17g: i64 %" PRId64, d, d < 9.2e18 ? (int64_t)d : 0);
        if (d >= 0) printf(" u64 %" PRIu64, (uint64_t)d);
        printf("\n");
    }
    static const int64_t ints[] = {0, 1, -1, 16777217, -16777217, 9007199254740993LL, INT64_MAX, INT64_MIN, 123456789012345678LL};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        int64_t v = ints[i];
        volatile uint64_t u = (uint64_t)v;
        printf("from int %" PRId64 ": d %.17g f %.9g ud %.17g uf %.9g i32d %.17g u32f %.9g\n", v, (double)v, (double)(float)v,
               (double)u, (double)(float)u, (double)(int32_t)v, (double)(float)(uint32_t)v);
    }
    for (int i = 0; i < nd; i++) {
        float f = (float)opaque(dv[i]);
        printf("narrow %d:", i); showf("f", f); show("back", (double)f); printf("\n");
    }
    /* Accumulation: sums in different orders round differently, deterministically. */
    double s1 = 0, s2 = 0, harm = 0;
    float sf = 0;
    for (int i = 1; i <= 100000; i++) { s1 += 1.0 / i; sf += 1.0f / (float)i; }
    for (int i = 100000; i >= 1; i--) s2 += 1.0 / i;
    for (int i = 1; i <= 1000; i++) harm += (i % 2 ? 1.0 : -1.0) / (2.0 * i - 1);
    printf("harmonic fwd %.17g bwd %.17g float %.9g leibniz*4 %.17g\n", s1, s2, (double)sf, 4 * harm);
    /* Gaussian elimination on a 6x6 system. */
    double m[6][7];
    for (int r = 0; r < 6; r++) {
        for (int c = 0; c < 6; c++) m[r][c] = 1.0 / (r + c + 1) + (r == c ? 1.0 : 0.0);
        m[r][6] = r + 1;
    }
    for (int k = 0; k < 6; k++) {
        for (int r = k + 1; r < 6; r++) {
            double f = m[r][k] / m[k][k];
            for (int c = k; c < 7; c++) m[r][c] -= f * m[k][c];
        }
    }
    double x[6];
    for (int r = 5; r >= 0; r--) {
        double s = m[r][6];
        for (int c = r + 1; c < 6; c++) s -= m[r][c] * x[c];
        x[r] = s / m[r][r];
    }
    for (int r = 0; r < 6; r++) printf("x[%d] = %.17g %a\n", r, x[r], x[r]);
    /* Negative zero and its arithmetic. */
    double nz = opaque(-0.0);
    printf("negzero: %g %g %g %g signbit %d %d\n", nz, nz + 0.0, nz * -1, -nz, !!signbit(nz), !!signbit(nz + 0.0));
    return 0;
}
