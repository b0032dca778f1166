/* Variadic functions: va_arg over ints, long longs, doubles (8-byte aligned on ARM's
   stack, so padding appears), pointers to strings, va_copy, passing a va_list on to
   vsnprintf, and a printf-like formatter of our own. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int64_t sum_ints(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int64_t s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

/* kinds: i = int, l = long long, d = double, s = string */
static void mixed(const char *kinds, ...) {
    va_list ap, copy;
    va_start(ap, kinds);
    va_copy(copy, ap);
    printf("mixed %-8s:", kinds);
    for (const char *k = kinds; *k; k++) {
        switch (*k) {
        case 'i': printf(" i%d", va_arg(ap, int)); break;
        case 'l': printf(" l%lld", va_arg(ap, long long)); break;
        case 'd': printf(" d%.17g", va_arg(ap, double)); break;
        case 's': printf(" s[%s]", va_arg(ap, const char *)); break;
        }
    }
    /* second pass over the copy, hashing */
    uint64_t h = 0;
    for (const char *k = kinds; *k; k++) {
        switch (*k) {
        case 'i': h = h * 31 + (uint32_t)va_arg(copy, int); break;
        case 'l': h = h * 31 + (uint64_t)va_arg(copy, long long); break;
        case 'd': { double d = va_arg(copy, double); uint64_t bits; memcpy(&bits, &d, 8); h = h * 31 + bits; break; }
        case 's': h = h * 31 + strlen(va_arg(copy, const char *)); break;
        }
    }
    va_end(copy);
    va_end(ap);
    printf(" | %016" PRIx64 "\n", h);
}

static int format(char *out, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, size, fmt, ap);
    va_end(ap);
    return n;
}

static void log_line(const char *prefix, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    printf("%s(%d): %s\n", prefix, n, buf);
}

/* Our own tiny formatter: %d %u %x %s %c %%, for the va_arg paths without libc's help. */
static void tiny_printf(const char *fmt, ...) {
    char out[256];
    size_t o = 0;
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p && o < sizeof out - 24; p++) {
        if (*p != '%') { out[o++] = *p; continue; }
        p++;
        char digits[24];
        int nd = 0;
        switch (*p) {
        case 'd': {
            int v = va_arg(ap, int);
            uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
            do { digits[nd++] = (char)('0' + u % 10); u /= 10; } while (u);
            if (v < 0) digits[nd++] = '-';
            break;
        }
        case 'u': { uint32_t u = va_arg(ap, unsigned); do { digits[nd++] = (char)('0' + u % 10); u /= 10; } while (u); break; }
        case 'x': { uint32_t u = va_arg(ap, unsigned); do { digits[nd++] = "0123456789abcdef"[u & 15]; u >>= 4; } while (u); break; }
        case 'c': digits[nd++] = (char)va_arg(ap, int); break;
        case 's': { const char *s = va_arg(ap, const char *); while (*s && o < sizeof out - 24) out[o++] = *s++; break; }
        case '%': digits[nd++] = '%'; break;
        default: digits[nd++] = '?'; break;
        }
        while (nd) out[o++] = digits[--nd];
    }
    va_end(ap);
    out[o] = 0;
    printf("tiny: %s\n", out);
}

static double average(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, double);
    va_end(ap);
    return n ? s / n : 0;
}

int main(void) {
    printf("sum0 %" PRId64 "\n", sum_ints(0));
    printf("sum3 %" PRId64 "\n", sum_ints(3, 1, 2, 3));
    printf("sum12 %" PRId64 "\n", sum_ints(12, 1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 2147483647, -2147483647 - 1));
    mixed("i", 42);
    mixed("ld", 1LL << 40, 2.5);
    mixed("idid", 1, 0.1, 2, 0.2);
    mixed("ilil", -1, -1LL, 7, 0x7fffffffffffffffLL);
    mixed("sdsd", "alpha", 1e300, "beta", -1e-300);
    mixed("iiiilldd", 1, 2, 3, 4, 5LL, 6LL, 7.0, 8.0);
    mixed("dididid", 1.5, 2, 2.5, 3, 3.5, 4, 4.5);
    mixed("sisisis", "a", 1, "bb", 2, "ccc", 3, "dddd");
    mixed("lilililil", 1LL, 2, 3LL, 4, 5LL, 6, 7LL, 8, 9LL);
    char buf[64];
    for (size_t size = 0; size < 30; size += 7) {
        memset(buf, '#', sizeof buf);
        int n = format(buf, size, "%s-%05d-%.3f-%llx", "fmt", 42, 3.14159, 0xdeadbeefcafeULL);
        printf("format size %zu: n %d [%s]\n", size, n, size ? buf : "");
    }
    log_line("log", "%d apples and %s, total %.2f, %c%c", 3, "pears", 12.5, 'o', 'k');
    log_line("log", "%lld %llu %e", -9000000000LL, 18000000000000000000ULL, 6.5e-7);
    log_line("log", "%s", "");
    tiny_printf("int %d neg %d uint %u hex %x char %c str %s pct %%", 12345, -678, 4000000000u, 0xbeefu, 'Z', "hello");
    tiny_printf("edge %d %d %x", -2147483647 - 1, 0, 0u);
    printf("average %.17g %.17g %.17g\n", average(0), average(1, 2.5), average(5, 1.0, 2.0, 3.0, 4.0, 100.5));
    return 0;
}
