/* Faults at a known instruction with known registers, for the precise-fault check of
 * Scripts/cli-tests: `-d guest_errors` must name the faulting instruction's address (the
 * symbol fault_<case>_at, read with nm) and the registers as they were before it.
 *
 *   fault store   str to an unmapped address after flag-setting and register-writing code
 *                 in the same block
 *   fault ldm     ldm with writeback from an unmapped address: the base is not written back
 *   fault it      a conditional store (in Thumb: inside an IT block) that faults
 *
 * Registers at the fault: r0 = the address, r1..r12 = 0x01010101 * n, except as noted. */
#include <stdio.h>
#include <string.h>

void fault_store(void);
void fault_ldm(void);
void fault_it(void);

#ifdef __thumb__
#define FUNC(name) ".global " #name "\n.type " #name ",%function\n.thumb_func\n" #name ":\n"
#define IT_EQ "it eq\n"
#else
#define FUNC(name) ".global " #name "\n.type " #name ",%function\n" #name ":\n"
#define IT_EQ ""
#endif
#define LABEL(name) ".global " #name "\n" #name ":\n"
#define SET(r, v) "movw " #r ", #" #v "\nmovt " #r ", #" #v "\n"
#define SET_ALL SET(r1, 0x0101) SET(r2, 0x0202) SET(r3, 0x0303) SET(r4, 0x0404) SET(r5, 0x0505) \
    SET(r6, 0x0606) SET(r7, 0x0707) SET(r8, 0x0808) SET(r9, 0x0909) SET(r10, 0x0a0a) \
    SET(r11, 0x0b0b) SET(r12, 0x0c0c)

__asm__(
    ".syntax unified\n.text\n.p2align 2\n"
    /* r3 is written by the instruction before the fault, flags by cmp: N=1 Z=0 C=0 V=0. */
    FUNC(fault_store)
    SET_ALL
    "movw r0, #0x10\nmovt r0, #0\n"
    "cmp r1, r2\n"
    "adds r3, r3, r3\n"      /* r3 = 0x06060606 */
    "cmp r1, r2\n"
    LABEL(fault_store_at)
    "str r1, [r0]\n"
    "udf #1\n"
    /* ldm r0!, {r1, r2} from 0x20: r0 stays 0x20. */
    FUNC(fault_ldm)
    SET_ALL
    "movw r0, #0x20\nmovt r0, #0\n"
    LABEL(fault_ldm_at)
    "ldm r0!, {r1, r2}\n"
    "udf #1\n"
    /* cmp r0, r0 sets Z and C; the store executes and faults. */
    FUNC(fault_it)
    SET_ALL
    "movw r0, #0x30\nmovt r0, #0\n"
    "cmp r0, r0\n"
    IT_EQ
    LABEL(fault_it_at)
    "streq r1, [r0]\n"
    "udf #1\n");

int main(int argc, char **argv) {
    puts("before");
    fflush(stdout);
    const char *which = argc > 1 ? argv[1] : "store";
    if (!strcmp(which, "ldm")) fault_ldm();
    else if (!strcmp(which, "it")) fault_it();
    else fault_store();
    puts("after");
    return 0;
}
