// Entering translated code, and the host CPU's features the code generator may use.
#ifndef CHOST_JIT_H
#define CHOST_JIT_H
#include <stdint.h>
#include <cpuid.h>
#include <sys/platform/x86.h>
#include "CHostFloatTraps.h"

/// What a translated block leaves in rax and rdx when it returns to the engine.
typedef struct { uint64_t kind; uint64_t payload; } chost_jit_exit;
typedef chost_jit_exit (*chost_jit_entry)(void *state, void *memory, void *jump_cache, const void *code);

/// Calls the entry trampoline: it runs translated code from `code` until a block exits. Host
/// code that masked the invalid trap since (FloatTraps.c) gets it unmasked again first.
static inline chost_jit_exit chost_jit_enter(const void *entry, void *state, void *memory, void *jump_cache,
                                             const void *code) {
    if (chost_float_traps_masked) chost_float_traps_rearm();
    return ((chost_jit_entry)entry)(state, memory, jump_cache, code);
}

/// CPUID leaf `leaf`, subleaf `subleaf`: registers in out[0..3] = eax, ebx, ecx, edx; 0 when
/// the leaf does not exist.
static inline int chost_cpuid(unsigned leaf, unsigned subleaf, unsigned out[4]) {
    return __get_cpuid_count(leaf, subleaf, &out[0], &out[1], &out[2], &out[3]);
}

/// The CPUID feature bits the code generator asks about, as glibc read them at start-up
/// (glibc 2.33's <sys/platform/x86.h>): asking the CPU again costs a trap to the hypervisor per
/// CPUID in a virtual machine, about 10 us each. Bits: 0 SSE4.1, 1 POPCNT, 2 MOVBE, 3 LZCNT,
/// 4 BMI1 (each as CPUID reports it; tests check them against chost_cpuid).
static inline unsigned chost_libc_cpu_features(void) {
    return (CPU_FEATURE_PRESENT(SSE4_1) ? 1u : 0u) | (CPU_FEATURE_PRESENT(POPCNT) ? 2u : 0u)
        | (CPU_FEATURE_PRESENT(MOVBE) ? 4u : 0u) | (CPU_FEATURE_PRESENT(LZCNT) ? 8u : 0u)
        | (CPU_FEATURE_PRESENT(BMI1) ? 16u : 0u);
}

#endif
