/* Atomic builtins on 8-, 16-, 32- and 64-bit objects: __atomic_* (load, store, exchange,
   compare_exchange strong and weak, fetch_add/sub/and/or/xor/nand, add_fetch, ...,
   test_and_set, clear, fences) and the legacy __sync_* family. On ARMv7 these compile to
   ldrex/strex loops (ldrexb/h, ldrexd for 64 bits) with dmb barriers; single-threaded, so
   the results are exactly determined. Each operation is its own statement: the order in
   which printf's arguments are evaluated is unspecified. MIPS32 has no 64-bit atomic
   instructions: gcc calls libatomic for the 64-bit __atomic forms there (which takes a lock
   around plain loads and stores) and has no 64-bit __sync forms at all, so those become
   their __atomic twins.
   guest-tests: mips-cflags -latomic
   guest-tests: mipsel-cflags -latomic */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

static int32_t i32;
static uint32_t u32;
static long long i64;
static uint64_t u64;
static uint8_t u8;
static uint16_t u16;
static bool flag;

__attribute__((noinline)) static int32_t opaque(int32_t x) { __asm__ volatile("" : "+r"(x)); return x; }

/* Prints what the operation returned and the object's value afterwards. */
#define SHOW(label, expr, object)                                                                  \
    do {                                                                                           \
        long long r_ = (long long)(expr);                                                          \
        printf("%-22s returned %lld now %lld\n", label, r_, (long long)(object));                  \
    } while (0)
#define SHOWU64(label, expr, object)                                                               \
    do {                                                                                           \
        uint64_t r_ = (uint64_t)(expr);                                                            \
        printf("%-22s returned %016" PRIx64 " now %016" PRIx64 "\n", label, r_, (uint64_t)(object)); \
    } while (0)

int main(void) {
    __atomic_store_n(&i32, 10, __ATOMIC_SEQ_CST);
    SHOW("i32 load", __atomic_load_n(&i32, __ATOMIC_ACQUIRE), i32);
    SHOW("i32 fetch_add", __atomic_fetch_add(&i32, 5, __ATOMIC_RELAXED), i32);
    SHOW("i32 fetch_sub", __atomic_fetch_sub(&i32, 20, __ATOMIC_RELEASE), i32);
    SHOW("i32 fetch_and", __atomic_fetch_and(&i32, 0x7ffffff0, __ATOMIC_ACQ_REL), i32);
    SHOW("i32 fetch_or", __atomic_fetch_or(&i32, 0x100, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 fetch_xor", __atomic_fetch_xor(&i32, -1, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 fetch_nand", __atomic_fetch_nand(&i32, 0xff, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 add_fetch", __atomic_add_fetch(&i32, 1000, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 sub_fetch", __atomic_sub_fetch(&i32, 1, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 and_fetch", __atomic_and_fetch(&i32, 0xfff, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 or_fetch", __atomic_or_fetch(&i32, 0x10000, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 xor_fetch", __atomic_xor_fetch(&i32, 0x5555, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 nand_fetch", __atomic_nand_fetch(&i32, 0xf0f0, __ATOMIC_SEQ_CST), i32);
    SHOW("i32 exchange", __atomic_exchange_n(&i32, 77, __ATOMIC_SEQ_CST), i32);
    int32_t expected = 76;
    SHOW("i32 cas wrong", __atomic_compare_exchange_n(&i32, &expected, 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), i32);
    printf("  expected now %d\n", expected);
    SHOW("i32 cas right", __atomic_compare_exchange_n(&i32, &expected, 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), i32);
    /* A weak CAS may fail spuriously; loop until it succeeds, as real code does. */
    int32_t cur = __atomic_load_n(&i32, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(&i32, &cur, cur * 3 + 1, true, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {}
    printf("weak cas loop value %d\n", i32);

    /* 64-bit: ldrexd/strexd pairs. */
    __atomic_store_n(&i64, 0x100000000LL, __ATOMIC_SEQ_CST);
    SHOW("i64 fetch_add", __atomic_fetch_add(&i64, 0xffffffffLL, __ATOMIC_SEQ_CST), i64);
    SHOW("i64 add_fetch carry", __atomic_add_fetch(&i64, 1, __ATOMIC_SEQ_CST), i64);
    SHOW("i64 fetch_sub", __atomic_fetch_sub(&i64, 0x300000000LL, __ATOMIC_SEQ_CST), i64);
    SHOW("i64 fetch_xor", __atomic_fetch_xor(&i64, 0x0123456789abcdefLL, __ATOMIC_SEQ_CST), i64);
    SHOW("i64 fetch_and", __atomic_fetch_and(&i64, 0x0ff00ff00ff00ff0LL, __ATOMIC_SEQ_CST), i64);
    SHOW("i64 fetch_or", __atomic_fetch_or(&i64, 1LL << 62, __ATOMIC_SEQ_CST), i64);
    SHOW("i64 exchange", __atomic_exchange_n(&i64, -1LL, __ATOMIC_SEQ_CST), i64);
    long long e64 = -1;
    SHOW("i64 cas ok", __atomic_compare_exchange_n(&i64, &e64, 0x7fffffffffffffffLL, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), i64);
    e64 = 5;
    SHOW("i64 cas fail", __atomic_compare_exchange_n(&i64, &e64, 0, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), i64);
    printf("  expected now %lld\n", e64);
    SHOW("i64 load", __atomic_load_n(&i64, __ATOMIC_SEQ_CST), i64);
    __atomic_store_n(&u64, 0xffffffffffffffffULL, __ATOMIC_RELEASE);
    SHOWU64("u64 add_fetch wrap", __atomic_add_fetch(&u64, 2, __ATOMIC_SEQ_CST), u64);
    SHOWU64("u64 or_fetch", __atomic_or_fetch(&u64, 0xf0f0f0f0f0f0f0f0ULL, __ATOMIC_SEQ_CST), u64);
    SHOWU64("u64 and_fetch", __atomic_and_fetch(&u64, 0x00ffff0000ffff00ULL, __ATOMIC_SEQ_CST), u64);
    SHOWU64("u64 sub_fetch borrow", __atomic_sub_fetch(&u64, 0x0000000100000001ULL, __ATOMIC_SEQ_CST), u64);

    /* Bytes and halfwords. */
    __atomic_store_n(&u8, 250, __ATOMIC_SEQ_CST);
    SHOW("u8 fetch_add wrap", __atomic_fetch_add(&u8, 10, __ATOMIC_SEQ_CST), u8);
    uint8_t e8 = 4;
    SHOW("u8 cas", __atomic_compare_exchange_n(&u8, &e8, 200, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), u8);
    SHOW("u8 fetch_or", __atomic_fetch_or(&u8, 0x0f, __ATOMIC_SEQ_CST), u8);
    __atomic_store_n(&u16, 65530, __ATOMIC_SEQ_CST);
    SHOW("u16 fetch_add wrap", __atomic_fetch_add(&u16, 10, __ATOMIC_SEQ_CST), u16);
    SHOW("u16 exchange", __atomic_exchange_n(&u16, 1234, __ATOMIC_SEQ_CST), u16);
    uint16_t e16 = 1234;
    SHOW("u16 cas", __atomic_compare_exchange_n(&u16, &e16, 40000, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), u16);

    /* Flags and fences. */
    SHOW("test_and_set first", __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST), flag);
    SHOW("test_and_set second", __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST), flag);
    __atomic_clear(&flag, __ATOMIC_SEQ_CST);
    SHOW("test_and_set cleared", __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST), flag);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    /* (8 bytes are lock free on ARMv7 and x86-64, not on MIPS32: not printed.) */
    printf("always lock free: 1 %d 2 %d 4 %d\n", __atomic_always_lock_free(1, 0), __atomic_always_lock_free(2, 0),
           __atomic_always_lock_free(4, 0));

    /* The __sync family. */
    u32 = 100;
    SHOW("sync fetch_and_add", __sync_fetch_and_add(&u32, 11), u32);
    SHOW("sync sub_and_fetch", __sync_sub_and_fetch(&u32, 200), u32);
    SHOW("sync fetch_and_or", __sync_fetch_and_or(&u32, 1), u32);
    SHOW("sync fetch_and_and", __sync_fetch_and_and(&u32, 0xffff), u32);
    SHOW("sync fetch_and_xor", __sync_fetch_and_xor(&u32, 0xaaaa), u32);
    SHOW("sync bool cas fail", __sync_bool_compare_and_swap(&u32, 1, 2), u32);
    uint32_t seen = u32;
    SHOW("sync bool cas ok", __sync_bool_compare_and_swap(&u32, seen, 3), u32);
    SHOW("sync val cas", __sync_val_compare_and_swap(&u32, 3, 9), u32);
    SHOW("sync lock_test_and_set", __sync_lock_test_and_set(&u32, 42), u32);
    __sync_lock_release(&u32);
    __sync_synchronize();
    printf("after release %u\n", u32);
    i64 = 1;
#ifdef __GCC_HAVE_SYNC_COMPARE_AND_SWAP_8
    SHOW("sync 64 fetch_and_add", __sync_fetch_and_add(&i64, 1LL << 40), i64);
    SHOW("sync 64 val cas", __sync_val_compare_and_swap(&i64, (1LL << 40) + 1, -7), i64);
    SHOW("sync 64 bool cas", __sync_bool_compare_and_swap(&i64, -7LL, 1LL << 50), i64);
#else
    SHOW("sync 64 fetch_and_add", __atomic_fetch_add(&i64, 1LL << 40, __ATOMIC_SEQ_CST), i64);
    long long expected64 = (1LL << 40) + 1;
    __atomic_compare_exchange_n(&i64, &expected64, -7, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    SHOW("sync 64 val cas", expected64, i64);
    expected64 = -7;
    SHOW("sync 64 bool cas", __atomic_compare_exchange_n(&i64, &expected64, 1LL << 50, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), i64);
#endif

    /* A counter loop under a spinlock. */
    static int lock;
    uint64_t sum = 0;
    for (int i = 0; i < 100000; i++) {
        while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE)) {}
        sum += __atomic_fetch_add(&u64, (uint64_t)opaque(i), __ATOMIC_RELAXED);
        __atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
        __sync_fetch_and_add(&i32, 1);
    }
    printf("loop u64 %" PRIu64 " sum %" PRIu64 " i32 %d\n", u64, sum, i32);
    return 0;
}
