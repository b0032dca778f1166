/* Underflow outside flush-to-zero mode. ARM decides that a result is tiny before rounding
   (ARM ARM A2.7.8, FPRound: Underflow when the exact result is below the smallest normal and
   inexact), so a product, quotient, fused multiply-add or double-to-float conversion whose
   exact value lies just below FLT_MIN or DBL_MIN and rounds up to it raises Underflow on ARM
   and not on x86, which decides after rounding. Each case runs in every rounding mode and
   prints the result (%a) and which of Underflow and Inexact it raised.
   The native build prints what the manual says: its own result and Inexact (IEEE 754 makes
   them the same everywhere) and Underflow exactly when the operation rounded toward zero
   is below the smallest normal and the result is inexact. */
/* guest-tests: cflags -frounding-math -ffp-contract=off */
/* guest-tests: arm-cflags -mfpu=vfpv4 */
/* guest-tests: only arm */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

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
    return 0;
}
