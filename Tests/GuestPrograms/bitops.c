/* Bit operations: popcount/clz/ctz builtins (32 and 64 bit), rotations written the way
   compilers recognise them, byte swaps, bit reversal, and bitfields in structs (signed and
   unsigned, straddling bytes, read-modify-write). */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static uint32_t opaque(uint32_t x) {
    __asm__ volatile("" : "+r"(x));
    return x;
}

static uint32_t rotl32(uint32_t x, unsigned n) { n &= 31; return (x << n) | (x >> ((32 - n) & 31)); }
static uint32_t rotr32(uint32_t x, unsigned n) { n &= 31; return (x >> n) | (x << ((32 - n) & 31)); }
static uint64_t rotl64(uint64_t x, unsigned n) { n &= 63; return (x << n) | (x >> ((64 - n) & 63)); }

static uint32_t reverse32(uint32_t x) {
    uint32_t r = 0;
    for (int i = 0; i < 32; i++) { r = (r << 1) | (x & 1); x >>= 1; }
    return r;
}

struct packed_bits {
    unsigned a : 3;
    signed b : 5;
    unsigned c : 12;
    signed d : 7;
    unsigned e : 1;
    unsigned f : 4;
    uint32_t whole;
    unsigned g : 17;
    signed h : 15;
};

struct flags8 {
    uint8_t lo : 4;
    uint8_t hi : 4;
};

int main(void) {
    uint32_t x = opaque(0x12345678);
    uint64_t h = 0;
    for (int i = 0; i < 300; i++) {
        x = x * 1664525u + 1013904223u;
        uint32_t v = x >> (i % 29);
        uint64_t w = ((uint64_t)x << 32 | (x ^ 0xdeadbeefu)) >> (i % 61);
        printf("%08" PRIx32 " pop %d clz %d ctz %d | %016" PRIx64 " pop %d clz %d ctz %d | parity %d ffs %d\n", v,
               __builtin_popcount(v), v ? __builtin_clz(v) : 32, v ? __builtin_ctz(v) : 32, w,
               __builtin_popcountll(w), w ? __builtin_clzll(w) : 64, w ? __builtin_ctzll(w) : 64,
               __builtin_parity(v), __builtin_ffs((int)v));
        unsigned n = opaque((uint32_t)i);
        printf("  rotl %08" PRIx32 " rotr %08" PRIx32 " rotl64 %016" PRIx64 " bswap %08" PRIx32 " %016" PRIx64
               " bswap16 %04x rev %08" PRIx32 "\n",
               rotl32(v, n), rotr32(v, n), rotl64(w, n), __builtin_bswap32(v), __builtin_bswap64(w),
               __builtin_bswap16((uint16_t)v), reverse32(v));
        h = h * 31 + rotl32(v, n) + __builtin_popcountll(w);
    }
    /* Zero and single-bit edge cases. */
    for (int s = 0; s < 64; s++) {
        uint64_t one = 1ULL << opaque((uint32_t)s);
        printf("bit %2d: clz %d ctz %d pop %d | m1 clz %d pop %d\n", s, __builtin_clzll(one), __builtin_ctzll(one),
               __builtin_popcountll(one - 1), __builtin_clzll(one | 1), __builtin_popcountll(~(one - 1)));
    }
    printf("pop(0)=%d pop(~0)=%d popll(~0)=%d\n", __builtin_popcount(opaque(0)), __builtin_popcount(opaque(~0u)),
           __builtin_popcountll(~(uint64_t)opaque(0)));

    /* Bitfields. */
    struct packed_bits p;
    memset(&p, 0, sizeof p);
    for (int i = 0; i < 200; i++) {
        uint32_t r = opaque((uint32_t)i * 2654435761u);
        p.a = r; p.b = (int)(r >> 3); p.c = r >> 8; p.d = (int)(r >> 20); p.e = r >> 27; p.f = r >> 28;
        p.whole = r; p.g = r >> 5; p.h = (int)(r >> 9);
        p.c += p.a; p.d -= 3; p.b ^= 5; p.g *= 3;
        printf("bf %3d: a %u b %d c %u d %d e %u f %u g %u h %d\n", i, p.a, p.b, p.c, p.d, p.e, p.f, p.g, p.h);
        h = h * 31 + p.a + (uint32_t)p.b + p.c + (uint32_t)p.d + p.g + (uint32_t)p.h;
    }
    struct flags8 f8[16];
    for (int i = 0; i < 16; i++) { f8[i].lo = (uint8_t)i; f8[i].hi = (uint8_t)(15 - i); }
    for (int i = 0; i < 16; i++) {
        f8[i].lo += f8[(i + 1) % 16].hi;
        /* fields only: which bits of the byte hold them differs on big-endian guests */
        printf("f8 %d: lo %u hi %u\n", i, f8[i].lo, f8[i].hi);
    }
    /* Mask building and extraction as compilers emit with ubfx/sbfx/bfi. */
    uint32_t y = opaque(0xcafebabe);
    for (int lsb = 0; lsb < 32; lsb += 3) {
        for (int width = 1; width + lsb <= 32; width += 5) {
            uint32_t mask = width == 32 ? 0xffffffffu : ((1u << width) - 1);
            uint32_t field = (y >> lsb) & mask;
            int32_t sfield = (int32_t)(field << (32 - width)) >> (32 - width);
            uint32_t inserted = (y & ~(mask << lsb)) | ((0x12345u & mask) << lsb);
            printf("field lsb %2d width %2d: %08" PRIx32 " %" PRId32 " ins %08" PRIx32 "\n", lsb, width, field, sfield,
                   inserted);
        }
    }
    printf("hash %016" PRIx64 "\n", h);
    return 0;
}
