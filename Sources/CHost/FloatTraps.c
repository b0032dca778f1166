// Invalid-operation traps for exact NaN results at no cost on the fast path. Guest FP
// arithmetic runs on the host's scalar SSE instructions; their results equal the guest's in
// everything but which NaN an invalid operation gives: x86 returns its default NaN
// (0xffc00000 / 0xfff8000000000000, sign set) where IEEE 754-2008's rule (and ARM's
// FPProcessNaNs / FPDefaultNaN) wants the first signalling NaN operand quieted, else the first
// quiet NaN operand, else the positive default NaN (0x7fc00000 / 0x7ff8000000000000). Every
// such case raises Invalid Operation (a NaN is made, or a signalling NaN is an operand), so a
// guest whose MXCSR leaves invalid unmasked (IM clear) gets SIGFPE there and nowhere else:
// the handler writes the rule's result into the destination register, raises the invalid
// flag as the masked instruction would have, and resumes after the instruction. A quiet NaN
// operand never traps: SSE already propagates it as the rule says (the first operand is the
// instruction's destination, which the code generator keeps in the IR's operand order).
//
// Only registered translated code is fixed up. Host code that trips over the unmasked
// exception (the IR interpreter, a helper doing float arithmetic) gets the host's masked
// behaviour: the handler masks invalid in the interrupted context, the instruction runs
// again, and chost_jit_enter unmasks it before translated code runs next.

#define _GNU_SOURCE
#include "CHost.h"
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <ucontext.h>

enum { MAX_RANGES = 64, MXCSR_IE = 0x01, MXCSR_IM = 0x80 };

static struct { uintptr_t start, size; } ranges[MAX_RANGES];
static volatile int range_count;
static volatile int installed;
__thread volatile int chost_float_traps_masked;

void chost_float_traps_add_code(const void *start, uint64_t size) {
    int n = __atomic_load_n(&range_count, __ATOMIC_ACQUIRE);
    for (int i = 0; i < n; i++) {
        if (ranges[i].size == 0 || ranges[i].start == (uintptr_t)start) {
            ranges[i].start = (uintptr_t)start;
            __atomic_store_n(&ranges[i].size, (uintptr_t)size, __ATOMIC_RELEASE);
            return;
        }
    }
    if (n >= MAX_RANGES) return;
    ranges[n].start = (uintptr_t)start;
    ranges[n].size = (uintptr_t)size;
    __atomic_store_n(&range_count, n + 1, __ATOMIC_RELEASE);
}

void chost_float_traps_remove_code(const void *start) {
    int n = __atomic_load_n(&range_count, __ATOMIC_ACQUIRE);
    for (int i = 0; i < n; i++)
        if (ranges[i].start == (uintptr_t)start) __atomic_store_n(&ranges[i].size, 0, __ATOMIC_RELEASE);
}

int chost_float_traps_active(void) { return installed; }

void chost_float_traps_rearm(void) {
    chost_float_traps_masked = 0;
    chost_set_mxcsr(chost_get_mxcsr() & ~(uint32_t)MXCSR_IM);
}

static int in_translated_code(uintptr_t pc) {
    int n = __atomic_load_n(&range_count, __ATOMIC_ACQUIRE);
    for (int i = 0; i < n; i++)
        if (pc - ranges[i].start < ranges[i].size) return 1;
    return 0;
}

// The rule, on the bits.
static int nan32(uint32_t x) { return (x & 0x7fffffff) > 0x7f800000; }
static int snan32(uint32_t x) { return nan32(x) && !(x & 0x00400000); }
static int nan64(uint64_t x) { return (x & 0x7fffffffffffffffull) > 0x7ff0000000000000ull; }
static int snan64(uint64_t x) { return nan64(x) && !(x & 0x0008000000000000ull); }

static uint32_t rule32(uint32_t a, uint32_t b, int binary) {
    if (snan32(a)) return a | 0x00400000;
    if (binary && snan32(b)) return b | 0x00400000;
    if (nan32(a)) return a;
    if (binary && nan32(b)) return b;
    return 0x7fc00000;
}

static uint64_t rule64(uint64_t a, uint64_t b, int binary) {
    if (snan64(a)) return a | 0x0008000000000000ull;
    if (binary && snan64(b)) return b | 0x0008000000000000ull;
    if (nan64(a)) return a;
    if (binary && nan64(b)) return b;
    return 0x7ff8000000000000ull;
}

/// The lanes of a trapping packed add, sub, mul or div (`opcode`) of d and s, into d: a lane
/// with a NaN operand or a NaN result gets the rule's NaN, every other lane its arithmetic in
/// the interrupted code's rounding and flush-to-zero. Its flags go to the interrupted MXCSR.
static void packed_arithmetic(struct _libc_fpstate *fp, uint8_t opcode, int dbl, uint32_t *d, const uint32_t *s) {
    uint32_t saved = chost_get_mxcsr();
    chost_set_mxcsr((fp->mxcsr | 0x1f80) & ~0x3fu);
    for (int k = 0; k < (dbl ? 2 : 4); k++) {
        if (dbl) {
            uint64_t a, b, r;
            memcpy(&a, d + 2 * k, 8);
            memcpy(&b, s + 2 * k, 8);
            if (nan64(a) || nan64(b)) {
                r = rule64(a, b, 1);
            } else {
                volatile double x, y, z;
                memcpy((void *)&x, &a, 8);
                memcpy((void *)&y, &b, 8);
                z = opcode == 0x58 ? x + y : opcode == 0x59 ? x * y : opcode == 0x5c ? x - y : x / y;
                memcpy(&r, (const void *)&z, 8);
                if (nan64(r)) r = rule64(a, b, 1);
            }
            memcpy(d + 2 * k, &r, 8);
        } else {
            uint32_t a = d[k], b = s[k], r;
            if (nan32(a) || nan32(b)) {
                r = rule32(a, b, 1);
            } else {
                volatile float x, y, z;
                memcpy((void *)&x, &a, 4);
                memcpy((void *)&y, &b, 4);
                z = opcode == 0x58 ? x + y : opcode == 0x59 ? x * y : opcode == 0x5c ? x - y : x / y;
                memcpy(&r, (const void *)&z, 4);
                if (nan32(r)) r = rule32(a, b, 1);
            }
            d[k] = r;
        }
    }
    fp->mxcsr |= chost_get_mxcsr() & 0x3f;
    chost_set_mxcsr(saved);
}

/// The lanes of a trapping packed compare with a quiet predicate (EQ_OQ 0, UNORD_Q 3, NEQ_UQ 4,
/// ORD_Q 7): masks, unordered when either lane is NaN; ordered lanes compare in the
/// interrupted code's MXCSR (its DAZ). 0 for another predicate.
static int packed_compare(struct _libc_fpstate *fp, uint8_t predicate, int dbl, uint32_t *d, const uint32_t *s) {
    if (predicate != 0 && predicate != 3 && predicate != 4 && predicate != 7) return 0;
    uint32_t saved = chost_get_mxcsr();
    chost_set_mxcsr((fp->mxcsr | 0x1f80) & ~0x3fu);
    for (int k = 0; k < (dbl ? 2 : 4); k++) {
        int unordered, equal;
        if (dbl) {
            uint64_t a, b;
            memcpy(&a, d + 2 * k, 8);
            memcpy(&b, s + 2 * k, 8);
            volatile double x, y;
            memcpy((void *)&x, &a, 8);
            memcpy((void *)&y, &b, 8);
            unordered = nan64(a) || nan64(b);
            equal = !unordered && x == y;
        } else {
            volatile float x, y;
            memcpy((void *)&x, d + k, 4);
            memcpy((void *)&y, s + k, 4);
            unordered = nan32(d[k]) || nan32(s[k]);
            equal = !unordered && x == y;
        }
        int holds = predicate == 0 ? equal : predicate == 3 ? unordered : predicate == 4 ? !equal : !unordered;
        uint32_t mask = holds ? 0xffffffffu : 0;
        if (dbl) { d[2 * k] = mask; d[2 * k + 1] = mask; } else { d[k] = mask; }
    }
    chost_set_mxcsr(saved);
    return 1;
}

/// Decodes the SSE instruction at `p` (the forms X64Backend emits: register operands, an
/// optional 66/F2/F3 prefix and REX; scalar arithmetic, conversions and compares, packed
/// arithmetic and quiet compares) and does what its masked form would with the rule's NaN.
/// 0 when it is not one of them.
static int fix_up(ucontext_t *uc, const uint8_t *p) {
    const uint8_t *start = p;
    uint8_t prefix = 0, rex = 0;
    if (*p == 0x66 || *p == 0xf2 || *p == 0xf3) prefix = *p++;
    if ((*p & 0xf0) == 0x40) rex = *p++;
    if (*p++ != 0x0f) return 0;
    uint8_t opcode = *p++, modrm = *p++;
    if (modrm >> 6 != 3) return 0;
    int dst = ((modrm >> 3) & 7) | (rex & 4 ? 8 : 0);
    int src = (modrm & 7) | (rex & 1 ? 8 : 0);
    struct _libc_fpstate *fp = uc->uc_mcontext.fpregs;
    uint32_t *d = fp->_xmm[dst].element, *s = fp->_xmm[src].element;
    uint64_t d64, s64;
    memcpy(&d64, d, 8);
    memcpy(&s64, s, 8);
    switch (opcode) {
    case 0x58: case 0x59: case 0x5c: case 0x5e:  // add, mul, sub, div: d = d op s
        if (prefix == 0 || prefix == 0x66) { packed_arithmetic(fp, opcode, prefix == 0x66, d, s); break; }
        if (prefix == 0xf3) { d[0] = rule32(d[0], s[0], 1); break; }
        if (prefix != 0xf2) return 0;
        d64 = rule64(d64, s64, 1);
        memcpy(d, &d64, 8);
        break;
    case 0x51:  // sqrt: d = sqrt(s)
        if (prefix == 0xf3) { d[0] = rule32(s[0], 0, 0); break; }
        if (prefix != 0xf2) return 0;
        d64 = rule64(s64, 0, 0);
        memcpy(d, &d64, 8);
        break;
    case 0x5a:  // cvtsd2ss / cvtss2sd of a signalling NaN: quieted, the fraction's top kept
        if (prefix == 0xf2) {
            d[0] = (uint32_t)(s64 >> 32 & 0x80000000u) | 0x7fc00000u | (uint32_t)(s64 >> 29 & 0x003fffffu);
        } else if (prefix == 0xf3) {
            d64 = (uint64_t)(s[0] & 0x80000000u) << 32 | 0x7ff8000000000000ull | (uint64_t)(s[0] & 0x003fffffu) << 29;
            memcpy(d, &d64, 8);
        } else {
            return 0;
        }
        break;
    case 0xc2:  // cmpps/cmppd with a quiet predicate: a signalling NaN lane raised invalid
        if (prefix != 0 && prefix != 0x66) return 0;
        if (!packed_compare(fp, *p++, prefix == 0x66, d, s)) return 0;
        break;
    case 0x2e: case 0x2f:  // ucomis/comis with a NaN operand: unordered (ZF, PF, CF set)
        if (prefix != 0 && prefix != 0x66) return 0;
        uc->uc_mcontext.gregs[REG_EFL] = (uc->uc_mcontext.gregs[REG_EFL] & ~(greg_t)0x8d5) | 0x45;
        break;
    default:
        return 0;
    }
    fp->mxcsr |= MXCSR_IE;
    uc->uc_mcontext.gregs[REG_RIP] += (greg_t)(p - start);
    return 1;
}

static void on_float_trap(int sig, siginfo_t *info, void *context) {
    // Sent (kill, tgkill, sigqueue), not raised by an instruction: the guest's signal.
    if (chost_signal_route_sent(sig, info)) return;
    ucontext_t *uc = context;
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (info->si_code == FPE_FLTINV && uc->uc_mcontext.fpregs) {
        if (in_translated_code(pc) && fix_up(uc, (const uint8_t *)pc)) return;
        // Host code (or a form the fix-up does not know): the host's masked result.
        uc->uc_mcontext.fpregs->mxcsr |= MXCSR_IM;
        chost_float_traps_masked = 1;
        return;
    }
    // Not ours (an integer division in Mirage itself): die of it.
    signal(SIGFPE, SIG_DFL);
}

int chost_float_traps_install(void) {
    if (installed) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_float_trap;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGFPE, &action, NULL) != 0) return -1;
    installed = 1;
    return 0;
}
