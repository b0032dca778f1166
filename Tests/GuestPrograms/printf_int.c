/* printf/snprintf with integer, character and string conversions: every flag (- + space
   # 0), width and precision (literal and *), length modifiers hh h l ll j z t, %n, return
   values, and truncation by snprintf at every buffer size. */
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int values[] = {0, 1, -1, 42, -42, 255, 256, 32767, -32768, 65535, 100000, -100000, INT_MAX, INT_MIN};
long long llvalues[] = {0, 1, -1, 4294967296LL, -4294967296LL, 123456789012345LL, LLONG_MAX, LLONG_MIN};

int main(void) {
    static const char *flags[] = {"", "-", "+", " ", "#", "0", "-+", "+0", " 0", "#0", "-#", "+ "};
    static const char *widths[] = {"", "1", "5", "12", ".0", ".3", "8.4", "-3", "015"};
    static const char *convs[] = {"d", "i", "u", "x", "X", "o"};
    char fmt[32], out[128];
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        for (size_t c = 0; c < sizeof convs / sizeof convs[0]; c++) {
            printf("%d %%%s:", values[v], convs[c]);
            for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++) {
                for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
                    snprintf(fmt, sizeof fmt, "%%%s%s%s", flags[f], widths[w], convs[c]);
                    int n = snprintf(out, sizeof out, fmt, values[v]);
                    printf(" [%s]%d", out, n);
                }
            }
            printf("\n");
        }
    }
    /* Length modifiers. */
    for (size_t v = 0; v < sizeof llvalues / sizeof llvalues[0]; v++) {
        long long x = llvalues[v];
        printf("ll %lld %llu %llx %#llo %+lld %20lld %-20lld| %.25lld\n", x, (unsigned long long)x,
               (unsigned long long)x, (unsigned long long)x, x, x, x, x);
        printf("j %jd %ju %jx hh %hhd %hhu %hhx h %hd %hu %hx\n", (intmax_t)x, (uintmax_t)x, (uintmax_t)x,
               (signed char)x, (unsigned char)x, (unsigned char)x, (short)x, (unsigned short)x, (unsigned short)x);
        printf("PRI %" PRId64 " %" PRIu64 " %" PRIx64 " %" PRIX64 " %" PRIo64 "\n", (int64_t)x, (uint64_t)x,
               (uint64_t)x, (uint64_t)x, (uint64_t)x);
    }
    /* long, size_t and ptrdiff_t with values that fit every architecture. */
    long l = -123456789L; unsigned long ul = 4000000000UL; size_t z = 300; ptrdiff_t t = -77;
    printf("l %ld %lu %lx z %zu %zx %zd t %td %tx\n", l, ul, ul, z, z, (ptrdiff_t)z, t, (size_t)t & 0xffff);
    /* Characters and strings. */
    const char *s = "hello, world";
    for (int c = 32; c < 127; c += 5) printf("[%c][%3c][%-3c]", c, c, c);
    printf("\n");
    printf("s [%s] [%20s] [%-20s] [%.5s] [%20.5s] [%-20.5s] [%.0s] [%*s] [%-*s] [%.*s]\n", s, s, s, s, s, s, s, 15, s,
           15, s, 3, s);
    printf("empty [%s] [%5s] [%c%c]\n", "", "", 'a', 'b');
    /* Star width and precision, including negative width (means left-justify). */
    for (int w = -8; w <= 8; w += 4)
        for (int p = -1; p <= 6; p += 3) printf("star %d %d [%*.*d] [%*.*x] [%*.*s]\n", w, p, w, p, 42, w, p, 0xbeef, w, p, s);
    /* %n and the return value. */
    int n1 = 0, n2 = 0;
    int r = printf("abc%n def %d%n\n", &n1, 12345, &n2);
    printf("n %d %d r %d\n", n1, n2, r);
    /* snprintf truncation at every size. */
    for (size_t sz = 0; sz < 24; sz++) {
        char small[32];
        memset(small, '@', sizeof small);
        int need = snprintf(small, sz, "%s=%d;%x", "key", -9876, 0xabcdef);
        printf("trunc %2zu: need %d got [%s] guard %c\n", sz, need, sz ? small : "(none)", small[sz < 31 ? sz + 1 : 31]);
    }
    /* Many arguments, mixed types (exercises the varargs register/stack split). */
    printf("mixed %d %lld %d %s %lld %c %u %llx %d %d %d %d %lld\n", 1, 2LL, 3, "four", 5LL, '6', 7u, 8ULL, 9, 10, 11,
           12, 13LL);
    /* Large outputs through a small stdio buffer path. */
    char big[2000];
    int bn = snprintf(big, sizeof big, "%1500d|%-300s|", 7, "x");
    printf("big %d %zu %.10s...%s\n", bn, strlen(big), big + 1490, big + 1800);
    printf("%%%% literal %% and %c|\n", 0x25);
    return 0;
}
