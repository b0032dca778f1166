/* NEON integer basics through <arm_neon.h>, limited to the instructions Mirage implements
   today: VLD1/VST1 (D and Q forms, one lane, all lanes), VLD2-4/VST2-4, VDUP (core register
   and scalar), VMOV immediate, the bitwise ops (VAND, VORR, VEOR, VBIC, VORN, VBSL, VMVN),
   VADD/VSUB on every size, VCEQ, VCGT, VTST, VMAX, VMIN, VABD, VHADD, VRHADD, VPADD, VPMAX,
   VPMIN, VMUL, VMLA, VMLS, VEXT, VCNT, VCLZ, VQADD and VQSUB, plus lane moves to and from
   core registers. Each runs on tables of edge values; the native build computes each lane
   in plain C from the instruction's definition. Values print lane by lane, so nothing depends
   on byte order.
   -fno-tree-vectorize keeps gcc from vectorizing the ordinary loops into instructions outside
   that set. */
/* guest-tests: arm-cflags -mfpu=neon -fno-tree-vectorize */
/* guest-tests: only arm */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#ifdef __arm__
#include <arm_neon.h>
#endif

static const uint8_t a8[16] = {0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x81, 0x40, 0x3c, 0xc3, 0x55, 0xaa, 0x10, 0xef, 0x02, 0xfd};
static const uint8_t b8[16] = {0xff, 0x01, 0x80, 0x80, 0x01, 0x02, 0x7f, 0xc0, 0x3c, 0x3c, 0xaa, 0xaa, 0xf0, 0x11, 0xfe, 0x03};
static const uint16_t a16[8] = {0x0000, 0x0001, 0x7fff, 0x8000, 0xffff, 0x8001, 0x1234, 0x00ff};
static const uint16_t b16[8] = {0xffff, 0x0001, 0x0001, 0x8000, 0x0002, 0x7fff, 0xfedc, 0x0100};
static const uint32_t a32[4] = {0x00000000, 0x7fffffff, 0x80000000, 0xffffffff};
static const uint32_t b32[4] = {0xffffffff, 0x00000001, 0x80000000, 0x12345678};
static const uint32_t c32[4] = {0x00010001, 0xfffffffe, 0x7fffffff, 0x00000003};
static const uint64_t a64[2] = {0xffffffffffffffffULL, 0x7fffffffffffffffULL};
static const uint64_t b64[2] = {0x0000000000000001ULL, 0x8000000000000001ULL};
static uint8_t stream[64];
static uint16_t stream16[32];
static uint32_t stream32[16];

static void show8(const char *name, const uint8_t *v, int n) {
    printf("%-14s", name);
    for (int i = 0; i < n; i++) printf(" %02x", v[i]);
    printf("\n");
}
static void show16(const char *name, const uint16_t *v, int n) {
    printf("%-14s", name);
    for (int i = 0; i < n; i++) printf(" %04x", v[i]);
    printf("\n");
}
static void show32(const char *name, const uint32_t *v, int n) {
    printf("%-14s", name);
    for (int i = 0; i < n; i++) printf(" %08x", v[i]);
    printf("\n");
}
static void show64(const char *name, const uint64_t *v, int n) {
    printf("%-14s", name);
    for (int i = 0; i < n; i++) printf(" %016" PRIx64, v[i]);
    printf("\n");
}

/* Saturation and the small lane helpers of the models. */
#ifndef __arm__
static int64_t clampi(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : v > hi ? hi : v; }
static int clz_n(uint32_t x, int bits) {
    int n = 0;
    for (int i = bits - 1; i >= 0 && !((x >> i) & 1); i--) n++;
    return n;
}
static int popcount8(uint8_t x) {
    int n = 0;
    for (; x; x &= (uint8_t)(x - 1)) n++;
    return n;
}
#endif

/* Lane-wise binary operations on Q registers: the intrinsic on ARM, the expression on x and y
   (the lanes, already of the signed or unsigned type T) natively. */
#ifdef __arm__
#define LANEWISE(name, T, N, show, U, ld, st, in_cast, out_cast, intrinsic, model)                 \
    static void name(const U *a, const U *b) {                                                     \
        U r[N];                                                                                    \
        st(r, out_cast(intrinsic(in_cast(ld(a)), in_cast(ld(b)))));                                \
        show(#intrinsic, r, N);                                                                    \
    }
#else
#define LANEWISE(name, T, N, show, U, ld, st, in_cast, out_cast, intrinsic, model)                 \
    static void name(const U *a, const U *b) {                                                     \
        U r[N];                                                                                    \
        for (int i = 0; i < N; i++) {                                                              \
            T x = (T)a[i], y = (T)b[i];                                                            \
            (void)x, (void)y;                                                                      \
            r[i] = (U)(model);                                                                     \
        }                                                                                          \
        show(#intrinsic, r, N);                                                                    \
    }
#endif
#define ID(x) x
#define U8Q(name, intrinsic, model) LANEWISE(name, uint8_t, 16, show8, uint8_t, vld1q_u8, vst1q_u8, ID, ID, intrinsic, model)
#define S8Q(name, intrinsic, model) LANEWISE(name, int8_t, 16, show8, uint8_t, vld1q_u8, vst1q_u8, vreinterpretq_s8_u8, vreinterpretq_u8_s8, intrinsic, model)
#define S8QU(name, intrinsic, model) LANEWISE(name, int8_t, 16, show8, uint8_t, vld1q_u8, vst1q_u8, vreinterpretq_s8_u8, ID, intrinsic, model)
#define U16Q(name, intrinsic, model) LANEWISE(name, uint16_t, 8, show16, uint16_t, vld1q_u16, vst1q_u16, ID, ID, intrinsic, model)
#define S16Q(name, intrinsic, model) LANEWISE(name, int16_t, 8, show16, uint16_t, vld1q_u16, vst1q_u16, vreinterpretq_s16_u16, vreinterpretq_u16_s16, intrinsic, model)
#define S16QU(name, intrinsic, model) LANEWISE(name, int16_t, 8, show16, uint16_t, vld1q_u16, vst1q_u16, vreinterpretq_s16_u16, ID, intrinsic, model)
#define U32Q(name, intrinsic, model) LANEWISE(name, uint32_t, 4, show32, uint32_t, vld1q_u32, vst1q_u32, ID, ID, intrinsic, model)
#define S32Q(name, intrinsic, model) LANEWISE(name, int32_t, 4, show32, uint32_t, vld1q_u32, vst1q_u32, vreinterpretq_s32_u32, vreinterpretq_u32_s32, intrinsic, model)
#define S32QU(name, intrinsic, model) LANEWISE(name, int32_t, 4, show32, uint32_t, vld1q_u32, vst1q_u32, vreinterpretq_s32_u32, ID, intrinsic, model)
#define U64Q(name, intrinsic, model) LANEWISE(name, uint64_t, 2, show64, uint64_t, vld1q_u64, vst1q_u64, ID, ID, intrinsic, model)
#define U8D(name, intrinsic, model) LANEWISE(name, uint8_t, 8, show8, uint8_t, vld1_u8, vst1_u8, ID, ID, intrinsic, model)
#define U16D(name, intrinsic, model) LANEWISE(name, uint16_t, 4, show16, uint16_t, vld1_u16, vst1_u16, ID, ID, intrinsic, model)
#define S32D(name, intrinsic, model) LANEWISE(name, int32_t, 2, show32, uint32_t, vld1_u32, vst1_u32, vreinterpret_s32_u32, vreinterpret_u32_s32, intrinsic, model)

#define ONES(c) ((c) ? -1 : 0)
U8Q(t_and8, vandq_u8, x & y)
U8Q(t_orr8, vorrq_u8, x | y)
U8Q(t_eor8, veorq_u8, x ^ y)
U8Q(t_bic8, vbicq_u8, x & ~y)
U8Q(t_orn8, vornq_u8, x | ~y)
U8Q(t_add8, vaddq_u8, x + y)
U8Q(t_sub8, vsubq_u8, x - y)
U8Q(t_mul8, vmulq_u8, x * y)
U8Q(t_ceq8, vceqq_u8, ONES(x == y))
U8Q(t_cgt8u, vcgtq_u8, ONES(x > y))
S8QU(t_cgt8s, vcgtq_s8, ONES(x > y))
/* vtstq_u8 itself compiles to VAND, VCEQ #0, VMVN (VCEQ immediate is not in the set), so
   VTST comes from asm. */
#ifdef __arm__
static inline uint8x16_t vtst_asm(uint8x16_t x, uint8x16_t y) {
    uint8x16_t r;
    __asm__("vtst.8 %q0, %q1, %q2" : "=w"(r) : "w"(x), "w"(y));
    return r;
}
#endif
U8Q(t_tst8, vtst_asm, ONES((x & y) != 0))
U8Q(t_max8u, vmaxq_u8, x > y ? x : y)
S8Q(t_max8s, vmaxq_s8, x > y ? x : y)
U8Q(t_min8u, vminq_u8, x < y ? x : y)
S8Q(t_min8s, vminq_s8, x < y ? x : y)
U8Q(t_abd8u, vabdq_u8, x > y ? x - y : y - x)
S8Q(t_abd8s, vabdq_s8, x > y ? x - y : y - x)
U8Q(t_hadd8u, vhaddq_u8, (x + y) >> 1)
S8Q(t_hadd8s, vhaddq_s8, (x + y) >> 1)
U8Q(t_rhadd8u, vrhaddq_u8, (x + y + 1) >> 1)
S8Q(t_hsub8s, vhsubq_s8, (x - y) >> 1)
U8Q(t_qadd8u, vqaddq_u8, clampi(x + y, 0, 255))
S8Q(t_qadd8s, vqaddq_s8, clampi(x + y, -128, 127))
U8Q(t_qsub8u, vqsubq_u8, clampi(x - y, 0, 255))
S8Q(t_qsub8s, vqsubq_s8, clampi(x - y, -128, 127))
U16Q(t_add16, vaddq_u16, x + y)
U16Q(t_sub16, vsubq_u16, x - y)
U16Q(t_mul16, vmulq_u16, x * y)
U16Q(t_ceq16, vceqq_u16, ONES(x == y))
U16Q(t_cgt16u, vcgtq_u16, ONES(x > y))
S16QU(t_cgt16s, vcgtq_s16, ONES(x > y))
S16QU(t_cge16s, vcgeq_s16, ONES(x >= y))
U16Q(t_max16u, vmaxq_u16, x > y ? x : y)
S16Q(t_max16s, vmaxq_s16, x > y ? x : y)
S16Q(t_min16s, vminq_s16, x < y ? x : y)
S16Q(t_rhadd16s, vrhaddq_s16, (x + y + 1) >> 1)
U16Q(t_qadd16u, vqaddq_u16, clampi(x + y, 0, 65535))
S16Q(t_qadd16s, vqaddq_s16, clampi(x + y, -32768, 32767))
U16Q(t_qsub16u, vqsubq_u16, clampi(x - y, 0, 65535))
S16Q(t_qsub16s, vqsubq_s16, clampi(x - y, -32768, 32767))
U32Q(t_add32, vaddq_u32, x + y)
U32Q(t_sub32, vsubq_u32, x - y)
U32Q(t_mul32, vmulq_u32, x * y)
U32Q(t_ceq32, vceqq_u32, ONES(x == y))
U32Q(t_cgt32u, vcgtq_u32, ONES(x > y))
S32QU(t_cgt32s, vcgtq_s32, ONES(x > y))
U32Q(t_max32u, vmaxq_u32, x > y ? x : y)
S32Q(t_min32s, vminq_s32, x < y ? x : y)
U32Q(t_min32u, vminq_u32, x < y ? x : y)
S32Q(t_hadd32s, vhaddq_s32, ((int64_t)x + y) >> 1)
U32Q(t_qadd32u, vqaddq_u32, clampi((int64_t)x + y, 0, 0xffffffffLL))
S32Q(t_qadd32s, vqaddq_s32, clampi((int64_t)x + y, INT32_MIN, INT32_MAX))
U32Q(t_qsub32u, vqsubq_u32, clampi((int64_t)x - y, 0, 0xffffffffLL))
S32Q(t_qsub32s, vqsubq_s32, clampi((int64_t)x - y, INT32_MIN, INT32_MAX))
U64Q(t_add64, vaddq_u64, x + y)
U64Q(t_sub64, vsubq_u64, x - y)
U8D(t_add8d, vadd_u8, x + y)
U16D(t_mul16d, vmul_u16, x * y)
S32D(t_max32d, vmax_s32, x > y ? x : y)

/* Pairwise (D registers only): lanes 0..n/2-1 from a's pairs, the rest from b's. */
static void pairwise(void) {
    uint8_t r8[8];
    uint16_t r16[4];
    uint32_t r32[2];
#ifdef __arm__
    vst1_u8(r8, vpadd_u8(vld1_u8(a8), vld1_u8(b8)));
    show8("vpadd_u8", r8, 8);
    vst1_u8(r8, vpmax_u8(vld1_u8(a8 + 8), vld1_u8(b8 + 8)));
    show8("vpmax_u8", r8, 8);
    vst1_u16(r16, vreinterpret_u16_s16(vpmin_s16(vreinterpret_s16_u16(vld1_u16(a16)), vreinterpret_s16_u16(vld1_u16(b16)))));
    show16("vpmin_s16", r16, 4);
    vst1_u16(r16, vpadd_u16(vld1_u16(a16 + 4), vld1_u16(b16 + 4)));
    show16("vpadd_u16", r16, 4);
    vst1_u32(r32, vpadd_u32(vld1_u32(a32), vld1_u32(b32 + 2)));
    show32("vpadd_u32", r32, 2);
#else
    for (int i = 0; i < 8; i++) {
        const uint8_t *s = i < 4 ? a8 : b8;
        int k = (i & 3) * 2;
        r8[i] = (uint8_t)(s[k] + s[k + 1]);
    }
    show8("vpadd_u8", r8, 8);
    for (int i = 0; i < 8; i++) {
        const uint8_t *s = (i < 4 ? a8 : b8) + 8;
        int k = (i & 3) * 2;
        r8[i] = s[k] > s[k + 1] ? s[k] : s[k + 1];
    }
    show8("vpmax_u8", r8, 8);
    for (int i = 0; i < 4; i++) {
        const uint16_t *s = i < 2 ? a16 : b16;
        int k = (i & 1) * 2;
        int16_t x = (int16_t)s[k], y = (int16_t)s[k + 1];
        r16[i] = (uint16_t)(x < y ? x : y);
    }
    show16("vpmin_s16", r16, 4);
    for (int i = 0; i < 4; i++) {
        const uint16_t *s = (i < 2 ? a16 : b16) + 4;
        int k = (i & 1) * 2;
        r16[i] = (uint16_t)(s[k] + s[k + 1]);
    }
    show16("vpadd_u16", r16, 4);
    r32[0] = a32[0] + a32[1];
    r32[1] = b32[2] + b32[3];
    show32("vpadd_u32", r32, 2);
#endif
}

/* Whole-register and lane-structured operations. */
static void structured(void) {
    uint8_t r8[16];
    uint16_t r16[8];
    uint32_t r32[4];
    char name[32];
#ifdef __arm__
    uint8x16_t va = vld1q_u8(a8), vb = vld1q_u8(b8);
    vst1q_u8(r8, vbslq_u8(vld1q_u8(b8), va, vld1q_u8(a8 + 0) ^ vdupq_n_u8(0x5a)));
    show8("vbslq_u8", r8, 16);
    vst1q_u8(r8, vmvnq_u8(va));
    show8("vmvnq_u8", r8, 16);
    vst1q_u8(r8, vcntq_u8(va));
    show8("vcntq_u8", r8, 16);
    vst1q_u8(r8, vclzq_u8(vb));
    show8("vclzq_u8", r8, 16);
    vst1q_u16(r16, vclzq_u16(vld1q_u16(a16)));
    show16("vclzq_u16", r16, 8);
    vst1q_u32(r32, vclzq_u32(vld1q_u32(b32)));
    show32("vclzq_u32", r32, 4);
    vst1q_u32(r32, vmlaq_u32(vld1q_u32(c32), vld1q_u32(a32), vld1q_u32(b32)));
    show32("vmlaq_u32", r32, 4);
    vst1q_u16(r16, vmlsq_u16(vld1q_u16(b16), vld1q_u16(a16), vld1q_u16(b16)));
    show16("vmlsq_u16", r16, 8);
#define EXT(n)                                                                                     \
    vst1q_u8(r8, vextq_u8(va, vb, n));                                                             \
    snprintf(name, sizeof name, "vextq_u8 #%d", n);                                                \
    show8(name, r8, 16);
    EXT(0) EXT(1) EXT(7) EXT(8) EXT(15)
    vst1q_u32(r32, vextq_u32(vld1q_u32(a32), vld1q_u32(b32), 3));
    show32("vextq_u32 #3", r32, 4);
    vst1q_u8(r8, vdupq_n_u8(a8[9]));
    show8("vdupq_n_u8", r8, 16);
    vst1q_u16(r16, vdupq_n_u16(a16[6]));
    show16("vdupq_n_u16", r16, 8);
    vst1q_u32(r32, vdupq_n_u32(b32[3]));
    show32("vdupq_n_u32", r32, 4);
    vst1q_u16(r16, vdupq_lane_u16(vld1_u16(b16 + 4), 2));
    show16("vdupq_lane_u16", r16, 8);
    vst1q_u32(r32, vorrq_u32(vld1q_u32(a32), vdupq_n_u32(0x00ff0000)));
    show32("vorrq imm", r32, 4);
    vst1q_u16(r16, vandq_u16(vld1q_u16(a16), vdupq_n_u16(0xff0f)));
    show16("vandq imm", r16, 8);
    vst1q_u32(r32, vsetq_lane_u32(0xdeadbeef, vld1q_u32(a32), 2));
    show32("vsetq_lane_u32", r32, 4);
    printf("vgetq_lane: %02x %04x %08x %016" PRIx64 "\n", vgetq_lane_u8(vb, 13), vgetq_lane_u16(vld1q_u16(a16), 6),
           vgetq_lane_u32(vld1q_u32(b32), 3), vgetq_lane_u64(vld1q_u64(a64), 1));
    vst1q_u32(r32, vld1q_dup_u32(&b32[3]));
    show32("vld1q_dup_u32", r32, 4);
    vst1q_u16(r16, vld1q_lane_u16(&b16[6], vld1q_u16(a16), 5));
    show16("vld1q_lane_u16", r16, 8);
    uint32_t lane_out[4] = {0, 0, 0, 0};
    vst1q_lane_u32(&lane_out[1], vld1q_u32(b32), 3);
    show32("vst1q_lane_u32", lane_out, 4);
    vst1q_u8(r8, vcombine_u8(vget_high_u8(va), vget_low_u8(vb)));
    show8("vcombine", r8, 16);
#else
    for (int i = 0; i < 16; i++) {
        uint8_t other = a8[i] ^ 0x5a;
        r8[i] = (uint8_t)((b8[i] & a8[i]) | (~b8[i] & other));
    }
    show8("vbslq_u8", r8, 16);
    for (int i = 0; i < 16; i++) r8[i] = (uint8_t)~a8[i];
    show8("vmvnq_u8", r8, 16);
    for (int i = 0; i < 16; i++) r8[i] = (uint8_t)popcount8(a8[i]);
    show8("vcntq_u8", r8, 16);
    for (int i = 0; i < 16; i++) r8[i] = (uint8_t)clz_n(b8[i], 8);
    show8("vclzq_u8", r8, 16);
    for (int i = 0; i < 8; i++) r16[i] = (uint16_t)clz_n(a16[i], 16);
    show16("vclzq_u16", r16, 8);
    for (int i = 0; i < 4; i++) r32[i] = (uint32_t)clz_n(b32[i], 32);
    show32("vclzq_u32", r32, 4);
    for (int i = 0; i < 4; i++) r32[i] = c32[i] + a32[i] * b32[i];
    show32("vmlaq_u32", r32, 4);
    for (int i = 0; i < 8; i++) r16[i] = (uint16_t)(b16[i] - a16[i] * b16[i]);
    show16("vmlsq_u16", r16, 8);
    static const int exts[] = {0, 1, 7, 8, 15};
    for (int e = 0; e < 5; e++) {
        int n = exts[e];
        for (int i = 0; i < 16; i++) r8[i] = i + n < 16 ? a8[i + n] : b8[i + n - 16];
        snprintf(name, sizeof name, "vextq_u8 #%d", n);
        show8(name, r8, 16);
    }
    for (int i = 0; i < 4; i++) r32[i] = i + 3 < 4 ? a32[i + 3] : b32[i - 1];
    show32("vextq_u32 #3", r32, 4);
    for (int i = 0; i < 16; i++) r8[i] = a8[9];
    show8("vdupq_n_u8", r8, 16);
    for (int i = 0; i < 8; i++) r16[i] = a16[6];
    show16("vdupq_n_u16", r16, 8);
    for (int i = 0; i < 4; i++) r32[i] = b32[3];
    show32("vdupq_n_u32", r32, 4);
    for (int i = 0; i < 8; i++) r16[i] = b16[6];
    show16("vdupq_lane_u16", r16, 8);
    for (int i = 0; i < 4; i++) r32[i] = a32[i] | 0x00ff0000;
    show32("vorrq imm", r32, 4);
    for (int i = 0; i < 8; i++) r16[i] = a16[i] & 0xff0f;
    show16("vandq imm", r16, 8);
    for (int i = 0; i < 4; i++) r32[i] = i == 2 ? 0xdeadbeef : a32[i];
    show32("vsetq_lane_u32", r32, 4);
    printf("vgetq_lane: %02x %04x %08x %016" PRIx64 "\n", b8[13], a16[6], b32[3], a64[1]);
    for (int i = 0; i < 4; i++) r32[i] = b32[3];
    show32("vld1q_dup_u32", r32, 4);
    for (int i = 0; i < 8; i++) r16[i] = i == 5 ? b16[6] : a16[i];
    show16("vld1q_lane_u16", r16, 8);
    uint32_t lane_out[4] = {0, b32[3], 0, 0};
    show32("vst1q_lane_u32", lane_out, 4);
    for (int i = 0; i < 16; i++) r8[i] = i < 8 ? a8[i + 8] : b8[i - 8];
    show8("vcombine", r8, 16);
#endif
}

/* Interleaving loads and stores: element k of structure i is stream[n*i + k]. */
static void interleaved(void) {
    uint8_t out8[64];
    uint16_t out16[32];
    uint32_t out32[16];
    for (int i = 0; i < 64; i++) stream[i] = (uint8_t)(i * 7 + 3);
    for (int i = 0; i < 32; i++) stream16[i] = (uint16_t)(i * 0x1111 + 0x0f0f);
    for (int i = 0; i < 16; i++) stream32[i] = (uint32_t)i * 0x10203041u;
#ifdef __arm__
    uint8x16x2_t v2 = vld2q_u8(stream);
    vst1q_u8(out8, v2.val[0]);
    vst1q_u8(out8 + 16, v2.val[1]);
    show8("vld2q_u8", out8, 32);
    uint16x4x3_t v3 = vld3_u16(stream16);
    vst1_u16(out16, v3.val[0]);
    vst1_u16(out16 + 4, v3.val[1]);
    vst1_u16(out16 + 8, v3.val[2]);
    show16("vld3_u16", out16, 12);
    uint32x4x4_t v4 = vld4q_u32(stream32);
    for (int k = 0; k < 4; k++) vst1q_u32(out32 + 4 * k, v4.val[k]);
    show32("vld4q_u32", out32, 16);
    uint8x8x4_t v4d = vld4_u8(stream);
    for (int k = 0; k < 4; k++) vst1_u8(out8 + 8 * k, v4d.val[k]);
    show8("vld4_u8", out8, 32);
    uint8x16x3_t v3q = vld3q_u8(stream);
    for (int k = 0; k < 3; k++) vst1q_u8(out8 + 16 * k, v3q.val[k]);
    show8("vld3q_u8", out8, 48);
    /* Stores: the loaded structures written back interleaved in another order. */
    uint8x16x2_t w2 = {{v2.val[1], v2.val[0]}};
    vst2q_u8(out8, w2);
    show8("vst2q_u8", out8, 32);
    uint16x4x3_t w3 = {{v3.val[2], v3.val[0], v3.val[1]}};
    vst3_u16(out16, w3);
    show16("vst3_u16", out16, 12);
    uint32x4x4_t w4 = {{v4.val[3], v4.val[2], v4.val[1], v4.val[0]}};
    vst4q_u32(out32, w4);
    show32("vst4q_u32", out32, 16);
    uint8x8x3_t w3d = {{vget_low_u8(v3q.val[1]), vget_low_u8(v3q.val[2]), vget_low_u8(v3q.val[0])}};
    vst3_u8(out8, w3d);
    show8("vst3_u8", out8, 24);
    uint16x8x2_t v2h = vld2q_u16(stream16);
    vst2q_u16(out16, v2h);
    show16("vld2q/vst2q", out16, 16);
    uint16x4x4_t v4h = vld4_u16(stream16);
    vst4_u16(out16, v4h);
    show16("vld4/vst4_u16", out16, 16);
    uint32x2x2_t v2w = vld2_u32(stream32);
    vst1_u32(out32, v2w.val[0]);
    vst1_u32(out32 + 2, v2w.val[1]);
    show32("vld2_u32", out32, 4);
#else
    for (int k = 0; k < 2; k++) for (int i = 0; i < 16; i++) out8[16 * k + i] = stream[2 * i + k];
    show8("vld2q_u8", out8, 32);
    for (int k = 0; k < 3; k++) for (int i = 0; i < 4; i++) out16[4 * k + i] = stream16[3 * i + k];
    show16("vld3_u16", out16, 12);
    for (int k = 0; k < 4; k++) for (int i = 0; i < 4; i++) out32[4 * k + i] = stream32[4 * i + k];
    show32("vld4q_u32", out32, 16);
    for (int k = 0; k < 4; k++) for (int i = 0; i < 8; i++) out8[8 * k + i] = stream[4 * i + k];
    show8("vld4_u8", out8, 32);
    for (int k = 0; k < 3; k++) for (int i = 0; i < 16; i++) out8[16 * k + i] = stream[3 * i + k];
    show8("vld3q_u8", out8, 48);
    /* vst2q of (val1, val0): structure i is (stream[2i+1], stream[2i]). */
    for (int i = 0; i < 16; i++) out8[2 * i] = stream[2 * i + 1], out8[2 * i + 1] = stream[2 * i];
    show8("vst2q_u8", out8, 32);
    static const int order3[3] = {2, 0, 1};
    for (int i = 0; i < 4; i++) for (int k = 0; k < 3; k++) out16[3 * i + k] = stream16[3 * i + order3[k]];
    show16("vst3_u16", out16, 12);
    for (int i = 0; i < 4; i++) for (int k = 0; k < 4; k++) out32[4 * i + k] = stream32[4 * i + 3 - k];
    show32("vst4q_u32", out32, 16);
    static const int order3d[3] = {1, 2, 0};
    for (int i = 0; i < 8; i++) for (int k = 0; k < 3; k++) out8[3 * i + k] = stream[3 * i + order3d[k]];
    show8("vst3_u8", out8, 24);
    for (int i = 0; i < 16; i++) out16[i] = stream16[i];
    show16("vld2q/vst2q", out16, 16);
    for (int i = 0; i < 16; i++) out16[i] = stream16[i];
    show16("vld4/vst4_u16", out16, 16);
    out32[0] = stream32[0], out32[1] = stream32[2], out32[2] = stream32[1], out32[3] = stream32[3];
    show32("vld2_u32", out32, 4);
#endif
}

/* A small NEON kernel: a byte histogram-free checksum over a buffer (add, xor, max, popcount
   accumulated in vectors), the way real code uses these instructions together. */
static void kernel(void) {
    static uint8_t buffer[4096];
    uint32_t seed = 12345;
    for (int i = 0; i < 4096; i++) {
        seed = seed * 1103515245u + 12345u;
        buffer[i] = (uint8_t)(seed >> 16);
    }
    uint8_t sum[16], xr[16], mx[16];
    uint16_t bits[8];
#ifdef __arm__
    uint8x16_t s = vdupq_n_u8(0), x = vdupq_n_u8(0), m = vdupq_n_u8(0);
    uint16x8_t pop = vdupq_n_u16(0);
    for (int i = 0; i < 4096; i += 16) {
        uint8x16_t v = vld1q_u8(buffer + i);
        s = vaddq_u8(s, v);
        x = veorq_u8(x, vextq_u8(v, v, 3));
        m = vmaxq_u8(m, vqaddq_u8(v, vdupq_n_u8(3)));
        uint8x16_t c = vcntq_u8(v);
        pop = vaddq_u16(pop, vreinterpretq_u16_u8(vandq_u8(c, vreinterpretq_u8_u16(vdupq_n_u16(0x00ff)))));
    }
    vst1q_u8(sum, s);
    vst1q_u8(xr, x);
    vst1q_u8(mx, m);
    vst1q_u16(bits, pop);
#else
    for (int l = 0; l < 16; l++) sum[l] = xr[l] = mx[l] = 0;
    for (int l = 0; l < 8; l++) bits[l] = 0;
    for (int i = 0; i < 4096; i += 16) {
        for (int l = 0; l < 16; l++) {
            uint8_t v = buffer[i + l];
            sum[l] = (uint8_t)(sum[l] + v);
            xr[l] ^= buffer[i + (l + 3) % 16];
            uint8_t q = (uint8_t)clampi(v + 3, 0, 255);
            if (q > mx[l]) mx[l] = q;
        }
        /* The low byte of each 16-bit lane is the popcount of the even-numbered byte. */
        for (int l = 0; l < 8; l++) bits[l] = (uint16_t)(bits[l] + popcount8(buffer[i + 2 * l]));
    }
#endif
    show8("kernel sum", sum, 16);
    show8("kernel xor", xr, 16);
    show8("kernel max", mx, 16);
    show16("kernel pop", bits, 8);
}

int main(void) {
    t_and8(a8, b8); t_orr8(a8, b8); t_eor8(a8, b8); t_bic8(a8, b8); t_orn8(a8, b8);
    t_add8(a8, b8); t_sub8(a8, b8); t_mul8(a8, b8); t_ceq8(a8, b8); t_cgt8u(a8, b8); t_cgt8s(a8, b8);
    t_tst8(a8, b8); t_max8u(a8, b8); t_max8s(a8, b8); t_min8u(a8, b8); t_min8s(a8, b8);
    t_abd8u(a8, b8); t_abd8s(a8, b8); t_hadd8u(a8, b8); t_hadd8s(a8, b8); t_rhadd8u(a8, b8);
    t_hsub8s(a8, b8); t_qadd8u(a8, b8); t_qadd8s(a8, b8); t_qsub8u(a8, b8); t_qsub8s(a8, b8);
    t_qsub8s(b8, a8);
    t_add16(a16, b16); t_sub16(a16, b16); t_mul16(a16, b16); t_ceq16(a16, b16); t_cgt16u(a16, b16);
    t_cgt16s(a16, b16); t_cge16s(a16, b16); t_max16u(a16, b16); t_max16s(a16, b16); t_min16s(a16, b16);
    t_rhadd16s(a16, b16); t_qadd16u(a16, b16); t_qadd16s(a16, b16); t_qsub16u(a16, b16); t_qsub16s(a16, b16);
    t_qsub16s(b16, a16);
    t_add32(a32, b32); t_sub32(a32, b32); t_mul32(a32, b32); t_ceq32(a32, b32); t_cgt32u(a32, b32);
    t_cgt32s(a32, b32); t_max32u(a32, b32); t_min32s(a32, b32); t_min32u(a32, b32); t_hadd32s(a32, b32);
    t_qadd32u(a32, b32); t_qadd32s(a32, b32); t_qsub32u(a32, b32); t_qsub32s(a32, b32); t_qsub32s(b32, a32);
    t_qadd32s(a32, a32);
    t_add64(a64, b64); t_sub64(a64, b64); t_sub64(b64, a64);
    t_add8d(a8 + 8, b8); t_mul16d(a16 + 4, b16); t_max32d(a32 + 2, b32);
    pairwise();
    structured();
    interleaved();
    kernel();
    return 0;
}
