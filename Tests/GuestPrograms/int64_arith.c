/* 64-bit integer arithmetic: on a 32-bit guest these are register pairs with carries,
   and division and modulo go through the runtime's __aeabi_ldivmod / __udivmoddi4.
   Edge values, all pairs, variable shifts 0..63, 32x32->64 multiplies, and a checksum. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

int64_t values[] = {
    0, 1, -1, 2, -2, 3, 10, -10, 0xffffffffLL, 0x100000000LL, -0x100000000LL, 0x7fffffffLL,
    0x80000000LL, -0x80000000LL, 0x123456789abcdefLL, -0x123456789abcdefLL, 1000000007LL,
    999999999999LL, -999999999999LL, 0x5555555555555555LL, (int64_t)0xaaaaaaaaaaaaaaaaULL,
    INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, 0xfffffffeLL, 0x1ffffffffLL, 37,
    (int64_t)0x8000000000000001ULL, 0x0000ffff0000ffffLL,
};
#define N_VALUES (int)(sizeof(values) / sizeof(values[0]))

__attribute__((noinline)) static int64_t opaque(int64_t x) {
    __asm__ volatile("" : "+r"(x));
    return x;
}
__attribute__((noinline)) static int opaque_int(int x) {
    __asm__ volatile("" : "+r"(x));
    return x;
}

static uint64_t hash = 1469598103934665603ULL;
static void mix(uint64_t x) { hash = (hash ^ x) * 1099511628211ULL; }

int main(void) {
    for (int i = 0; i < N_VALUES; i++) {
        for (int j = 0; j < N_VALUES; j++) {
            int64_t a = opaque(values[i]), b = opaque(values[j]);
            uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
            printf("%" PRId64 " %" PRId64 ": add %" PRIx64 " sub %" PRIx64 " mul %" PRIx64, a, b,
                   ua + ub, ua - ub, ua * ub);
            if (b != 0 && !(a == INT64_MIN && b == -1)) {
                printf(" sdiv %" PRId64 " smod %" PRId64, a / b, a % b);
                mix((uint64_t)(a / b)); mix((uint64_t)(a % b));
            }
            if (ub != 0) {
                printf(" udiv %" PRIu64 " umod %" PRIu64, ua / ub, ua % ub);
                mix(ua / ub); mix(ua % ub);
            }
            printf(" lt %d ltu %d le %d ge %d\n", a < b, ua < ub, a <= b, ua >= ub);
            mix(ua * ub); mix(ua - ub);
        }
    }
    for (int i = 0; i < N_VALUES; i++) {
        int64_t a = opaque(values[i]);
        uint64_t ua = (uint64_t)a;
        uint64_t shl = 0, shr = 0, sar = 0;
        for (int s = opaque_int(0); s < 64; s++) {
            shl = shl * 31 + (ua << s);
            shr = shr * 31 + (ua >> s);
            sar = sar * 31 + (uint64_t)(a >> s);
        }
        printf("shifts %" PRIx64 ": %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n", ua, shl, shr, sar);
        printf("  by 1,31,32,33,63: %" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64 " | %" PRId64
               " %" PRId64 " %" PRId64 " %" PRId64 "\n",
               ua << opaque_int(1), ua >> opaque_int(31), ua << opaque_int(32), ua >> opaque_int(33),
               ua >> opaque_int(63), a >> opaque_int(1), a >> opaque_int(32), a >> opaque_int(33),
               a >> opaque_int(63));
        mix(shl ^ shr ^ sar);
    }
    /* 32x32 -> 64 multiplies (umull / smull) and the high halves. */
    for (int i = 0; i < N_VALUES; i++) {
        for (int j = 0; j < N_VALUES; j += 3) {
            uint32_t a = (uint32_t)opaque(values[i]), b = (uint32_t)opaque(values[j]);
            uint64_t p = (uint64_t)a * b;
            int64_t sp = (int64_t)(int32_t)a * (int32_t)b;
            printf("mul32 %08" PRIx32 " %08" PRIx32 ": %016" PRIx64 " %016" PRIx64 " hi %08" PRIx32 "\n", a, b, p,
                   (uint64_t)sp, (uint32_t)(p >> 32));
            mix(p); mix((uint64_t)sp);
        }
    }
    /* Division by constants and by powers of two. */
    for (int i = 0; i < N_VALUES; i++) {
        int64_t a = opaque(values[i]);
        uint64_t ua = (uint64_t)a;
        printf("const %" PRId64 ": /10 %" PRId64 " %%10 %" PRId64 " /1000000007 %" PRId64 " u/10 %" PRIu64
               " u%%7 %" PRIu64 " /16 %" PRId64 " %%16 %" PRId64 "\n",
               a, a / 10, a % 10, a / 1000000007, ua / 10, ua % 7, a / 16, a % 16);
    }
    /* Random-ish divisions of every magnitude: exercises every path of the 64-bit divide. */
    uint64_t x = opaque(88172645463325252LL);
    uint64_t acc = 0;
    for (int k = 0; k < 20000; k++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        uint64_t n = x, d = x >> (x & 63);
        if (d == 0) d = 3;
        uint64_t q = n / d, r = n % d;
        if (q * d + r != n || r >= d) printf("divide identity broken at %d\n", k);
        int64_t sn = (int64_t)n, sd = (int64_t)(d | 1) * ((k & 1) ? -1 : 1);
        acc += q ^ r ^ (uint64_t)(sn / sd) ^ (uint64_t)(sn % sd);
        if (k % 2000 == 0) printf("div %d: %016" PRIx64 " / %016" PRIx64 " = %" PRIu64 " r %" PRIu64 "\n", k, n, d, q, r);
    }
    printf("div acc %016" PRIx64 "\n", acc);
    printf("hash %016" PRIx64 "\n", hash);
    return 0;
}
