// C programs compiled for the decoder corpus: small, but they pull in glibc's string, math,
// stdio, 64-bit arithmetic, thread and atomic code, which the corpus disassembles whole.
// `main` of each is renamed on the command line and driver.c calls them all.

enum CorpusPrograms {
    static let sources: [(name: String, text: String)] = [
        ("strings.c", #"""
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <ctype.h>
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
int main(int argc, char **argv) {
    char buf[256] = "";
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry"};
    char *copy[5];
    for (int i = 0; i < 5; i++) copy[i] = strdup(words[i]);
    qsort(copy, 5, sizeof copy[0], cmp);
    size_t n = 0;
    for (int i = 0; i < 5; i++) { n += strlen(copy[i]); strncat(buf, copy[i], sizeof buf - strlen(buf) - 1); }
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
float polyf(float x, float a, float b, float c) { return (a * x - b) * x + c; }
int main(int argc, char **argv) {
    double c[] = {1.0, -0.5, 0.25, 3.0};
    double x = argc * 0.75;
    double y = sin(x) + cos(x) * exp(x) - log(x + 2.0) + sqrt(x) + pow(x, 1.5) + atan2(x, 3.0);
    float f = mixf((float)x, 2.5f, 0.25f) + sqrtf((float)y) + polyf((float)x, 1.5f, 2.0f, 0.5f) + 1.0f / (float)x;
    int i = (int)y; unsigned u = (unsigned)(y * 100.0); long long ll = llround(y * 1e6);
    double fl = floor(y) + ceil(y) + fabs(-y) + fmod(y, 0.3) + (double)i / 3 + (double)u + trunc(y) + rint(y);
    printf("%f %f %f %d %u %lld %g %ld\n", y, (double)f, poly(x, c, 4), i, u, ll, fl, lrintf(f));
    return y > 0.0;
}
"""#),
        ("convert.c", #"""
#include <stdio.h>
#include <math.h>
#include <stdint.h>
int64_t d2l(double d) { return (int64_t)d; }
uint64_t d2ul(double d) { return (uint64_t)d; }
double l2d(int64_t v) { return (double)v; }
float ul2f(uint64_t v) { return (float)v; }
int f2i(float f) { return (int)f; }
unsigned d2u(double d) { return (unsigned)d; }
float d2f(double d) { return (float)d; }
double f2d(float f) { return f; }
int cmps(double a, double b) { return (a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * isunordered(a, b) + 16 * isless(a, b) + 32 * islessgreater(a, b); }
int cmpf(float a, float b) { return (a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * isunordered(a, b) + 16 * isgreaterequal(a, b); }
double sel(double a, double b, int c) { return c ? a : b; }
float self(float a, float b, float x) { return x < 1.0f ? a : b; }
int main(int argc, char **argv) {
    double d = argc * 1e10;
    printf("%lld %llu %f %f %d %u %f %f %d %d %f %f\n", (long long)d2l(d), (unsigned long long)d2ul(d), l2d(-argc), (double)ul2f(argc),
           f2i((float)d), d2u(d), (double)d2f(d), f2d(1.5f), cmps(d, 1.0), cmpf((float)d, NAN), sel(d, 2.0, argc > 1), (double)self(1.0f, 2.0f, (float)d));
    return 0;
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
int32_t sdiv(int32_t a, int32_t b) { return a / b + a % b; }
int64_t mac(int64_t acc, int32_t a, int32_t b) { return acc + (int64_t)a * b; }
uint64_t macu(uint64_t acc, uint32_t a, uint32_t b) { return acc - (uint64_t)a * b; }
int clz32(uint32_t x) { return x ? __builtin_clz(x) : 32; }
int clo32(uint32_t x) { return __builtin_clz(~x | 1); }
int popc(uint64_t x) { return __builtin_popcountll(x); }
uint32_t bswap(uint32_t x) { return __builtin_bswap32(x); }
uint32_t rot(uint32_t x, int s) { return (x >> (s & 31)) | (x << ((32 - s) & 31)); }
int64_t shifts(int64_t x, int s) { return (x << s) ^ (x >> (s & 31)) ^ (int64_t)((uint64_t)x >> 3); }
uint32_t field(uint32_t x, uint32_t y) { return ((x >> 5) & 0x7f) | ((y & 0xff) << 9) | (x & ~0x1fe00u); }
int main(int argc, char **argv) {
    uint64_t x = 0x123456789abcdefULL * (uint64_t)argc;
    printf("%llu %lld %llu %d %d %x %lld %d %lld %llu %x %x %d\n", (unsigned long long)(x * x + (x >> 7)), (long long)sdiv64(-(int64_t)x, 7),
           (unsigned long long)udiv64(x, 13), clz32((uint32_t)x), popc(x), bswap((uint32_t)x), (long long)shifts((int64_t)x, argc),
           sdiv(argc * 1000, argc + 6), (long long)mac(x, argc, -argc), (unsigned long long)macu(x, argc, 7), rot(argc, 3), field(argc, argc * 3), clo32(argc));
    unsigned char bytes[4] = {1, 2, 3, 4}; short hw = (short)(bytes[0] | bytes[1] << 8);
    signed char sc = (signed char)bytes[2];
    return (int)(hw + sc) + (int)mulmod(x, 3, 5);
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
static __thread int local;
static void *work(void *arg) {
    for (int i = 0; i < 1000; i++) { atomic_fetch_add(&counter, 1); atomic_fetch_add(&big, 3); atomic_fetch_or(&half, 1); atomic_fetch_xor(&byte, 1); local++; }
    int expected = 5; atomic_compare_exchange_strong(&counter, &expected, 7);
    long long e2 = 0; atomic_compare_exchange_weak(&big, &e2, 1);
    atomic_thread_fence(memory_order_seq_cst);
    return arg;
}
int main(void) {
    pthread_t t[2];
    for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    printf("%d %lld %d %d %d\n", atomic_load(&counter), (long long)atomic_load(&big), atomic_exchange(&half, 0), (int)atomic_load(&byte), local);
    return 0;
}
"""#),
        ("driver.c", #"""
int strings_main(int, char **); int math_main(int, char **); int convert_main(int, char **); int printf_main(int, char **);
int arith64_main(int, char **); int switch_main(int, char **); int atomics_main(void);
int main(int argc, char **argv) {
    return strings_main(argc, argv) + math_main(argc, argv) + convert_main(argc, argv) + printf_main(argc, argv)
        + arith64_main(argc, argv) + switch_main(argc, argv) + atomics_main();
}
"""#),
    ]

    /// The programs linked into one binary with driver.c.
    static let linked = ["strings", "math", "convert", "printf", "arith64", "switch", "atomics"]
}
