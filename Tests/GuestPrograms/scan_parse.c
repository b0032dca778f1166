/* Parsing numbers and text: sscanf (%d %i %u %x %o %s %c %[ ] %n %f %lf %g, widths,
   assignment suppression, return counts), strtol/strtoul/strtoll/strtoull with every base
   and end pointers, errno on overflow, strtod/strtof (decimal, hex, inf, nan, overflow,
   subnormals), atoi/atol/atoll/atof. long-valued inputs stay within 32 bits: long is 32
   bits on the guest and 64 on the host. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    static const char *int_inputs[] = {
        "0", "42", "-42", "+17", "  123abc", "0x1F", "0X1f", "017", "0b101", "z", "", "   ", "-", "2147483647",
        "-2147483648", "2147483648", "-2147483649", "99999999999999999999", "-0", "0x", "08", "1e5", "\t\n 77",
        "0xffffffff", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "18446744073709551615", "18446744073709551616", "zz", "ZZZZZZ", "101010", "777",
    };
    static const int bases[] = {0, 2, 8, 10, 16, 36};
    for (size_t i = 0; i < sizeof int_inputs / sizeof int_inputs[0]; i++) {
        const char *s = int_inputs[i];
        printf("'%s':", s);
        for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            char *end;
            errno = 0;
            long long ll = strtoll(s, &end, bases[b]);
            int e1 = errno;
            long consumed = end - s;
            errno = 0;
            unsigned long long ull = strtoull(s, &end, bases[b]);
            int e2 = errno;
            printf(" b%d[%lld e%d n%ld|%llu e%d n%ld]", bases[b], ll, e1, consumed, ull, e2, (long)(end - s));
            /* strtol / strtoul only where the result fits 32 bits on every host. */
            errno = 0;
            if (ll >= INT32_MIN && ll <= INT32_MAX && e1 == 0) {
                long l = strtol(s, &end, bases[b]);
                printf("{%ld n%ld}", l, (long)(end - s));
            }
            if (ull <= UINT32_MAX && e2 == 0 && strchr(s, '-') == NULL) {
                unsigned long ul = strtoul(s, &end, bases[b]);
                printf("{%lu}", ul);
            }
        }
        printf("\n");
        if (strtoll(s, NULL, 10) >= INT32_MIN && strtoll(s, NULL, 10) <= INT32_MAX)
            printf("  atoi %d atol %ld atoll %lld\n", atoi(s), atol(s), atoll(s));
    }
    errno = 0;
    intmax_t im = strtoimax("-9223372036854775809", NULL, 10);
    printf("strtoimax overflow %jd errno %d\n", im, errno);
    errno = 0;
    uintmax_t um = strtoumax("0x10000000000000000", NULL, 16);
    printf("strtoumax overflow %ju errno %d\n", um, errno);

    static const char *fp_inputs[] = {
        "0", "1", "-1.5", "3.14159265358979323846", "1e10", "1E-10", ".5", "5.", "-.25e+2", "0x1p3", "0x1.8p-1",
        "0X.1P4", "inf", "-INF", "infinity", "nan", "-nan", "NaN(123)", "1e308", "1e309", "-1e309", "1e-308",
        "4.9e-324", "2e-324", "1e-400", "2.2250738585072011e-308", "123abc", "  42.0  ", "1,5", "0.1",
        "9007199254740993", "1.7976931348623157e308", "1.7976931348623159e308", "abc", "", "+", "1e", "1e+",
        /* No inputs that round to FLT_MIN or DBL_MIN from below: whether that sets ERANGE depends
           on whether the CPU detects tininess before rounding (ARM) or after (x86). */
        "3.4028235e38", "3.4028236e38", "1.1754944e-38", "1e-46", "0x1.fffffep127",
    };
    for (size_t i = 0; i < sizeof fp_inputs / sizeof fp_inputs[0]; i++) {
        const char *s = fp_inputs[i];
        char *end1, *end2;
        errno = 0;
        double d = strtod(s, &end1);
        int e1 = errno;
        errno = 0;
        float f = strtof(s, &end2);
        int e2 = errno;
        /* NaN payloads are printed as the sign only: %a of a NaN prints no payload anyway. A
           float NaN is printed from the float: widening it to double gives the default NaN on
           a MIPS FPU with legacy NaNs (as in qemu), which loses the sign. */
        double fd = isnan(f) ? (signbit(f) ? -NAN : NAN) : (double)f;
        printf("strtod '%s': %.17g %a e%d n%ld | strtof %.9g %a e%d n%ld | atof %.17g\n", s, d, d, e1,
               (long)(end1 - s), fd, fd, e2, (long)(end2 - s), atof(s));
    }

    /* sscanf. */
    int a = 0, b = 0, n = 0, n2 = 0;
    unsigned u = 0;
    unsigned x = 0, o = 0;
    char word[32] = "", rest[64] = "", c3[4] = "";
    double d = 0;
    float f = 0;
    long long ll = 0;
    int r = sscanf("  12 -34 0x1f 017 hello! world", "%d %d %x %o %31s%n", &a, &b, &x, &o, word, &n);
    printf("sscanf1 r%d a%d b%d x%u o%u word[%s] n%d\n", r, a, b, x, o, word, n);
    r = sscanf("key=value; other", "%31[^=]=%63[^;];%n", word, rest, &n);
    printf("sscanf2 r%d [%s] [%s] n%d\n", r, word, rest, n);
    r = sscanf("3.25 -1e3 0x1p-2 99999999999", "%lf %f %lf %lld", &d, &f, &d, &ll);
    printf("sscanf3 r%d d%.17g f%.9g ll%lld\n", r, d, (double)f, ll);
    r = sscanf("abcdef", "%3c%n%2s", c3, &n, rest);
    printf("sscanf4 r%d [%.3s] n%d [%s]\n", r, c3, n, rest);
    r = sscanf("10 20 30", "%*d %d %n%d", &a, &n2, &b);
    printf("sscanf5 r%d a%d b%d n%d\n", r, a, b, n2);
    r = sscanf("0x10 010 10", "%i %i %i", &a, &b, &n);
    printf("sscanf6 r%d %d %d %d\n", r, a, b, n);
    r = sscanf("", "%d", &a);
    printf("sscanf7 r%d\n", r);
    r = sscanf("abc", "%d", &a);
    printf("sscanf8 r%d\n", r);
    r = sscanf("4294967295 12345678901", "%u %4d%d", &u, &a, &b);
    printf("sscanf9 r%d u%u a%d b%d\n", r, u, a, b);
    r = sscanf("[tag] 1.5e2xyz", "[%31[a-z]] %g%31s", word, &f, rest);
    printf("sscanf10 r%d [%s] %.9g [%s]\n", r, word, (double)f, rest);
    /* A little CSV parser built on sscanf and strtod. */
    const char *csv = "name,qty,price\nwidget,3,2.50\ngadget,10,0.99\ngizmo,7,13.125\nthing,0,1e3\n";
    const char *p = strchr(csv, '\n') + 1;
    double total = 0;
    while (*p) {
        char name[16];
        int qty, used;
        double price;
        if (sscanf(p, "%15[^,],%d,%lf%n", name, &qty, &price, &used) != 3) break;
        total += qty * price;
        printf("row %s %d %.3f -> %.3f\n", name, qty, price, qty * price);
        p += used + 1;
    }
    printf("total %.3f\n", total);
    return 0;
}
