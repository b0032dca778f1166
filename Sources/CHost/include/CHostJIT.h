// Entering translated code, and the host CPU's features the code generator may use.
#ifndef CHOST_JIT_H
#define CHOST_JIT_H
#include <stdint.h>
#include <cpuid.h>

/// What a translated block leaves in rax and rdx when it returns to the engine.
typedef struct { uint64_t kind; uint64_t payload; } chost_jit_exit;
typedef chost_jit_exit (*chost_jit_entry)(void *state, void *memory, void *jump_cache, const void *code);

/// Calls the entry trampoline: it runs translated code from `code` until a block exits.
static inline chost_jit_exit chost_jit_enter(const void *entry, void *state, void *memory, void *jump_cache,
                                             const void *code) {
    return ((chost_jit_entry)entry)(state, memory, jump_cache, code);
}

/// CPUID leaf `leaf`, subleaf `subleaf`: registers in out[0..3] = eax, ebx, ecx, edx; 0 when
/// the leaf does not exist.
static inline int chost_cpuid(unsigned leaf, unsigned subleaf, unsigned out[4]) {
    return __get_cpuid_count(leaf, subleaf, &out[0], &out[1], &out[2], &out[3]);
}

#endif
