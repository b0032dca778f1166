/* Reads all of stdin (the harness feeds stdin_filter.stdin) with read(2) in odd-sized
   chunks, then writes a transformed copy: numbered lines, each reversed, ROT13, upper-cased,
   with word, line and byte counts and a checksum; then tabs expanded. Bytes above 0x7f pass
   through untouched. */
#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    size_t cap = 1024, len = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (len + 777 > cap) { cap *= 2; buf = realloc(buf, cap); }
        ssize_t n = read(0, buf + len, 777);
        if (n < 0) { printf("read error\n"); return 1; }
        if (n == 0) break;
        len += (size_t)n;
    }
    uint32_t sum = 0;
    size_t words = 0, lines = 0;
    int in_word = 0;
    for (size_t i = 0; i < len; i++) {
        sum = (sum << 5 | sum >> 27) ^ buf[i];
        if (buf[i] == '\n') lines++;
        if (isspace(buf[i])) in_word = 0;
        else if (!in_word) { in_word = 1; words++; }
    }
    printf("bytes %zu lines %zu words %zu checksum %08" PRIx32 " ends with newline %d\n", len, lines, words, sum,
           len > 0 && buf[len - 1] == '\n');
    size_t start = 0, number = 1;
    while (start < len) {
        size_t end = start;
        while (end < len && buf[end] != '\n') end++;
        size_t n = end - start;
        printf("%4zu %5zu |", number++, n);
        for (size_t i = n; i > 0 && n - i < 60; i--) putchar(buf[start + i - 1]);
        printf("| ");
        for (size_t i = 0; i < n && i < 60; i++) {
            unsigned char c = buf[start + i];
            if (c >= 'a' && c <= 'z') c = (unsigned char)('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z') c = (unsigned char)('A' + (c - 'A' + 13) % 26);
            putchar(c);
        }
        printf(" | ");
        for (size_t i = 0; i < n && i < 60; i++) putchar(toupper(buf[start + i]));
        printf("\n");
        start = end + 1;
    }
    /* Expand tabs to 8 columns. */
    size_t col = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\t') { do { putchar(' '); col++; } while (col % 8); }
        else { putchar(buf[i]); col = buf[i] == '\n' ? 0 : col + 1; }
    }
    printf("\n[end]\n");
    free(buf);
    return 0;
}
