// Atomic guest-memory operations for the IR interpreter (the JIT emits lock cmpxchg itself).
#ifndef CHOST_ATOMICS_H
#define CHOST_ATOMICS_H
#include <stdint.h>

static inline uint8_t chost_cas8(void *p, uint8_t expected, uint8_t desired) {
    __atomic_compare_exchange_n((uint8_t *)p, &expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected;
}
static inline uint16_t chost_cas16(void *p, uint16_t expected, uint16_t desired) {
    __atomic_compare_exchange_n((uint16_t *)p, &expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected;
}
static inline uint32_t chost_cas32(void *p, uint32_t expected, uint32_t desired) {
    __atomic_compare_exchange_n((uint32_t *)p, &expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected;
}
static inline uint64_t chost_cas64(void *p, uint64_t expected, uint64_t desired) {
    __atomic_compare_exchange_n((uint64_t *)p, &expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected;
}
static inline void chost_fence(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

#endif
