/* VFP conversions and the floating-point environment.
     1. C casts from float and double to 32-bit integers (VCVT, which saturates and turns NaN
        into 0 on ARM; the native build models that) and to 64-bit integers (in range only:
        out of range they go through libgcc, whose answer is not the instruction's).
     2. C casts from every integer type to float and double.
     3. VCVT by inline asm: the round-toward-zero and the FPSCR-rounded (VCVTR) forms, integer
        to float in each rounding mode, and the fixed-point forms (VCVT.S32.F64 d, d, #16 ...)
        with the sign or zero extension of the result in the whole register.
     4. fesetround with every mode: arithmetic, narrowing, rint, nearbyint, lrint, llrint and
        whether each raised inexact.
     5. fetestexcept after operations that raise each exception (and some that must not).
     6. Half precision: __fp16 in C (library conversions, -mfp16-format=ieee) and VCVTB/VCVTT
        in every rounding mode, including NaN payloads and which half is written.
   Doubles print with %a, so nothing depends on decimal formatting. */
/* guest-tests: cflags -frounding-math */
/* guest-tests: arm-cflags -mfp16-format=ieee */
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __arm__
#include <sys/auxv.h>
#endif

static const double doubles[] = {
    0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 1e-300, 0x1p-17, 65535.75, 32767.5, -32768.5,
    2147483647.0, 2147483647.5, 2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0, 4294967295.0,
    4294967295.5, 4294967296.0, 1e10, -1e10, 0x1p63, -0x1p63, 0x1p64, 1e300, -1e300, INFINITY, -INFINITY,
    NAN, -NAN, 9007199254740993.0, 0x1.fffffffffffffp62, -0x1.fffffffffffffp62,
};
#define NDOUBLES (int)(sizeof doubles / sizeof doubles[0])
static const int rounding_modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *const mode_names[] = {"nearest", "upward", "downward", "towardzero"};

static uint64_t bits64(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t bits32(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float float_of(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/* VCVT's rule for a value that does not fit: the nearest representable integer, NaN -> 0. */
static int64_t saturate(double x, int64_t min, int64_t max) {
    if (x != x) return 0;
    double t = trunc(x);
    if (t < (double)min) return min;
    if (t > (double)max) return max;
    return (int64_t)t;
}

/* ---- 1 and 2: C casts ---- */
__attribute__((noinline)) static int32_t d2i(double x) {
#ifdef __arm__
    return (int32_t)x;
#else
    return (int32_t)saturate(x, INT32_MIN, INT32_MAX);
#endif
}
__attribute__((noinline)) static uint32_t d2u(double x) {
#ifdef __arm__
    return (uint32_t)x;
#else
    return (uint32_t)saturate(x, 0, UINT32_MAX);
#endif
}
__attribute__((noinline)) static int32_t f2i(float x) {
#ifdef __arm__
    return (int32_t)x;
#else
    return (int32_t)saturate(x, INT32_MIN, INT32_MAX);
#endif
}
__attribute__((noinline)) static uint32_t f2u(float x) {
#ifdef __arm__
    return (uint32_t)x;
#else
    return (uint32_t)saturate(x, 0, UINT32_MAX);
#endif
}

/* A narrowed NaN as printed: with its own sign, except on a MIPS FPU with legacy NaNs, where
   every NaN result is the default NaN (as in qemu) and the sign is not the program's to see:
   there the sign of the NaN it came from. */
static double shown_float(float f, double from) {
#if defined(__mips__) && !defined(__mips_nan2008)
    if (f != f) return signbit(from) ? -NAN : NAN;
#else
    (void)from;
#endif
    return f;
}

static void casts(void) {
    for (int i = 0; i < NDOUBLES; i++) {
        volatile double d = doubles[i];
        volatile float f = (float)d;
        printf("%-26a i32 %08x u32 %08x | float %-16a i32 %08x u32 %08x", d, (uint32_t)d2i(d), d2u(d), shown_float(f, d),
               (uint32_t)f2i(f), f2u(f));
        /* 64-bit results only where the value fits (|x| < 2^63, or 0 <= x < 2^64). */
        if (d == d && fabs(d) < 0x1p63) printf(" i64 %016" PRIx64 " fi64 %016" PRIx64, (uint64_t)(int64_t)d, (uint64_t)(int64_t)f);
        if (d == d && d > -1.0 && d < 0x1p64) printf(" u64 %016" PRIx64, (uint64_t)d);
        printf("\n");
    }
    static const uint64_t ints[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x1000001, 0x1000003, 0x7fffffc0,
                                    0x20000000000001, 0x20000000000003, 0x7fffffffffffffff, 0x8000000000000000,
                                    0x8000000000000401, 0x8000000000000c00, 0xfffffffffffff800, 0xffffffffffffffff,
                                    0xfffffffffffffc00, 0x123456789abcdef};
    for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        volatile uint64_t v = ints[i];
        uint32_t w = (uint32_t)v;
        printf("%016" PRIx64 ": s32 %a %a u32 %a %a s64 %a %a u64 %a %a\n", v, (double)(float)(int32_t)w,
               (double)(int32_t)w, (double)(float)w, (double)w, (double)(float)(int64_t)v, (double)(int64_t)v,
               (double)(float)v, (double)v);
    }
}

/* ---- 3: VCVT by inline asm ---- */
/* The conversions at the current rounding mode (VCVTR) and toward zero (VCVT), from double. */
static void vcvt_round(double x, uint32_t out[4]) {
#ifdef __arm__
    float s0, s1, s2, s3;
    __asm__ volatile("vcvtr.s32.f64 %[s0], %P[x]\n\t"
                     "vcvtr.u32.f64 %[s1], %P[x]\n\t"
                     "vcvt.s32.f64 %[s2], %P[x]\n\t"
                     "vcvt.u32.f64 %[s3], %P[x]\n\t"
                     : [s0] "=&t"(s0), [s1] "=&t"(s1), [s2] "=&t"(s2), [s3] "=&t"(s3) : [x] "w"(x));
    out[0] = bits32(s0), out[1] = bits32(s1), out[2] = bits32(s2), out[3] = bits32(s3);
#else
    double r = x != x ? 0 : nearbyint(x); /* the current mode */
    out[0] = (uint32_t)saturate(r, INT32_MIN, INT32_MAX);
    out[1] = (uint32_t)saturate(r, 0, UINT32_MAX);
    out[2] = (uint32_t)saturate(x, INT32_MIN, INT32_MAX);
    out[3] = (uint32_t)saturate(x, 0, UINT32_MAX);
#endif
}

/* Integer to float and double at the current rounding mode. */
static void vcvt_from_int(uint32_t v, uint32_t out[2], uint64_t out64[2]) {
#ifdef __arm__
    float fs, fu;
    double ds, du;
    __asm__ volatile("vmov %[fs], %[v]\n\t"
                     "vcvt.f32.s32 %[fs], %[fs]\n\t"
                     "vmov %[fu], %[v]\n\t"
                     "vcvt.f32.u32 %[fu], %[fu]\n\t"
                     : [fs] "=&t"(fs), [fu] "=&t"(fu) : [v] "r"(v));
    __asm__ volatile("vmov %[t], %[v]\n\t"
                     "vcvt.f64.s32 %P[ds], %[t]\n\t"
                     "vcvt.f64.u32 %P[du], %[t]\n\t"
                     : [ds] "=&w"(ds), [du] "=&w"(du) : [v] "r"(v), [t] "t"(0.0f));
    out[0] = bits32(fs), out[1] = bits32(fu);
    out64[0] = bits64(ds), out64[1] = bits64(du);
#else
    volatile int32_t s = (int32_t)v;
    volatile uint32_t u = v;
    out[0] = bits32((float)s), out[1] = bits32((float)u);
    out64[0] = bits64((double)s), out64[1] = bits64((double)u);
#endif
}

/* Fixed point. The float-to-fixed forms leave the result in the whole register, sign- or
   zero-extended, so the register is printed whole. */
#ifdef __arm__
#define FIXED_D(name, insn, fbits)                                                                 \
    static uint64_t name(double x) {                                                               \
        uint64_t r;                                                                                \
        __asm__ volatile(insn " %P[x], %P[x], #" #fbits "\n\tvmov %Q[r], %R[r], %P[x]"            \
                         : [x] "+w"(x), [r] "=r"(r));                                              \
        return r;                                                                                  \
    }
#define FIXED_S(name, insn, fbits)                                                                 \
    static uint64_t name(double xd) {                                                              \
        float x = (float)xd;                                                                       \
        uint32_t r;                                                                                \
        __asm__ volatile(insn " %[x], %[x], #" #fbits "\n\tvmov %[r], %[x]" : [x] "+t"(x), [r] "=r"(r)); \
        return r;                                                                                  \
    }
#define FROM_FIXED_D(name, insn, fbits)                                                            \
    static uint64_t name(uint64_t v) {                                                             \
        double x;                                                                                  \
        __asm__ volatile("vmov %P[x], %Q[v], %R[v]\n\t" insn " %P[x], %P[x], #" #fbits             \
                         : [x] "=&w"(x) : [v] "r"(v));                                             \
        return bits64(x);                                                                          \
    }
#define FROM_FIXED_S(name, insn, fbits)                                                            \
    static uint64_t name(uint64_t v) {                                                             \
        float x;                                                                                   \
        __asm__ volatile("vmov %[x], %[v]\n\t" insn " %[x], %[x], #" #fbits                        \
                         : [x] "=&t"(x) : [v] "r"((uint32_t)v));                                   \
        return bits32(x);                                                                          \
    }
#else
/* Model: scale by 2^fbits (exact), truncate, saturate to the size, extend to the register. */
static uint64_t to_fixed(double x, int bits, int is_signed, int fbits, int reg_bits) {
    double scaled = ldexp(x, fbits);
    int64_t r = is_signed ? saturate(scaled, -((int64_t)1 << (bits - 1)), ((int64_t)1 << (bits - 1)) - 1)
                          : saturate(scaled, 0, ((int64_t)1 << bits) - 1);
    uint64_t u = (uint64_t)r;
    if (reg_bits == 32) u &= 0xffffffffu;
    return u;
}
/* From the low bits of the register: the integer over 2^fbits, rounded once to the format. */
static uint64_t from_fixed(uint64_t v, int bits, int is_signed, int fbits, int single) {
    uint64_t low = bits == 64 ? v : v & (((uint64_t)1 << bits) - 1);
    int64_t i = is_signed && (low >> (bits - 1)) ? (int64_t)(low - ((uint64_t)1 << bits)) : (int64_t)low;
    double d = ldexp((double)i, -fbits);
    return single ? bits32((float)d) : bits64(d);
}
#define FIXED_D(name, insn, fbits) static uint64_t name(double x) { return to_fixed(x, size_of(insn), signed_of(insn), fbits, 64); }
#define FIXED_S(name, insn, fbits) static uint64_t name(double x) { return to_fixed((float)x, size_of(insn), signed_of(insn), fbits, 32); }
#define FROM_FIXED_D(name, insn, fbits) static uint64_t name(uint64_t v) { return from_fixed(v, size_of(insn), signed_of(insn), fbits, 0); }
#define FROM_FIXED_S(name, insn, fbits) static uint64_t name(uint64_t v) { return from_fixed(v, size_of(insn), signed_of(insn), fbits, 1); }
/* "vcvt.s32.f64" -> 32 and signed; "vcvt.f64.u16" -> 16 and unsigned. */
static int size_of(const char *insn) { return strstr(insn, "32.f") || strstr(insn, "f64.s32") || strstr(insn, "f64.u32") || strstr(insn, "f32.s32") || strstr(insn, "f32.u32") ? 32 : 16; }
static int signed_of(const char *insn) { return strstr(insn, ".s32") || strstr(insn, ".s16") ? 1 : 0; }
#endif
FIXED_D(fx_s32_f64_1, "vcvt.s32.f64", 1)
FIXED_D(fx_s32_f64_16, "vcvt.s32.f64", 16)
FIXED_D(fx_s32_f64_32, "vcvt.s32.f64", 32)
FIXED_D(fx_u32_f64_16, "vcvt.u32.f64", 16)
FIXED_D(fx_u32_f64_32, "vcvt.u32.f64", 32)
FIXED_D(fx_s16_f64_8, "vcvt.s16.f64", 8)
FIXED_D(fx_u16_f64_16, "vcvt.u16.f64", 16)
FIXED_S(fx_s32_f32_16, "vcvt.s32.f32", 16)
FIXED_S(fx_u16_f32_4, "vcvt.u16.f32", 4)
FIXED_S(fx_s16_f32_1, "vcvt.s16.f32", 1)
FROM_FIXED_D(fl_f64_s32_16, "vcvt.f64.s32", 16)
FROM_FIXED_D(fl_f64_u32_32, "vcvt.f64.u32", 32)
FROM_FIXED_D(fl_f64_s16_8, "vcvt.f64.s16", 8)
FROM_FIXED_D(fl_f64_u16_1, "vcvt.f64.u16", 1)
FROM_FIXED_S(fl_f32_s32_3, "vcvt.f32.s32", 3)
FROM_FIXED_S(fl_f32_u32_32, "vcvt.f32.u32", 32)
FROM_FIXED_S(fl_f32_s16_16, "vcvt.f32.s16", 16)

static void asm_conversions(void) {
    static const uint32_t ints[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x1000001, 0x1000003, 0xfefffffd, 0x7fffffc0};
    for (int m = 0; m < 4; m++) {
        fesetround(rounding_modes[m]);
        for (int i = 0; i < NDOUBLES; i++) {
            uint32_t r[4];
            vcvt_round(doubles[i], r);
            printf("%s vcvtr/vcvt %-26a s32 %08x u32 %08x | %08x %08x\n", mode_names[m], doubles[i], r[0], r[1], r[2], r[3]);
        }
        for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
            uint32_t f[2];
            uint64_t d[2];
            vcvt_from_int(ints[i], f, d);
            printf("%s int %08x: f32.s32 %08x f32.u32 %08x f64.s32 %016" PRIx64 " f64.u32 %016" PRIx64 "\n",
                   mode_names[m], ints[i], f[0], f[1], d[0], d[1]);
        }
    }
    fesetround(FE_TONEAREST);
    static uint64_t (*const to[])(double) = {fx_s32_f64_1, fx_s32_f64_16, fx_s32_f64_32, fx_u32_f64_16, fx_u32_f64_32,
                                             fx_s16_f64_8, fx_u16_f64_16, fx_s32_f32_16, fx_u16_f32_4, fx_s16_f32_1};
    for (int i = 0; i < NDOUBLES; i++) {
        printf("to fixed %-26a:", doubles[i]);
        for (unsigned k = 0; k < sizeof to / sizeof to[0]; k++) printf(" %" PRIx64, to[k](doubles[i]));
        printf("\n");
    }
    static const uint64_t raw[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x8000, 0xffff, 0x7fff,
                                   0x123456789, 0xffffffff80000001, 0x1000001, 0xabcd1234};
    static uint64_t (*const from[])(uint64_t) = {fl_f64_s32_16, fl_f64_u32_32, fl_f64_s16_8, fl_f64_u16_1,
                                                 fl_f32_s32_3, fl_f32_u32_32, fl_f32_s16_16};
    for (unsigned i = 0; i < sizeof raw / sizeof raw[0]; i++) {
        printf("from fixed %016" PRIx64 ":", raw[i]);
        for (unsigned k = 0; k < sizeof from / sizeof from[0]; k++) printf(" %" PRIx64, from[k](raw[i]));
        printf("\n");
    }
}

/* ---- 4: rounding modes ---- */
static void rounding(void) {
    static const double xs[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.4999, -2.5000001,
                                1e15 + 0.5, 4503599627370497.0, -0.0, 3.7, -3.7, 1e300, 2147483646.5, -2147483647.5};
    for (int m = 0; m < 4; m++) {
        fesetround(rounding_modes[m]);
        printf("mode %s: fegetround matches %s\n", mode_names[m], fegetround() == rounding_modes[m] ? "yes" : "no");
        for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
            volatile double x = xs[i];
            feclearexcept(FE_ALL_EXCEPT);
            double r = rint(x);
            int rint_inexact = fetestexcept(FE_INEXACT) != 0;
            feclearexcept(FE_ALL_EXCEPT);
            double n = nearbyint(x);
            int nearby_inexact = fetestexcept(FE_INEXACT) != 0;
            printf("  %-24a rint %-22a%s nearbyint %-22a%s", x, r, rint_inexact ? "(inexact)" : "", n,
                   nearby_inexact ? "(inexact)" : "");
            if (fabs(x) < 0x1p31) printf(" lrint %ld", (long)lrint(x));
            if (fabs(x) < 0x1p63) printf(" llrint %lld", (long long)llrint(x));
            printf("\n");
        }
        volatile double one = 1.0, three = 3.0, big = DBL_MAX, tiny = DBL_MIN, two = 2.0;
        volatile float onef = 1.0f, threef = 3.0f, bigf = 1e8f;
        printf("  1/3 %a -1/3 %a sqrt2 %a max*2 %a min/3 %a (float)(1/3) %a\n", one / three, -one / three,
               sqrt(two), big * two, tiny / three, (double)(float)(one / three));
        printf("  1f/3f %a 1e8f+1f %a 1e8f-1f %a (float)max %a\n", (double)(onef / threef), (double)(bigf + onef),
               (double)(bigf - onef), (double)(float)big);
    }
    fesetround(FE_TONEAREST);
}

/* ---- 5: exception flags ---- */
static void show_flags(const char *what) {
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%-28s%s%s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "", f & FE_DIVBYZERO ? " divbyzero" : "",
           f & FE_OVERFLOW ? " overflow" : "", f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "",
           f ? "" : " none");
    feclearexcept(FE_ALL_EXCEPT);
}

static void exceptions(void) {
    volatile double zero = 0.0, one = 1.0, three = 3.0, minus_one = -1.0, inf = INFINITY, nan = NAN, big = DBL_MAX,
                    tiny = DBL_MIN, two = 2.0, ten_billion = 1e10, two_and_half = 2.5, huge = 1e300;
    volatile float bigf = 1e30f, tinyf = 1e-30f;
    volatile double sink;
    volatile float sinkf;
    volatile int32_t sinki;
    feclearexcept(FE_ALL_EXCEPT);
    show_flags("start");
    sink = one + one;
    show_flags("1 + 1");
    sink = one / three;
    show_flags("1 / 3");
    sink = one / zero;
    show_flags("1 / 0");
    sink = minus_one / zero;
    show_flags("-1 / 0");
    sink = zero / zero;
    show_flags("0 / 0");
    sink = inf - inf;
    show_flags("inf - inf");
    sink = inf * zero;
    show_flags("inf * 0");
    sink = sqrt(minus_one);
    show_flags("sqrt(-1)");
    sink = nan + one;
    show_flags("qnan + 1");
    sinki = nan == nan;
    show_flags("qnan == qnan");
    sink = big * two;
    show_flags("max * 2");
    sink = tiny * tiny;
    show_flags("min * min");
    sink = tiny / two;
    show_flags("min / 2 (exact)");
    sink = tiny / three;
    show_flags("min / 3");
    sinkf = bigf * bigf;
    show_flags("1e30f * 1e30f");
    sinkf = tinyf * tinyf;
    show_flags("1e-30f * 1e-30f");
    sinkf = (float)huge;
    show_flags("(float)1e300");
    sinkf = (float)(one / three);
    show_flags("(float)(1/3)");
    sinki = (int32_t)two_and_half;
    show_flags("(int)2.5");
    sinki = (int32_t)ten_billion;
    show_flags("(int)1e10");
    sinki = (int32_t)nan;
    show_flags("(int)nan");
    sinki = (int32_t)two;
    show_flags("(int)2.0");
    sink = log(zero);
    show_flags("log(0)");
    sink = exp(huge);
    show_flags("exp(1e300)");
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    show_flags("feraiseexcept(overflow|inexact)");
    fenv_t env;
    feholdexcept(&env);
    sink = one / zero;
    show_flags("1 / 0 after feholdexcept");
    sink = one / three;
    feupdateenv(&env);
    show_flags("feupdateenv");
    (void)sink, (void)sinkf, (void)sinki;
}

/* ---- 6: half precision ---- */
/* The model of float -> half in a rounding mode (0..3 as in rounding_modes). */
static uint16_t to_half(double value, int mode) {
    uint64_t raw = bits64(value);
    uint16_t sign = (uint16_t)((raw >> 48) & 0x8000);
    if (value != value) return (uint16_t)(sign | 0x7e00 | ((raw >> 42) & 0x1ff));
    double a = fabs(value);
    if (a == 0) return sign;
    if (isinf(a)) return sign | 0x7c00;
    int e;
    frexp(a, &e);
    e -= 1; /* a is in [2^e, 2^(e+1)) */
    if (e < -14) e = -14;
    double m = ldexp(a, 10 - e); /* the significand in units of the last place: [0, 2048) */
    double fl = floor(m), frac = m - fl;
    int up;
    switch (mode) {
    case 0: up = frac > 0.5 || (frac == 0.5 && fmod(fl, 2) == 1); break;
    case 1: up = frac > 0 && !sign; break;
    case 2: up = frac > 0 && sign; break;
    default: up = 0; break;
    }
    uint32_t r = (uint32_t)fl + (up ? 1 : 0);
    if (r == 2048) { r = 1024; e++; }
    if (e > 15) {
        int to_inf = mode == 0 || (mode == 1 && !sign) || (mode == 2 && sign);
        return sign | (to_inf ? 0x7c00 : 0x7bff);
    }
    if (r < 1024) return sign | (uint16_t)r; /* subnormal (e == -14) */
    return sign | (uint16_t)(((e + 15) << 10) | (r - 1024));
}
static uint32_t half_to_float_bits(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16, exp = (h >> 10) & 0x1f, man = h & 0x3ff;
    if (exp == 0x1f) return sign | 0x7f800000u | (man ? 0x400000u | man << 13 : 0);
    return sign | bits32((float)ldexp(exp ? (double)(man | 0x400) : (double)man, (exp ? (int)exp : 1) - 25));
}

#ifdef __arm__
/* VCVTB/VCVTT write one half of the destination and keep the other. */
static uint32_t hw_to_half(uint32_t in, uint32_t init, int top) {
    uint32_t out;
    if (top)
        __asm__ volatile(".fpu vfpv4\n\tvmov s14, %[in]\n\tvmov s15, %[init]\n\tvcvtt.f16.f32 s15, s14\n\tvmov %[out], s15"
                         : [out] "=r"(out) : [in] "r"(in), [init] "r"(init) : "s14", "s15");
    else
        __asm__ volatile(".fpu vfpv4\n\tvmov s14, %[in]\n\tvmov s15, %[init]\n\tvcvtb.f16.f32 s15, s14\n\tvmov %[out], s15"
                         : [out] "=r"(out) : [in] "r"(in), [init] "r"(init) : "s14", "s15");
    return out;
}
static uint32_t hw_from_half(uint32_t in, int top) {
    uint32_t out;
    if (top)
        __asm__ volatile(".fpu vfpv4\n\tvmov s14, %[in]\n\tvcvtt.f32.f16 s15, s14\n\tvmov %[out], s15"
                         : [out] "=r"(out) : [in] "r"(in) : "s14", "s15");
    else
        __asm__ volatile(".fpu vfpv4\n\tvmov s14, %[in]\n\tvcvtb.f32.f16 s15, s14\n\tvmov %[out], s15"
                         : [out] "=r"(out) : [in] "r"(in) : "s14", "s15");
    return out;
}
#endif

static void half_precision(void) {
    static const float fs[] = {0.0f, -0.0f, 1.0f, -2.5f, 65504.0f, 65519.996f, 65520.0f, 1e6f, -1e6f,
                               0x1p-14f, 0x1p-24f, 0x1p-25f, 0x1.8p-25f, 0x1p-26f, 0x1.ffcp-15f, 0.1f, -0.3333333f,
                               1.00048828125f, 1.0009765625f, 1.00146484375f, 2049.0f, 2051.0f, INFINITY, -INFINITY};
    /* C: __fp16 (library conversions on ARM, round to nearest), NaN left out. */
    for (unsigned i = 0; i < sizeof fs / sizeof fs[0]; i++) {
        volatile float f = fs[i];
        volatile double d = (double)fs[i] * (1.0 + 0x1p-40);
#ifdef __arm__
        __fp16 h = f, hd = d;
        uint16_t hb, hdb;
        memcpy(&hb, &h, 2);
        memcpy(&hdb, &hd, 2);
        float back = h;
#else
        uint16_t hb = to_half(f, 0), hdb = to_half(d, 0);
        float back = float_of(half_to_float_bits(hb));
#endif
        printf("__fp16 %-16a -> %04x -> %-16a  (double %a -> %04x)\n", (double)f, hb, (double)back, d, hdb);
    }
    /* Instructions, in every rounding mode, plus NaNs. */
    static const uint32_t nans[] = {0x7fc00000, 0xffc00001, 0x7fa00000, 0x7f802000, 0xff800001};
    int hardware = 1;
#ifdef __arm__
    hardware = (getauxval(AT_HWCAP) & HWCAP_ARM_VFPv4) != 0;
#endif
    for (int m = 0; m < 4; m++) {
        fesetround(rounding_modes[m]);
        for (unsigned i = 0; i < sizeof fs / sizeof fs[0] + sizeof nans / sizeof nans[0]; i++) {
            uint32_t in = i < sizeof fs / sizeof fs[0] ? bits32(fs[i]) : nans[i - sizeof fs / sizeof fs[0]];
            uint32_t b, t;
#ifdef __arm__
            if (hardware) {
                b = hw_to_half(in, 0xaaaa5555u, 0);
                t = hw_to_half(in, 0xaaaa5555u, 1);
            } else
#endif
            {
                /* A NaN's payload from its bits: widening it to double first would give the
                   default NaN on a MIPS FPU with legacy NaNs. */
                uint16_t h = (in & 0x7fffffffu) > 0x7f800000u ? (uint16_t)((in >> 16 & 0x8000) | 0x7e00 | (in >> 13 & 0x1ff))
                                                               : to_half(float_of(in), m);
                b = 0xaaaa0000u | h;
                t = (uint32_t)h << 16 | 0x5555u;
            }
            printf("%s vcvtb/vcvtt.f16.f32 %08x: %08x %08x\n", mode_names[m], in, b, t);
        }
    }
    fesetround(FE_TONEAREST);
    static const uint32_t halves[] = {0x00003c00, 0x3c000000, 0x7bff0001, 0x04000400, 0x83ff8001, 0x7c00fc00,
                                      0x7e007d00, 0xfe017c01, 0x0000ffff, 0x12345678};
    for (unsigned i = 0; i < sizeof halves / sizeof halves[0]; i++) {
        uint32_t b, t;
#ifdef __arm__
        if (hardware) {
            b = hw_from_half(halves[i], 0);
            t = hw_from_half(halves[i], 1);
        } else
#endif
        {
            b = half_to_float_bits((uint16_t)halves[i]);
            t = half_to_float_bits((uint16_t)(halves[i] >> 16));
        }
        printf("vcvtb/vcvtt.f32.f16 %08x: %08x %08x\n", halves[i], b, t);
    }
    (void)hardware;
}

int main(void) {
    casts();
    asm_conversions();
    rounding();
    exceptions();
    half_precision();
    return 0;
}
