// The host's SSE floating-point control and status register (MXCSR). Guest FP environments
// (ARM FPSCR rounding, flush-to-zero and cumulative exception flags) map onto it, because the
// guest's FP arithmetic runs on the host's SSE instructions.
#ifndef CHOST_FLOAT_H
#define CHOST_FLOAT_H
#include <stdint.h>
#include <xmmintrin.h>

static inline uint32_t chost_get_mxcsr(void) { return _mm_getcsr(); }
static inline void chost_set_mxcsr(uint32_t value) { _mm_setcsr(value); }

#endif
