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

// ARM decides that a result is tiny before rounding (FPRound: the exact result below the
// smallest normal), x86 after rounding; they differ only for a result rounded up to the
// smallest normal. Rounded toward zero, an exact result is below the smallest normal exactly
// when the rounded one is, so these run one operation that way (every exception masked, the
// caller's MXCSR, flags included, restored after). op: 0 a * b, 1 a / b, 2 c + a * b on
// doubles; 4, 5, 6 the same on singles; 8 the double a to single.
static inline uint64_t chost_toward_zero(uint32_t op, uint64_t a, uint64_t b, uint64_t c) {
    uint32_t saved = _mm_getcsr();
    _mm_setcsr(0x7f80);
    volatile uint64_t va = a, vb = b, vc = c;
    volatile uint64_t out = 0;
    double x, y, z; float p, q, t;
    uint64_t la = va, lb = vb, lc = vc;
    __builtin_memcpy(&x, &la, 8); __builtin_memcpy(&y, &lb, 8); __builtin_memcpy(&z, &lc, 8);
    uint32_t sa = (uint32_t)la, sb = (uint32_t)lb, sc = (uint32_t)lc;
    __builtin_memcpy(&p, &sa, 4); __builtin_memcpy(&q, &sb, 4); __builtin_memcpy(&t, &sc, 4);
    switch (op) {
    case 0: __asm__ volatile("mulsd %1, %0" : "+x"(x) : "x"(y)); __builtin_memcpy((void *)&la, &x, 8); break;
    case 1: __asm__ volatile("divsd %1, %0" : "+x"(x) : "x"(y)); __builtin_memcpy((void *)&la, &x, 8); break;
    case 2: { double r = __builtin_fma(x, y, z); __builtin_memcpy((void *)&la, &r, 8); break; }
    case 4: __asm__ volatile("mulss %1, %0" : "+x"(p) : "x"(q)); __builtin_memcpy(&sa, &p, 4); la = sa; break;
    case 5: __asm__ volatile("divss %1, %0" : "+x"(p) : "x"(q)); __builtin_memcpy(&sa, &p, 4); la = sa; break;
    case 6: { float r = __builtin_fmaf(p, q, t); __builtin_memcpy(&sa, &r, 4); la = sa; break; }
    default: { float r; __asm__ volatile("cvtsd2ss %1, %0" : "=x"(r) : "x"(x)); __builtin_memcpy(&sa, &r, 4); la = sa; break; }
    }
    out = la;
    _mm_setcsr(saved);
    return out;
}

#endif
