/* NEON through <arm_neon.h> beyond the basics: shifts by register and immediate (rounding,
   saturating, narrowing, widening), doubling multiplies, long and narrow-high arithmetic,
   by-scalar multiplies, permutes (VREV, VTRN, VZIP, VUZP, VTBL), pairwise long adds, VCLS,
   VQABS, and single-precision lanes (add, multiply-accumulate, fused, max, pairwise add,
   conversions, reciprocal estimate and steps). The ARM build uses the intrinsics; the native
   build computes every lane in plain C from the instruction's definition in the ARM ARM.
   Float inputs are normal and results stay normal, so IEEE arithmetic gives the same bits on
   both sides (NEON's flush-to-zero and default NaN never come into play). */
/* guest-tests: arm-cflags -mfpu=neon-vfpv4 -fno-tree-vectorize */
/* guest-tests: only arm */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>
#ifdef __ARM_NEON
#include <arm_neon.h>
#endif

static const int8_t s8a[8] = {0, 1, -1, 127, -128, 100, -100, 37};
static const int8_t s8b[8] = {1, -1, 7, -9, 3, 8, -8, -2}; /* shift counts, some out of range */
static const int16_t s16a[8] = {0, 1, -1, 32767, -32768, 1000, -12345, 256};
static const int16_t s16b[8] = {32767, -32768, 2, -2, 32767, -32768, 300, -7};
static const int32_t s32a[4] = {0x7fffffff, (int32_t)0x80000000, 123456789, -987654};
static const int32_t s32b[4] = {(int32_t)0x80000000, (int32_t)0x80000000, -3, 40000};
static const uint8_t u8a[8] = {0, 1, 0x7f, 0x80, 0xff, 0x10, 0xc3, 0x3c};
static const float fa[4] = {1.5f, -2.25f, 3.0e10f, 0.1f};
static const float fb[4] = {-0.75f, 4.0f, 1.0e-10f, 7.0f};
static const float fc[4] = {10.0f, 0.5f, -1.0f, 1.0e5f};

static void p8(const char *name, const int8_t *v, int n) {
    printf("%s:", name);
    for (int i = 0; i < n; i++) printf(" %d", v[i]);
    printf("\n");
}
static void p16(const char *name, const int16_t *v, int n) {
    printf("%s:", name);
    for (int i = 0; i < n; i++) printf(" %d", v[i]);
    printf("\n");
}
static void p32(const char *name, const int32_t *v, int n) {
    printf("%s:", name);
    for (int i = 0; i < n; i++) printf(" %" PRId32, v[i]);
    printf("\n");
}
static void p64(const char *name, const int64_t *v, int n) {
    printf("%s:", name);
    for (int i = 0; i < n; i++) printf(" %" PRId64, v[i]);
    printf("\n");
}
static void pf(const char *name, const float *v, int n) {
    printf("%s:", name);
    for (int i = 0; i < n; i++) {
        uint32_t bits;
        memcpy(&bits, &v[i], 4);
        printf(" %a(%08" PRIx32 ")", (double)v[i], bits);
    }
    printf("\n");
}

#ifndef __ARM_NEON
static int64_t sat(int64_t v, int bits, int is_unsigned) {
    int64_t hi = is_unsigned ? (int64_t)((1ULL << bits) - 1) : (int64_t)((1ULL << (bits - 1)) - 1);
    int64_t lo = is_unsigned ? 0 : -(int64_t)(1ULL << (bits - 1));
    return v > hi ? hi : v < lo ? lo : v;
}
/* (x + round) << shift, right for a negative shift; counts from the bottom byte. */
static int64_t shl(int64_t x, int shift, int round) {
    if (shift >= 0) return shift >= 40 ? (x == 0 ? 0 : x < 0 ? -(1LL << 40) : (1LL << 40)) : x * (1LL << shift);
    int k = -shift > 62 ? 62 : -shift;
    return (x + (round ? (1LL << (k - 1)) : 0)) >> k;
}
static uint32_t recip_estimate(uint32_t a) { /* a in 256..511 */
    uint32_t b = (1u << 19) / (a * 2 + 1);
    return (b + 1) / 2;
}
#endif

int main(void) {
    int8_t r8[16];
    int16_t r16[8];
    int32_t r32[4];
    int64_t r64[2];
    float rf[4];

#ifdef __ARM_NEON
    int8x8_t a8 = vld1_s8(s8a), b8 = vld1_s8(s8b);
    vst1_s8(r8, vshl_s8(a8, b8));
    p8("vshl.s8", r8, 8);
    vst1_s8(r8, vqshl_s8(a8, b8));
    p8("vqshl.s8", r8, 8);
    vst1_s8(r8, vrshl_s8(a8, b8));
    p8("vrshl.s8", r8, 8);
    vst1_s8(r8, vqrshl_s8(a8, b8));
    p8("vqrshl.s8", r8, 8);
    vst1_s8(r8, vrshr_n_s8(a8, 3));
    p8("vrshr.s8", r8, 8);
    vst1_s8(r8, vsra_n_s8(b8, a8, 2));
    p8("vsra.s8", r8, 8);
    vst1_s8(r8, vsri_n_s8(b8, a8, 3));
    p8("vsri.8", r8, 8);
    vst1_s8(r8, vsli_n_s8(b8, a8, 5));
    p8("vsli.8", r8, 8);
    vst1_u8((uint8_t *)r8, vqshlu_n_s8(a8, 2));
    p8("vqshlu.s8", r8, 8);
    int16x8_t a16 = vld1q_s16(s16a), b16 = vld1q_s16(s16b);
    vst1_s8(r8, vqrshrn_n_s16(a16, 4));
    p8("vqrshrn.s16", r8, 8);
    vst1_u8((uint8_t *)r8, vqrshrun_n_s16(a16, 3));
    p8("vqrshrun.s16", r8, 8);
    vst1_s8(r8, vshrn_n_s16(a16, 5));
    p8("vshrn.i16", r8, 8);
    vst1_s8(r8, vqmovn_s16(a16));
    p8("vqmovn.s16", r8, 8);
    vst1q_s16(r16, vmovl_s8(a8));
    p16("vmovl.s8", r16, 8);
    vst1q_s16(r16, vshll_n_s8(a8, 8));
    p16("vshll.s8", r16, 8);
    vst1q_s16(r16, vqdmulhq_s16(a16, b16));
    p16("vqdmulh.s16", r16, 8);
    vst1q_s16(r16, vqrdmulhq_s16(a16, b16));
    p16("vqrdmulh.s16", r16, 8);
    vst1q_s16(r16, vqabsq_s16(a16));
    p16("vqabs.s16", r16, 8);
    vst1q_s16(r16, vclsq_s16(a16));
    p16("vcls.s16", r16, 8);
    vst1q_s16(r16, vrev32q_s16(a16));
    p16("vrev32.16", r16, 8);
    int32x4_t a32 = vld1q_s32(s32a), b32 = vld1q_s32(s32b);
    vst1q_s32(r32, vmull_s16(vget_low_s16(a16), vget_high_s16(b16)));
    p32("vmull.s16", r32, 4);
    vst1q_s32(r32, vqdmlal_s16(a32, vget_low_s16(a16), vget_low_s16(b16)));
    p32("vqdmlal.s16", r32, 4);
    vst1q_s32(r32, vmlal_lane_s16(a32, vget_low_s16(a16), vget_high_s16(b16), 2));
    p32("vmlal.s16 lane", r32, 4);
    vst1q_s32(r32, vqdmulhq_lane_s32(a32, vget_low_s32(b32), 1));
    p32("vqdmulh.s32 lane", r32, 4);
    vst1q_s32(r32, vpaddlq_s16(a16));
    p32("vpaddl.s16", r32, 4);
    vst1_s16(r16, vaddhn_s32(a32, b32));
    p16("vaddhn.i32", r16, 4);
    vst1_s16(r16, vrsubhn_s32(a32, b32));
    p16("vrsubhn.i32", r16, 4);
    vst1q_s64(r64, vqdmull_s32(vget_low_s32(a32), vget_high_s32(b32)));
    p64("vqdmull.s32", r64, 2);
    vst1q_s64(r64, vshlq_s64(vld1q_s64((const int64_t[]){-5, 1LL << 40}), vld1q_s64((const int64_t[]){-1, 20})));
    p64("vshl.s64", r64, 2);
    int16x8x2_t z = vzipq_s16(a16, b16);
    vst1q_s16(r16, z.val[0]);
    p16("vzip.16 lo", r16, 8);
    vst1q_s16(r16, z.val[1]);
    p16("vzip.16 hi", r16, 8);
    int16x8x2_t u = vuzpq_s16(a16, b16);
    vst1q_s16(r16, u.val[0]);
    p16("vuzp.16 even", r16, 8);
    vst1q_s16(r16, u.val[1]);
    p16("vuzp.16 odd", r16, 8);
    int32x4x2_t t = vtrnq_s32(a32, b32);
    vst1q_s32(r32, t.val[0]);
    p32("vtrn.32 a", r32, 4);
    vst1q_s32(r32, t.val[1]);
    p32("vtrn.32 b", r32, 4);
    uint8x8x2_t table = {{vld1_u8(u8a), vld1_u8((const uint8_t *)s8b)}};
    vst1_u8((uint8_t *)r8, vtbl2_u8(table, vld1_u8((const uint8_t[]){0, 15, 3, 16, 200, 8, 9, 7})));
    p8("vtbl.8", r8, 8);
    float32x4_t fva = vld1q_f32(fa), fvb = vld1q_f32(fb), fvc = vld1q_f32(fc);
    vst1q_f32(rf, vaddq_f32(fva, fvb));
    pf("vadd.f32", rf, 4);
    vst1q_f32(rf, vmlaq_f32(fvc, fva, fvb));
    pf("vmla.f32", rf, 4);
    vst1q_f32(rf, vfmaq_f32(fvc, fva, fvb));
    pf("vfma.f32", rf, 4);
    vst1q_f32(rf, vmulq_lane_f32(fva, vget_low_f32(fvc), 1));
    pf("vmul.f32 lane", rf, 4);
    vst1q_f32(rf, vmaxq_f32(fva, fvb));
    pf("vmax.f32", rf, 4);
    vst1_f32(rf, vpadd_f32(vget_low_f32(fva), vget_high_f32(fvb)));
    pf("vpadd.f32", rf, 2);
    vst1q_s32(r32, vcvtq_s32_f32(vmulq_f32(fva, fvc)));
    p32("vcvt.s32.f32", r32, 4);
    vst1q_s32(r32, vcvtq_n_s32_f32(fvb, 8));
    p32("vcvt.s32.f32 #8", r32, 4);
    vst1q_f32(rf, vcvtq_f32_s32(a32));
    pf("vcvt.f32.s32", rf, 4);
    float32x4_t est = vrecpeq_f32(fvc);
    vst1q_f32(rf, est);
    pf("vrecpe.f32", rf, 4);
    est = vmulq_f32(est, vrecpsq_f32(fvc, est));
    vst1q_f32(rf, est);
    pf("vrecps step", rf, 4);
#else
    int8_t a8[8], b8[8];
    memcpy(a8, s8a, 8);
    memcpy(b8, s8b, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)shl(a8[i], b8[i], 0);
    p8("vshl.s8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)sat(shl(a8[i], b8[i], 0), 8, 0);
    p8("vqshl.s8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)shl(a8[i], b8[i], 1);
    p8("vrshl.s8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)sat(shl(a8[i], b8[i], 1), 8, 0);
    p8("vqrshl.s8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)((a8[i] + 4) >> 3);
    p8("vrshr.s8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)(b8[i] + (a8[i] >> 2));
    p8("vsra.s8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)((b8[i] & 0xe0) | ((uint8_t)a8[i] >> 3));
    p8("vsri.8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)((b8[i] & 0x1f) | (uint8_t)(a8[i] << 5));
    p8("vsli.8", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)(uint8_t)sat(a8[i] * 4, 8, 1);
    p8("vqshlu.s8", r8, 8);
    int16_t a16[8], b16[8];
    memcpy(a16, s16a, 16);
    memcpy(b16, s16b, 16);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)sat((a16[i] + 8) >> 4, 8, 0);
    p8("vqrshrn.s16", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)(uint8_t)sat((a16[i] + 4) >> 3, 8, 1);
    p8("vqrshrun.s16", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)((uint16_t)a16[i] >> 5);
    p8("vshrn.i16", r8, 8);
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)sat(a16[i], 8, 0);
    p8("vqmovn.s16", r8, 8);
    for (int i = 0; i < 8; i++) r16[i] = a8[i];
    p16("vmovl.s8", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = (int16_t)(a8[i] * 256);
    p16("vshll.s8", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = (int16_t)sat((2LL * a16[i] * b16[i]) >> 16, 16, 0);
    p16("vqdmulh.s16", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = (int16_t)sat((2LL * a16[i] * b16[i] + (1 << 15)) >> 16, 16, 0);
    p16("vqrdmulh.s16", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = (int16_t)sat(a16[i] < 0 ? -a16[i] : a16[i], 16, 0);
    p16("vqabs.s16", r16, 8);
    for (int i = 0; i < 8; i++) {
        int n = 0;
        for (int b = 14; b >= 0 && ((a16[i] >> b) & 1) == (a16[i] < 0); b--) n++;
        r16[i] = (int16_t)n;
    }
    p16("vcls.s16", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = a16[i ^ 1];
    p16("vrev32.16", r16, 8);
    int32_t a32[4], b32[4];
    memcpy(a32, s32a, 16);
    memcpy(b32, s32b, 16);
    for (int i = 0; i < 4; i++) r32[i] = a16[i] * b16[4 + i];
    p32("vmull.s16", r32, 4);
    for (int i = 0; i < 4; i++) r32[i] = (int32_t)sat(a32[i] + sat(2LL * a16[i] * b16[i], 32, 0), 32, 0);
    p32("vqdmlal.s16", r32, 4);
    for (int i = 0; i < 4; i++) r32[i] = (int32_t)((uint32_t)a32[i] + (uint32_t)(a16[i] * b16[6]));
    p32("vmlal.s16 lane", r32, 4);
    for (int i = 0; i < 4; i++) {
        __int128 p = (__int128)2 * a32[i] * b32[1];
        p >>= 32;
        r32[i] = p > INT32_MAX ? INT32_MAX : (int32_t)p;
    }
    p32("vqdmulh.s32 lane", r32, 4);
    for (int i = 0; i < 4; i++) r32[i] = a16[2 * i] + a16[2 * i + 1];
    p32("vpaddl.s16", r32, 4);
    for (int i = 0; i < 4; i++) r16[i] = (int16_t)(((uint32_t)a32[i] + (uint32_t)b32[i]) >> 16);
    p16("vaddhn.i32", r16, 4);
    for (int i = 0; i < 4; i++) r16[i] = (int16_t)(((uint32_t)a32[i] - (uint32_t)b32[i] + 0x8000u) >> 16);
    p16("vrsubhn.i32", r16, 4);
    for (int i = 0; i < 2; i++) {
        int64_t p = 2LL * a32[i] * b32[2 + i];
        r64[i] = (a32[i] == (int32_t)0x80000000 && b32[2 + i] == (int32_t)0x80000000) ? INT64_MAX : p;
    }
    p64("vqdmull.s32", r64, 2);
    r64[0] = -5 >> 1;
    r64[1] = (1LL << 40) << 20;
    p64("vshl.s64", r64, 2);
    for (int i = 0; i < 8; i++) r16[i] = i % 2 ? b16[i / 2] : a16[i / 2];
    p16("vzip.16 lo", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = i % 2 ? b16[4 + i / 2] : a16[4 + i / 2];
    p16("vzip.16 hi", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = i < 4 ? a16[2 * i] : b16[2 * (i - 4)];
    p16("vuzp.16 even", r16, 8);
    for (int i = 0; i < 8; i++) r16[i] = i < 4 ? a16[2 * i + 1] : b16[2 * (i - 4) + 1];
    p16("vuzp.16 odd", r16, 8);
    int32_t ta[4] = {a32[0], b32[0], a32[2], b32[2]}, tb[4] = {a32[1], b32[1], a32[3], b32[3]};
    p32("vtrn.32 a", ta, 4);
    p32("vtrn.32 b", tb, 4);
    uint8_t tbl[16];
    memcpy(tbl, u8a, 8);
    memcpy(tbl + 8, s8b, 8);
    const uint8_t idx[8] = {0, 15, 3, 16, 200, 8, 9, 7};
    for (int i = 0; i < 8; i++) r8[i] = (int8_t)(idx[i] < 16 ? tbl[idx[i]] : 0);
    p8("vtbl.8", r8, 8);
    for (int i = 0; i < 4; i++) rf[i] = fa[i] + fb[i];
    pf("vadd.f32", rf, 4);
    for (int i = 0; i < 4; i++) {
        volatile float p = fa[i] * fb[i];
        rf[i] = fc[i] + p;
    }
    pf("vmla.f32", rf, 4);
    for (int i = 0; i < 4; i++) rf[i] = fmaf(fa[i], fb[i], fc[i]);
    pf("vfma.f32", rf, 4);
    for (int i = 0; i < 4; i++) rf[i] = fa[i] * fc[1];
    pf("vmul.f32 lane", rf, 4);
    for (int i = 0; i < 4; i++) rf[i] = fa[i] > fb[i] ? fa[i] : fb[i];
    pf("vmax.f32", rf, 4);
    rf[0] = fa[0] + fa[1];
    rf[1] = fb[2] + fb[3];
    pf("vpadd.f32", rf, 2);
    for (int i = 0; i < 4; i++) {
        volatile float p = fa[i] * fc[i];
        r32[i] = p >= 2147483648.0f ? INT32_MAX : p <= -2147483648.0f ? INT32_MIN : (int32_t)p;
    }
    p32("vcvt.s32.f32", r32, 4);
    for (int i = 0; i < 4; i++) r32[i] = (int32_t)(fb[i] * 256.0f);
    p32("vcvt.s32.f32 #8", r32, 4);
    for (int i = 0; i < 4; i++) rf[i] = (float)a32[i];
    pf("vcvt.f32.s32", rf, 4);
    float est[4];
    for (int i = 0; i < 4; i++) {
        /* FPRecipEstimate: 1/x from the top 8 fraction bits, exponent 253 - exponent. */
        uint32_t x, r;
        memcpy(&x, &fc[i], 4);
        uint32_t e = recip_estimate(256 + ((x >> 15) & 0xff));
        r = (x & 0x80000000u) | ((253 - ((x >> 23) & 0xff)) << 23) | ((e & 0xff) << 15);
        memcpy(&est[i], &r, 4);
    }
    pf("vrecpe.f32", est, 4);
    for (int i = 0; i < 4; i++) {
        volatile float p = fc[i] * est[i];
        volatile float step = 2.0f - p;
        est[i] = est[i] * step;
    }
    pf("vrecps step", est, 4);
#endif
    return 0;
}
