/* ciproject: number functions (64-bit integer division and VFP doubles on a 32-bit guest). */
#include "ciproject.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

bool cp_parse_long(const char *text, long *value) {
    if (text == NULL || *text == '\0') return false;
    char *end;
    errno = 0;
    long parsed = strtol(text, &end, 0);
    if (errno != 0 || *end != '\0') return false;
    *value = parsed;
    return true;
}

uint64_t cp_gcd(uint64_t a, uint64_t b) {
    while (b != 0) {
        uint64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

uint32_t cp_isqrt(uint64_t n) {
    /* Bit by bit from the top: the root of a 64-bit number fits in 32 bits. */
    uint64_t root = 0;
    for (int bit = 31; bit >= 0; bit--) {
        uint64_t candidate = root | (UINT64_C(1) << bit);
        if (candidate * candidate <= n) root = candidate;
    }
    return (uint32_t)root;
}

bool cp_mean_stddev(const double *values, size_t count, double *mean, double *stddev) {
    if (count == 0) return false;
    double sum = 0;
    for (size_t i = 0; i < count; i++) sum += values[i];
    double m = sum / (double)count, squares = 0;
    for (size_t i = 0; i < count; i++) squares += (values[i] - m) * (values[i] - m);
    *mean = m;
    *stddev = sqrt(squares / (double)count);
    return true;
}
