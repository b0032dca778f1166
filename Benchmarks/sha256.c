/* SHA-256 (FIPS 180-4) of a 16 KiB buffer, repeated with the digest fed back: 32-bit
 * rotates, adds and logic on eight working variables, a 64-word message schedule.
 * bench-group: int */
#include "bench.h"

enum { BUFFER_SIZE = 16 * 1024, BASE_PASSES = 15000 };

typedef struct {
    uint32_t state[8];
    uint64_t length;   /* bytes hashed so far */
    uint8_t block[64];
    uint32_t used;     /* bytes in block */
} SHA256;

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void compress(uint32_t state[8], const uint8_t *p) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

static void sha256_init(SHA256 *s) {
    static const uint32_t initial[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(s->state, initial, sizeof initial);
    s->length = 0;
    s->used = 0;
}

static void sha256_update(SHA256 *s, const uint8_t *p, size_t n) {
    s->length += n;
    while (n > 0) {
        if (s->used == 0 && n >= 64) {
            compress(s->state, p);
            p += 64; n -= 64;
            continue;
        }
        size_t take = 64 - s->used < n ? 64 - s->used : n;
        memcpy(s->block + s->used, p, take);
        s->used += (uint32_t)take; p += take; n -= take;
        if (s->used == 64) { compress(s->state, s->block); s->used = 0; }
    }
}

static void sha256_final(SHA256 *s, uint8_t digest[32]) {
    uint64_t bits = s->length * 8;
    uint8_t pad = 0x80;
    sha256_update(s, &pad, 1);
    pad = 0;
    while (s->used != 56) sha256_update(s, &pad, 1);
    uint8_t length[8];
    for (int i = 0; i < 8; i++) length[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(s, length, 8);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(s->state[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(s->state[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(s->state[i] >> 8);
        digest[4 * i + 3] = (uint8_t)s->state[i];
    }
}

static uint8_t buffer[BUFFER_SIZE];

int main(int argc, char **argv) {
    uint32_t passes = bench_count(argc, argv, BASE_PASSES);
    uint8_t digest[32];
    SHA256 s;
    /* FIPS 180-4's "abc" example, so a broken round function is caught by name. */
    sha256_init(&s);
    sha256_update(&s, (const uint8_t *)"abc", 3);
    sha256_final(&s, digest);
    if (digest[0] != 0xba || digest[1] != 0x78 || digest[31] != 0xad) {
        puts("sha256 test vector wrong");
        return 1;
    }
    uint32_t seed = 0x9e3779b9;
    for (size_t i = 0; i < BUFFER_SIZE; i++) buffer[i] = (uint8_t)bench_rand(&seed);
    for (uint32_t pass = 0; pass < passes; pass++) {
        sha256_init(&s);
        sha256_update(&s, buffer, BUFFER_SIZE);
        sha256_final(&s, digest);
        memcpy(buffer + (pass * 32u) % BUFFER_SIZE, digest, 32);
    }
    printf("sha256 passes %u digest ", passes);
    for (int i = 0; i < 32; i++) printf("%02x", digest[i]);
    putchar('\n');
    bench_result("sha256", bench_fold(BENCH_FOLD_INIT, digest, sizeof digest));
    return 0;
}
