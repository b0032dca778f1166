/* Conditional execution: Thumb-2 IT blocks (and, in the ARM builds, the same code as
   conditional ARM instructions).

   Part 1 is ordinary branchless C that gcc -O2 turns into IT blocks of various lengths and
   conditions (min/max, abs, clamps, selects of several values, 64-bit compares, overflow
   checks, conditional stores).
   Part 2 is inline asm: every condition (EQ..LE and AL) with every IT mask of length 1 to 4,
   run from each of the 16 NZCV combinations, each slot of the block setting its own bit, so
   the printed word says exactly which instructions ran.
   Part 3 is inline asm blocks whose instructions set the flags inside the block (CMP, ADDS,
   which changes the condition seen by the later instructions), conditional loads from a null
   pointer that must not run, conditional stores, LDM/STRD and branches at the end of a block.
   The native build models each block in C. */
/* guest-tests: only arm */
#include <stdint.h>
#include <stdio.h>

#define NOINLINE __attribute__((noinline))
/* gcc hands ARM-state inline asm to the assembler in divided syntax; IT and the
   condition-after-S spellings (ADDSHI, STRDLT) need unified. */
#define UNIFIED ".syntax unified\n\t"

/* ---- Part 1: compiler-made IT blocks ---- */
static const int32_t ints[] = {0, 1, -1, 2, -2, 7, 100, -100, 0x7fffffff, (int32_t)0x80000000, 0x12345, -0x54321};
#define NINTS (int)(sizeof ints / sizeof ints[0])

NOINLINE static int32_t smin(int32_t a, int32_t b) { return a < b ? a : b; }
NOINLINE static int32_t smax(int32_t a, int32_t b) { return a > b ? a : b; }
NOINLINE static uint32_t umin(uint32_t a, uint32_t b) { return a < b ? a : b; }
NOINLINE static uint32_t umax(uint32_t a, uint32_t b) { return a >= b ? a : b; }
NOINLINE static int32_t iabs(int32_t a) { return a < 0 ? -a : a; }
NOINLINE static int32_t clamp(int32_t x, int32_t lo, int32_t hi) { return x < lo ? lo : x > hi ? hi : x; }
NOINLINE static int32_t sign(int32_t x) { return (x > 0) - (x < 0); }
NOINLINE static int32_t le_select(int32_t a, int32_t b) { return a <= b ? a * 3 : b - a; }
NOINLINE static uint32_t ls_select(uint32_t a, uint32_t b) { return a <= b ? a + 5 : b ^ 0xff; }
NOINLINE static uint32_t hi_select(uint32_t a, uint32_t b) { return a > b ? a - b : 0; }
NOINLINE static int32_t ne_select(int32_t a, int32_t b) { return a != b ? a | 1 : b & ~1; }

/* Several assignments under one condition: ITTT / ITTE... */
NOINLINE static uint32_t multi_then(int32_t a, int32_t b) {
    uint32_t x = 1, y = 2, z = 3;
    if (a == b) {
        x = (uint32_t)a + 11;
        y = (uint32_t)b << 2;
        z = (uint32_t)(a ^ 0x55);
    }
    return x * 1000003u + y * 101u + z;
}
NOINLINE static uint32_t then_else(int32_t a, int32_t b) {
    uint32_t x, y;
    if (a < b) {
        x = (uint32_t)a + 1;
        y = (uint32_t)b - 1;
    } else {
        x = (uint32_t)b + 7;
        y = (uint32_t)a - 9;
    }
    return x * 31u + y;
}
NOINLINE static int32_t cmp64(int64_t a, int64_t b) { return a < b ? -1 : a > b ? 1 : 0; }
NOINLINE static uint32_t ucmp64(uint64_t a, uint64_t b) { return a <= b ? 10 : 20; }
NOINLINE static int32_t add_or_saturate(int32_t a, int32_t b) {
    int32_t r;
    return __builtin_add_overflow(a, b, &r) ? (a < 0 ? INT32_MIN : INT32_MAX) : r;
}
NOINLINE static int32_t sub_overflowed(int32_t a, int32_t b) {
    int32_t r;
    return __builtin_sub_overflow(a, b, &r);
}
NOINLINE static int32_t negative_difference(int32_t a, int32_t b) {
    int32_t d = (int32_t)((uint32_t)a - (uint32_t)b);
    return d < 0 ? 100 : d;
}
NOINLINE static uint32_t bit_test(uint32_t a, uint32_t b) { return (a & b) ? a : ~b; }
NOINLINE static uint32_t carry_chain(uint32_t a, uint32_t b) {
    uint32_t s = a + b;
    return s < a ? s + 0x1000 : s;
}

static int32_t store_slots[4];
NOINLINE static void conditional_store(int32_t a, int32_t b) {
    if (a > b) store_slots[0] = a;
    if (a == b) store_slots[1] += 1;
    if ((uint32_t)a < (uint32_t)b) store_slots[2] ^= b;
    if (a != 0) store_slots[3] -= a;
}

static void part1(void) {
    uint32_t h = 0;
    for (int i = 0; i < NINTS; i++) {
        int32_t a = ints[i];
        printf("abs %d sign %d clamp %d\n", iabs(a), sign(a), clamp(a, -100, 0x12345));
        for (int j = 0; j < NINTS; j++) {
            int32_t b = ints[j];
            printf("%d %d: %d %d %u %u %d %u %u %d %u %u %d %u %d %d %d %u %u\n", a, b, smin(a, b), smax(a, b),
                   umin((uint32_t)a, (uint32_t)b), umax((uint32_t)a, (uint32_t)b), le_select(a, b),
                   ls_select((uint32_t)a, (uint32_t)b), hi_select((uint32_t)a, (uint32_t)b), ne_select(a, b),
                   multi_then(a, b), then_else(a, b), cmp64((int64_t)a << 20, (int64_t)b * 3),
                   ucmp64((uint64_t)(uint32_t)a << 31, (uint64_t)(uint32_t)b * 5), add_or_saturate(a, b),
                   sub_overflowed(a, b), negative_difference(a, b), bit_test((uint32_t)a, (uint32_t)b),
                   carry_chain((uint32_t)a, (uint32_t)b));
            conditional_store(a, b);
            h = h * 33 + (uint32_t)store_slots[0] + (uint32_t)store_slots[1] * 3 + (uint32_t)store_slots[2] * 5 +
                (uint32_t)store_slots[3] * 7;
        }
    }
    printf("conditional stores: %d %d %d %d hash %08x\n", store_slots[0], store_slots[1], store_slots[2],
           store_slots[3], h);
}

/* ---- Part 2: every condition, every mask ---- */
#ifndef __arm__
/* Whether condition c holds for NZCV (bits 3..0 = N Z C V). */
static int holds(int cond, unsigned nzcv) {
    int n = (nzcv >> 3) & 1, z = (nzcv >> 2) & 1, c = (nzcv >> 1) & 1, v = nzcv & 1;
    switch (cond) {
    case 0: return z;
    case 1: return !z;
    case 2: return c;
    case 3: return !c;
    case 4: return n;
    case 5: return !n;
    case 6: return v;
    case 7: return !v;
    case 8: return c && !z;
    case 9: return !c || z;
    case 10: return n == v;
    case 11: return n != v;
    case 12: return !z && n == v;
    case 13: return z || n != v;
    default: return 1;
    }
}
#endif

/* Slot k of a block sets bit k when it is a "then" slot that runs and bit k+8 when it is an
   "else" slot that runs. */
#define T_SLOT(k, c, ic) "orr" c " %[d], %[d], #(1 << " #k ")\n\t"
#define E_SLOT(k, c, ic) "orr" ic " %[d], %[d], #(1 << (" #k " + 8))\n\t"
#ifdef __arm__
#define BLOCK(fname, it, slots)                                                                    \
    static uint32_t fname(uint32_t nzcv) {                                                         \
        uint32_t d = 0;                                                                            \
        __asm__ volatile(UNIFIED "msr APSR_nzcvq, %[flags]\n\t" it "\n\t" slots                            \
                         : [d] "+r"(d) : [flags] "r"(nzcv << 28) : "cc");                          \
        return d;                                                                                  \
    }
#else
#define BLOCK(fname, it, slots) static uint32_t fname(uint32_t nzcv) { (void)nzcv; return 0; }
#endif

/* The 15 masks: the letters after IT, as a pattern of T (then) and E (else) slots. */
#define MASKS(Y, cname, c, ic)                                                                     \
    Y(cname, t, "it " c, T_SLOT(0, c, ic))                                                         \
    Y(cname, tt, "itt " c, T_SLOT(0, c, ic) T_SLOT(1, c, ic))                                      \
    Y(cname, te, "ite " c, T_SLOT(0, c, ic) E_SLOT(1, c, ic))                                      \
    Y(cname, ttt, "ittt " c, T_SLOT(0, c, ic) T_SLOT(1, c, ic) T_SLOT(2, c, ic))                   \
    Y(cname, tte, "itte " c, T_SLOT(0, c, ic) T_SLOT(1, c, ic) E_SLOT(2, c, ic))                   \
    Y(cname, tet, "itet " c, T_SLOT(0, c, ic) E_SLOT(1, c, ic) T_SLOT(2, c, ic))                   \
    Y(cname, tee, "itee " c, T_SLOT(0, c, ic) E_SLOT(1, c, ic) E_SLOT(2, c, ic))                   \
    Y(cname, tttt, "itttt " c, T_SLOT(0, c, ic) T_SLOT(1, c, ic) T_SLOT(2, c, ic) T_SLOT(3, c, ic)) \
    Y(cname, ttte, "ittte " c, T_SLOT(0, c, ic) T_SLOT(1, c, ic) T_SLOT(2, c, ic) E_SLOT(3, c, ic)) \
    Y(cname, ttet, "ittet " c, T_SLOT(0, c, ic) T_SLOT(1, c, ic) E_SLOT(2, c, ic) T_SLOT(3, c, ic)) \
    Y(cname, ttee, "ittee " c, T_SLOT(0, c, ic) T_SLOT(1, c, ic) E_SLOT(2, c, ic) E_SLOT(3, c, ic)) \
    Y(cname, tett, "itett " c, T_SLOT(0, c, ic) E_SLOT(1, c, ic) T_SLOT(2, c, ic) T_SLOT(3, c, ic)) \
    Y(cname, tete, "itete " c, T_SLOT(0, c, ic) E_SLOT(1, c, ic) T_SLOT(2, c, ic) E_SLOT(3, c, ic)) \
    Y(cname, teet, "iteet " c, T_SLOT(0, c, ic) E_SLOT(1, c, ic) E_SLOT(2, c, ic) T_SLOT(3, c, ic)) \
    Y(cname, teee, "iteee " c, T_SLOT(0, c, ic) E_SLOT(1, c, ic) E_SLOT(2, c, ic) E_SLOT(3, c, ic))

#define CONDITIONS(Y)                                                                              \
    MASKS(Y, eq, "eq", "ne") MASKS(Y, ne, "ne", "eq") MASKS(Y, cs, "cs", "cc")                     \
    MASKS(Y, cc, "cc", "cs") MASKS(Y, mi, "mi", "pl") MASKS(Y, pl, "pl", "mi")                     \
    MASKS(Y, vs, "vs", "vc") MASKS(Y, vc, "vc", "vs") MASKS(Y, hi, "hi", "ls")                     \
    MASKS(Y, ls, "ls", "hi") MASKS(Y, ge, "ge", "lt") MASKS(Y, lt, "lt", "ge")                     \
    MASKS(Y, gt, "gt", "le") MASKS(Y, le, "le", "gt")

#define DEFINE_BLOCK(cname, mask, it, slots) BLOCK(it_##cname##_##mask, it, slots)
CONDITIONS(DEFINE_BLOCK)
/* AL takes only "then" slots. The assembler refuses IT AL, so the Thumb builds spell the
   instruction out (firstcond 1110, mask 1000 for one slot, 0001 for four); ARM state has no IT. */
#ifdef __thumb__
#define IT_AL_1 ".inst.n 0xbfe8"
#define IT_AL_4 ".inst.n 0xbfe1"
#else
#define IT_AL_1 ""
#define IT_AL_4 ""
#endif
BLOCK(it_al_t, IT_AL_1, T_SLOT(0, "", ""))
BLOCK(it_al_tttt, IT_AL_4, T_SLOT(0, "", "") T_SLOT(1, "", "") T_SLOT(2, "", "") T_SLOT(3, "", ""))

#define BLOCK_ENTRY(cname, mask, it, slots) {#cname, #mask, it_##cname##_##mask},
static const struct { const char *cond, *mask; uint32_t (*fn)(uint32_t); } blocks[] = {
    CONDITIONS(BLOCK_ENTRY) {"al", "t", it_al_t}, {"al", "tttt", it_al_tttt},
};
static const char *const cond_names[] __attribute__((unused)) = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
                                         "hi", "ls", "ge", "lt", "gt", "le", "al"};

#ifndef __arm__
/* The model: slot k of the mask runs when the condition (inverted for E) holds. */
static uint32_t model_block(const char *cond, const char *mask, unsigned nzcv) {
    int c = 0;
    while (cond_names[c][0] != cond[0] || cond_names[c][1] != cond[1]) c++;
    uint32_t d = 0;
    for (int k = 0; mask[k]; k++) {
        int then = mask[k] == 't';
        if (holds(c, nzcv) == then) d |= then ? 1u << k : 1u << (k + 8);
    }
    return d;
}
#endif

static void part2(void) {
    for (unsigned i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        printf("it%-4s %s:", blocks[i].mask + 1, blocks[i].cond);
        for (unsigned nzcv = 0; nzcv < 16; nzcv++) {
#ifdef __arm__
            uint32_t d = blocks[i].fn(nzcv);
#else
            uint32_t d = model_block(blocks[i].cond, blocks[i].mask, nzcv);
            (void)blocks[i].fn;
#endif
            printf(" %03x", d);
        }
        printf("\n");
    }
}

/* ---- Part 3: flag-setting and memory instructions inside blocks ---- */
static const uint32_t pairs[][2] = {{5, 5}, {5, 6}, {6, 5}, {0, 0}, {0xffffffff, 1}, {0x7fffffff, 1},
                                    {0x80000000, 0x80000000}, {3, 0xfffffffd}, {10, 5}, {1, 0}};
#define NPAIRS (int)(sizeof pairs / sizeof pairs[0])
static volatile uint32_t memory_cell[4] = {0x1111, 0x2222, 0x3333, 0x4444};

/* CMP inside a block: the later slots test the flags the CMP left. "a == b, then compare a
   with 5; if that is also equal, mark". */
static uint32_t cmp_inside(uint32_t a, uint32_t b) {
#ifdef __arm__
    uint32_t d = 0;
    __asm__ volatile(UNIFIED "cmp %[a], %[b]\n\t"
                     "ittt eq\n\t"
                     "orreq %[d], %[d], #1\n\t"
                     "cmpeq %[a], #5\n\t"
                     "orreq %[d], %[d], #2\n\t"
                     : [d] "+r"(d) : [a] "r"(a), [b] "r"(b) : "cc");
    return d;
#else
    return a == b ? 1 | (a == 5 ? 2 : 0) : 0;
#endif
}

/* ADDS inside an ITE/ITT: the sum's carry decides the following slots. */
static uint32_t adds_inside(uint32_t a, uint32_t b) {
#ifdef __arm__
    uint32_t d = a, marks = 0;
    __asm__ volatile(UNIFIED "cmp %[a], %[b]\n\t"
                     "itete hi\n\t"
                     "addshi %[d], %[d], %[b]\n\t"  /* a > b: d = a + b, flags from the sum */
                     "orrls %[m], %[m], #1\n\t"
                     "orrhi %[m], %[m], #2\n\t"     /* runs when the sum is HI */
                     "orrls %[m], %[m], #4\n\t"     /* runs when the sum is LS (or a <= b) */
                     : [d] "+r"(d), [m] "+r"(marks) : [a] "r"(a), [b] "r"(b) : "cc");
    return d ^ (marks << 28);
#else
    /* Every slot after the ADDS tests the flags it left; without it, those of the CMP. */
    uint32_t d = a;
    int hi = a > b;
    if (hi) {
        uint32_t s = a + b;
        hi = s < a && s != 0; /* carry out and not zero */
        d = s;
    }
    uint32_t marks = hi ? 2 : 1 | 4;
    return d ^ (marks << 28);
#endif
}

/* A conditional load through a null pointer (the LDRNE when p is null), skipped because the
   condition fails, and a
   conditional store back to the cell when it holds. */
static uint32_t guarded_load(uint32_t a, uint32_t b) {
    volatile uint32_t *p = a == b ? &memory_cell[a & 3] : 0;
#ifdef __arm__
    uint32_t d = 0;
    __asm__ volatile(UNIFIED "cmp %[p], #0\n\t"
                     "itete ne\n\t"
                     "ldrne %[d], [%[p]]\n\t"
                     "moveq %[d], #0xde\n\t"
                     "addne %[d], %[d], #1\n\t"
                     "addeq %[d], %[d], #0x100\n\t"
                     : [d] "+r"(d) : [p] "r"(p) : "cc", "memory");
    if (p) {
        __asm__ volatile(UNIFIED "cmp %[d], #0\n\t"
                         "it ne\n\t"
                         "strne %[d], [%[p]]\n\t"
                         : : [d] "r"(d), [p] "r"(p) : "cc", "memory");
    }
    return d;
#else
    if (!p) return 0x1de;
    uint32_t d = *p + 1;
    *p = d;
    return d;
#endif
}

/* Conditional store pair and load multiple inside blocks. */
static uint32_t pair_ops(uint32_t a, uint32_t b) {
    static volatile uint32_t slot[4] __attribute__((aligned(8)));
    slot[0] = slot[1] = slot[2] = slot[3] = 0;
#ifdef __arm__
    register uint32_t lo __asm__("r4") = a, hi __asm__("r5") = b;
    register uint32_t x __asm__("r2"), y __asm__("r3");
    __asm__ volatile(UNIFIED "cmp %[a], %[b]\n\t"
                     "ite lt\n\t"
                     "strdlt %[lo], %[hi], [%[s]]\n\t"
                     "strdge %[lo], %[hi], [%[s], #8]\n\t"
                     "ite lt\n\t"
                     "ldmlt %[s], {r2, r3}\n\t"
                     "ldrdge r2, r3, [%[s], #8]\n\t"
                     : "=&r"(x), "=&r"(y) : [a] "r"(a), [b] "r"(b), [lo] "r"(lo), [hi] "r"(hi), [s] "r"(slot)
                     : "cc", "memory");
    return x * 3 + y + slot[0] * 5 + slot[3] * 7;
#else
    if ((int32_t)a < (int32_t)b) slot[0] = a, slot[1] = b;
    else slot[2] = a, slot[3] = b;
    uint32_t x = (int32_t)a < (int32_t)b ? slot[0] : slot[2], y = (int32_t)a < (int32_t)b ? slot[1] : slot[3];
    return x * 3 + y + slot[0] * 5 + slot[3] * 7;
#endif
}

/* A branch as the last instruction of a block. */
static uint32_t branch_last(uint32_t a, uint32_t b) {
#ifdef __arm__
    uint32_t d = 0;
    __asm__ volatile(UNIFIED "cmp %[a], %[b]\n\t"
                     "itt cc\n\t"
                     "movcc %[d], #1\n\t"
                     "bcc 1f\n\t"
                     "mov %[d], #2\n\t"
                     "cmp %[a], %[b]\n\t"
                     "itt eq\n\t"
                     "addeq %[d], %[d], #10\n\t"
                     "beq 1f\n\t"
                     "add %[d], %[d], #100\n"
                     "1:\n\t"
                     : [d] "+r"(d) : [a] "r"(a), [b] "r"(b) : "cc");
    return d;
#else
    if (a < b) return 1;
    return a == b ? 12 : 102;
#endif
}

static void part3(void) {
    for (int i = 0; i < NPAIRS; i++) {
        uint32_t a = pairs[i][0], b = pairs[i][1];
        printf("%08x %08x: cmp-inside %u adds-inside %08x load %08x pair %u branch %u\n", a, b, cmp_inside(a, b),
               adds_inside(a, b), guarded_load(a, b), pair_ops(a, b), branch_last(a, b));
    }
}

int main(void) {
    part1();
    part2();
    part3();
    return 0;
}
