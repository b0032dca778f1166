/* An AVL tree of 32-bit keys: recursive insert and delete with rotations, iterative lookups,
 * an in-order walk. Pointer chasing, unpredictable branches, recursion.
 * bench-group: int */
#include "bench.h"

enum { MAX_NODES = 1 << 17, OPS = 100000, BASE_ROUNDS = 15 };

typedef struct Node {
    struct Node *left, *right;
    uint32_t key;
    int32_t height;
} Node;

static Node nodes[MAX_NODES];
static Node *free_list;

static void reset_pool(void) {
    free_list = NULL;
    for (int i = MAX_NODES - 1; i >= 0; i--) { nodes[i].left = free_list; free_list = &nodes[i]; }
}

static Node *new_node(uint32_t key) {
    Node *n = free_list;
    if (!n) { puts("avltree: out of nodes"); exit(1); }
    free_list = n->left;
    n->left = n->right = NULL;
    n->key = key;
    n->height = 1;
    return n;
}

static void free_node(Node *n) { n->left = free_list; free_list = n; }

static inline int32_t height(const Node *n) { return n ? n->height : 0; }

static inline void update(Node *n) {
    int32_t l = height(n->left), r = height(n->right);
    n->height = 1 + (l > r ? l : r);
}

static Node *rotate_right(Node *n) {
    Node *l = n->left;
    n->left = l->right;
    l->right = n;
    update(n);
    update(l);
    return l;
}

static Node *rotate_left(Node *n) {
    Node *r = n->right;
    n->right = r->left;
    r->left = n;
    update(n);
    update(r);
    return r;
}

static Node *rebalance(Node *n) {
    update(n);
    int32_t balance = height(n->left) - height(n->right);
    if (balance > 1) {
        if (height(n->left->left) < height(n->left->right)) n->left = rotate_left(n->left);
        return rotate_right(n);
    }
    if (balance < -1) {
        if (height(n->right->right) < height(n->right->left)) n->right = rotate_right(n->right);
        return rotate_left(n);
    }
    return n;
}

static Node *insert(Node *n, uint32_t key, uint32_t *inserted) {
    if (!n) { (*inserted)++; return new_node(key); }
    if (key < n->key) n->left = insert(n->left, key, inserted);
    else if (key > n->key) n->right = insert(n->right, key, inserted);
    else return n;
    return rebalance(n);
}

static Node *remove_min(Node *n, Node **min) {
    if (!n->left) { *min = n; return n->right; }
    n->left = remove_min(n->left, min);
    return rebalance(n);
}

static Node *erase(Node *n, uint32_t key, uint32_t *erased) {
    if (!n) return NULL;
    if (key < n->key) n->left = erase(n->left, key, erased);
    else if (key > n->key) n->right = erase(n->right, key, erased);
    else {
        (*erased)++;
        Node *l = n->left, *r = n->right;
        free_node(n);
        if (!r) return l;
        Node *min;
        r = remove_min(r, &min);
        min->left = l;
        min->right = r;
        return rebalance(min);
    }
    return rebalance(n);
}

static int contains(const Node *n, uint32_t key) {
    while (n) {
        if (key == n->key) return 1;
        n = key < n->key ? n->left : n->right;
    }
    return 0;
}

/* In-order walk folding keys and depths: checks both the order and the shape. */
static uint64_t walk(const Node *n, uint64_t sum, uint32_t depth) {
    if (!n) return sum;
    sum = walk(n->left, sum, depth + 1);
    uint32_t item[2] = { n->key, depth };
    sum = bench_fold_numbers(sum, item, sizeof item, 4);
    return walk(n->right, sum, depth + 1);
}

int main(int argc, char **argv) {
    uint32_t rounds = bench_count(argc, argv, BASE_ROUNDS);
    uint32_t seed = 0x1f2e3d4c;
    uint64_t sum = BENCH_FOLD_INIT;
    uint32_t inserted = 0, erased = 0, found = 0;
    for (uint32_t round = 0; round < rounds; round++) {
        reset_pool();
        Node *root = NULL;
        inserted = erased = found = 0;
        /* Keys below 2^18 so inserts meet duplicates and lookups hit about a third. */
        for (uint32_t i = 0; i < OPS; i++) root = insert(root, bench_rand(&seed) & 0x3ffff, &inserted);
        for (uint32_t i = 0; i < OPS; i++) found += (uint32_t)contains(root, bench_rand(&seed) & 0x3ffff);
        for (uint32_t i = 0; i < OPS; i++) root = erase(root, bench_rand(&seed) & 0x3ffff, &erased);
        for (uint32_t i = 0; i < OPS / 2; i++) root = insert(root, bench_rand(&seed) & 0x3ffff, &inserted);
        uint32_t counts[4] = { inserted, erased, found, (uint32_t)height(root) };
        sum = bench_fold_numbers(sum, counts, sizeof counts, 4);
        sum = walk(root, sum, 0);
    }
    printf("avltree rounds %u inserted %u erased %u found %u\n", rounds, inserted, erased, found);
    bench_result("avltree", sum);
    return 0;
}
