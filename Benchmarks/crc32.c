/* CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) by byte-wise table lookup over a
 * 64 KiB buffer: one load from the buffer, one table load, shifts and xors per byte.
 * bench-group: int */
#include "bench.h"

enum { BUFFER_SIZE = 64 * 1024, BASE_PASSES = 12000 };

static uint32_t table[256];
static uint8_t buffer[BUFFER_SIZE];

static void make_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int bit = 0; bit < 8; bit++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32(uint32_t crc, const uint8_t *p, size_t n) {
    crc = ~crc;
    while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

int main(int argc, char **argv) {
    uint32_t passes = bench_count(argc, argv, BASE_PASSES);
    make_table();
    /* The standard check value: a wrong table shows here rather than as a mystery checksum. */
    if (crc32(0, (const uint8_t *)"123456789", 9) != 0xCBF43926u) {
        puts("crc32 check value wrong");
        return 1;
    }
    uint32_t seed = 0x12345678;
    for (size_t i = 0; i < BUFFER_SIZE; i++) buffer[i] = (uint8_t)bench_rand(&seed);

    uint32_t crc = 0;
    uint64_t sum = BENCH_FOLD_INIT;
    for (uint32_t pass = 0; pass < passes; pass++) {
        crc = crc32(crc, buffer, BUFFER_SIZE);
        /* Feed the result back so no pass can be skipped or hoisted. */
        buffer[(pass * 7919u) % BUFFER_SIZE] ^= (uint8_t)crc;
        sum = bench_fold_numbers(sum, &crc, sizeof crc, 4);
    }
    printf("crc32 passes %u last %08x\n", passes, crc);
    bench_result("crc32", sum);
    return 0;
}
