// C programs compiled for the decoder corpus: small, but they pull in glibc's string, math,
// stdio, 64-bit arithmetic, thread and atomic code, which the corpus disassembles whole.
// `main` of each (but neon.c) is renamed on the command line and driver.c calls them all.

enum CorpusPrograms {
    static let sources: [(name: String, text: String)] = [
        ("strings.c", #"""
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <ctype.h>
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
int main(int argc, char **argv) {
    char buf[256];
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry"};
    char *copy[5];
    for (int i = 0; i < 5; i++) copy[i] = strdup(words[i]);
    qsort(copy, 5, sizeof copy[0], cmp);
    size_t n = 0;
    for (int i = 0; i < 5; i++) {
        n += strlen(copy[i]);
        strncat(buf, copy[i], sizeof buf - strlen(buf) - 1);
    }
    for (char *p = buf; *p; p++) *p = (char)toupper((unsigned char)*p);
    char *found = strstr(buf, "FIG");
    memmove(buf + 1, buf, 10);
    printf("%s %zu %td %d\n", buf, n, found ? found - buf : -1, argc);
    for (int i = 0; i < 5; i++) free(copy[i]);
    return (int)(n & 1);
}
"""#),
        ("math.c", #"""
#include <stdio.h>
#include <math.h>
double poly(double x, const double *c, int n) { double r = 0; for (int i = n - 1; i >= 0; i--) r = r * x + c[i]; return r; }
float mixf(float a, float b, float t) { return a + (b - a) * t; }
int main(int argc, char **argv) {
    double c[] = {1.0, -0.5, 0.25, 3.0};
    double x = argc * 0.75;
    double y = sin(x) + cos(x) * exp(x) - log(x + 2.0) + sqrt(x) + pow(x, 1.5) + atan2(x, 3.0);
    float f = mixf((float)x, 2.5f, 0.25f);
    int i = (int)y; unsigned u = (unsigned)(y * 100.0); long long ll = llround(y * 1e6);
    double fl = floor(y) + ceil(y) + fabs(-y) + fmod(y, 0.3) + (double)i / 3 + (double)u;
    printf("%f %f %f %d %u %lld %g\n", y, (double)f, poly(x, c, 4), i, u, ll, fl);
    return y > 0.0;
}
"""#),
        ("printf.c", #"""
#include <stdio.h>
#include <stdarg.h>
#include <inttypes.h>
static void logf_(const char *fmt, ...) { va_list ap; va_start(ap, fmt); vfprintf(stdout, fmt, ap); va_end(ap); }
int main(int argc, char **argv) {
    char buf[128];
    snprintf(buf, sizeof buf, "%08x|%-5d|%+.3e|%s|%c", 0xbeefu, -42, 12345.678, argv[0], 'z');
    logf_("%s %" PRId64 " %" PRIu64 " %p\n", buf, (int64_t)-1234567890123LL, (uint64_t)argc << 40, (void *)buf);
    int a, b; if (sscanf("12 34", "%d %d", &a, &b) == 2) printf("%d\n", a * b);
    return 0;
}
"""#),
        ("arith64.c", #"""
#include <stdio.h>
#include <stdint.h>
uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { return m ? (a % m) * (b % m) % m : 0; }
int64_t sdiv64(int64_t a, int64_t b) { return b ? a / b : 0; }
uint64_t udiv64(uint64_t a, uint64_t b) { return b ? a / b + a % b : 0; }
int clz32(uint32_t x) { return x ? __builtin_clz(x) : 32; }
int popc(uint64_t x) { return __builtin_popcountll(x); }
uint32_t bswap(uint32_t x) { return __builtin_bswap32(x); }
int64_t shifts(int64_t x, int s) { return (x << s) ^ (x >> (s & 31)) ^ (int64_t)((uint64_t)x >> 3); }
int32_t sat_add(int32_t a, int32_t b) { int64_t r = (int64_t)a + b; return r > INT32_MAX ? INT32_MAX : r < INT32_MIN ? INT32_MIN : (int32_t)r; }
int main(int argc, char **argv) {
    uint64_t x = 0x123456789abcdefULL * (uint64_t)argc;
    printf("%llu %lld %llu %d %d %x %lld %d\n", (unsigned long long)(x * x + (x >> 7)), (long long)sdiv64(-(int64_t)x, 7),
           (unsigned long long)udiv64(x, 13), clz32((uint32_t)x), popc(x), bswap((uint32_t)x), (long long)shifts((int64_t)x, argc), sat_add(argc, 0x7fffffff));
    unsigned char bytes[4] = {1, 2, 3, 4}; short hw = (short)(bytes[0] | bytes[1] << 8);
    signed char sc = (signed char)bytes[2];
    return (int)(hw + sc);
}
"""#),
        ("switch.c", #"""
#include <stdio.h>
int classify(int op, int a, int b) {
    switch (op) {
    case 0: return a + b; case 1: return a - b; case 2: return a * b; case 3: return b ? a / b : 0;
    case 4: return a & b; case 5: return a | b; case 6: return a ^ b; case 7: return a << (b & 31);
    case 8: return a >> (b & 31); case 9: return a < b; case 10: return a == b; case 11: return -a;
    case 12: return ~a; case 13: return a % (b ? b : 1); case 14: return a > b ? a : b; default: return 0;
    }
}
int sparse(unsigned x) {
    switch (x) { case 3: return 1; case 100: return 2; case 1000: return 3; case 65536: return 4; case 0xdeadbeef: return 5; default: return -1; }
}
int main(int argc, char **argv) {
    int s = 0;
    for (int i = 0; i < 32; i++) s += classify(i % 17, argc + i, i - 3);
    printf("%d %d\n", s, sparse((unsigned)argc * 1000));
    return s & 1;
}
"""#),
        ("atomics.c", #"""
#include <stdio.h>
#include <stdatomic.h>
#include <pthread.h>
static atomic_int counter; static atomic_llong big; static _Atomic short half; static _Atomic unsigned char byte;
static void *work(void *arg) {
    for (int i = 0; i < 1000; i++) { atomic_fetch_add(&counter, 1); atomic_fetch_add(&big, 3); atomic_fetch_or(&half, 1); atomic_fetch_xor(&byte, 1); }
    int expected = 5; atomic_compare_exchange_strong(&counter, &expected, 7);
    long long e2 = 0; atomic_compare_exchange_weak(&big, &e2, 1);
    atomic_thread_fence(memory_order_seq_cst);
    return arg;
}
int main(void) {
    pthread_t t[2];
    for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    printf("%d %lld %d %d\n", atomic_load(&counter), (long long)atomic_load(&big), atomic_exchange(&half, 0), (int)atomic_load(&byte));
    return 0;
}
"""#),
        ("neon.c", #"""
#include <stdio.h>
#include <stdint.h>
void saxpy(float *restrict y, const float *restrict x, float a, int n) { for (int i = 0; i < n; i++) y[i] += a * x[i]; }
void add8(uint8_t *restrict d, const uint8_t *restrict a, const uint8_t *restrict b, int n) { for (int i = 0; i < n; i++) d[i] = (uint8_t)((a[i] + b[i] + 1) >> 1); }
int32_t dot16(const int16_t *a, const int16_t *b, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
void widen(int32_t *restrict d, const int8_t *restrict s, int n) { for (int i = 0; i < n; i++) d[i] = s[i] * 3 - (s[i] >> 2); }
void deint(float *restrict re, float *restrict im, const float *restrict z, int n) { for (int i = 0; i < n; i++) { re[i] = z[2 * i]; im[i] = z[2 * i + 1]; } }
uint32_t maxu(const uint32_t *a, int n) { uint32_t m = 0; for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
void cvt(int32_t *restrict d, const float *restrict s, int n) { for (int i = 0; i < n; i++) d[i] = (int32_t)(s[i] * 16.0f); }
int main(int argc, char **argv) {
    static float x[256], y[256], re[128], im[128]; static uint8_t a[256], b[256], d[256]; static int16_t h[256]; static int8_t sb[256]; static int32_t w[256]; static uint32_t u[256];
    for (int i = 0; i < 256; i++) { x[i] = (float)i; y[i] = 1.0f; a[i] = (uint8_t)i; b[i] = (uint8_t)(argc * i); h[i] = (int16_t)(i - 128); sb[i] = (int8_t)i; u[i] = (uint32_t)(i * 2654435761u); }
    saxpy(y, x, 0.5f, 256); add8(d, a, b, 256); widen(w, sb, 256); deint(re, im, x, 128); cvt(w, x, 256);
    printf("%f %d %d %d %u %f\n", (double)y[17], d[33], dot16(h, h, 256), w[9], maxu(u, 256), (double)im[5]);
    return 0;
}
"""#),
        ("driver.c", #"""
int strings_main(int, char **); int math_main(int, char **); int printf_main(int, char **);
int arith64_main(int, char **); int switch_main(int, char **); int atomics_main(void);
int main(int argc, char **argv) {
    return strings_main(argc, argv) + math_main(argc, argv) + printf_main(argc, argv) + arith64_main(argc, argv) + switch_main(argc, argv) + atomics_main();
}
"""#),
    ]

    /// The programs linked into one binary with driver.c.
    static let linked = ["strings", "math", "printf", "arith64", "switch", "atomics"]
}
