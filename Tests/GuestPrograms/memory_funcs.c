/* memcpy, memmove (overlapping both ways), memset, memcmp, memchr, memrchr, memccpy and
   mempcpy at every source/destination alignment 0..15 and lengths 0..300, checked against
   byte loops. glibc's versions of these are hand-written assembly with special cases per
   alignment and size class, so this walks through most of their paths. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define BUF 704
static unsigned char src_buf[BUF], dst_buf[BUF], ref_buf[BUF];

/* volatile so the optimizer does not turn the reference loops into the calls under test. */
static void ref_copy(volatile unsigned char *d, const volatile unsigned char *s, size_t n) {
    for (size_t i = 0; i < n; i++) d[i] = s[i];
}
static void ref_move(volatile unsigned char *d, const volatile unsigned char *s, size_t n) {
    if (d < s) for (size_t i = 0; i < n; i++) d[i] = s[i];
    else for (size_t i = n; i > 0; i--) d[i - 1] = s[i - 1];
}
static int sign(int x) { return (x > 0) - (x < 0); }

static void fill(unsigned char *b, size_t n, uint32_t seed) {
    for (size_t i = 0; i < n; i++) { seed = seed * 1103515245u + 12345u; b[i] = (unsigned char)(seed >> 16); }
}

static uint32_t checksum(const unsigned char *b, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 16777619u;
    return h;
}

int main(void) {
    int errors = 0;
    static const int lengths[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 95, 127, 128,
                                  129, 191, 255, 256, 257, 299, 300};
    const int n_lengths = (int)(sizeof lengths / sizeof lengths[0]);

    /* memcpy / mempcpy: every alignment pair, selected lengths; every length for two pairs. */
    for (int sa = 0; sa < 16; sa++) {
        for (int da = 0; da < 16; da++) {
            uint32_t h = 0;
            for (int li = 0; li < n_lengths; li++) {
                size_t n = (size_t)lengths[li];
                fill(src_buf, BUF, (uint32_t)(sa * 131 + da * 7 + li));
                fill(dst_buf, BUF, 99); fill(ref_buf, BUF, 99);
                void *r = (sa + da) & 1 ? memcpy(dst_buf + da, src_buf + sa, n)
                                        : (void *)((unsigned char *)mempcpy(dst_buf + da, src_buf + sa, n) - n);
                ref_copy(ref_buf + da, src_buf + sa, n);
                if (r != dst_buf + da || memcmp(dst_buf, ref_buf, BUF) != 0) {
                    printf("memcpy mismatch sa %d da %d n %zu\n", sa, da, n);
                    errors++;
                }
                h = h * 31 + checksum(dst_buf, BUF);
            }
            printf("memcpy sa %2d da %2d: %08" PRIx32 "\n", sa, da, h);
        }
    }
    for (size_t n = 0; n <= 300; n++) {
        for (int pair = 0; pair < 2; pair++) {
            int sa = pair ? 3 : 0, da = pair ? 13 : 0;
            fill(src_buf, BUF, (uint32_t)n);
            memset(dst_buf, 0xee, BUF); memset(ref_buf, 0xee, BUF);
            memcpy(dst_buf + da, src_buf + sa, n);
            ref_copy(ref_buf + da, src_buf + sa, n);
            if (memcmp(dst_buf, ref_buf, BUF) != 0) { printf("memcpy len %zu pair %d mismatch\n", n, pair); errors++; }
        }
    }
    printf("memcpy all lengths done\n");

    /* memmove with overlap in both directions and every distance. */
    for (int dist = -40; dist <= 40; dist++) {
        uint32_t h = 0;
        for (int li = 0; li < n_lengths; li++) {
            size_t n = (size_t)lengths[li];
            for (int base = 40; base < 48; base += 3) {
                fill(dst_buf, BUF, (uint32_t)(dist + 1000 * li + base));
                memcpy(ref_buf, dst_buf, BUF);
                void *r = memmove(dst_buf + base + dist, dst_buf + base, n);
                ref_move(ref_buf + base + dist, ref_buf + base, n);
                if (r != dst_buf + base + dist || memcmp(dst_buf, ref_buf, BUF) != 0) {
                    printf("memmove mismatch dist %d n %zu base %d\n", dist, n, base);
                    errors++;
                }
                h = h * 31 + checksum(dst_buf, BUF);
            }
        }
        printf("memmove dist %3d: %08" PRIx32 "\n", dist, h);
    }

    /* memset with every byte class, alignment and length. */
    for (int a = 0; a < 16; a++) {
        uint32_t h = 0;
        for (int li = 0; li < n_lengths; li++) {
            size_t n = (size_t)lengths[li];
            int c = (a * 37 + li * 11) & 0xff;
            fill(dst_buf, BUF, 5); memcpy(ref_buf, dst_buf, BUF);
            memset(dst_buf + a, c, n);
            for (size_t i = 0; i < n; i++) ((volatile unsigned char *)ref_buf)[a + i] = (unsigned char)c;
            if (memcmp(dst_buf, ref_buf, BUF) != 0) { printf("memset mismatch a %d n %zu\n", a, n); errors++; }
            h = h * 31 + checksum(dst_buf, BUF);
        }
        printf("memset a %2d: %08" PRIx32 "\n", a, h);
    }

    /* memcmp: the first difference at every position, both signs. */
    for (int a = 0; a < 8; a++) {
        int line = 0;
        for (int li = 0; li < n_lengths; li++) {
            size_t n = (size_t)lengths[li];
            fill(src_buf, BUF, 17);
            memcpy(dst_buf + a, src_buf + 3, n + 8);
            int eq = memcmp(dst_buf + a, src_buf + 3, n);
            int sig = eq;
            if (n > 0) {
                size_t pos = (n * 7) % n;
                dst_buf[a + pos] = (unsigned char)(src_buf[3 + pos] + 1);
                int up = sign(memcmp(dst_buf + a, src_buf + 3, n));
                dst_buf[a + pos] = (unsigned char)(src_buf[3 + pos] - 1);
                int down = sign(memcmp(dst_buf + a, src_buf + 3, n));
                dst_buf[a + n - 1] ^= 0x80;
                int last = sign(memcmp(dst_buf + a, src_buf + 3, n - (pos == n - 1 ? 0 : 0)));
                sig = eq * 100 + up * 10 + down + last * 1000;
            }
            line = line * 7 + sig;
        }
        printf("memcmp a %d: %d\n", a, line);
    }

    /* memchr / memrchr / rawmemchr: the byte at each position, and absent. */
    for (int a = 0; a < 8; a++) {
        uint32_t h = 0;
        for (size_t n = 0; n <= 300; n += 7) {
            memset(dst_buf, 'x', BUF);
            unsigned char *p = dst_buf + a;
            const void *none = memchr(p, 'y', n);
            const void *rnone = memrchr(p, 'y', n);
            h = h * 31 + (none == NULL) + 2 * (rnone == NULL);
            if (n > 0) {
                p[n / 2] = 'y'; p[n - 1] = 'y';
                const unsigned char *f = memchr(p, 'y', n), *l = memrchr(p, 'y', n);
                const unsigned char *raw = rawmemchr(p, 'y');
                h = h * 31 + (uint32_t)(f - p) * 1000 + (uint32_t)(l - p) + (uint32_t)(raw - p) * 7;
            }
        }
        printf("memchr a %d: %08" PRIx32 "\n", a, h);
    }

    /* memccpy stops after the first copy of the byte. */
    for (int stop = 0; stop < 40; stop++) {
        char s[64], d[64];
        for (int i = 0; i < 63; i++) s[i] = (char)('A' + (i * 7) % 26);
        s[63] = 0;
        memset(d, '.', sizeof d);
        char *end = memccpy(d, s, 'A' + stop % 26, 40);
        d[63] = 0;
        printf("memccpy %c: %s %d\n", 'A' + stop % 26, d, end ? (int)(end - d) : -1);
    }
    printf("errors %d\n", errors);
    return errors != 0;
}
