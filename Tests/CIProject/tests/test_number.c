/* Tests of the number functions. */
#include "ciproject.h"
#include "check.h"

#include <limits.h>
#include <math.h>

int main(void) {
    long value = 0;
    CHECK(cp_parse_long("42", &value) && value == 42);
    CHECK(cp_parse_long("-17", &value) && value == -17);
    CHECK(cp_parse_long("0x7fffffff", &value) && value == 0x7fffffff);
    CHECK(!cp_parse_long("", &value));
    CHECK(!cp_parse_long("12abc", &value));
    CHECK(!cp_parse_long("99999999999999999999", &value));   /* overflows a 32-bit long */
    CHECK(cp_parse_long("2147483647", &value) && value == LONG_MAX);

    CHECK(cp_gcd(0, 0) == 0);
    CHECK(cp_gcd(12, 18) == 6);
    CHECK(cp_gcd(UINT64_C(1) << 40, UINT64_C(3) << 20) == UINT64_C(1) << 20);
    CHECK(cp_gcd(UINT64_C(600851475143), UINT64_C(6857)) == 6857);

    CHECK(cp_isqrt(0) == 0);
    CHECK(cp_isqrt(15) == 3);
    CHECK(cp_isqrt(16) == 4);
    CHECK(cp_isqrt(UINT64_MAX) == UINT32_MAX);
    CHECK(cp_isqrt(UINT64_C(1) << 62) == UINT32_C(1) << 31);

    double values[] = {2, 4, 4, 4, 5, 5, 7, 9}, mean = 0, stddev = 0;
    CHECK(cp_mean_stddev(values, 8, &mean, &stddev));
    CHECK(mean == 5.0 && stddev == 2.0);
    double thirds[] = {1.0 / 3, 2.0 / 3};
    CHECK(cp_mean_stddev(thirds, 2, &mean, &stddev));
    CHECK(fabs(mean - 0.5) < 1e-15 && fabs(stddev - 1.0 / 6) < 1e-15);
    CHECK(!cp_mean_stddev(values, 0, &mean, &stddev));
    return check_finish("number");
}
