/* 32-bit integer arithmetic over a table of edge values: add/sub/mul with wrap-around
   (done in unsigned so nothing is undefined), signed and unsigned division and modulo
   (zero divisors and INT_MIN / -1 skipped), shifts by variable amounts, comparisons,
   narrowing and widening conversions. */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

int32_t values[] = {
    0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 100, -100, 255, 256, -256, 0x7fff, 0x8000,
    -0x8000, 65535, 65536, 123456789, -123456789, 0x55555555, (int32_t)0xaaaaaaaa,
    INT32_MAX, INT32_MIN, INT32_MAX - 1, INT32_MIN + 1, 1000003, -999983,
};
#define N_VALUES (int)(sizeof(values) / sizeof(values[0]))

/* Keeps the optimizer from folding the table away. */
__attribute__((noinline)) static int32_t opaque(int32_t x) {
    __asm__ volatile("" : "+r"(x));
    return x;
}

static uint32_t hash;
static void mix(uint32_t x) { hash = (hash ^ x) * 16777619u; }

static int32_t wrap_add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static int32_t wrap_sub(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }
static int32_t wrap_mul(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }

int main(void) {
    hash = 2166136261u;
    for (int i = 0; i < N_VALUES; i++) {
        for (int j = 0; j < N_VALUES; j++) {
            int32_t a = opaque(values[i]), b = opaque(values[j]);
            uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
            printf("%" PRId32 " %" PRId32 ": add %" PRId32 " sub %" PRId32 " mul %" PRId32, a, b,
                   wrap_add(a, b), wrap_sub(a, b), wrap_mul(a, b));
            if (b != 0 && !(a == INT32_MIN && b == -1))
                printf(" sdiv %" PRId32 " smod %" PRId32, a / b, a % b);
            if (ub != 0)
                printf(" udiv %" PRIu32 " umod %" PRIu32, ua / ub, ua % ub);
            printf(" lt %d ltu %d eq %d and %08" PRIx32 " or %08" PRIx32 " xor %08" PRIx32 "\n",
                   a < b, ua < ub, a == b, ua & ub, ua | ub, ua ^ ub);
            mix(wrap_add(a, b)); mix(wrap_mul(a, b));
            if (b != 0 && !(a == INT32_MIN && b == -1)) { mix((uint32_t)(a / b)); mix((uint32_t)(a % b)); }
        }
    }
    /* Shifts by every amount 0..31, from a variable so they are real shift instructions. */
    for (int i = 0; i < N_VALUES; i++) {
        int32_t a = opaque(values[i]);
        uint32_t ua = (uint32_t)a;
        uint32_t shl = 0, shr = 0, sar = 0;
        for (int s = opaque(0); s < 32; s++) {
            shl = shl * 31 + (ua << s);
            shr = shr * 31 + (ua >> s);
            sar = sar * 31 + (uint32_t)(a >> s); /* gcc: arithmetic shift on both hosts */
        }
        printf("shifts %" PRId32 ": shl %08" PRIx32 " shr %08" PRIx32 " sar %08" PRIx32 "\n", a, shl, shr, sar);
        printf("  by 1,7,16,31: %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " / %" PRId32
               " %" PRId32 " %" PRId32 " %" PRId32 "\n",
               ua << opaque(1), ua >> opaque(7), ua << opaque(16), ua >> opaque(31),
               a >> opaque(1), a >> opaque(7), a >> opaque(16), a >> opaque(31));
        mix(shl); mix(shr); mix(sar);
    }
    /* Conversions. */
    for (int i = 0; i < N_VALUES; i++) {
        int32_t a = opaque(values[i]);
        int8_t s8 = (int8_t)a; uint8_t u8 = (uint8_t)a;
        int16_t s16 = (int16_t)a; uint16_t u16 = (uint16_t)a;
        int64_t w = a; uint64_t uw = (uint32_t)a;
        printf("conv %" PRId32 ": s8 %d u8 %u s16 %d u16 %u sext %" PRId64 " zext %" PRIu64 " neg %" PRId32
               " not %" PRId32 " abs %" PRId64 "\n",
               a, s8, u8, s16, u16, w, uw, wrap_sub(0, a), ~a, w < 0 ? -w : w);
        mix((uint32_t)s8); mix(u16);
    }
    /* Division by constants (the compiler turns these into multiplies). */
    for (int i = 0; i < N_VALUES; i++) {
        int32_t a = opaque(values[i]);
        uint32_t ua = (uint32_t)a;
        printf("const-div %" PRId32 ": /3 %" PRId32 " %%3 %" PRId32 " /7 %" PRId32 " /10 %" PRId32
               " u/3 %" PRIu32 " u/10 %" PRIu32 " u%%1000 %" PRIu32 " /-5 %" PRId32 "\n",
               a, a / 3, a % 3, a / 7, a / 10, ua / 3, ua / 10, ua % 1000, a / -5);
    }
    /* A long loop of mixed arithmetic. */
    uint32_t x = opaque(12345), acc = 0;
    for (int k = 0; k < 200000; k++) {
        x = x * 1103515245u + 12345u;
        int32_t d = (int32_t)(x >> 8) - 0x400000;
        int32_t q = (int32_t)((x & 0xffff) | 1);
        acc += (uint32_t)(d / q) ^ (uint32_t)(d % q) ^ (x >> (k & 31));
    }
    printf("loop acc %08" PRIx32 "\n", acc);
    printf("hash %08" PRIx32 "\n", hash);
    return 0;
}
