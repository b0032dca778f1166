/* malloc/calloc/realloc/free stress: a deterministic PRNG drives thousands of allocations
   of sizes from 0 bytes to a few hundred KiB (small bins, large bins and mmap-backed
   chunks), fills each with a pattern, checks the patterns survive realloc and other
   allocations, and prints checksums. Addresses are never printed; only their alignment. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512
static unsigned char *slot[SLOTS];
static size_t slot_size[SLOTS];
static uint32_t slot_seed[SLOTS];

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint32_t next(void) {
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static void pattern(unsigned char *p, size_t n, uint32_t seed) {
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)((seed + i * 2654435761u) >> 24);
}
static int check(const unsigned char *p, size_t n, uint32_t seed) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)((seed + i * 2654435761u) >> 24)) return 0;
    return 1;
}

static size_t pick_size(void) {
    uint32_t r = next();
    switch (r % 32) {
    case 0: case 1: return 0;
    case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9: case 10: case 11: case 12: case 13: return r % 64;
    case 14: case 15: case 16: case 17: case 18: case 19: case 20: case 21: return r % 1024;
    case 22: case 23: case 24: case 25: case 26: return r % 8192;
    case 27: case 28: case 29: case 30: return r % 40000;
    default: return 140000 + r % 60000; /* above the initial mmap threshold (128 KiB) */
    }
}

int main(void) {
    int errors = 0, misaligned = 0;
    uint64_t total = 0;
    for (int round = 0; round < 8000; round++) {
        int i = (int)(next() % SLOTS);
        uint32_t op = next() % 10;
        if (slot[i] == NULL || op < 3) {
            free(slot[i]);
            size_t n = pick_size();
            int use_calloc = next() % 4 == 0;
            slot[i] = use_calloc ? calloc(n > 0 ? n : 1, 1) : malloc(n > 0 ? n : 1);
            if (slot[i] == NULL) { printf("allocation of %zu failed\n", n); return 1; }
            if (((uintptr_t)slot[i] & 7) != 0) misaligned++;
            if (use_calloc) {
                for (size_t k = 0; k < n; k++)
                    if (slot[i][k] != 0) { errors++; printf("calloc not zero at %zu of %zu\n", k, n); break; }
            }
            slot_size[i] = n; slot_seed[i] = next();
            pattern(slot[i], n, slot_seed[i]);
            total += n;
        } else if (op < 6) {
            size_t n = pick_size(), keep = n < slot_size[i] ? n : slot_size[i];
            unsigned char *p = realloc(slot[i], n > 0 ? n : 1);
            if (p == NULL) { printf("realloc to %zu failed\n", n); return 1; }
            if (((uintptr_t)p & 7) != 0) misaligned++;
            if (!check(p, keep, slot_seed[i])) { errors++; printf("realloc lost data at round %d\n", round); }
            slot[i] = p; slot_size[i] = n; slot_seed[i] = next();
            pattern(p, n, slot_seed[i]);
            total += n;
        } else {
            if (!check(slot[i], slot_size[i], slot_seed[i])) { errors++; printf("corrupted slot %d round %d\n", i, round); }
        }
        if (round % 500 == 0) {
            uint64_t live = 0;
            uint32_t h = 0;
            for (int k = 0; k < SLOTS; k++) {
                if (!slot[k]) continue;
                live += slot_size[k];
                for (size_t j = 0; j < slot_size[k]; j += 97) h = h * 31 + slot[k][j];
            }
            printf("round %5d: live %" PRIu64 " bytes, allocated %" PRIu64 ", sample hash %08" PRIx32 "\n", round, live,
                   total, h);
        }
    }
    for (int k = 0; k < SLOTS; k++) {
        if (slot[k] && !check(slot[k], slot_size[k], slot_seed[k])) errors++;
        free(slot[k]);
    }
    /* A linked list and a binary tree built from many tiny allocations. */
    struct node { struct node *next; int32_t value; char tag[5]; } *head = NULL;
    for (int i = 0; i < 20000; i++) {
        struct node *n = malloc(sizeof *n);
        n->next = head; n->value = (int32_t)(next() % 100000); snprintf(n->tag, sizeof n->tag, "%d", i % 1000);
        head = n;
    }
    int64_t sum = 0; int count = 0;
    while (head) { struct node *n = head; sum += n->value * (int64_t)(n->tag[0] - '0'); head = n->next; free(n); count++; }
    printf("list %d nodes sum %" PRId64 "\n", count, sum);
    struct tree { struct tree *l, *r; uint32_t key; } *root = NULL;
    for (int i = 0; i < 5000; i++) {
        uint32_t key = next() % 50000;
        struct tree **p = &root;
        while (*p && (*p)->key != key) p = key < (*p)->key ? &(*p)->l : &(*p)->r;
        if (!*p) { *p = calloc(1, sizeof **p); (*p)->key = key; }
    }
    /* In-order walk with an explicit stack, freeing as it goes. */
    struct tree *stack[64]; int sp = 0; struct tree *cur = root; uint32_t prev = 0, nodes = 0, order_ok = 1;
    uint64_t ksum = 0; int max_depth = 0;
    while (cur || sp) {
        while (cur) { if (sp >= 64) { printf("tree too deep\n"); return 1; } stack[sp++] = cur; cur = cur->l; }
        if (sp > max_depth) max_depth = sp;
        struct tree *t = stack[--sp];
        if (nodes && t->key <= prev) order_ok = 0;
        prev = t->key; nodes++; ksum += t->key;
        cur = t->r;
        free(t);
    }
    printf("tree %" PRIu32 " nodes ordered %" PRIu32 " keysum %" PRIu64 " depth>=%d\n", nodes, order_ok, ksum, max_depth > 10);
    /* posix_memalign and aligned_alloc. */
    for (int a = 8; a <= 4096; a *= 2) {
        void *p = NULL;
        int r = posix_memalign(&p, (size_t)a, 100);
        void *q = aligned_alloc((size_t)a, (size_t)a * 3);
        printf("align %4d: r %d ok %d ok %d\n", a, r, ((uintptr_t)p % (uintptr_t)a) == 0, ((uintptr_t)q % (uintptr_t)a) == 0);
        free(p); free(q);
    }
    printf("errors %d misaligned %d\n", errors, misaligned);
    return errors != 0;
}
