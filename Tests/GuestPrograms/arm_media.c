/* ARMv6/v7 media and DSP instructions on a table of edge values: saturation (SSAT, USAT,
   SSAT16, USAT16, QADD, QSUB, QDADD, QDSUB), the parallel add/subtract family (signed,
   saturating, halving; unsigned likewise) with the GE flags and SEL, USAD8/USADA8, the dual
   16-bit multiplies (SMLAD, SMUAD, SMLSD, SMUSD and the X forms, SMLALD, SMLSLD), the
   halfword multiplies (SMLAxy, SMLAWy, SMULxy, SMULWy, SMLALxy), most-significant-word
   multiplies (SMMLA, SMMLS, SMMUL and the rounding forms), long multiplies (UMAAL, ...),
   RBIT, CLZ, REV, REV16, REVSH, BFI, BFC, UBFX, SBFX, PKHBT, PKHTB, the extend-and-add family
   with rotations, SWP/SWPB, LDREX/STREX loops of every size, and SDIV/UDIV.

   On ARM each operation is one inline-asm instruction that starts from a known APSR (msr)
   and reads it back (mrs), so the Q and GE flags are checked as well as the result; a
   second pass presets N, Z, C, V, Q and GE to ones and checks what the instruction keeps.
   The native build computes the same from models written from the instruction descriptions
   in the ARM Architecture Reference Manual. A last pass calls the <arm_acle.h> intrinsics so
   the compiler's own code for them runs too. */
/* guest-tests: arm-cflags -Wa,-mno-warn-deprecated */
/* guest-tests: only arm */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#ifdef __arm__
#include <arm_acle.h>
#include <sys/auxv.h>
#endif

static const uint32_t values[] = {
    0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x00007fff, 0x00008000,
    0x7fff8000, 0x80017fff, 0x7f80ff01, 0x807f0180, 0x12345678, 0xfedcba98,
};
#define NVALUES (sizeof values / sizeof values[0])
static const uint32_t accumulators[] = {0x00000000, 0x7fffffff, 0x80000000, 0xfffffffe};
#define NACC (sizeof accumulators / sizeof accumulators[0])
static const uint64_t long_accumulators[] = {0, 0x7fffffffffffffffULL, 0xffffffff00000001ULL};
#define NLACC (sizeof long_accumulators / sizeof long_accumulators[0])

/* The APSR bits an instruction may touch: N Z C V Q (31..27) and GE (19..16). */
#define FLAG_MASK 0xf80f0000u
#define Q_BIT 0x08000000u
#define GE_SHIFT 16

/* Each operation: d = op(a, b, c) with the flags in and out (APSR layout). */
typedef uint32_t (*op_fn)(uint32_t a, uint32_t b, uint32_t c, uint32_t *flags);
typedef uint64_t (*long_fn)(uint32_t a, uint32_t b, uint64_t acc, uint32_t *flags);

#ifndef __arm__
/* ---- Models, from the ARM ARM's pseudocode. ---- */
static int32_t s8(uint32_t x, int i) { return (int8_t)(x >> (8 * i)); }
static uint32_t u8(uint32_t x, int i) { return (x >> (8 * i)) & 0xff; }
static int32_t s16(uint32_t x, int i) { return (int16_t)(x >> (16 * i)); }
static uint32_t u16(uint32_t x, int i) { return (x >> (16 * i)) & 0xffff; }
static uint32_t ror32(uint32_t x, int n) { return n == 0 ? x : (x >> n) | (x << (32 - n)); }
static uint32_t lsl(uint32_t x, int n) { return n >= 32 ? 0 : x << n; }
static uint32_t asr(uint32_t x, int n) { return n >= 32 ? (uint32_t)((int32_t)x >> 31) : (uint32_t)((int32_t)x >> n); }

/* SignedSatQ / UnsignedSatQ: the value clamped to n bits; sets Q when it had to clamp. */
static int64_t signed_sat(int64_t v, int n, uint32_t *f) {
    int64_t max = ((int64_t)1 << (n - 1)) - 1, min = -max - 1;
    if (v > max) { *f |= Q_BIT; return max; }
    if (v < min) { *f |= Q_BIT; return min; }
    return v;
}
static int64_t unsigned_sat(int64_t v, int n, uint32_t *f) {
    int64_t max = ((int64_t)1 << n) - 1;
    if (v > max) { *f |= Q_BIT; return max; }
    if (v < 0) { *f |= Q_BIT; return 0; }
    return v;
}
static uint32_t no_q;  /* a sink for saturations that do not set Q (QADD8 and friends) */

static uint32_t m_ssat(uint32_t x, int n, uint32_t *f) { return (uint32_t)signed_sat((int32_t)x, n, f); }
static uint32_t m_usat(uint32_t x, int n, uint32_t *f) { return (uint32_t)unsigned_sat((int32_t)x, n, f); }
static uint32_t m_ssat16(uint32_t x, int n, uint32_t *f) {
    return (uint32_t)(signed_sat(s16(x, 0), n, f) & 0xffff) | (uint32_t)(signed_sat(s16(x, 1), n, f) << 16);
}
static uint32_t m_usat16(uint32_t x, int n, uint32_t *f) {
    return (uint32_t)(unsigned_sat(s16(x, 0), n, f) & 0xffff) | (uint32_t)(unsigned_sat(s16(x, 1), n, f) << 16);
}
static uint32_t m_qadd(uint32_t a, uint32_t b, uint32_t *f) { return (uint32_t)signed_sat((int64_t)(int32_t)a + (int32_t)b, 32, f); }
static uint32_t m_qsub(uint32_t a, uint32_t b, uint32_t *f) { return (uint32_t)signed_sat((int64_t)(int32_t)a - (int32_t)b, 32, f); }
static uint32_t m_qdadd(uint32_t a, uint32_t b, uint32_t *f) {
    int64_t doubled = signed_sat(2 * (int64_t)(int32_t)b, 32, f);
    return (uint32_t)signed_sat((int32_t)a + doubled, 32, f);
}
static uint32_t m_qdsub(uint32_t a, uint32_t b, uint32_t *f) {
    int64_t doubled = signed_sat(2 * (int64_t)(int32_t)b, 32, f);
    return (uint32_t)signed_sat((int32_t)a - doubled, 32, f);
}

/* The parallel add/subtract family. pattern: lane i of b is crossed for ASX and SAX. */
enum kind { MODULAR, SATURATING, HALVING };
enum pattern { ADD, SUB, ASX, SAX };
static uint32_t m_parallel(uint32_t a, uint32_t b, int width, int is_signed, enum kind kind,
                           enum pattern pattern, uint32_t *f) {
    int lanes = 32 / width;
    uint32_t d = 0, ge = 0, mask = width == 8 ? 0xff : 0xffff;
    for (int i = 0; i < lanes; i++) {
        int crossed = pattern == ASX || pattern == SAX;
        int j = crossed ? 1 - i : i;
        int subtract = pattern == SUB || (pattern == ASX && i == 0) || (pattern == SAX && i == 1);
        int64_t x = width == 8 ? (is_signed ? s8(a, i) : (int64_t)u8(a, i)) : (is_signed ? s16(a, i) : (int64_t)u16(a, i));
        int64_t y = width == 8 ? (is_signed ? s8(b, j) : (int64_t)u8(b, j)) : (is_signed ? s16(b, j) : (int64_t)u16(b, j));
        int64_t r = subtract ? x - y : x + y, lane;
        int ge_lane;
        if (is_signed) ge_lane = r >= 0;
        else ge_lane = subtract ? r >= 0 : r >= ((int64_t)1 << width);
        switch (kind) {
        case MODULAR: lane = r; break;
        case SATURATING: lane = is_signed ? signed_sat(r, width, &no_q) : unsigned_sat(r, width, &no_q); break;
        default: lane = r >> 1; break;
        }
        d |= ((uint32_t)lane & mask) << (i * width);
        if (ge_lane) ge |= (width == 8 ? 1u : 3u) << (i * (width / 8));
    }
    if (kind == MODULAR) *f = (*f & ~(0xfu << GE_SHIFT)) | ge << GE_SHIFT;
    return d;
}
static uint32_t m_sel(uint32_t a, uint32_t b, uint32_t f) {
    uint32_t d = 0;
    for (int i = 0; i < 4; i++) d |= ((f >> (GE_SHIFT + i)) & 1 ? u8(a, i) : u8(b, i)) << (8 * i);
    return d;
}
/* op then SEL a, b with the GE bits op left. */
#define M_PARSEL(w, s, p) (t_ = m_parallel(a, b, w, s, MODULAR, p, f), t_ ^ m_sel(a, b, *f))

static uint32_t m_usada8(uint32_t a, uint32_t b, uint32_t acc) {
    uint32_t sum = acc;
    for (int i = 0; i < 4; i++) sum += (uint32_t)(u8(a, i) > u8(b, i) ? u8(a, i) - u8(b, i) : u8(b, i) - u8(a, i));
    return sum;
}
/* SMLAD/SMLSD family: p1 = a.lo * b.lo, p2 = a.hi * b.hi (b's halves swapped for X). */
static uint32_t m_dual(uint32_t a, uint32_t b, uint32_t acc, int swap, int subtract, int sets_q, uint32_t *f) {
    if (swap) b = ror32(b, 16);
    int64_t p1 = (int64_t)s16(a, 0) * s16(b, 0), p2 = (int64_t)s16(a, 1) * s16(b, 1);
    int64_t r = (subtract ? p1 - p2 : p1 + p2) + (int32_t)acc;
    if (sets_q && r != (int32_t)r) *f |= Q_BIT;
    return (uint32_t)r;
}
static uint64_t m_dual_long(uint32_t a, uint32_t b, uint64_t acc, int swap, int subtract) {
    if (swap) b = ror32(b, 16);
    int64_t p1 = (int64_t)s16(a, 0) * s16(b, 0), p2 = (int64_t)s16(a, 1) * s16(b, 1);
    return acc + (uint64_t)(subtract ? p1 - p2 : p1 + p2);
}
/* SMLA<x><y>: a's half x times b's half y plus acc; Q on overflow. */
static uint32_t m_smla_xy(uint32_t a, uint32_t b, uint32_t acc, int x, int y, int accumulate, uint32_t *f) {
    int64_t r = (int64_t)s16(a, x) * s16(b, y) + (accumulate ? (int32_t)acc : 0);
    if (r != (int32_t)r) *f |= Q_BIT;
    return (uint32_t)r;
}
/* SMLAW<y>: (a * b's half y) >> 16 plus acc; Q on overflow. */
static uint32_t m_smlaw(uint32_t a, uint32_t b, uint32_t acc, int y, int accumulate, uint32_t *f) {
    int64_t r = (((int64_t)(int32_t)a * s16(b, y)) >> 16) + (accumulate ? (int32_t)acc : 0);
    if (r != (int32_t)r) *f |= Q_BIT;
    return (uint32_t)r;
}
/* SMMLA/SMMLS/SMMUL: the top word of acc:0 +/- a * b, rounded when asked. */
static uint32_t m_smm(uint32_t a, uint32_t b, uint32_t acc, int op, int round) {
    int64_t product = (int64_t)(int32_t)a * (int32_t)b;
    uint64_t r = op == 0 ? (uint64_t)product : op == 1 ? ((uint64_t)acc << 32) + (uint64_t)product
                                                       : ((uint64_t)acc << 32) - (uint64_t)product;
    if (round) r += 0x80000000u;
    return (uint32_t)(r >> 32);
}
static uint32_t m_bfi(uint32_t d, uint32_t n, int lsb, int width) {
    uint32_t mask = (width == 32 ? 0xffffffffu : ((1u << width) - 1)) << lsb;
    return (d & ~mask) | ((n << lsb) & mask);
}
static uint32_t m_ubfx(uint32_t n, int lsb, int width) {
    return (n >> lsb) & (width == 32 ? 0xffffffffu : ((1u << width) - 1));
}
static uint32_t m_sbfx(uint32_t n, int lsb, int width) {
    return (uint32_t)((int32_t)(n << (32 - lsb - width)) >> (32 - width));
}
static uint32_t m_rbit(uint32_t x) {
    uint32_t r = 0;
    for (int i = 0; i < 32; i++) r |= ((x >> i) & 1) << (31 - i);
    return r;
}
static uint32_t m_clz(uint32_t x) { return x == 0 ? 32 : (uint32_t)__builtin_clz(x); }
static uint32_t m_rev(uint32_t x) { return __builtin_bswap32(x); }
static uint32_t m_rev16(uint32_t x) { return ((x & 0x00ff00ffu) << 8) | ((x >> 8) & 0x00ff00ffu); }
static uint32_t m_revsh(uint32_t x) { return (uint32_t)(int32_t)(int16_t)(((x & 0xff) << 8) | ((x >> 8) & 0xff)); }
static uint32_t m_pkhbt(uint32_t n, uint32_t m, int sh) { return (n & 0xffff) | (lsl(m, sh) & 0xffff0000u); }
static uint32_t m_pkhtb(uint32_t n, uint32_t m, int sh) { return (n & 0xffff0000u) | (asr(m, sh) & 0xffff); }
/* The extend family: rotate m, take bytes 0 and 2 (B16) or byte 0 / half 0, extend, add n. */
static uint32_t m_xtb16(uint32_t n, uint32_t m, int rot, int is_signed, int add) {
    uint32_t r = ror32(m, rot);
    uint32_t lo = is_signed ? (uint32_t)s8(r, 0) : u8(r, 0), hi = is_signed ? (uint32_t)s8(r, 2) : u8(r, 2);
    if (add) { lo += n & 0xffff; hi += n >> 16; }
    return (lo & 0xffff) | (hi << 16);
}
static uint32_t m_xt(uint32_t n, uint32_t m, int rot, int is_signed, int half, int add) {
    uint32_t r = ror32(m, rot);
    uint32_t v = half ? (is_signed ? (uint32_t)s16(r, 0) : u16(r, 0)) : (is_signed ? (uint32_t)s8(r, 0) : u8(r, 0));
    return add ? n + v : v;
}
static uint32_t m_sdiv(uint32_t a, uint32_t b) {
    if (b == 0) return 0;
    if (a == 0x80000000u && b == 0xffffffffu) return a;
    return (uint32_t)((int32_t)a / (int32_t)b);
}
static uint32_t m_udiv(uint32_t a, uint32_t b) { return b == 0 ? 0 : a / b; }
#endif

/* The 32-bit operations: name, asm text (operands %[d] %[a] %[b] %[c]), model expression
   (in a, b, c and the flags pointer f). */
#define OPS(X)                                                                                     \
    X(ssat_1, "ssat %[d], #1, %[a]", m_ssat(a, 1, f))                                              \
    X(ssat_8, "ssat %[d], #8, %[a]", m_ssat(a, 8, f))                                              \
    X(ssat_16, "ssat %[d], #16, %[a]", m_ssat(a, 16, f))                                           \
    X(ssat_31, "ssat %[d], #31, %[a]", m_ssat(a, 31, f))                                           \
    X(ssat_32, "ssat %[d], #32, %[a]", m_ssat(a, 32, f))                                           \
    X(ssat_8_lsl4, "ssat %[d], #8, %[a], lsl #4", m_ssat(lsl(a, 4), 8, f))                         \
    X(ssat_16_lsl31, "ssat %[d], #16, %[a], lsl #31", m_ssat(lsl(a, 31), 16, f))                   \
    X(ssat_12_asr1, "ssat %[d], #12, %[a], asr #1", m_ssat(asr(a, 1), 12, f))                      \
    X(ssat_24_asr31, "ssat %[d], #24, %[a], asr #31", m_ssat(asr(a, 31), 24, f))                   \
    X(usat_0, "usat %[d], #0, %[a]", m_usat(a, 0, f))                                              \
    X(usat_1, "usat %[d], #1, %[a]", m_usat(a, 1, f))                                              \
    X(usat_8, "usat %[d], #8, %[a]", m_usat(a, 8, f))                                              \
    X(usat_16, "usat %[d], #16, %[a]", m_usat(a, 16, f))                                           \
    X(usat_31, "usat %[d], #31, %[a]", m_usat(a, 31, f))                                           \
    X(usat_15_lsl3, "usat %[d], #15, %[a], lsl #3", m_usat(lsl(a, 3), 15, f))                      \
    X(usat_7_asr8, "usat %[d], #7, %[a], asr #8", m_usat(asr(a, 8), 7, f))                         \
    X(ssat16_1, "ssat16 %[d], #1, %[a]", m_ssat16(a, 1, f))                                        \
    X(ssat16_8, "ssat16 %[d], #8, %[a]", m_ssat16(a, 8, f))                                        \
    X(ssat16_16, "ssat16 %[d], #16, %[a]", m_ssat16(a, 16, f))                                     \
    X(usat16_0, "usat16 %[d], #0, %[a]", m_usat16(a, 0, f))                                        \
    X(usat16_4, "usat16 %[d], #4, %[a]", m_usat16(a, 4, f))                                        \
    X(usat16_15, "usat16 %[d], #15, %[a]", m_usat16(a, 15, f))                                     \
    X(qadd, "qadd %[d], %[a], %[b]", m_qadd(a, b, f))                                              \
    X(qsub, "qsub %[d], %[a], %[b]", m_qsub(a, b, f))                                              \
    X(qdadd, "qdadd %[d], %[a], %[b]", m_qdadd(a, b, f))                                           \
    X(qdsub, "qdsub %[d], %[a], %[b]", m_qdsub(a, b, f))                                           \
    PARALLEL(X, s, 1, MODULAR) PARALLEL(X, q, 1, SATURATING) PARALLEL(X, sh, 1, HALVING)           \
    PARALLEL(X, u, 0, MODULAR) PARALLEL(X, uq, 0, SATURATING) PARALLEL(X, uh, 0, HALVING)          \
    X(sadd8_sel, "sadd8 %[d], %[a], %[b]\n\tsel %[c], %[a], %[b]\n\teor %[d], %[d], %[c]", M_PARSEL(8, 1, ADD)) \
    X(ssub16_sel, "ssub16 %[d], %[a], %[b]\n\tsel %[c], %[a], %[b]\n\teor %[d], %[d], %[c]", M_PARSEL(16, 1, SUB)) \
    X(uadd8_sel, "uadd8 %[d], %[a], %[b]\n\tsel %[c], %[a], %[b]\n\teor %[d], %[d], %[c]", M_PARSEL(8, 0, ADD)) \
    X(usub8_sel, "usub8 %[d], %[a], %[b]\n\tsel %[c], %[a], %[b]\n\teor %[d], %[d], %[c]", M_PARSEL(8, 0, SUB)) \
    X(uasx_sel, "uasx %[d], %[a], %[b]\n\tsel %[c], %[a], %[b]\n\teor %[d], %[d], %[c]", M_PARSEL(16, 0, ASX)) \
    X(ssax_sel, "ssax %[d], %[a], %[b]\n\tsel %[c], %[a], %[b]\n\teor %[d], %[d], %[c]", M_PARSEL(16, 1, SAX)) \
    X(usad8, "usad8 %[d], %[a], %[b]", m_usada8(a, b, 0))                                          \
    X(usada8, "usada8 %[d], %[a], %[b], %[c]", m_usada8(a, b, c))                                  \
    X(smlad, "smlad %[d], %[a], %[b], %[c]", m_dual(a, b, c, 0, 0, 1, f))                          \
    X(smladx, "smladx %[d], %[a], %[b], %[c]", m_dual(a, b, c, 1, 0, 1, f))                        \
    X(smlsd, "smlsd %[d], %[a], %[b], %[c]", m_dual(a, b, c, 0, 1, 1, f))                          \
    X(smlsdx, "smlsdx %[d], %[a], %[b], %[c]", m_dual(a, b, c, 1, 1, 1, f))                        \
    X(smuad, "smuad %[d], %[a], %[b]", m_dual(a, b, 0, 0, 0, 1, f))                                \
    X(smuadx, "smuadx %[d], %[a], %[b]", m_dual(a, b, 0, 1, 0, 1, f))                              \
    X(smusd, "smusd %[d], %[a], %[b]", m_dual(a, b, 0, 0, 1, 0, f))                                \
    X(smusdx, "smusdx %[d], %[a], %[b]", m_dual(a, b, 0, 1, 1, 0, f))                              \
    X(smlabb, "smlabb %[d], %[a], %[b], %[c]", m_smla_xy(a, b, c, 0, 0, 1, f))                     \
    X(smlabt, "smlabt %[d], %[a], %[b], %[c]", m_smla_xy(a, b, c, 0, 1, 1, f))                     \
    X(smlatb, "smlatb %[d], %[a], %[b], %[c]", m_smla_xy(a, b, c, 1, 0, 1, f))                     \
    X(smlatt, "smlatt %[d], %[a], %[b], %[c]", m_smla_xy(a, b, c, 1, 1, 1, f))                     \
    X(smulbb, "smulbb %[d], %[a], %[b]", m_smla_xy(a, b, 0, 0, 0, 0, f))                           \
    X(smultt, "smultt %[d], %[a], %[b]", m_smla_xy(a, b, 0, 1, 1, 0, f))                           \
    X(smulbt, "smulbt %[d], %[a], %[b]", m_smla_xy(a, b, 0, 0, 1, 0, f))                           \
    X(smlawb, "smlawb %[d], %[a], %[b], %[c]", m_smlaw(a, b, c, 0, 1, f))                          \
    X(smlawt, "smlawt %[d], %[a], %[b], %[c]", m_smlaw(a, b, c, 1, 1, f))                          \
    X(smulwb, "smulwb %[d], %[a], %[b]", m_smlaw(a, b, 0, 0, 0, f))                                \
    X(smulwt, "smulwt %[d], %[a], %[b]", m_smlaw(a, b, 0, 1, 0, f))                                \
    X(smmul, "smmul %[d], %[a], %[b]", m_smm(a, b, 0, 0, 0))                                       \
    X(smmulr, "smmulr %[d], %[a], %[b]", m_smm(a, b, 0, 0, 1))                                     \
    X(smmla, "smmla %[d], %[a], %[b], %[c]", m_smm(a, b, c, 1, 0))                                 \
    X(smmlar, "smmlar %[d], %[a], %[b], %[c]", m_smm(a, b, c, 1, 1))                               \
    X(smmls, "smmls %[d], %[a], %[b], %[c]", m_smm(a, b, c, 2, 0))                                 \
    X(smmlsr, "smmlsr %[d], %[a], %[b], %[c]", m_smm(a, b, c, 2, 1))                               \
    X(mla, "mla %[d], %[a], %[b], %[c]", a * b + c)                                                \
    X(mls, "mls %[d], %[a], %[b], %[c]", c - a * b)                                                \
    X(rbit, "rbit %[d], %[a]", m_rbit(a))                                                          \
    X(clz, "clz %[d], %[a]", m_clz(a))                                                             \
    X(rev, "rev %[d], %[a]", m_rev(a))                                                             \
    X(rev16, "rev16 %[d], %[a]", m_rev16(a))                                                       \
    X(revsh, "revsh %[d], %[a]", m_revsh(a))                                                       \
    X(bfi_0_1, "mov %[d], %[b]\n\tbfi %[d], %[a], #0, #1", m_bfi(b, a, 0, 1))                      \
    X(bfi_0_32, "mov %[d], %[b]\n\tbfi %[d], %[a], #0, #32", m_bfi(b, a, 0, 32))                   \
    X(bfi_4_8, "mov %[d], %[b]\n\tbfi %[d], %[a], #4, #8", m_bfi(b, a, 4, 8))                      \
    X(bfi_31_1, "mov %[d], %[b]\n\tbfi %[d], %[a], #31, #1", m_bfi(b, a, 31, 1))                   \
    X(bfi_16_16, "mov %[d], %[b]\n\tbfi %[d], %[a], #16, #16", m_bfi(b, a, 16, 16))                \
    X(bfc_3_7, "mov %[d], %[a]\n\tbfc %[d], #3, #7", m_bfi(a, 0, 3, 7))                            \
    X(bfc_0_32, "mov %[d], %[a]\n\tbfc %[d], #0, #32", m_bfi(a, 0, 0, 32))                         \
    X(ubfx_0_1, "ubfx %[d], %[a], #0, #1", m_ubfx(a, 0, 1))                                        \
    X(ubfx_0_32, "ubfx %[d], %[a], #0, #32", m_ubfx(a, 0, 32))                                     \
    X(ubfx_7_9, "ubfx %[d], %[a], #7, #9", m_ubfx(a, 7, 9))                                        \
    X(ubfx_31_1, "ubfx %[d], %[a], #31, #1", m_ubfx(a, 31, 1))                                     \
    X(sbfx_0_1, "sbfx %[d], %[a], #0, #1", m_sbfx(a, 0, 1))                                        \
    X(sbfx_0_32, "sbfx %[d], %[a], #0, #32", m_sbfx(a, 0, 32))                                     \
    X(sbfx_1_31, "sbfx %[d], %[a], #1, #31", m_sbfx(a, 1, 31))                                     \
    X(sbfx_12_8, "sbfx %[d], %[a], #12, #8", m_sbfx(a, 12, 8))                                     \
    X(sbfx_31_1, "sbfx %[d], %[a], #31, #1", m_sbfx(a, 31, 1))                                     \
    X(pkhbt_0, "pkhbt %[d], %[a], %[b]", m_pkhbt(a, b, 0))                                         \
    X(pkhbt_1, "pkhbt %[d], %[a], %[b], lsl #1", m_pkhbt(a, b, 1))                                 \
    X(pkhbt_16, "pkhbt %[d], %[a], %[b], lsl #16", m_pkhbt(a, b, 16))                              \
    X(pkhbt_31, "pkhbt %[d], %[a], %[b], lsl #31", m_pkhbt(a, b, 31))                              \
    X(pkhtb_1, "pkhtb %[d], %[a], %[b], asr #1", m_pkhtb(a, b, 1))                                 \
    X(pkhtb_16, "pkhtb %[d], %[a], %[b], asr #16", m_pkhtb(a, b, 16))                              \
    X(pkhtb_31, "pkhtb %[d], %[a], %[b], asr #31", m_pkhtb(a, b, 31))                              \
    X(pkhtb_32, "pkhtb %[d], %[a], %[b], asr #32", m_pkhtb(a, b, 32))                              \
    XTEND(X, 0) XTEND(X, 8) XTEND(X, 16) XTEND(X, 24)

/* Every sign, kind and pattern of the parallel family. */
#define PARALLEL(X, p, sgn, kind)                                                                  \
    X(p##add8, #p "add8 %[d], %[a], %[b]", m_parallel(a, b, 8, sgn, kind, ADD, f))                 \
    X(p##sub8, #p "sub8 %[d], %[a], %[b]", m_parallel(a, b, 8, sgn, kind, SUB, f))                 \
    X(p##add16, #p "add16 %[d], %[a], %[b]", m_parallel(a, b, 16, sgn, kind, ADD, f))              \
    X(p##sub16, #p "sub16 %[d], %[a], %[b]", m_parallel(a, b, 16, sgn, kind, SUB, f))              \
    X(p##asx, #p "asx %[d], %[a], %[b]", m_parallel(a, b, 16, sgn, kind, ASX, f))                  \
    X(p##sax, #p "sax %[d], %[a], %[b]", m_parallel(a, b, 16, sgn, kind, SAX, f))

/* The extends at one rotation. */
#define XTEND(X, r)                                                                                \
    X(sxtb16_ror##r, "sxtb16 %[d], %[a], ror #" #r, m_xtb16(0, a, r, 1, 0))                        \
    X(uxtb16_ror##r, "uxtb16 %[d], %[a], ror #" #r, m_xtb16(0, a, r, 0, 0))                        \
    X(sxtab16_ror##r, "sxtab16 %[d], %[b], %[a], ror #" #r, m_xtb16(b, a, r, 1, 1))                \
    X(uxtab16_ror##r, "uxtab16 %[d], %[b], %[a], ror #" #r, m_xtb16(b, a, r, 0, 1))                \
    X(sxtab_ror##r, "sxtab %[d], %[b], %[a], ror #" #r, m_xt(b, a, r, 1, 0, 1))                    \
    X(uxtah_ror##r, "uxtah %[d], %[b], %[a], ror #" #r, m_xt(b, a, r, 0, 1, 1))                    \
    X(sxth_ror##r, "sxth %[d], %[a], ror #" #r, m_xt(0, a, r, 1, 1, 0))                            \
    X(uxtb_ror##r, "uxtb %[d], %[a], ror #" #r, m_xt(0, a, r, 0, 0, 0))

/* 64-bit results: name, asm text (%[lo] %[hi] hold acc in and the result out), model. */
#define LONG_OPS(X)                                                                                \
    X(smlald, "smlald %[lo], %[hi], %[a], %[b]", m_dual_long(a, b, acc, 0, 0))                     \
    X(smlaldx, "smlaldx %[lo], %[hi], %[a], %[b]", m_dual_long(a, b, acc, 1, 0))                   \
    X(smlsld, "smlsld %[lo], %[hi], %[a], %[b]", m_dual_long(a, b, acc, 0, 1))                     \
    X(smlsldx, "smlsldx %[lo], %[hi], %[a], %[b]", m_dual_long(a, b, acc, 1, 1))                   \
    X(smlalbb, "smlalbb %[lo], %[hi], %[a], %[b]", acc + (uint64_t)((int64_t)s16(a, 0) * s16(b, 0))) \
    X(smlaltb, "smlaltb %[lo], %[hi], %[a], %[b]", acc + (uint64_t)((int64_t)s16(a, 1) * s16(b, 0))) \
    X(smlalbt, "smlalbt %[lo], %[hi], %[a], %[b]", acc + (uint64_t)((int64_t)s16(a, 0) * s16(b, 1))) \
    X(smlal, "smlal %[lo], %[hi], %[a], %[b]", acc + (uint64_t)((int64_t)(int32_t)a * (int32_t)b))  \
    X(umlal, "umlal %[lo], %[hi], %[a], %[b]", acc + (uint64_t)a * b)                              \
    X(umaal, "umaal %[lo], %[hi], %[a], %[b]", (uint64_t)a * b + (uint32_t)acc + (acc >> 32))      \
    X(smull, "smull %[lo], %[hi], %[a], %[b]", (uint64_t)((int64_t)(int32_t)a * (int32_t)b))       \
    X(umull, "umull %[lo], %[hi], %[a], %[b]", (uint64_t)a * b)

#ifdef __arm__
#define DEFINE_OP(name, text, model)                                                               \
    static uint32_t op_##name(uint32_t a, uint32_t b, uint32_t c, uint32_t *f) {                   \
        uint32_t d, psr;                                                                           \
        __asm__ volatile("msr APSR_nzcvqg, %[pre]\n\t" text "\n\tmrs %[psr], apsr"                 \
                         : [d] "=&r"(d), [psr] "=&r"(psr), [c] "+&r"(c)                            \
                         : [a] "r"(a), [b] "r"(b), [pre] "r"(*f)                                   \
                         : "cc");                                                                  \
        *f = psr & FLAG_MASK;                                                                      \
        return d;                                                                                  \
    }
#define DEFINE_LONG(name, text, model)                                                             \
    static uint64_t long_##name(uint32_t a, uint32_t b, uint64_t acc, uint32_t *f) {               \
        uint32_t lo = (uint32_t)acc, hi = (uint32_t)(acc >> 32), psr;                              \
        __asm__ volatile("msr APSR_nzcvqg, %[pre]\n\t" text "\n\tmrs %[psr], apsr"                 \
                         : [lo] "+&r"(lo), [hi] "+&r"(hi), [psr] "=&r"(psr)                        \
                         : [a] "r"(a), [b] "r"(b), [pre] "r"(*f)                                   \
                         : "cc");                                                                  \
        *f = psr & FLAG_MASK;                                                                      \
        return (uint64_t)hi << 32 | lo;                                                            \
    }
#else
#define DEFINE_OP(name, text, model)                                                               \
    static uint32_t op_##name(uint32_t a, uint32_t b, uint32_t c, uint32_t *f) {                   \
        uint32_t t_;                                                                               \
        (void)a, (void)b, (void)c, (void)f, (void)t_;                                              \
        return (model);                                                                            \
    }
#define DEFINE_LONG(name, text, model)                                                             \
    static uint64_t long_##name(uint32_t a, uint32_t b, uint64_t acc, uint32_t *f) {               \
        (void)f;                                                                                   \
        return (model);                                                                            \
    }
#endif
OPS(DEFINE_OP)
LONG_OPS(DEFINE_LONG)

/* How many operands an operation reads decides how its table is printed. */
#define ENTRY(name, text, model) {#name, text, op_##name},
static const struct { const char *name, *text; op_fn fn; } ops[] = {OPS(ENTRY)};
#define LONG_ENTRY(name, text, model) {#name, long_##name},
static const struct { const char *name; long_fn fn; } long_ops[] = {LONG_OPS(LONG_ENTRY)};

static int mentions(const char *text, const char *operand) {
    for (const char *p = text; *p; p++) {
        const char *q = operand, *r = p;
        while (*q && *r == *q) q++, r++;
        if (!*q) return 1;
    }
    return 0;
}

/* FNV-1a over words: the compact form of the preset-flags pass. */
static uint32_t hash_word(uint32_t h, uint32_t w) {
    for (int i = 0; i < 4; i++) h = (h ^ ((w >> (8 * i)) & 0xff)) * 16777619u;
    return h;
}

static void run_op(int index) {
    const char *text = ops[index].text;
    op_fn fn = ops[index].fn;
    int uses_b = mentions(text, "%[b]"), uses_c = mentions(text, "%[c]") && !mentions(text, "sel %[c]");
    /* Flags in the printed form: Q as 1 digit, GE as 1 hex digit. */
    for (unsigned ci = 0; ci < (uses_c ? NACC : 1); ci++) {
        for (unsigned ai = 0; ai < (uses_b || uses_c ? NVALUES : 1); ai++) {
            printf("%s", ops[index].name);
            if (uses_c) printf(" c=%08x", accumulators[ci]);
            if (uses_b || uses_c) printf(" a=%08x:", values[ai]);
            else printf(":");
            for (unsigned bi = 0; bi < NVALUES; bi++) {
                uint32_t a = uses_b || uses_c ? values[ai] : values[bi], b = values[bi];
                uint32_t f = 0, d = fn(a, b, accumulators[ci], &f);
                printf(" %08x", d);
                if (f) printf("/q%ug%x", (f >> 27) & 1, (f >> GE_SHIFT) & 0xf);
            }
            printf("\n");
        }
    }
    /* N Z C V Q GE all set beforehand: a media instruction keeps NZCV, cannot clear Q, and
       replaces all of GE or none. */
    uint32_t h = 2166136261u;
    for (unsigned ci = 0; ci < NACC; ci++)
        for (unsigned ai = 0; ai < NVALUES; ai++)
            for (unsigned bi = 0; bi < NVALUES; bi++) {
                uint32_t f = FLAG_MASK, d = fn(values[ai], values[bi], accumulators[ci], &f);
                h = hash_word(hash_word(h, d), f);
            }
    printf("%s preset flags: %08x\n", ops[index].name, h);
}

static void run_long(int index) {
    for (unsigned ci = 0; ci < NLACC; ci++)
        for (unsigned ai = 0; ai < NVALUES; ai++) {
            printf("%s acc=%016" PRIx64 " a=%08x:", long_ops[index].name, long_accumulators[ci], values[ai]);
            for (unsigned bi = 0; bi < NVALUES; bi++) {
                uint32_t f = 0;
                uint64_t d = long_ops[index].fn(values[ai], values[bi], long_accumulators[ci], &f);
                printf(" %016" PRIx64, d);
                if (f) printf("/%08x", f);
            }
            printf("\n");
        }
}

/* ---- LDREX/STREX, SWP, SDIV/UDIV ---- */
static volatile uint32_t ex_word;
static volatile uint16_t ex_half;
static volatile uint8_t ex_byte;
static volatile uint64_t ex_dword __attribute__((aligned(8)));

static void exclusives(void) {
    uint32_t failures_at_start;
#ifdef __arm__
    uint32_t status, old;
    /* A STREX with no reservation fails and stores nothing. */
    ex_word = 7;
    __asm__ volatile("clrex\n\tstrex %[s], %[v], [%[p]]" : [s] "=&r"(status) : [v] "r"(99), [p] "r"(&ex_word) : "memory");
    failures_at_start = status;
    /* LDREX then CLREX: the reservation is gone. */
    __asm__ volatile("ldrex %[o], [%[p]]\n\tclrex\n\tstrex %[s], %[v], [%[p]]"
                     : [s] "=&r"(status), [o] "=&r"(old) : [v] "r"(98), [p] "r"(&ex_word) : "memory");
    failures_at_start += status;
    for (uint32_t i = 0; i < 1000; i++) {
        __asm__ volatile("1: ldrex %[o], [%[p]]\n\tadd %[o], %[o], %[i]\n\tstrex %[s], %[o], [%[p]]\n\t"
                         "cmp %[s], #0\n\tbne 1b"
                         : [s] "=&r"(status), [o] "=&r"(old) : [p] "r"(&ex_word), [i] "r"(i) : "cc", "memory");
        __asm__ volatile("1: ldrexh %[o], [%[p]]\n\tadd %[o], %[o], %[i]\n\tstrexh %[s], %[o], [%[p]]\n\t"
                         "cmp %[s], #0\n\tbne 1b"
                         : [s] "=&r"(status), [o] "=&r"(old) : [p] "r"(&ex_half), [i] "r"(i * 77) : "cc", "memory");
        __asm__ volatile("1: ldrexb %[o], [%[p]]\n\teor %[o], %[o], %[i]\n\tstrexb %[s], %[o], [%[p]]\n\t"
                         "cmp %[s], #0\n\tbne 1b"
                         : [s] "=&r"(status), [o] "=&r"(old) : [p] "r"(&ex_byte), [i] "r"(i * 3 + 1) : "cc", "memory");
        uint64_t v; /* a 64-bit operand: an even/odd register pair, as LDREXD wants in ARM state */
        __asm__ volatile("1: ldrexd %Q[v], %R[v], [%[p]]\n\tadds %Q[v], %Q[v], %[i]\n\tadc %R[v], %R[v], #0\n\t"
                         "strexd %[s], %Q[v], %R[v], [%[p]]\n\tcmp %[s], #0\n\tbne 1b"
                         : [s] "=&r"(status), [v] "=&r"(v)
                         : [p] "r"(&ex_dword), [i] "r"(i * 0x9e3779b9u) : "cc", "memory");
    }
#else
    ex_word = 7;
    failures_at_start = 2;
    for (uint32_t i = 0; i < 1000; i++) {
        ex_word += i;
        ex_half = (uint16_t)(ex_half + i * 77);
        ex_byte ^= (uint8_t)(i * 3 + 1);
        ex_dword += (uint32_t)(i * 0x9e3779b9u);
    }
#endif
    printf("strex without a reservation failed %u of 2 times\n", failures_at_start);
    printf("ldrex/strex loops: word %u half %u byte %u dword %016" PRIx64 "\n", ex_word, ex_half, ex_byte, ex_dword);
}

static void swaps(void) {
    static volatile uint32_t word = 0x11223344;
    static volatile uint8_t bytes[4] = {1, 2, 3, 4};
    uint32_t old_word, old_byte;
#if defined(__arm__) && !defined(__thumb__)
    /* SWP exists only in the ARM instruction set, and only where the kernel offers it. */
    if (getauxval(AT_HWCAP) & HWCAP_ARM_SWP) {
        __asm__ volatile("swp %[o], %[n], [%[p]]" : [o] "=&r"(old_word) : [n] "r"(0xcafef00du), [p] "r"(&word) : "memory");
        __asm__ volatile("swpb %[o], %[n], [%[p]]" : [o] "=&r"(old_byte) : [n] "r"(0x1ff), [p] "r"(&bytes[2]) : "memory");
    } else
#endif
    {
        old_word = word; word = 0xcafef00du;
        old_byte = bytes[2]; bytes[2] = 0xff;
    }
    printf("swp: old %08x new %08x; swpb: old %u bytes %u %u %u %u\n", old_word, word, old_byte, bytes[0],
           bytes[1], bytes[2], bytes[3]);
}

static void divisions(void) {
    uint32_t h = 2166136261u;
#ifdef __arm__
    int hardware = (getauxval(AT_HWCAP) & HWCAP_ARM_IDIVA) != 0;
#endif
    for (unsigned ai = 0; ai < NVALUES; ai++)
        for (unsigned bi = 0; bi < NVALUES; bi++) {
            uint32_t a = values[ai], b = values[bi], q, uq;
#ifdef __arm__
            if (hardware) {
                __asm__(".arch_extension idiv\n\tsdiv %[q], %[a], %[b]\n\tudiv %[u], %[a], %[b]"
                        : [q] "=&r"(q), [u] "=&r"(uq) : [a] "r"(a), [b] "r"(b));
            } else {
                q = b == 0 ? 0 : (a == 0x80000000u && b == 0xffffffffu) ? a : (uint32_t)((int32_t)a / (int32_t)b);
                uq = b == 0 ? 0 : a / b;
            }
#else
            q = m_sdiv(a, b);
            uq = m_udiv(a, b);
#endif
            h = hash_word(hash_word(h, q), uq);
        }
    printf("sdiv/udiv over the table: %08x\n", h);
}

/* ---- The ACLE intrinsics: each result folded into one hash per intrinsic. ---- */
#ifdef __arm__
#define ACLE(name, intrinsic, model) static uint32_t acle_##name(uint32_t a, uint32_t b, uint32_t c) { (void)c; return (uint32_t)(intrinsic); }
#else
#define ACLE(name, intrinsic, model)                                                               \
    static uint32_t acle_##name(uint32_t a, uint32_t b, uint32_t c) {                              \
        uint32_t f_ = 0, *f = &f_, t_;                                                             \
        (void)b, (void)c, (void)f, (void)t_;                                                       \
        return (uint32_t)(model);                                                                  \
    }
#endif
#define ACLE_OPS(X)                                                                                \
    X(ssat8, __ssat((int32_t)a, 8), m_ssat(a, 8, f))                                               \
    X(usat9, __usat((int32_t)a, 9), m_usat(a, 9, f))                                               \
    X(ssat16, __ssat16((int32_t)a, 12), m_ssat16(a, 12, f))                                        \
    X(usat16, __usat16((int32_t)a, 7), m_usat16(a, 7, f))                                          \
    X(qadd, __qadd((int32_t)a, (int32_t)b), m_qadd(a, b, f))                                       \
    X(qsub, __qsub((int32_t)a, (int32_t)b), m_qsub(a, b, f))                                       \
    X(qdbl, __qdbl((int32_t)a), m_qadd(a, a, f))                                                   \
    X(sadd8, __sadd8(a, b), m_parallel(a, b, 8, 1, MODULAR, ADD, f))                               \
    X(uadd8, __uadd8(a, b), m_parallel(a, b, 8, 0, MODULAR, ADD, f))                               \
    X(shadd16, __shadd16(a, b), m_parallel(a, b, 16, 1, HALVING, ADD, f))                          \
    X(uqsub16, __uqsub16(a, b), m_parallel(a, b, 16, 0, SATURATING, SUB, f))                       \
    X(qasx, __qasx(a, b), m_parallel(a, b, 16, 1, SATURATING, ASX, f))                             \
    X(uhsax, __uhsax(a, b), m_parallel(a, b, 16, 0, HALVING, SAX, f))                              \
    X(usub8_sel, (__usub8(a, b), __sel(a, b)), (m_parallel(a, b, 8, 0, MODULAR, SUB, f), m_sel(a, b, *f))) \
    X(ssub16_sel, (__ssub16(a, b), __sel(b, a)), (m_parallel(a, b, 16, 1, MODULAR, SUB, f), m_sel(b, a, *f))) \
    X(usad8, __usad8(a, b), m_usada8(a, b, 0))                                                     \
    X(usada8, __usada8(a, b, c), m_usada8(a, b, c))                                                \
    X(smlad, __smlad(a, b, (int32_t)c), m_dual(a, b, c, 0, 0, 1, f))                               \
    X(smuad, __smuad(a, b), m_dual(a, b, 0, 0, 0, 1, f))                                           \
    X(smlsd, __smlsd(a, b, (int32_t)c), m_dual(a, b, c, 0, 1, 1, f))                               \
    X(smusd, __smusd(a, b), m_dual(a, b, 0, 0, 1, 0, f))                                           \
    X(smusdx, __smusdx(a, b), m_dual(a, b, 0, 1, 1, 0, f))                                         \
    X(smlald_lo, __smlald(a, b, (int64_t)c << 16), m_dual_long(a, b, (uint64_t)c << 16, 0, 0))     \
    X(smlald_hi, __smlald(a, b, (int64_t)c << 16) >> 32, m_dual_long(a, b, (uint64_t)c << 16, 0, 0) >> 32) \
    X(smlabb, __smlabb((int32_t)a, (int32_t)b, (int32_t)c), m_smla_xy(a, b, c, 0, 0, 1, f))        \
    X(smlawt, __smlawt((int32_t)a, (int32_t)b, (int32_t)c), m_smlaw(a, b, c, 1, 1, f))             \
    X(sxtab16, __sxtab16(b, a), m_xtb16(b, a, 0, 1, 1))                                            \
    X(uxtb16, __uxtb16(a), m_xtb16(0, a, 0, 0, 0))                                                 \
    X(clz, a ? __builtin_clz(a) : 32, m_clz(a))                                                    \
    X(rev, __builtin_bswap32(a), m_rev(a))
ACLE_OPS(ACLE)
#define ACLE_ENTRY(name, intrinsic, model) {#name, acle_##name},
static const struct { const char *name; uint32_t (*fn)(uint32_t, uint32_t, uint32_t); } acle_ops[] = {ACLE_OPS(ACLE_ENTRY)};

int main(void) {
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) run_op((int)i);
    for (unsigned i = 0; i < sizeof long_ops / sizeof long_ops[0]; i++) run_long((int)i);
    exclusives();
    swaps();
    divisions();
    for (unsigned i = 0; i < sizeof acle_ops / sizeof acle_ops[0]; i++) {
        uint32_t h = 2166136261u;
        for (unsigned ci = 0; ci < NACC; ci++)
            for (unsigned ai = 0; ai < NVALUES; ai++)
                for (unsigned bi = 0; bi < NVALUES; bi++)
                    h = hash_word(h, acle_ops[i].fn(values[ai], values[bi], accumulators[ci]));
        printf("acle %s: %08x\n", acle_ops[i].name, h);
    }
    return 0;
}
