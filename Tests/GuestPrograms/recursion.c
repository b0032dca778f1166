/* Recursion: naive Fibonacci, Ackermann for small arguments, mutual recursion, Towers of
   Hanoi, permutations, N-queens, recursive flood fill, and a recursive-descent tree
   builder with deep stacks (depth in the tens of thousands). */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static uint64_t fib64(uint32_t n) { return n < 2 ? n : fib64(n - 1) + fib64(n - 2); }
static uint32_t ack(uint32_t m, uint32_t n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}
static int is_odd(uint32_t n);
static int is_even(uint32_t n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(uint32_t n) { return n == 0 ? 0 : is_even(n - 1); }

static uint32_t hanoi_moves, hanoi_hash;
static void hanoi(int n, int from, int to, int via) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    hanoi_moves++;
    hanoi_hash = hanoi_hash * 31 + (uint32_t)(from * 3 + to);
    hanoi(n - 1, via, to, from);
}

static int perm_count;
static void permute(char *s, int k, int n) {
    if (k == n) { if (perm_count++ < 30) printf("perm %s\n", s); return; }
    for (int i = k; i < n; i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, n);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

static int queens(int row, int n, uint32_t cols, uint32_t d1, uint32_t d2) {
    if (row == n) return 1;
    int count = 0;
    for (int c = 0; c < n; c++) {
        if ((cols >> c) & 1 || (d1 >> (row + c)) & 1 || (d2 >> (row - c + n)) & 1) continue;
        count += queens(row + 1, n, cols | 1u << c, d1 | 1u << (row + c), d2 | 1u << (row - c + n));
    }
    return count;
}

#define W 64
#define H 48
static char grid[H][W + 1];
static int fill(int y, int x) {
    if (y < 0 || y >= H || x < 0 || x >= W || grid[y][x] != '.') return 0;
    grid[y][x] = 'o';
    return 1 + fill(y + 1, x) + fill(y - 1, x) + fill(y, x + 1) + fill(y, x - 1);
}

/* Deep non-tail recursion: sum of a list built on the stack. */
struct link { const struct link *prev; uint32_t v; };
static uint64_t deep(const struct link *prev, uint32_t depth) {
    struct link here = {prev, depth * 2654435761u};
    if (depth == 0) {
        uint64_t s = 0;
        for (const struct link *l = &here; l; l = l->prev) s += l->v >> 7;
        return s;
    }
    return deep(&here, depth - 1) + 1;
}

int main(void) {
    for (uint32_t n = 0; n <= 27; n++) printf("fib(%u) = %u\n", n, fib(n));
    printf("fib64(40)... skipped; fib64(30) = %" PRIu64 "\n", fib64(30));
    for (uint32_t m = 0; m <= 3; m++)
        for (uint32_t n = 0; n <= (m < 3 ? 6u : 5u); n++) printf("ack(%u,%u) = %u\n", m, n, ack(m, n));
    printf("even(10001) %d odd(10001) %d\n", is_even(10001), is_odd(10001));
    for (int n = 1; n <= 18; n += 4) {
        hanoi_moves = 0; hanoi_hash = 0;
        hanoi(n, 0, 2, 1);
        printf("hanoi %d: %u moves hash %08" PRIx32 "\n", n, hanoi_moves, hanoi_hash);
    }
    char s[] = "abcdefg";
    permute(s, 0, 7);
    printf("permutations %d\n", perm_count);
    for (int n = 1; n <= 9; n++) printf("queens(%d) = %d\n", n, queens(0, n, 0, 0, 0));
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) grid[y][x] = ((x * 7 + y * 13) % 11 == 0 || (x == 20 && y > 5)) ? '#' : '.';
        grid[y][W] = 0;
    }
    printf("filled %d\n", fill(0, 0));
    for (int y = 0; y < H; y += 6) printf("%s\n", grid[y]);
    for (uint32_t d = 1; d <= 40000; d *= 3) printf("deep %u: %" PRIu64 "\n", d, deep(NULL, d));
    return 0;
}
