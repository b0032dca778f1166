/* 64-bit integer arithmetic on a 32-bit guest: a splitmix64 generator (64-bit multiplies and
 * shifts), Miller-Rabin primality of 32-bit numbers by modular exponentiation (64-bit
 * products reduced by unsigned 64-bit division), 64-bit Euclid, and signed 64-bit division.
 * On ARM each 64-bit division is a libgcc call (__aeabi_uldivmod / __aeabi_ldivmod).
 * bench-group: int */
#include "bench.h"

enum { BASE_CANDIDATES = 156000 };

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t pow_mod(uint64_t base, uint64_t exponent, uint64_t modulus) {
    uint64_t result = 1;
    base %= modulus;
    while (exponent) {
        if (exponent & 1) result = result * base % modulus;
        base = base * base % modulus;
        exponent >>= 1;
    }
    return result;
}

/* Deterministic for every n < 2^32 with the witnesses 2, 7 and 61. */
static int is_prime(uint32_t n) {
    if (n < 2) return 0;
    if (n % 2 == 0) return n == 2;
    static const uint32_t witnesses[3] = { 2, 7, 61 };
    uint32_t d = n - 1;
    int s = 0;
    while ((d & 1) == 0) { d >>= 1; s++; }
    for (int w = 0; w < 3; w++) {
        uint32_t a = witnesses[w];
        if (a % n == 0) continue;
        uint64_t x = pow_mod(a, d, n);
        if (x == 1 || x == n - 1) continue;
        int composite = 1;
        for (int r = 1; r < s && composite; r++) {
            x = x * x % n;
            if (x == n - 1) composite = 0;
        }
        if (composite) return 0;
    }
    return 1;
}

static uint64_t gcd(uint64_t a, uint64_t b) {
    while (b) { uint64_t t = a % b; a = b; b = t; }
    return a;
}

int main(int argc, char **argv) {
    uint32_t candidates = bench_count(argc, argv, BASE_CANDIDATES);
    if (!is_prime(4294967291u) || is_prime(4294967295u) || is_prime(3215031751u)) {
        puts("int64: primality test wrong");   /* 3215031751 is the 2,3,5,7 strong pseudoprime */
        return 1;
    }
    uint64_t state = 42;
    uint32_t primes = 0;
    uint64_t gcds = 0;
    int64_t quotients = 0;
    for (uint32_t i = 0; i < candidates; i++) {
        uint64_t r = splitmix64(&state);
        primes += (uint32_t)is_prime((uint32_t)r | 1);
        uint64_t x = splitmix64(&state), y = splitmix64(&state) >> (i % 40);
        gcds += gcd(x, y | 1);
        /* Signed division with both signs, divisors of every size from 1 bit up. */
        int64_t dividend = (int64_t)x, divisor = (int64_t)(y >> (i % 23)) - 12345;
        if (divisor != 0) quotients += dividend / divisor + dividend % divisor;
    }
    printf("int64 candidates %u primes %u gcds %016llx quotients %lld\n", candidates, primes,
           (unsigned long long)gcds, (long long)quotients);
    uint64_t sum = BENCH_FOLD_INIT;
    sum = bench_fold_numbers(sum, &primes, sizeof primes, 4);
    sum = bench_fold_numbers(sum, &gcds, sizeof gcds, 8);
    sum = bench_fold_numbers(sum, &quotients, sizeof quotients, 8);
    bench_result("int64", sum);
    return 0;
}
