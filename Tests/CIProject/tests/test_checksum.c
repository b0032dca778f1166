/* Tests of the checksums against their published check values. */
#include "ciproject.h"
#include "check.h"

int main(void) {
    CHECK(cp_crc32("", 0) == 0);
    CHECK(cp_crc32("123456789", 9) == 0xCBF43926u);
    CHECK(cp_crc32("The quick brown fox jumps over the lazy dog", 43) == 0x414FA339u);
    CHECK(cp_adler32("", 0) == 1);
    CHECK(cp_adler32("Wikipedia", 9) == 0x11E60398u);

    /* A long input (values from zlib): Adler-32's sums wrap modulo 65521 many times. */
    static unsigned char block[100000];
    for (size_t i = 0; i < sizeof block; i++) block[i] = (unsigned char)(i * 7 + 3);
    CHECK(cp_crc32(block, sizeof block) == 0xF730CAA8u);
    CHECK(cp_adler32(block, sizeof block) == 0x2DFB940Fu);
    return check_finish("checksum");
}
