/* ciproject: a small library cross-built for armhf and tested through mirage (Documentation/CI.md).
 * Text, numbers and checksums: enough integer, floating-point and libc work that a wrong
 * translation shows up as a failed test. */
#ifndef CIPROJECT_H
#define CIPROJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* text.c */
void cp_reverse(char *text);                          /* in place */
size_t cp_count_words(const char *text);              /* runs of non-space characters */
bool cp_is_palindrome(const char *text);              /* letters and digits only, any case */

/* number.c */
bool cp_parse_long(const char *text, long *value);    /* whole string, decimal or 0x hex; false on junk or overflow */
uint64_t cp_gcd(uint64_t a, uint64_t b);
uint32_t cp_isqrt(uint64_t n);                        /* floor(sqrt(n)) */
bool cp_mean_stddev(const double *values, size_t count, double *mean, double *stddev); /* population; false when count == 0 */

/* checksum.c */
uint32_t cp_crc32(const void *data, size_t length);   /* IEEE 802.3 (zlib's crc32) */
uint32_t cp_adler32(const void *data, size_t length); /* RFC 1950 */

#endif
