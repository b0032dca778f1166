/* string.h functions at many lengths and alignments: strlen, strnlen, strcpy, stpcpy,
   strncpy, strcat, strncat, strcmp, strncmp, strcasecmp, strncasecmp, strchr, strrchr,
   strchrnul, strstr, strcasestr, strspn, strcspn, strpbrk, strtok, strtok_r, strsep, strdup,
   strndup, strcoll, strxfrm, strerror, strverscmp. Comparison results are printed as signs:
   the magnitude is not specified and differs between implementations. */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int x) { return (x > 0) - (x < 0); }

static char buf[1024], buf2[1024];

static void make_string(char *p, size_t n, unsigned seed) {
    for (size_t i = 0; i < n; i++) { seed = seed * 1103515245u + 12345u; p[i] = (char)('a' + (seed >> 16) % 26); }
    p[n] = 0;
}

int main(void) {
    /* strlen / strnlen at every alignment and length 0..300. */
    for (int a = 0; a < 16; a++) {
        uint32_t h = 0;
        for (size_t n = 0; n <= 300; n++) {
            memset(buf, 'z', sizeof buf);
            buf[a + n] = 0;
            size_t l = strlen(buf + a), m = strnlen(buf + a, n / 2), k = strnlen(buf + a, 400);
            if (l != n || m != n / 2 || k != n) printf("strlen wrong a %d n %zu: %zu %zu %zu\n", a, n, l, m, k);
            h = h * 31 + (uint32_t)(l + m + k);
        }
        printf("strlen a %2d: %08" PRIx32 "\n", a, h);
    }
    /* strcpy / stpcpy / strcat at alignment pairs. */
    for (int sa = 0; sa < 8; sa++) {
        for (int da = 0; da < 8; da++) {
            uint32_t h = 0;
            for (size_t n = 0; n <= 300; n += 13) {
                make_string(buf + sa, n, (unsigned)(n + sa));
                memset(buf2, '#', sizeof buf2);
                char *r = strcpy(buf2 + da, buf + sa);
                char *e = stpcpy(buf2 + 400 + da, buf + sa);
                if (r != buf2 + da || e != buf2 + 400 + da + n || strcmp(buf2 + da, buf + sa) != 0)
                    printf("strcpy wrong %d %d %zu\n", sa, da, n);
                strcat(buf2 + da, "-tail");
                h = h * 31 + (uint32_t)strlen(buf2 + da) + (unsigned char)buf2[da + n + 6];
            }
            printf("strcpy %d %d: %08" PRIx32 "\n", sa, da, h);
        }
    }
    /* strncpy pads with NULs; strncat always terminates. */
    for (size_t n = 0; n < 20; n++) {
        char d[32];
        memset(d, '*', sizeof d);
        strncpy(d, "hello, world", n);
        printf("strncpy %2zu:", n);
        for (int i = 0; i < 16; i++) printf(" %02x", (unsigned char)d[i]);
        strcpy(d, "abc");
        strncat(d, "defghijkl", n);
        printf(" | strncat %s\n", d);
    }
    /* strcmp / strncmp: difference at every position, bytes above 0x7f (unsigned compare). */
    for (int a = 0; a < 8; a++) {
        int line = 0;
        for (size_t n = 1; n <= 300; n += 11) {
            make_string(buf + a, n, 7);
            make_string(buf2 + 3, n, 7);
            int eq = strcmp(buf + a, buf2 + 3);
            size_t pos = (n * 5) % n;
            buf2[3 + pos] = (char)0xe9; /* é in Latin-1: greater than every ASCII letter */
            int hi = strcmp(buf + a, buf2 + 3);
            int nn = strncmp(buf + a, buf2 + 3, pos);
            int nn1 = strncmp(buf + a, buf2 + 3, pos + 1);
            buf2[3 + pos] = 0;
            int shorter = strcmp(buf + a, buf2 + 3);
            line = line * 3 + sign(eq) * 1000 + sign(hi) * 100 + sign(nn) * 10 + sign(nn1) + sign(shorter) * 7;
        }
        printf("strcmp a %d: %d\n", a, line);
    }
    static const char *words[] = {"", "a", "A", "abc", "ABD", "abcd", "Zebra", "zebra", "hello", "HELLO",
                                  "hello world", "help", "\x7f", "\x80", "\xff", "a\xff", "file10", "file9",
                                  "file09", "1.10", "1.9"};
    const int n_words = (int)(sizeof words / sizeof words[0]);
    for (int i = 0; i < n_words; i++) {
        printf("cmp %-12s:", words[i][0] & 0x80 ? "(high)" : words[i]);
        for (int j = 0; j < n_words; j++)
            printf(" %d%d%d%d%d%d", sign(strcmp(words[i], words[j])), sign(strncmp(words[i], words[j], 3)),
                   sign(strcasecmp(words[i], words[j])), sign(strncasecmp(words[i], words[j], 2)),
                   sign(strcoll(words[i], words[j])), sign(strverscmp(words[i], words[j])));
        printf("\n");
    }
    /* Searching. */
    const char *text = "The quick brown fox jumps over the lazy dog; THE QUICK BROWN FOX, again: the end.";
    for (int c = ' '; c < 127; c++) {
        const char *f = strchr(text, c), *l = strrchr(text, c), *nul = strchrnul(text, c);
        if (f || c == 'e')
            printf("chr %c: first %d last %d chrnul %d\n", c, f ? (int)(f - text) : -1, l ? (int)(l - text) : -1,
                   (int)(nul - text));
    }
    printf("strchr NUL %d\n", (int)(strchr(text, 0) - text));
    static const char *needles[] = {"the", "The", "fox", "FOX", "dog;", "end.", "", "x", "quick brown fox jumps",
                                    "lazy cat", "again: the end.", "e e", "he"};
    for (size_t i = 0; i < sizeof needles / sizeof needles[0]; i++) {
        const char *f = strstr(text, needles[i]), *g = strcasestr(text, needles[i]);
        printf("strstr '%s': %d casestr %d spn %zu cspn %zu pbrk %d\n", needles[i], f ? (int)(f - text) : -1,
               g ? (int)(g - text) : -1, strspn(text, needles[i]), strcspn(text, needles[i]),
               strpbrk(text, needles[i]) ? (int)(strpbrk(text, needles[i]) - text) : -1);
    }
    /* strstr on long haystacks with periodic needles (the two-way algorithm's paths). */
    for (int n = 1; n < 40; n += 3) {
        char hay[600], nee[100];
        for (int i = 0; i < 599; i++) hay[i] = (char)('a' + (i % 7 == 6));
        hay[599] = 0;
        for (int i = 0; i < n; i++) nee[i] = (char)('a' + (i % 7 == 6));
        nee[n] = 0;
        hay[590] = 'c';
        const char *f = strstr(hay, nee);
        nee[n - 1] = 'c';
        const char *g = strstr(hay, nee);
        printf("periodic %2d: %d %d\n", n, f ? (int)(f - hay) : -1, g ? (int)(g - hay) : -1);
    }
    /* Tokenizing. */
    char line[] = "alpha, beta;;gamma ,delta,, epsilon;";
    char copy[sizeof line];
    memcpy(copy, line, sizeof line);
    for (char *t = strtok(copy, ",; "); t; t = strtok(NULL, ",; ")) printf("strtok [%s]\n", t);
    memcpy(copy, line, sizeof line);
    char *save = NULL;
    for (char *t = strtok_r(copy, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
        char *save2 = NULL;
        printf("strtok_r [%s]:", t);
        for (char *u = strtok_r(t, ", ", &save2); u; u = strtok_r(NULL, ", ", &save2)) printf(" <%s>", u);
        printf("\n");
    }
    memcpy(copy, line, sizeof line);
    char *rest = copy, *tok;
    while ((tok = strsep(&rest, ",;")) != NULL) printf("strsep [%s]\n", tok);
    /* Duplicates. */
    for (size_t n = 0; n < 300; n += 37) {
        make_string(buf, n, 3);
        char *d = strdup(buf), *e = strndup(buf, n / 3);
        printf("strdup %zu: %zu %zu %d\n", n, strlen(d), strlen(e), strncmp(d, e, n / 3) == 0);
        free(d); free(e);
    }
    /* strxfrm in the C locale is a copy. */
    char x[64];
    size_t xl = strxfrm(x, "Hello", sizeof x);
    printf("strxfrm %zu %s %zu\n", xl, x, strxfrm(NULL, "abcdefgh", 0));
    /* strerror: the numbers below are the same on every Linux architecture. */
    static const int errs[] = {0, EPERM, ENOENT, EINTR, EIO, EBADF, EAGAIN, ENOMEM, EACCES, EFAULT, EEXIST,
                               ENOTDIR, EISDIR, EINVAL, ENOSPC, EPIPE, ERANGE};
    for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) printf("strerror %d: %s\n", errs[i], strerror(errs[i]));
    return 0;
}
