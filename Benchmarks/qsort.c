/* libc qsort of 24-byte records through a comparator that looks at three fields: indirect
 * calls into guest code from libc, byte compares, and a lot of record moves.
 * bench-group: int */
#include "bench.h"

enum { RECORDS = 50000, BASE_ROUNDS = 70 };

typedef struct {
    uint32_t key;     /* few distinct values, so ties are common */
    char name[12];    /* ties broken by name, then id */
    uint32_t id;      /* unique: the order is total, so any sort algorithm gives one answer */
    uint32_t payload;
} Record;

static Record records[RECORDS];

static int compare(const void *left, const void *right) {
    const Record *a = left, *b = right;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    int byName = memcmp(a->name, b->name, sizeof a->name);
    if (byName != 0) return byName;
    return (a->id > b->id) - (a->id < b->id);
}

int main(int argc, char **argv) {
    uint32_t rounds = bench_count(argc, argv, BASE_ROUNDS);
    uint32_t seed = 0xdeadbeef;
    for (uint32_t i = 0; i < RECORDS; i++) {
        Record *r = &records[i];
        r->key = bench_rand(&seed) % 4096;
        for (size_t c = 0; c < sizeof r->name; c++) r->name[c] = (char)('a' + bench_rand(&seed) % 4);
        r->id = i;
        r->payload = bench_rand(&seed);
    }
    uint64_t sum = BENCH_FOLD_INIT;
    for (uint32_t round = 0; round < rounds; round++) {
        qsort(records, RECORDS, sizeof(Record), compare);
        for (uint32_t i = 0; i < RECORDS; i += 97) sum = bench_fold_numbers(sum, &records[i].id, sizeof(uint32_t), 4);
        /* Scramble part of the keys so the next round has real work but starts half sorted. */
        for (uint32_t i = 0; i < RECORDS; i++)
            if (bench_rand(&seed) % 3 == 0) records[i].key = bench_rand(&seed) % 4096;
    }
    printf("qsort rounds %u first %u last %u\n", rounds, records[0].id, records[RECORDS - 1].id);
    bench_result("qsort", sum);
    return 0;
}
