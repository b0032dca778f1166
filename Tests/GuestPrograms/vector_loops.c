/* The loops a JIT loop vectorizer takes (one translated block streaming over arrays, two f64
   or four f32 iterations per host SSE instruction) and the cases where it must fall back or
   stop: every length from 0 to 9 and 15, 16, 17, 64, 101 (tails and pairs/quads cut short);
   arrays starting at element offsets 0 to 3 (16-byte alignment varies); the output array
   overlapping an input by -3..3 elements (a vectorizer that loads an element before an
   earlier iteration stores it changes the result); special values in lane 0, lane 1, both of a
   pair, all of a quad and the last element (infinities, zeros of both signs, quiet NaNs,
   inf - inf, 0 * inf, x / 0, overflow, underflow far below the smallest normal, exact
   subnormals); each of the four rounding modes; the exception flags each call raised.
   Every loop function runs hundreds of times, so its blocks are compiled by the JIT long
   before the special values come.
   Every array has guard elements on both sides: signaling NaNs in the inputs, so a lane
   computed past either end raises Invalid, and a marker in the output, so a store there shows
   in the checksum. Each group folds the output windows' bits and every call's flags into one
   checksum line. Only what IEEE 754 makes identical everywhere is printed: a NaN as "nan" (its
   sign and payload differ between ARM, MIPS legacy NaNs and x86) and folded as one token;
   products are never just below the smallest normal (ARM decides tininess before rounding,
   x86 after: fp_underflow.c covers that for ARM). */
/* guest-tests: cflags -frounding-math */
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The loops, as gcc -O2 keeps them: one block ending in a pointer compare and a branch back.
   The multiply-adds become ARM's vmla and MIPS's madd.d, both rounding the product and then
   the sum (-ffp-contract=off, the suite's default, rules out fused forms). noclone: no copy
   specialized for a constant argument. */
#define LOOP static __attribute__((noinline, noclone)) void

LOOP axpyD(double *c, const double *b, double k, int n) {
    for (int j = 0; j < n; j++) c[j] += k * b[j];
}
LOOP mixD(double *c, const double *a, const double *b, double k, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] * b[i] + c[i] * k;
}
LOOP subD(double *c, const double *a, const double *b, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] - b[i];
}
LOOP divD(double *c, const double *a, const double *b, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] / b[i];
}
LOOP scaleD(double *c, const double *a, double k, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] * k;
}
LOOP axpyF(float *c, const float *b, float k, int n) {
    for (int j = 0; j < n; j++) c[j] += k * b[j];
}
LOOP mixF(float *c, const float *a, const float *b, float k, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] * b[i] + c[i] * k;
}
LOOP subF(float *c, const float *a, const float *b, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] - b[i];
}
LOOP divF(float *c, const float *a, const float *b, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] / b[i];
}
LOOP scaleF(float *c, const float *a, float k, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] * k;
}
LOOP mixU(uint32_t *c, const uint32_t *a, const uint32_t *b, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] * b[i] + (c[i] ^ a[i]);
}
/* Counting down to zero (ARM subs and bne, MIPS addiu and bnez) or to -1 (ARM cmp with -1). */
LOOP addDown(uint32_t *c, const uint32_t *a, const uint32_t *b, unsigned n) {
    while (n--) *c++ = *a++ + *b++;
}
LOOP xorDown(uint32_t *c, const uint32_t *a, unsigned n) {
    do { *c++ = *a++ ^ 0x55; } while (--n);
}
/* Reductions: a sum of products and an xor over words (their order does not matter modulo 2^32). */
static __attribute__((noinline, noclone)) uint32_t dotU(const uint32_t *a, const uint32_t *b, int n) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}
static __attribute__((noinline, noclone)) uint32_t xorU(const uint32_t *a, int n, uint32_t seed) {
    for (int i = 0; i < n; i++) seed ^= a[i] + 7;
    return seed;
}
/* Halfwords: gcc makes the * 3 a shift and adds (MIPS sll, addu), on 16-bit loads and stores. */
LOOP mixH(uint16_t *c, const uint16_t *b, int n) {
    for (int i = 0; i < n; i++) c[i] = (uint16_t)(c[i] + b[i] * 3);
}

enum kind { F64, F32, U32 };
enum shape { AXPY, MIX, SUB, DIV, SCALE, UMIX };
enum { DAXPY, DMIX, DSUB, DDIV, DSCALE, FAXPY, FMIX, FSUB, FDIV, FSCALE, UMIX32, LOOPS };
struct loop { const char *name; enum kind kind; enum shape shape; };
static const struct loop loops[LOOPS] = {
    {"double c+=k*b", F64, AXPY}, {"double c=a*b+c*k", F64, MIX}, {"double c=a-b", F64, SUB},
    {"double c=a/b", F64, DIV}, {"double c=a*k", F64, SCALE}, {"float c+=k*b", F32, AXPY},
    {"float c=a*b+c*k", F32, MIX}, {"float c=a-b", F32, SUB}, {"float c=a/b", F32, DIV},
    {"float c=a*k", F32, SCALE}, {"uint32 c=a*b+(c^a)", U32, UMIX},
};
static int usesK(const struct loop *l) { return l->shape == AXPY || l->shape == MIX || l->shape == SCALE; }
static int readsA(const struct loop *l) { return l->shape != AXPY; }
static int readsB(const struct loop *l) { return l->shape != SCALE; }

/* One pool for every element type: region A, B and C start REGION elements apart, each array
   LEAD elements into its region (64 bytes for doubles, 32 for floats: 16-byte aligned at
   offset 0), so an overlapping output is an index in another array's region. */
enum { REGION = 128, LEAD = 8, GUARD = 4, A = LEAD, B = REGION + LEAD, C = 2 * REGION + LEAD };
static union {
    double d[3 * REGION];
    float f[3 * REGION];
    uint32_t u[3 * REGION];
} pool __attribute__((aligned(64)));

/* Elements move as bits (memcpy), never through FP arithmetic: the guards' signaling NaNs
   stay signaling and the filling raises no flags in any rounding mode. */
static uint64_t get(enum kind kind, int i) {
    if (kind == F64) {
        uint64_t v;
        memcpy(&v, &pool.d[i], 8);
        return v;
    }
    uint32_t w;
    memcpy(&w, &pool.u[i], 4);
    return w;
}
static void set(enum kind kind, int i, uint64_t v) {
    if (kind == F64) {
        memcpy(&pool.d[i], &v, 8);
    } else {
        uint32_t w = (uint32_t)v;
        memcpy(&pool.u[i], &w, 4);
    }
}
static int isNaN(enum kind kind, uint64_t v) {
    if (kind == F64) return (v & 0x7fffffffffffffffULL) > 0x7ff0000000000000ULL;
    return kind == F32 && (v & 0x7fffffffu) > 0x7f800000u;
}
/* Table values are float-representable for float loops, so the conversion is exact. */
static uint64_t bitsOf(enum kind kind, double x) {
    if (kind == F64) {
        uint64_t v;
        memcpy(&v, &x, 8);
        return v;
    }
    float f = (float)x;
    uint32_t w;
    memcpy(&w, &f, 4);
    return w;
}
static double valueOf(enum kind kind, uint64_t v) {
    if (kind == F64) {
        double x;
        memcpy(&x, &v, 8);
        return x;
    }
    uint32_t w = (uint32_t)v;
    float f;
    memcpy(&f, &w, 4);
    return f;
}

/* Guards. gcc encodes a signaling NaN for each target (MIPS legacy NaNs mark signaling with
   the bit IEEE 754-2008 uses for quiet). */
static const double trapDouble = __builtin_nans("");
static const float trapFloat = __builtin_nansf("");
static uint64_t trapBits(enum kind kind) {
    if (kind == F64) return bitsOf(F64, trapDouble);
    if (kind == F32) {
        uint32_t w;
        memcpy(&w, &trapFloat, 4);
        return w;
    }
    return 0xdeadbeefu;
}
static uint64_t markerBits(enum kind kind) { return kind == U32 ? 0x5a5a5a5au : bitsOf(kind, 0x1.5p+5); }

static uint64_t state;
static uint32_t next(void) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(state >> 32);
}
/* Normal values of either sign with exponents from low to low + span - 1: no overflow,
   underflow or zero divisor. */
static uint64_t randomIn(enum kind kind, int low, int span) {
    uint32_t r = next();
    if (kind == F64) {
        uint64_t mantissa = ((uint64_t)next() << 20 ^ next()) & 0xfffffffffffffULL;
        return (uint64_t)(r & 1) << 63 | (uint64_t)(1023 + low + (int)((r >> 1) % span)) << 52 | mantissa;
    }
    if (kind == F32) return (r & 1) << 31 | (uint32_t)(127 + low + (int)((r >> 1) % span)) << 23 | (next() & 0x7fffff);
    return r;
}
static uint64_t randomBits(enum kind kind) { return randomIn(kind, -8, 17); }

static uint64_t hash;
/* A multiply spreads a difference only upwards; the shift brings it back down, so two
   differences in the same bit (a sign in lanes 0 and 1) do not cancel. */
static void fold(uint64_t v) {
    hash = (hash ^ v) * 0x100000001b3ULL;
    hash ^= hash >> 29;
}
static void foldWindow(enum kind kind, int from, int to) {
    for (int i = from; i < to; i++) {
        uint64_t v = get(kind, i);
        fold(isNaN(kind, v) ? 0x6e616eULL : v);
    }
}
static unsigned shortHash(void) { return (unsigned)(hash ^ hash >> 32); }

static void fillRandom(enum kind kind, int from, int to) {
    for (int i = from; i < to; i++) set(kind, i, randomBits(kind));
}
static void fillGuards(enum kind kind, int from, int to, uint64_t guard) {
    for (int i = 0; i < GUARD; i++) {
        set(kind, from - 1 - i, guard);
        set(kind, to + i, guard);
    }
}

static void fillInput(enum kind kind, int at, int n) {
    fillRandom(kind, at, at + n);
    fillGuards(kind, at, at + n, trapBits(kind));
}

/* The flags in a fixed order (the FE_ values differ between architectures). */
static const int exceptions[] = {FE_INVALID, FE_DIVBYZERO, FE_OVERFLOW, FE_UNDERFLOW, FE_INEXACT};
static const char *const exceptionNames[] = {"invalid", "divbyzero", "overflow", "underflow", "inexact"};
enum { FLAGS = 5 };
static unsigned raised(void) {
    int all = fetestexcept(FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT);
    unsigned r = 0;
    for (int i = 0; i < FLAGS; i++)
        if (all & exceptions[i]) r |= 1u << i;
    return r;
}
static void printFlags(unsigned flags) {
    if (flags == 0) printf(" -");
    for (int i = 0; i < FLAGS; i++)
        if (flags >> i & 1) printf(" %s", exceptionNames[i]);
}

/* One call of a loop over pool elements; returns the flags it raised. */
static unsigned call(const struct loop *l, int a, int b, int c, double k, int n) {
    float kf = l->kind == F32 ? (float)k : 0;
    feclearexcept(FE_ALL_EXCEPT);
    if (l->kind == F64) {
        double *pc = &pool.d[c];
        const double *pa = &pool.d[a], *pb = &pool.d[b];
        switch (l->shape) {
        case AXPY: axpyD(pc, pb, k, n); break;
        case MIX: mixD(pc, pa, pb, k, n); break;
        case SUB: subD(pc, pa, pb, n); break;
        case DIV: divD(pc, pa, pb, n); break;
        case SCALE: scaleD(pc, pa, k, n); break;
        case UMIX: break;
        }
    } else if (l->kind == F32) {
        float *pc = &pool.f[c];
        const float *pa = &pool.f[a], *pb = &pool.f[b];
        switch (l->shape) {
        case AXPY: axpyF(pc, pb, kf, n); break;
        case MIX: mixF(pc, pa, pb, kf, n); break;
        case SUB: subF(pc, pa, pb, n); break;
        case DIV: divF(pc, pa, pb, n); break;
        case SCALE: scaleF(pc, pa, kf, n); break;
        case UMIX: break;
        }
    } else {
        mixU(&pool.u[c], &pool.u[a], &pool.u[b], n);
    }
    return raised();
}

static const int lengths[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 64, 101};
enum { NLENGTHS = sizeof lengths / sizeof lengths[0] };
static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *const modeNames[] = {"nearest", "upward", "downward", "zero"};
enum { MODES = 4 };

/* Random normal inputs, every length, output offsets 0..3 against input offsets 0 and 1;
   a checksum per rounding mode. */
static void checksums(const struct loop *l) {
    for (int m = 0; m < (l->kind == U32 ? 1 : MODES); m++) {
        state = 1;
        hash = 0xcbf29ce484222325ULL;
        unsigned flags = 0;
        fesetround(modes[m]);
        for (int t = 0; t < NLENGTHS; t++) {
            int n = lengths[t];
            for (int oc = 0; oc < 4; oc++) {
                for (int ob = 0; ob < 2; ob++) {
                    int a = A + (ob ^ 1), b = B + ob, c = C + oc;
                    if (readsA(l)) fillInput(l->kind, a, n);
                    if (readsB(l)) fillInput(l->kind, b, n);
                    fillRandom(l->kind, c, c + n);
                    fillGuards(l->kind, c, c + n, markerBits(l->kind));
                    double k = valueOf(l->kind, randomBits(l->kind));
                    unsigned f = call(l, a, b, c, k, n);
                    flags |= f;
                    fold(f);
                    foldWindow(l->kind, c - GUARD, c + n + GUARD);
                }
            }
        }
        fesetround(FE_TONEAREST);
        printf("sum   %-20s %-8s %016" PRIx64, l->name, l->kind == U32 ? "-" : modeNames[m], hash);
        if (l->kind != U32) printFlags(flags);
        printf("\n");
    }
}

/* The output overlapping input `base` ('a' or 'b') by d elements; round to nearest. */
static void aliased(const struct loop *l, char base) {
    static const int shifts[] = {0, 1, 2, 3, -1, -2, -3};
    for (unsigned s = 0; s < sizeof shifts / sizeof shifts[0]; s++) {
        int d = shifts[s];
        state = 2;
        hash = 0xcbf29ce484222325ULL;
        unsigned flags = 0;
        for (int t = 0; t < NLENGTHS; t++) {
            int n = lengths[t];
            for (int o = 0; o < 2; o++) {
                int a = base == 'a' ? A + o : A + (o ^ 1), b = base == 'b' ? B + o : B + (o ^ 1);
                int from = base == 'a' ? a : b, c = from + d;
                int lo = d < 0 ? c : from, hi = (d < 0 ? from : c) + n;
                if (readsA(l) && base != 'a') fillInput(l->kind, a, n);
                if (readsB(l) && base != 'b') fillInput(l->kind, b, n);
                fillRandom(l->kind, lo, hi);
                fillGuards(l->kind, lo, hi, trapBits(l->kind));
                /* 1/2 <= |k| < 1: a recurrence through the overlap neither overflows nor
                   fades to nothing over 101 elements. */
                double k = valueOf(l->kind, randomIn(l->kind, -1, 1));
                unsigned f = call(l, a, b, c, k, n);
                flags |= f;
                fold(f);
                foldWindow(l->kind, lo - GUARD, hi + GUARD);
            }
        }
        printf("alias %-20s c=%c%+d %016" PRIx64, l->name, base, d, hash);
        if (l->kind != U32) printFlags(flags);
        printf("\n");
    }
}

/* Special values. The elements at the chosen positions get the row's values for the operands
   in `where`; every other element has a = 1.5, b = 0.5, c = 2, which every row's k keeps
   exact unless it says otherwise, so the flags come from the special elements alone. */
enum { SA = 1, SB = 2, SC = 4 };
struct special { unsigned char loop, where; double k, a, b, c; };
#define INF INFINITY

static const struct special specials[] = {
    {DAXPY, SB, 3, 0, INF, 0},
    {DAXPY, SB, 3, 0, -INF, 0},
    {DAXPY, SB, 3, 0, NAN, 0},
    {DAXPY, SC, 3, 0, 0, NAN},
    {DAXPY, SB, NAN, 0, 0, 0},                              /* every lane NaN */
    {DAXPY, SB | SC, 3, 0, INF, -INF},                      /* inf - inf */
    {DAXPY, SB, INF, 0, 0, 0},                              /* 0 * inf; other lanes inf */
    {DAXPY, SB, 0, 0, INF, 0},                              /* 0 * inf; other lanes 2 */
    {DAXPY, SB | SC, 3, 0, -0.0, -0.0},                     /* -0 + -0 */
    {DAXPY, SB | SC, 3, 0, 0.0, -0.0},                      /* -0 + +0: -0 rounding down */
    {DAXPY, SB, 3, 0, DBL_MAX, 0},                          /* the product overflows */
    {DAXPY, SB | SC, 1, 0, DBL_MAX, DBL_MAX},               /* the sum overflows */
    {DAXPY, SB | SC, 0.375, 0, 0x1p-1073, -0.0},            /* 0.75 * 2^-1074: underflow */
    {DAXPY, SB | SC, 3, 0, 0x1p-1070, 0},                   /* an exact subnormal: no flags */
    {DAXPY, SB | SC, 0.5, 0, 0x1p-1021, 0},                 /* exactly DBL_MIN */
    {DMIX, SA, 3, INF, 0, 0},
    {DMIX, SA | SB, 3, INF, 0, 0},                          /* inf * 0 */
    {DMIX, SC, 0, 0, 0, INF},                               /* inf * k = 0; other lanes 0.75 */
    {DMIX, SA, 3, NAN, 0, 0},
    {DMIX, SC, 3, 0, 0, NAN},
    {DMIX, SA | SC, 3, INF, 0, -INF},                       /* inf - inf */
    {DMIX, SA | SC, 3, -0.0, 0, -0.0},
    {DMIX, SA | SC, 3, -0.0, 0, 0.0},
    {DMIX, SA | SB, 3, DBL_MAX, DBL_MAX, 0},                /* a * b overflows */
    {DMIX, SC, 3, 0, 0, DBL_MAX},                           /* c * k overflows */
    {DMIX, SA | SB | SC, 3, 0x1p-600, 0x1p-500, -0.0},      /* 2^-1100: underflow */
    {DMIX, SA | SB | SC, 3, 0x1p-1070, 0.5, 0},             /* an exact subnormal */
    {DSUB, SA | SB, 0, INF, INF, 0},
    {DSUB, SA | SB, 0, -INF, -INF, 0},
    {DSUB, SA, 0, INF, 0, 0},
    {DSUB, SB, 0, 0, INF, 0},
    {DSUB, SA, 0, NAN, 0, 0},
    {DSUB, SB, 0, 0, NAN, 0},
    {DSUB, SA | SB, 0, 0.0, 0.0, 0},                        /* +0, -0 rounding down */
    {DSUB, SA | SB, 0, -0.0, 0.0, 0},
    {DSUB, SA | SB, 0, DBL_MAX, -DBL_MAX, 0},
    {DSUB, SA | SB, 0, 0x1.0000000000001p-1022, 0x1p-1022, 0}, /* 2^-1074, exact */
    {DDIV, SB, 0, 0, 0.0, 0},                               /* divide by zero */
    {DDIV, SB, 0, 0, -0.0, 0},
    {DDIV, SA | SB, 0, 0.0, 0.0, 0},                        /* 0 / 0 */
    {DDIV, SA | SB, 0, INF, INF, 0},
    {DDIV, SA | SB, 0, INF, 0.0, 0},                        /* inf / 0: no flags */
    {DDIV, SA, 0, INF, 0, 0},
    {DDIV, SB, 0, 0, INF, 0},
    {DDIV, SA, 0, -0.0, 0, 0},
    {DDIV, SA, 0, NAN, 0, 0},
    {DDIV, SB, 0, 0, NAN, 0},
    {DDIV, SA | SB, 0, DBL_MAX, 0.25, 0},
    {DDIV, SA | SB, 0, 0x1p-1022, 3, 0},                    /* DBL_MIN / 3: underflow */
    {DDIV, SA | SB, 0, 0x1p-1022, 4, 0},                    /* exact subnormal */
    {DSCALE, SA, 3, INF, 0, 0},
    {DSCALE, SA, 3, -INF, 0, 0},
    {DSCALE, SA, 3, NAN, 0, 0},
    {DSCALE, SA, 3, -0.0, 0, 0},
    {DSCALE, SA, -3, 0.0, 0, 0},
    {DSCALE, SA, INF, 0.0, 0, 0},                           /* 0 * inf; other lanes inf */
    {DSCALE, SA, 0, INF, 0, 0},                             /* inf * 0; other lanes 0 */
    {DSCALE, SA, NAN, 0.0, 0, 0},
    {DSCALE, SA, 3, DBL_MAX, 0, 0},
    {DSCALE, SA, 0.375, 0x1p-1073, 0, 0},
    {DSCALE, SA, 3, 0x1p-1070, 0, 0},
    {DSCALE, SA, 0.5, 0x1p-1021, 0, 0},                     /* exactly DBL_MIN */
    {DSCALE, SA, 0x1.fffffffffffffp-1, 0x1.0000000000001p-1022, 0, 0}, /* rounds down to DBL_MIN;
                                                                          other lanes inexact */

    {FAXPY, SB, 3, 0, INF, 0},
    {FAXPY, SB, 3, 0, -INF, 0},
    {FAXPY, SB, 3, 0, NAN, 0},
    {FAXPY, SC, 3, 0, 0, NAN},
    {FAXPY, SB, NAN, 0, 0, 0},
    {FAXPY, SB | SC, 3, 0, INF, -INF},
    {FAXPY, SB, INF, 0, 0, 0},
    {FAXPY, SB, 0, 0, INF, 0},
    {FAXPY, SB | SC, 3, 0, -0.0, -0.0},
    {FAXPY, SB | SC, 3, 0, 0.0, -0.0},
    {FAXPY, SB, 3, 0, FLT_MAX, 0},
    {FAXPY, SB | SC, 1, 0, FLT_MAX, FLT_MAX},
    {FAXPY, SB | SC, 0.375, 0, 0x1p-148, -0.0},             /* 0.75 * 2^-149 */
    {FAXPY, SB | SC, 3, 0, 0x1p-145, 0},
    {FAXPY, SB | SC, 0.5, 0, 0x1p-125, 0},                  /* exactly FLT_MIN */
    {FMIX, SA, 3, INF, 0, 0},
    {FMIX, SA | SB, 3, INF, 0, 0},
    {FMIX, SC, 0, 0, 0, INF},
    {FMIX, SA, 3, NAN, 0, 0},
    {FMIX, SC, 3, 0, 0, NAN},
    {FMIX, SA | SC, 3, INF, 0, -INF},
    {FMIX, SA | SC, 3, -0.0, 0, -0.0},
    {FMIX, SA | SC, 3, -0.0, 0, 0.0},
    {FMIX, SA | SB, 3, FLT_MAX, FLT_MAX, 0},
    {FMIX, SC, 3, 0, 0, FLT_MAX},
    {FMIX, SA | SB | SC, 3, 0x1p-80, 0x1p-70, -0.0},        /* 2^-150: a tie, to 0 */
    {FMIX, SA | SB | SC, 3, 0x1p-140, 0.5, 0},
    {FSUB, SA | SB, 0, INF, INF, 0},
    {FSUB, SA | SB, 0, -INF, -INF, 0},
    {FSUB, SA, 0, INF, 0, 0},
    {FSUB, SB, 0, 0, INF, 0},
    {FSUB, SA, 0, NAN, 0, 0},
    {FSUB, SB, 0, 0, NAN, 0},
    {FSUB, SA | SB, 0, 0.0, 0.0, 0},
    {FSUB, SA | SB, 0, -0.0, 0.0, 0},
    {FSUB, SA | SB, 0, FLT_MAX, -FLT_MAX, 0},
    {FSUB, SA | SB, 0, 0x1.000002p-126, 0x1p-126, 0},
    {FDIV, SB, 0, 0, 0.0, 0},
    {FDIV, SB, 0, 0, -0.0, 0},
    {FDIV, SA | SB, 0, 0.0, 0.0, 0},
    {FDIV, SA | SB, 0, INF, INF, 0},
    {FDIV, SA | SB, 0, INF, 0.0, 0},
    {FDIV, SA, 0, INF, 0, 0},
    {FDIV, SB, 0, 0, INF, 0},
    {FDIV, SA, 0, -0.0, 0, 0},
    {FDIV, SA, 0, NAN, 0, 0},
    {FDIV, SB, 0, 0, NAN, 0},
    {FDIV, SA | SB, 0, FLT_MAX, 0.25, 0},
    {FDIV, SA | SB, 0, 0x1p-126, 3, 0},
    {FDIV, SA | SB, 0, 0x1p-126, 4, 0},
    {FSCALE, SA, 3, INF, 0, 0},
    {FSCALE, SA, 3, -INF, 0, 0},
    {FSCALE, SA, 3, NAN, 0, 0},
    {FSCALE, SA, 3, -0.0, 0, 0},
    {FSCALE, SA, -3, 0.0, 0, 0},
    {FSCALE, SA, INF, 0.0, 0, 0},
    {FSCALE, SA, 0, INF, 0, 0},
    {FSCALE, SA, NAN, 0.0, 0, 0},
    {FSCALE, SA, 3, FLT_MAX, 0, 0},
    {FSCALE, SA, 0.375, 0x1p-148, 0, 0},
    {FSCALE, SA, 3, 0x1p-145, 0, 0},
    {FSCALE, SA, 0.5, 0x1p-125, 0, 0},
    {FSCALE, SA, 0x1.fffffep-1, 0x1.000002p-126, 0, 0},
};

static void printValue(double x) {
    if (isnan(x)) printf("nan");
    else printf("%a", x);
}

/* Where the special elements go, as masks of element numbers: element 0, 1, 2 or 3 alone
   (lanes 0 and 1 of the first pair, lanes 2 and 3 of the first quad), the last element
   alone (LAST), the first pair, the second pair, the first quad. */
#define LAST 0x80000000u
static const unsigned positions[] = {1, 2, 4, 8, LAST, 3, 12, 15};
enum { NPOSITIONS = sizeof positions / sizeof positions[0], DISTINCT = 4 };
struct outcome { uint64_t bits; unsigned flags; };

static void fillSpecial(enum kind kind, int at, int n, unsigned chosen, int special, double value, double normal,
                        uint64_t guard) {
    uint64_t valueBits = bitsOf(kind, value), normalBits = bitsOf(kind, normal);
    for (int i = 0; i < n; i++) set(kind, at + i, special && (chosen >> i & 1) ? valueBits : normalBits);
    fillGuards(kind, at, at + n, guard);
}

static void special(const struct special *s) {
    const struct loop *l = &loops[s->loop];
    struct outcome seen[MODES][DISTINCT];
    int count[MODES] = {0};
    hash = 0xcbf29ce484222325ULL;
    for (int m = 0; m < MODES; m++) {
        fesetround(modes[m]);
        for (int n = 9; n <= 10; n++) {
            for (int o = 0; o < 2; o++) {
                for (int p = 0; p < NPOSITIONS; p++) {
                    unsigned chosen = positions[p] == LAST ? 1u << (n - 1) : positions[p];
                    int a = A + o, b = B + o, c = C + o;
                    uint64_t trap = trapBits(l->kind);
                    fillSpecial(l->kind, a, n, chosen, s->where & SA, s->a, 1.5, trap);
                    fillSpecial(l->kind, b, n, chosen, s->where & SB, s->b, 0.5, trap);
                    fillSpecial(l->kind, c, n, chosen, s->where & SC, s->c, 2, markerBits(l->kind));
                    unsigned f = call(l, a, b, c, s->k, n);
                    fold(f);
                    foldWindow(l->kind, c - GUARD, c + n + GUARD);
                    for (int i = 0; i < n; i++) {
                        if (!(chosen >> i & 1)) continue;
                        uint64_t v = get(l->kind, c + i);
                        struct outcome out = {isNaN(l->kind, v) ? bitsOf(l->kind, NAN) : v, f};
                        int known = 0;
                        for (int j = 0; j < count[m]; j++)
                            known |= seen[m][j].bits == out.bits && seen[m][j].flags == out.flags;
                        if (!known && count[m] < DISTINCT) seen[m][count[m]++] = out;
                    }
                }
            }
        }
    }
    fesetround(FE_TONEAREST);

    printf("%-20s", l->name);
    if (usesK(l)) { printf(" k="); printValue(s->k); }
    if (s->where & SA) { printf(" a="); printValue(s->a); }
    if (s->where & SB) { printf(" b="); printValue(s->b); }
    if (s->where & SC) { printf(" c="); printValue(s->c); }
    int same = 1;
    for (int m = 1; m < MODES; m++) {
        same &= count[m] == count[0];
        for (int j = 0; same && j < count[0]; j++)
            same &= seen[m][j].bits == seen[0][j].bits && seen[m][j].flags == seen[0][j].flags;
    }
    printf(" ->");
    for (int m = 0; m < (same ? 1 : MODES); m++) {
        if (!same) printf("%s %s", m ? ";" : "", modeNames[m]);
        for (int j = 0; j < count[m]; j++) {
            printf("%s ", j ? " /" : "");
            printValue(valueOf(l->kind, seen[m][j].bits));
            printFlags(seen[m][j].flags);
        }
    }
    printf(" #%08x\n", shortHash());
}

/* The halfword loop over every length and every start of both arrays (16-bit alignment), the
   output at an overlap of -3..3 elements or apart; one checksum. */
static void halfwords(void) {
    static uint16_t h[512] __attribute__((aligned(16)));
    hash = 0xcbf29ce484222325ULL;
    state = 3;
    for (int repeat = 0; repeat < 2; repeat++) {
        for (int t = 0; t < NLENGTHS; t++) {
            for (int start = 0; start < 8; start++) {
                for (int d = -3; d <= 4; d++) {
                    int n = lengths[t], b = 64 + start, c = d == 4 ? 320 + (start ^ 5) : b + d;
                    for (int i = 0; i < 512; i++) h[i] = (uint16_t)next();
                    mixH(&h[c], &h[b], n);
                    for (int i = 0; i < 512; i++) fold(h[i]);
                }
            }
        }
    }
    printf("sum   uint16 c=c+b*3       -        %016" PRIx64 "\n", hash);
}

/* The counting-down loops over lengths 1..101, every start, the output apart or overlapping. */
static void countingDown(void) {
    static uint32_t w[512] __attribute__((aligned(16)));
    hash = 0xcbf29ce484222325ULL;
    state = 4;
    for (int repeat = 0; repeat < 2; repeat++) {
        for (int t = 1; t < NLENGTHS; t++) {
            for (int start = 0; start < 4; start++) {
                for (int d = -2; d <= 3; d++) {
                    unsigned n = (unsigned)lengths[t];
                    int a = 32 + start, b = 160 + (start ^ 3), c = d == 3 ? 300 + start : a + d;
                    for (int i = 0; i < 512; i++) w[i] = next();
                    if (d & 1) addDown(&w[c], &w[a], &w[b], n); else xorDown(&w[c], &w[a], n);
                    for (int i = 0; i < 512; i++) fold(w[i]);
                }
            }
        }
    }
    printf("sum   uint32 counting down -        %016" PRIx64 "\n", hash);
}

/* The reductions over lengths 0..101 and every start. */
static void reductions(void) {
    static uint32_t w[512] __attribute__((aligned(16)));
    hash = 0xcbf29ce484222325ULL;
    state = 5;
    for (int repeat = 0; repeat < 3; repeat++) {
        for (int t = 0; t < NLENGTHS; t++) {
            for (int start = 0; start < 4; start++) {
                for (int i = 0; i < 512; i++) w[i] = next();
                fold(dotU(&w[16 + start], &w[200 + (start ^ 1)], lengths[t]));
                fold(xorU(&w[300 + start], lengths[t], w[start]));
            }
        }
    }
    printf("sum   uint32 reductions    -        %016" PRIx64 "\n", hash);
}

int main(void) {
    for (int i = 0; i < LOOPS; i++) checksums(&loops[i]);
    halfwords();
    countingDown();
    reductions();
    aliased(&loops[DAXPY], 'b');
    aliased(&loops[FAXPY], 'b');
    aliased(&loops[DSUB], 'b');
    aliased(&loops[DSUB], 'a');
    aliased(&loops[FSUB], 'b');
    aliased(&loops[FSUB], 'a');
    aliased(&loops[UMIX32], 'b');
    aliased(&loops[UMIX32], 'a');
    for (unsigned i = 0; i < sizeof specials / sizeof specials[0]; i++) special(&specials[i]);
    return 0;
}
