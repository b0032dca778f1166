/* qsort and bsearch with several comparators (ints ascending/descending, 64-bit keys,
   strings, structs with tie-breaks so the order is total), sorted-ness checks, searches
   for present and absent keys, and a hand-written merge sort and binary search to compare. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rng = 12345;
static uint32_t next(void) { rng = rng * 1664525u + 1013904223u; return rng >> 8; }

static int cmp_int(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

struct record { char name[12]; int32_t age; double score; uint32_t id; };
static int cmp_record(const void *a, const void *b) {
    const struct record *x = a, *y = b;
    if (x->age != y->age) return x->age < y->age ? -1 : 1;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    int c = strcmp(x->name, y->name);
    if (c) return c;
    return (x->id > y->id) - (x->id < y->id);
}

static void merge_sort(int32_t *a, int32_t *tmp, size_t n) {
    if (n < 2) return;
    size_t h = n / 2;
    merge_sort(a, tmp, h);
    merge_sort(a + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < h) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

int main(void) {
    static const size_t sizes[] = {0, 1, 2, 3, 5, 8, 13, 100, 1000, 5000};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        int32_t *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b), *t = malloc((n + 1) * sizeof *t);
        for (size_t i = 0; i < n; i++) a[i] = b[i] = (int32_t)(next() % 2000) - 1000;
        qsort(a, n, sizeof *a, cmp_int);
        merge_sort(b, t, n);
        int same = n == 0 || memcmp(a, b, n * sizeof *a) == 0;
        uint32_t h = 0;
        for (size_t i = 0; i < n; i++) h = h * 31 + (uint32_t)a[i];
        int found = 0, correct = 1;
        for (int32_t key = -1005; key <= 1005; key += 7) {
            int32_t *p = bsearch(&key, a, n, sizeof *a, cmp_int);
            int present = 0;
            for (size_t i = 0; i < n; i++) if (a[i] == key) present = 1;
            if ((p != NULL) != present || (p && *p != key)) correct = 0;
            found += p != NULL;
        }
        qsort(b, n, sizeof *b, cmp_int_desc);
        int desc = 1;
        for (size_t i = 1; i < n; i++) if (b[i - 1] < b[i]) desc = 0;
        printf("n %4zu: same %d hash %08" PRIx32 " found %d correct %d desc %d min %d max %d\n", n, same, h, found,
               correct, desc, n ? a[0] : 0, n ? a[n - 1] : 0);
        if (n <= 13) {
            printf("  ");
            for (size_t i = 0; i < n; i++) printf(" %d", a[i]);
            printf("\n");
        }
        free(a); free(b); free(t);
    }
    uint64_t big[300];
    for (int i = 0; i < 300; i++) big[i] = ((uint64_t)next() << 40) ^ ((uint64_t)next() << 16) ^ next();
    qsort(big, 300, sizeof big[0], cmp_u64);
    for (int i = 0; i < 300; i += 23) printf("u64[%d] = %016" PRIx64 "\n", i, big[i]);
    static const char *names[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elderberry", "grape",
                                  "kiwi", "lemon", "mango", "nectarine", "orange", "papaya", "quince", "Apple",
                                  "Zucchini", "apple pie", "app", "", "banana split", "BANANA"};
    const char *words[sizeof names / sizeof names[0]];
    memcpy(words, names, sizeof names);
    size_t nw = sizeof names / sizeof names[0];
    qsort(words, nw, sizeof words[0], cmp_str);
    for (size_t i = 0; i < nw; i++) printf("word %2zu [%s]\n", i, words[i]);
    const char *key = "mango";
    const char **hit = bsearch(&key, words, nw, sizeof words[0], cmp_str);
    printf("bsearch mango -> %d\n", hit ? (int)(hit - words) : -1);
    key = "melon";
    hit = bsearch(&key, words, nw, sizeof words[0], cmp_str);
    printf("bsearch melon -> %d\n", hit ? (int)(hit - words) : -1);
    struct record recs[60];
    for (int i = 0; i < 60; i++) {
        snprintf(recs[i].name, sizeof recs[i].name, "n%02" PRIu32, next() % 40);
        recs[i].age = 20 + (int32_t)(next() % 5);
        recs[i].score = (double)(next() % 7) / 2.0;
        recs[i].id = (uint32_t)i;
    }
    qsort(recs, 60, sizeof recs[0], cmp_record);
    for (int i = 0; i < 60; i++)
        printf("rec %2d: %-4s age %d score %.1f id %" PRIu32 "\n", i, recs[i].name, recs[i].age, recs[i].score, recs[i].id);
    return 0;
}
