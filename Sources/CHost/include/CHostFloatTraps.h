// Invalid-operation traps (FloatTraps.c): exact NaN results for guest FP arithmetic that runs
// on the host's SSE, by fixing up the rare instruction that raises Invalid Operation.
#ifndef CHOST_FLOAT_TRAPS_H
#define CHOST_FLOAT_TRAPS_H
#include <stdint.h>

/// Installs the SIGFPE handler (idempotent). After it, a guest may run with MXCSR's invalid
/// mask clear. 0 on success.
int chost_float_traps_install(void);
/// Whether the handler is installed: only then may a guest's MXCSR unmask invalid.
int chost_float_traps_active(void);
/// Translated code in [start, start + size): its scalar SSE instructions that raise Invalid
/// Operation get the NaN rule's result (IEEE 754-2008, ARM's FPProcessNaNs and FPDefaultNaN).
void chost_float_traps_add_code(const void *start, uint64_t size);
/// The code at `start` is gone (its range is free for another).
void chost_float_traps_remove_code(const void *start);
/// Set on this thread when host code tripped over the unmasked exception and the handler
/// masked it; chost_float_traps_rearm() unmasks it again (chost_jit_enter does).
extern __thread volatile int chost_float_traps_masked;
void chost_float_traps_rearm(void);

#endif
