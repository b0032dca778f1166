/* Loops gcc -O3 -mfpu=neon vectorizes into Advanced SIMD on ARM: widening and narrowing
   integer arithmetic, shifts, saturation written as clamps, rounding averages, absolute
   differences, multiply-accumulate, min/max, selects, integer reductions, and elementwise
   single-precision arithmetic and conversions (-funsafe-math-optimizations lets gcc use NEON
   floats; the loops are elementwise, so nothing is reassociated). The native build runs the
   same C. Floats stay normal, so NEON's flush-to-zero never changes a result; every value
   prints exactly (integers in decimal, floats as bits). */
/* guest-tests: arm-cflags -mfpu=neon -O3 -funsafe-math-optimizations */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#define N 203 /* not a multiple of the vector length: the scalar tail runs too */

static uint8_t u8a[N], u8b[N], u8r[N];
static int8_t s8a[N], s8r[N];
static int16_t s16a[N], s16b[N], s16r[N];
static uint16_t u16r[N];
static int32_t s32a[N], s32b[N], s32r[N];
static uint32_t u32r[N];
static int64_t s64r[N];
static float fa[N], fb[N], fc[N], fr[N];

static uint32_t seed = 12345;
static uint32_t next(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static uint64_t hash;
static void mix(uint64_t v) { hash = (hash ^ v) * 0x100000001b3ULL; }
static void report(const char *name) {
    printf("%-16s %016" PRIx64 "\n", name, hash);
    hash = 0xcbf29ce484222325ULL;
}
static void sum8(const char *name, const uint8_t *v) { for (int i = 0; i < N; i++) mix(v[i]); report(name); }
static void sum16(const char *name, const uint16_t *v) { for (int i = 0; i < N; i++) mix(v[i]); report(name); }
static void sum32(const char *name, const uint32_t *v) { for (int i = 0; i < N; i++) mix(v[i]); report(name); }
static void sum64(const char *name, const uint64_t *v) { for (int i = 0; i < N; i++) mix(v[i]); report(name); }

__attribute__((noinline)) static void int_loops(void) {
    for (int i = 0; i < N; i++) { int v = u8a[i] + u8b[i]; u8r[i] = v > 255 ? 255 : v; }
    sum8("uqadd8", u8r);
    for (int i = 0; i < N; i++) { int v = u8a[i] - u8b[i]; u8r[i] = v < 0 ? 0 : v; }
    sum8("uqsub8", u8r);
    for (int i = 0; i < N; i++) u8r[i] = (u8a[i] + u8b[i] + 1) >> 1;
    sum8("urhadd8", u8r);
    for (int i = 0; i < N; i++) u8r[i] = u8a[i] > u8b[i] ? u8a[i] - u8b[i] : u8b[i] - u8a[i];
    sum8("uabd8", u8r);
    for (int i = 0; i < N; i++) u8r[i] = u8a[i] < u8b[i] ? u8a[i] : u8b[i];
    sum8("umin8", u8r);
    for (int i = 0; i < N; i++) s8r[i] = s8a[i] < 0 ? -s8a[i] : s8a[i];
    sum8("abs8", (uint8_t *)s8r);
    for (int i = 0; i < N; i++) u8r[i] = (u8a[i] >> 3) | (u8b[i] << 5);
    sum8("shift-or8", u8r);
    for (int i = 0; i < N; i++) u8r[i] = s16a[i] >> 8;
    sum8("narrow16", u8r);
    for (int i = 0; i < N; i++) { int v = s16a[i] >> 4; s8r[i] = v > 127 ? 127 : v < -128 ? -128 : v; }
    sum8("sat-narrow16", (uint8_t *)s8r);
    for (int i = 0; i < N; i++) s16r[i] = (int16_t)(s16a[i] * s16b[i]);
    sum16("mul16", (uint16_t *)s16r);
    for (int i = 0; i < N; i++) s32r[i] = s16a[i] * s16b[i];
    sum32("mull16", (uint32_t *)s32r);
    for (int i = 0; i < N; i++) s32r[i] += s16a[i] * (int32_t)s16b[i] + u8a[i];
    sum32("mlal16", (uint32_t *)s32r);
    for (int i = 0; i < N; i++) u16r[i] = u8a[i] * u8b[i];
    sum16("umull8", u16r);
    for (int i = 0; i < N; i++) u16r[i] = (uint16_t)((u8a[i] << 4) + s8a[i]);
    sum16("widen8", u16r);
    for (int i = 0; i < N; i++) s16r[i] = s16a[i] > s16b[i] ? s16a[i] : s16b[i];
    sum16("smax16", (uint16_t *)s16r);
    for (int i = 0; i < N; i++) s16r[i] = (int16_t)((s16a[i] + s16b[i]) >> 1);
    sum16("shadd16", (uint16_t *)s16r);
    for (int i = 0; i < N; i++) s32r[i] = s32a[i] > 0 ? s32a[i] : s32b[i];
    sum32("select32", (uint32_t *)s32r);
    for (int i = 0; i < N; i++) s32r[i] = (s32a[i] >> 7) - (s32b[i] << 3);
    sum32("shift32", (uint32_t *)s32r);
    for (int i = 0; i < N; i++) u32r[i] = (uint32_t)s32a[i] >> (i & 31);
    sum32("varshift32", u32r);
    for (int i = 0; i < N; i++) s32r[i] = s32a[i] * s32b[i] + s32r[i];
    sum32("mla32", (uint32_t *)s32r);
    for (int i = 0; i < N; i++) s64r[i] = (int64_t)s32a[i] * s32b[i];
    sum64("smull32", (uint64_t *)s64r);
    for (int i = 0; i < N; i++) s64r[i] = ((int64_t)s32a[i] << 20) + s64r[i];
    sum64("add64", (uint64_t *)s64r);

    uint32_t sad = 0;
    for (int i = 0; i < N; i++) sad += u8a[i] > u8b[i] ? u8a[i] - u8b[i] : u8b[i] - u8a[i];
    int64_t dot = 0;
    for (int i = 0; i < N; i++) dot += s16a[i] * s16b[i];
    int32_t mx = -2147483647 - 1;
    for (int i = 0; i < N; i++) mx = s32a[i] > mx ? s32a[i] : mx;
    uint32_t count = 0;
    for (int i = 0; i < N; i++) count += s16a[i] == s16b[i] || s16a[i] < 0;
    printf("sad %" PRIu32 " dot %" PRId64 " max %" PRId32 " count %" PRIu32 "\n", sad, dot, mx, count);
}

__attribute__((noinline)) static void float_loops(void) {
    for (int i = 0; i < N; i++) fr[i] = fa[i] + fb[i];
    sum32("fadd", (uint32_t *)fr);
    for (int i = 0; i < N; i++) fr[i] = fa[i] * fb[i] - fc[i];
    sum32("fmul-sub", (uint32_t *)fr);
    for (int i = 0; i < N; i++) fr[i] = fa[i] < fb[i] ? fa[i] : fb[i];
    sum32("fmin", (uint32_t *)fr);
    for (int i = 0; i < N; i++) fr[i] = fa[i] > 0 ? fa[i] : -fa[i];
    sum32("fabs", (uint32_t *)fr);
    for (int i = 0; i < N; i++) fr[i] = (float)s32a[i];
    sum32("i2f", (uint32_t *)fr);
    for (int i = 0; i < N; i++) s32r[i] = (int32_t)(fa[i] * 1000.0f);
    sum32("f2i", (uint32_t *)s32r);
    for (int i = 0; i < N; i++) s32r[i] = fa[i] > fb[i];
    sum32("fcmp", (uint32_t *)s32r);
}

int main(void) {
    hash = 0xcbf29ce484222325ULL;
    for (int i = 0; i < N; i++) {
        u8a[i] = next();
        u8b[i] = i % 7 == 0 ? u8a[i] : next();
        s8a[i] = (int8_t)next();
        s16a[i] = (int16_t)next();
        s16b[i] = i % 11 == 0 ? -32768 : (int16_t)next();
        s32a[i] = (int32_t)(next() << 8) ^ (int32_t)next();
        s32b[i] = i % 13 == 0 ? 0 : (int32_t)next() - (1 << 23);
        fa[i] = (float)((int32_t)next() - (1 << 23)) / 1024.0f;
        fb[i] = (float)(next() % 100000) / 8.0f + 0.375f;
        fc[i] = (float)i * 0.25f - 20.0f;
    }
    int_loops();
    float_loops();
    return 0;
}
