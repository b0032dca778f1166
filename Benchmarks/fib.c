/* Naive recursive Fibonacci: calls, returns, stack spills and a compare per call, nothing
 * else. Stresses call/return handling (return-address prediction in a translator).
 * bench-group: int */
#include "bench.h"

enum { BASE_REPEATS = 190 };

static uint32_t fib(uint32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    uint32_t repeats = bench_count(argc, argv, BASE_REPEATS);
    uint64_t sum = BENCH_FOLD_INIT;
    uint32_t value = 0;
    for (uint32_t i = 0; i < repeats; i++) {
        /* 30..32 in turn: the argument depends on the loop so nothing is computed once. */
        value = fib(30 + i % 3);
        sum = bench_fold_numbers(sum, &value, sizeof value, 4);
    }
    printf("fib repeats %u last %u\n", repeats, value);
    bench_result("fib", sum);
    return 0;
}
