/* ctype.h in the C locale for EOF and every unsigned char value: the classification
   functions, toupper/tolower, and a classification-driven word counter. Uses unsigned
   char explicitly: plain char is unsigned on ARM and signed on x86-64. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    for (int c = -1; c < 256; c++) {
        printf("%3d: al%d an%d bl%d cn%d dg%d gr%d lo%d pr%d pu%d sp%d up%d xd%d as%d up %3d lo %3d\n", c,
               !!isalpha(c), !!isalnum(c), !!isblank(c), !!iscntrl(c), !!isdigit(c), !!isgraph(c), !!islower(c),
               !!isprint(c), !!ispunct(c), !!isspace(c), !!isupper(c), !!isxdigit(c), !!isascii(c), toupper(c),
               tolower(c));
    }
    const char *text = "Hello, World! 123 tabs\tand\nnewlines; MIXED case_words and-dashes 0x1F \x01\x7f end";
    int words = 0, in_word = 0, digits = 0, upper = 0, punct = 0;
    char up[128], low[128];
    size_t i;
    for (i = 0; text[i]; i++) {
        unsigned char c = (unsigned char)text[i];
        if (isalnum(c) || c == '_') { if (!in_word) words++; in_word = 1; } else in_word = 0;
        digits += !!isdigit(c); upper += !!isupper(c); punct += !!ispunct(c);
        up[i] = (char)toupper(c); low[i] = (char)tolower(c);
    }
    up[i] = low[i] = 0;
    printf("words %d digits %d upper %d punct %d\n", words, digits, upper, punct);
    for (i = 0; up[i]; i++) printf("%02x", (unsigned char)up[i]);
    printf("\n");
    for (i = 0; low[i]; i++) printf("%02x", (unsigned char)low[i]);
    printf("\n");
    return 0;
}
