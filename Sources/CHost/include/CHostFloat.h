// The host's SSE floating-point control and status register (MXCSR). Guest FP environments
// (ARM FPSCR rounding, flush-to-zero and cumulative exception flags) map onto it, because the
// guest's FP arithmetic runs on the host's SSE instructions.
#ifndef CHOST_FLOAT_H
#define CHOST_FLOAT_H
#include <stdint.h>
#include <xmmintrin.h>

static inline uint32_t chost_get_mxcsr(void) { return _mm_getcsr(); }
static inline void chost_set_mxcsr(uint32_t value) { _mm_setcsr(value); }

// The SSE instructions themselves, for the IR interpreter: the exact result and exception
// flags the JIT's code gets, whatever the compiler would make of sqrt() or isnan() (a debug
// build's libm sqrt adds flags of its own errno check). volatile: the flags are the point.
static inline double chost_sqrt_f64(double x) { double r; __asm__ volatile("sqrtsd %1, %0" : "=x"(r) : "x"(x)); return r; }
static inline float chost_sqrt_f32(float x) { float r; __asm__ volatile("sqrtss %1, %0" : "=x"(r) : "x"(x)); return r; }
/// 1 when a or b is a NaN, by ucomisd/ucomiss (invalid for a signalling NaN, denormal for a
/// subnormal operand, as for every other float comparison).
static inline int chost_unordered_f64(double a, double b) {
    unsigned char p; __asm__ volatile("ucomisd %2, %1\n\tsetp %0" : "=q"(p) : "x"(a), "x"(b) : "cc"); return p;
}
static inline int chost_unordered_f32(float a, float b) {
    unsigned char p; __asm__ volatile("ucomiss %2, %1\n\tsetp %0" : "=q"(p) : "x"(a), "x"(b) : "cc"); return p;
}

#endif
