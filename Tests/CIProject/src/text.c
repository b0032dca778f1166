/* ciproject: text functions. */
#include "ciproject.h"

#include <ctype.h>
#include <string.h>

void cp_reverse(char *text) {
    size_t length = strlen(text);
    for (size_t i = 0, j = length; i + 1 < j; i++, j--) {
        char c = text[i];
        text[i] = text[j - 1];
        text[j - 1] = c;
    }
}

size_t cp_count_words(const char *text) {
    size_t words = 0;
    bool inside = false;
    for (; *text != '\0'; text++) {
        bool space = isspace((unsigned char)*text) != 0;
        if (!space && !inside) words++;
        inside = !space;
    }
    return words;
}

bool cp_is_palindrome(const char *text) {
    const char *left = text, *right = text + strlen(text);
    for (;;) {
        while (left < right && !isalnum((unsigned char)*left)) left++;
        while (left < right && !isalnum((unsigned char)right[-1])) right--;
        if (right - left < 2) return true;
        if (tolower((unsigned char)*left) != tolower((unsigned char)right[-1])) return false;
        left++;
        right--;
    }
}
