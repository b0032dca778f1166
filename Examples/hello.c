/* The example program of the README: greets its arguments, then does a little arithmetic
   with doubles and 64-bit integers, the kind of work that shows a translator doing FP and
   register-pair arithmetic on a 32-bit guest. Build for armhf with
   arm-linux-gnueabihf-gcc -static -O2 -o Examples/out/hello-armhf Examples/hello.c -lm */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("Hello");
    for (int i = 1; i < argc; i++) printf("%s %s", i == 1 ? "," : " and", argv[i]);
    printf("!\n");

    /* 64-bit integers: 20!, Fibonacci(90), and a FNV-1a hash of the arguments. */
    uint64_t factorial = 1;
    for (uint64_t k = 2; k <= 20; k++) factorial *= k;
    uint64_t a = 0, b = 1;
    for (int k = 0; k < 90; k++) { uint64_t t = a + b; a = b; b = t; }
    uint64_t hash = 14695981039346656037ULL;
    for (int i = 1; i < argc; i++)
        for (const char *p = argv[i]; *p; p++) hash = (hash ^ (unsigned char)*p) * 1099511628211ULL;
    printf("20! = %" PRIu64 ", fib(90) = %" PRIu64 ", fib(90) / 20! = %" PRIu64 " rem %" PRIu64 "\n", factorial, a,
           a / factorial, a % factorial);
    printf("FNV-1a of the arguments: %016" PRIx64 "\n", hash);

    /* Doubles: pi from the Basel series and from Machin's formula. */
    double basel = 0;
    for (int k = 1; k <= 1000000; k++) basel += 1.0 / ((double)k * k);
    double machin = 4 * (4 * atan(1.0 / 5) - atan(1.0 / 239));
    printf("pi ~ %.12f (Basel, 10^6 terms), %.15f (Machin)\n", sqrt(6 * basel), machin);
    printf("argc = %d, last argument: %zu bytes\n", argc, argc > 1 ? strlen(argv[argc - 1]) : (size_t)0);
    return 0;
}
