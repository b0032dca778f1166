/* Tests of the text functions. */
#include "ciproject.h"
#include "check.h"

int main(void) {
    char word[] = "mirage";
    cp_reverse(word);
    CHECK(strcmp(word, "egarim") == 0);
    char empty[] = "";
    cp_reverse(empty);
    CHECK(empty[0] == '\0');
    char odd[] = "abc";
    cp_reverse(odd);
    CHECK(strcmp(odd, "cba") == 0);

    CHECK(cp_count_words("") == 0);
    CHECK(cp_count_words("   ") == 0);
    CHECK(cp_count_words("one") == 1);
    CHECK(cp_count_words("  two\twords\n") == 2);
    CHECK(cp_count_words("a b  c   d") == 4);

    CHECK(cp_is_palindrome(""));
    CHECK(cp_is_palindrome("A man, a plan, a canal: Panama"));
    CHECK(cp_is_palindrome("No 'x' in Nixon"));
    CHECK(!cp_is_palindrome("mirage"));
    CHECK(!cp_is_palindrome("ab"));
    return check_finish("text");
}
