/* Underflow outside flush-to-zero mode. ARM decides that a result is tiny before rounding
   (ARM ARM A2.7.8, FPRound: Underflow when the exact result is below the smallest normal and
   inexact), so a product, quotient, fused multiply-add or double-to-float conversion whose
   exact value lies just below FLT_MIN or DBL_MIN and rounds up to it raises Underflow on ARM
   and not on x86, which decides after rounding. Each case runs in every rounding mode and
   prints the result (%a) and which of Underflow and Inexact it raised.
   The native build prints what the manual says: its own result and Inexact (IEEE 754 makes
   them the same everywhere) and Underflow exactly when the operation rounded toward zero
   is below the smallest normal and the result is inexact.
   The loop case runs c[j] += k * b[j] hot (the JIT compiles it, a loop vectorizer would take
   it) over arrays where one product, at position 0, 1, 6 or 7 (lane 0 or 1 of a pair, of the
   first or last pair), is the one rounding up to the smallest normal, and counts the calls
   that raised Underflow and Inexact; the other products are exact. */
/* guest-tests: cflags -frounding-math -ffp-contract=off */
/* guest-tests: arm-cflags -mfpu=vfpv4 */
/* guest-tests: only arm */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

enum op { MUL, DIV, FMA, NARROW };
static const char *const names[] = {"mul", "div", "fma", "narrow"};

struct dcase { enum op op; double a, b, c; };
struct fcase { enum op op; float a, b, c; };

static const struct dcase doubles[] = {
    {MUL, 0x1.ffffffffffffep-2, 0x1.0000000000001p-1021, 0},   /* 2^-1022 (1 - 2^-104) */
    {MUL, -0x1.ffffffffffffep-2, 0x1.0000000000001p-1021, 0},
    {MUL, 0x1p-1, 0x1p-1021, 0},                                /* exactly DBL_MIN */
    {MUL, 0x1.0000000000001p-1022, 0x1.fffffffffffffp-1, 0},   /* just above, rounded down */
    {MUL, 0x1p-600, 0x1p-500, 0},                               /* far below: a subnormal */
    {MUL, 0x1.8p-1, 0x1.5555555555555p-1022, 0},
    {DIV, 0x1.fffffffffffffp-1, 0x1p1022, 0},                   /* a tie to even */
    {DIV, 0x1p-1022, 0x1.0000000000001p0, 0},
    {DIV, -0x1.fffffffffffffp-1, 0x1p1022, 0},
    {FMA, 0x1.ffffffffffffep-2, 0x1.0000000000001p-1021, 0},
    {FMA, 0x1p-1, 0x1p-1021, -0x1p-1074},
    {FMA, 0x1p-1, 0x1p-1021, 0x1p-1074},
    {NARROW, 0x1.fffffffp-127, 0, 0},                           /* FLT_MIN (1 - 2^-29) */
    {NARROW, 0x1.ffffffe8p-127, 0, 0},
    {NARROW, -0x1.fffffffp-127, 0, 0},
    {NARROW, 0x1p-126, 0, 0},
    {NARROW, 0x1.fffffcp-127, 0, 0},                            /* a float subnormal, exact */
};

static const struct fcase floats[] = {
    {MUL, 0x1.fffffcp-2f, 0x1.000002p-125f, 0},                 /* 2^-126 (1 - 2^-46) */
    {MUL, -0x1.fffffcp-2f, 0x1.000002p-125f, 0},
    {MUL, 0x1p-1f, 0x1p-125f, 0},
    {MUL, 0x1.000002p-126f, 0x1.fffffep-1f, 0},
    {DIV, 0x1.fffffep-1f, 0x1p126f, 0},
    {DIV, 0x1p-126f, 0x1.000002p0f, 0},
    {FMA, 0x1.fffffcp-2f, 0x1.000002p-125f, 0},
    {FMA, 0x1.fffffcp-2f, 0x1.000002p-125f, 0x1p-149f},
};

static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *const modeNames[] = {"nearest", "upward", "downward", "zero"};

/* The operations, through volatile operands so that nothing is folded at compile time. */
static double dop(enum op op, double a, double b, double c) {
    volatile double x = a, y = b, z = c;
    switch (op) {
    case MUL: return x * y;
    case DIV: return x / y;
    case FMA: return fma(x, y, z);
    default: return x;
    }
}

static float fop(enum op op, float a, float b, float c) {
    volatile float x = a, y = b, z = c;
    switch (op) {
    case MUL: return x * y;
    case DIV: return x / y;
    case FMA: return fmaf(x, y, z);
    default: return x;
    }
}

static float narrow(double a) {
    volatile double x = a;
    return (float)x;
}

/* Whether the case's operation rounded toward zero is below the smallest normal. */
static int tinyDouble(const void *c) {
    const struct dcase *t = c;
    return t->op == NARROW ? fabsf(narrow(t->a)) < FLT_MIN : fabs(dop(t->op, t->a, t->b, t->c)) < DBL_MIN;
}

static int tinyFloat(const void *c) {
    const struct fcase *t = c;
    return fabsf(fop(t->op, t->a, t->b, t->c)) < FLT_MIN;
}

/* Underflow as the guest raised it, or (native) as the manual says it is raised: tiny before
   rounding, which rounding toward zero shows, and inexact. */
static int underflow(int (*tiny)(const void *), const void *t, int inexact) {
#ifdef __arm__
    (void)tiny, (void)t, (void)inexact;
    return fetestexcept(FE_UNDERFLOW) != 0;
#else
    int mode = fegetround();
    fesetround(FE_TOWARDZERO);
    int below = tiny(t);
    fesetround(mode);
    return below && inexact;
#endif
}

/* The loop case: c starts at zeros, so each sum is its product and the call's flags are the
   products'. */
enum { LOOPN = 8, WARM = 32, CALLS = 16 };
static double loopB[LOOPN] __attribute__((aligned(16))), loopC[LOOPN] __attribute__((aligned(16)));
static float loopBF[LOOPN] __attribute__((aligned(16))), loopCF[LOOPN] __attribute__((aligned(16)));
static const int spots[] = {0, 1, 6, 7};

static __attribute__((noipa)) void axpy(double *c, const double *b, double k, int n) {
    for (int j = 0; j < n; j++) c[j] += k * b[j];
}
static __attribute__((noipa)) void axpyf(float *c, const float *b, float k, int n) {
    for (int j = 0; j < n; j++) c[j] += k * b[j];
}

/* Underflow after one call, as the guest raised it, or (native) as the manual says: some
   product tiny before rounding and inexact, each judged as underflow() judges one operation. */
static int loopUnderflow(int single, double k) {
#ifdef __arm__
    (void)single, (void)k;
    return fetestexcept(FE_UNDERFLOW) != 0;
#else
    volatile double product; /* used, so the multiply that raises the flags stays */
    int any = 0;
    for (int j = 0; j < LOOPN; j++) {
        feclearexcept(FE_ALL_EXCEPT);
        if (single) {
            struct fcase t = {MUL, (float)k, loopBF[j], 0};
            product = fop(MUL, t.a, t.b, 0);
            any |= underflow(tinyFloat, &t, fetestexcept(FE_INEXACT) != 0);
        } else {
            struct dcase t = {MUL, k, loopB[j], 0};
            product = dop(MUL, t.a, t.b, 0);
            any |= underflow(tinyDouble, &t, fetestexcept(FE_INEXACT) != 0);
        }
    }
    (void)product;
    return any;
#endif
}

static void printCount(const char *name, int count) {
    if (count == CALLS) printf(" %s", name);
    else if (count) printf(" %s %d/%d", name, count, CALLS);
}

/* One mode: warm-up calls with exact products only, then CALLS calls per spot. */
static void loopCase(int m, int single) {
    double k = single ? 0x1.fffffcp-2f : 0x1.ffffffffffffep-2;
    double tiny = single ? 0x1.000002p-125f : 0x1.0000000000001p-1021;
    for (int spot = -1; spot < (int)(sizeof spots / sizeof spots[0]); spot++) {
        for (int j = 0; j < LOOPN; j++) {
            double b = spot >= 0 && j == spots[spot] ? tiny : (double)(1 << (j % 4));
            loopB[j] = b;
            loopBF[j] = (float)b;
        }
        int underflows = 0, inexacts = 0, calls = spot < 0 ? WARM : CALLS;
        for (int i = 0; i < calls; i++) {
            memset(loopC, 0, sizeof loopC);
            memset(loopCF, 0, sizeof loopCF);
            fesetround(modes[m]);
            feclearexcept(FE_ALL_EXCEPT);
            if (single) axpyf(loopCF, loopBF, (float)k, LOOPN);
            else axpy(loopC, loopB, k, LOOPN);
            int inexact = fetestexcept(FE_INEXACT) != 0;
            underflows += loopUnderflow(single, k);
            inexacts += inexact;
        }
        fesetround(FE_TONEAREST);
        if (spot < 0) {
            printf("%-7s %-6s loop warm-up%s\n", modeNames[m], single ? "float" : "double",
                   underflows || inexacts ? " raised flags" : "");
            continue;
        }
        int at = spots[spot];
        printf("%-7s %-6s loop k %a b[%d] %a -> %a", modeNames[m], single ? "float" : "double", k, at, tiny,
               single ? (double)loopCF[at] : loopC[at]);
        printCount("underflow", underflows);
        printCount("inexact", inexacts);
        printf("\n");
    }
}

int main(void) {
    for (unsigned m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        fesetround(modes[m]);
        for (unsigned i = 0; i < sizeof doubles / sizeof doubles[0]; i++) {
            const struct dcase *t = &doubles[i];
            feclearexcept(FE_ALL_EXCEPT);
            double r = t->op == NARROW ? narrow(t->a) : dop(t->op, t->a, t->b, t->c);
            int inexact = fetestexcept(FE_INEXACT) != 0;
            int raised = underflow(tinyDouble, t, inexact);
            printf("%-7s double %-6s %a %a %a -> %a%s%s\n", modeNames[m], names[t->op], t->a, t->b, t->c, r,
                   raised ? " underflow" : "", inexact ? " inexact" : "");
        }
        for (unsigned i = 0; i < sizeof floats / sizeof floats[0]; i++) {
            const struct fcase *t = &floats[i];
            feclearexcept(FE_ALL_EXCEPT);
            float r = fop(t->op, t->a, t->b, t->c);
            int inexact = fetestexcept(FE_INEXACT) != 0;
            int raised = underflow(tinyFloat, t, inexact);
            printf("%-7s float  %-6s %a %a %a -> %a%s%s\n", modeNames[m], names[t->op], t->a, t->b, t->c, r,
                   raised ? " underflow" : "", inexact ? " inexact" : "");
        }
    }
    fesetround(FE_TONEAREST);
    for (unsigned m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        loopCase((int)m, 0);
        loopCase((int)m, 1);
    }
    return 0;
}
