/* Static storage: a 16 MiB .bss array (must start zeroed, pages appear on first touch),
   initialized .data of several types, const tables in .rodata, pointers to data and to
   functions stored in static tables, function-local statics, a page-aligned object, and a
   static array of strings. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define BIG (4u * 1024 * 1024)
static uint32_t big_bss[BIG]; /* 16 MiB */
static uint8_t small_bss[100];
static char page_aligned[8192] __attribute__((aligned(4096)));

static int32_t data_i32[8] = {1, -2, 3, -4, 5, -6, 7, -8};
static int64_t data_i64 = -1234567890123456789LL;
static double data_d[4] = {1.5, -2.25, 1e100, 0.1};
static float data_f = 3.25f;
static char data_str[32] = "mutable static string";
static const char *const names[] = {"zero", "one", "two", "three", "four", "five"};
static const uint16_t crc_table_seed[16] = {0x0000, 0x1021, 0x2042, 0x3063, 0x4084, 0x50a5, 0x60c6, 0x70e7,
                                            0x8108, 0x9129, 0xa14a, 0xb16b, 0xc18c, 0xd1ad, 0xe1ce, 0xf1ef};

static int32_t *const pointer_to_data = &data_i32[3];
struct entry { const char *name; int (*fn)(int); int32_t weight; };
static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int negate(int x) { return -x; }
static struct entry table[] = {{"twice", twice, 3}, {"square", square, 5}, {"negate", negate, 7}};

static int counter(void) {
    static int calls = 100; /* initialized once */
    return calls++;
}

static uint32_t crc32(const void *p, size_t n) {
    static uint32_t table32[256]; /* built on first use, lives in .bss */
    static int built;
    if (!built) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table32[i] = c;
        }
        built = 1;
    }
    uint32_t c = 0xffffffffu;
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++) c = table32[(c ^ b[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

/* CRC of 32-bit values fed low byte first, so it is the same on big-endian guests. */
static uint32_t crc32_words(const uint32_t *w, size_t n) {
    uint32_t c = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t b[4] = {(uint8_t)w[i], (uint8_t)(w[i] >> 8), (uint8_t)(w[i] >> 16), (uint8_t)(w[i] >> 24)};
        c = crc32(b, 4) ^ (c * 31);
    }
    return c;
}

int main(void) {
    uint32_t nonzero = 0;
    for (uint32_t i = 0; i < BIG; i += 1024) nonzero += big_bss[i] != 0;
    for (uint32_t i = 0; i < sizeof small_bss; i++) nonzero += small_bss[i] != 0;
    printf("bss zero: nonzero %u, page_aligned aligned %d zero %d\n", nonzero, ((uintptr_t)page_aligned & 4095) == 0,
           page_aligned[0] == 0 && page_aligned[8191] == 0);
    /* Touch every page in a scattered order, then read back. */
    uint32_t x = 1;
    for (uint32_t i = 0; i < BIG / 1024; i++) {
        x = x * 1664525u + 1013904223u;
        big_bss[(x >> 8) % BIG] = i + 1;
        big_bss[i * 1024] = i;
    }
    uint64_t sum = 0;
    for (uint32_t i = 0; i < BIG; i += 7) sum += big_bss[i];
    printf("big bss sum %" PRIu64 " crc %08" PRIx32 "\n", sum, crc32_words(big_bss, BIG / 64));
    memset(big_bss, 0xab, sizeof big_bss);
    printf("after memset crc of the first MiB %08" PRIx32 " last %08" PRIx32 "\n", crc32(big_bss, 1u << 20), big_bss[BIG - 1]);
    printf("data i32:");
    for (int i = 0; i < 8; i++) printf(" %d", data_i32[i]);
    printf(" i64 %" PRId64 " f %.9g\n", data_i64, data_f);
    printf("data doubles %.17g %.17g %.17g %.17g\n", data_d[0], data_d[1], data_d[2], data_d[3]);
    data_str[0] = 'M';
    strcat(data_str, "!");
    printf("data str [%s]\n", data_str);
    *pointer_to_data = 400;
    printf("through pointer %d\n", data_i32[3]);
    for (int i = 0; i < 6; i++) printf("name %d %s\n", i, names[i]);
    uint32_t h = 0;
    for (int i = 0; i < 16; i++) h = h * 31 + crc_table_seed[i];
    printf("rodata hash %08" PRIx32 "\n", h);
    for (int i = 0; i < 3; i++) printf("table %s(%d) = %d weight %d\n", table[i].name, i + 4, table[i].fn(i + 4), table[i].weight);
    table[1].fn = negate;
    printf("patched table %d\n", table[1].fn(9));
    for (int i = 0; i < 3; i++) printf("counter %d\n", counter());
    printf("crc32 of 'hello world' %08" PRIx32 "\n", crc32("hello world", 11));
    for (int i = 0; i < 8192; i += 100) page_aligned[i] = (char)(i / 100);
    printf("page_aligned crc %08" PRIx32 "\n", crc32(page_aligned, sizeof page_aligned));
    return 0;
}
