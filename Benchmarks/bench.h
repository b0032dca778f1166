/* Shared by every benchmark here: the work count scaled by the optional argv[1], a small
 * deterministic PRNG, and the one result line that Scripts/bench compares with the native
 * run's. Only fixed-width types cross these helpers, so the 32-bit guest (long is 32 bits)
 * and the 64-bit host compute exactly the same values. */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* base × SCALE (argv[1], a positive decimal, default 1), clamped to [1, 2^31]. */
static inline uint32_t bench_count(int argc, char **argv, uint32_t base) {
    double scale = 1.0;
    if (argc > 1) {
        char *end;
        scale = strtod(argv[1], &end);
        if (end == argv[1] || *end != '\0' || !(scale > 0.0)) {
            fprintf(stderr, "usage: %s [SCALE]\n", argv[0]);
            exit(2);
        }
    }
    double n = (double)base * scale;
    if (n < 1.0) n = 1.0;
    if (n > 2147483648.0) n = 2147483648.0;
    return (uint32_t)n;
}

/* xorshift32: a full-period 32-bit generator that needs no 64-bit arithmetic. */
static inline uint32_t bench_rand(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* FNV-1a over bytes, 64-bit: folds results into a checksum (bytes only: numbers go through
 * bench_fold_numbers). */
static inline uint64_t bench_fold(uint64_t hash, const void *data, size_t size) {
    const uint8_t *p = data;
    for (size_t i = 0; i < size; i++) hash = (hash ^ p[i]) * 0x100000001b3ull;
    return hash;
}
#define BENCH_FOLD_INIT 0xcbf29ce484222325ull

/* The same over `size` bytes of `width`-byte numbers (2, 4 or 8: integers or doubles), each
 * folded least significant byte first, so a big-endian guest's checksum is the host's. */
static inline uint64_t bench_fold_numbers(uint64_t hash, const void *data, size_t size, size_t width) {
    const uint8_t *p = data;
    uint16_t probe = 1;
    int little = *(const uint8_t *)&probe == 1;
    for (size_t i = 0; i + width <= size; i += width)
        for (size_t k = 0; k < width; k++) hash = (hash ^ p[i + (little ? k : width - 1 - k)]) * 0x100000001b3ull;
    return hash;
}

static inline uint64_t bench_fold_double(uint64_t hash, double value) {
    return bench_fold_numbers(hash, &value, sizeof value, sizeof value);
}

/* The line Scripts/bench compares: the benchmark's name and its checksum. */
static inline void bench_result(const char *name, uint64_t checksum) {
    printf("%s checksum %016llx\n", name, (unsigned long long)checksum);
}

#endif
