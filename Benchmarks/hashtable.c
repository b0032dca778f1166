/* String keys built digit by digit, hashed (FNV-1a, 32-bit) into a chained hash table, then
 * looked up (half of them absent), a third deleted and looked up again: byte loops, strcmp,
 * pointer chasing through chains.
 * bench-group: int */
#include "bench.h"

enum { KEYS = 40000, BUCKETS = 16384, BASE_ROUNDS = 80, KEY_SIZE = 24 };

typedef struct Node {
    struct Node *next;
    uint32_t hash;
    uint32_t value;
    char key[KEY_SIZE];
} Node;

static Node pool[KEYS];
static uint32_t pool_used;
static Node *buckets[BUCKETS];

/* "k<base-36 of a scrambled n>-<decimal n>": distinct for distinct n, varied lengths. */
static void make_key(char *out, uint32_t n) {
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    char tmp[12];
    int len = 0, at = 0;
    uint32_t scrambled = n * 2654435761u;
    out[at++] = 'k';
    do { tmp[len++] = digits[scrambled % 36]; scrambled /= 36; } while (scrambled != 0);
    while (len > 0) out[at++] = tmp[--len];
    out[at++] = '-';
    uint32_t decimal = n;
    do { tmp[len++] = (char)('0' + decimal % 10); decimal /= 10; } while (decimal != 0);
    while (len > 0) out[at++] = tmp[--len];
    out[at] = '\0';
}

static uint32_t hash_string(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static Node *find(const char *key, uint32_t h) {
    for (Node *n = buckets[h & (BUCKETS - 1)]; n; n = n->next)
        if (n->hash == h && strcmp(n->key, key) == 0) return n;
    return NULL;
}

static void insert(const char *key, uint32_t value) {
    uint32_t h = hash_string(key);
    Node *existing = find(key, h);
    if (existing) { existing->value = value; return; }
    Node *n = &pool[pool_used++];
    n->hash = h;
    n->value = value;
    strcpy(n->key, key);
    n->next = buckets[h & (BUCKETS - 1)];
    buckets[h & (BUCKETS - 1)] = n;
}

static int erase(const char *key) {
    uint32_t h = hash_string(key);
    for (Node **link = &buckets[h & (BUCKETS - 1)]; *link; link = &(*link)->next) {
        Node *n = *link;
        if (n->hash == h && strcmp(n->key, key) == 0) { *link = n->next; return 1; }
    }
    return 0;
}

int main(int argc, char **argv) {
    uint32_t rounds = bench_count(argc, argv, BASE_ROUNDS);
    char key[KEY_SIZE];
    uint64_t sum = BENCH_FOLD_INIT;
    uint32_t hits = 0, total = 0;
    for (uint32_t round = 0; round < rounds; round++) {
        memset(buckets, 0, sizeof buckets);
        pool_used = 0;
        for (uint32_t i = 0; i < KEYS; i++) {
            make_key(key, i + round);
            insert(key, i * 3 + round);
        }
        /* Keys i + round for i in [0, 2*KEYS): the upper half is absent. */
        for (uint32_t pass = 0; pass < 2; pass++) {
            hits = 0, total = 0;
            for (uint32_t i = 0; i < 2 * KEYS; i++) {
                make_key(key, i + round);
                Node *n = find(key, hash_string(key));
                if (n) { hits++; total += n->value; }
            }
            sum = bench_fold_numbers(sum, &hits, sizeof hits, 4);
            sum = bench_fold_numbers(sum, &total, sizeof total, 4);
            if (pass == 0)
                for (uint32_t i = 0; i < KEYS; i += 3) {
                    make_key(key, i + round);
                    erase(key);
                }
        }
    }
    printf("hashtable rounds %u hits %u total %u\n", rounds, hits, total);
    bench_result("hashtable", sum);
    return 0;
}
