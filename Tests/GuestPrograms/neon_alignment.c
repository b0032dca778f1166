/* NEON alignment qualifiers: VLD1-4/VST1-4 with an alignment hint (`[r0:64]`, `:128`,
   `:256`, and the lane and all-lanes forms' `:16`, `:32`, ...) at addresses 0, 1, 2, 4, 8
   and 16 bytes past a 64-byte boundary. On ARMv7 an address that is not a multiple of the
   hint is an Alignment fault, which Linux does not fix up for NEON: SIGBUS with BUS_ADRALN
   and si_addr the address, before the instruction has done anything (no register loaded, no
   byte stored, no writeback). The handler reads r0 and d16 from the signal frame (the VFP
   record of uc_regspace) to check that; an aligned access transfers its bytes and writes
   back. The native build prints what ARM ARM A8.8.320-A8.8.331 and A8.8.404-A8.8.415 say:
   a fault exactly when the offset is not a multiple of the form's alignment. (qemu-arm 7.2
   agrees but for :256, which it checks as :128: it runs the +16 cases.) */
/* guest-tests: arm-cflags -mfpu=neon */
/* guest-tests: only arm */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static uint8_t buffer[256] __attribute__((aligned(64)));
#define base (buffer + 64)

static const int offsets[] = {0, 1, 2, 4, 8, 16};
#define NOFFSETS (int)(sizeof offsets / sizeof offsets[0])

/* One case: the instruction, its alignment in bytes, the bytes it moves (its writeback),
   whether it stores, and (ARM) a function running it with r0 at the address. */
struct transfer {
    const char *text;
    int alignment, bytes, store;
#ifdef __arm__
    uint32_t (*run)(uint8_t *address);
#endif
};

#ifdef __arm__
/* q8 and q9 (d16-d19) start as 0x5a bytes (a load that faults must leave them), or for a
   store as 0x11 bytes, which differ from the buffer's 0xa5 filling. */
#define CASE(fn, insn)                                                                             \
    static uint32_t fn(uint8_t *address) {                                                         \
        register uint8_t *r0 asm("r0") = address;                                                  \
        register uint32_t r1 asm("r1") = 24;                                                       \
        asm volatile("vmov.i8 q8, #0x5a\n\tvmov.i8 q9, #0x5a\n\t" insn                             \
                     : "+r"(r0) : "r"(r1) : "memory", "d16", "d17", "d18", "d19");                 \
        return (uint32_t)(uintptr_t)r0;                                                            \
    }
#define STORE_CASE(fn, insn)                                                                       \
    static uint32_t fn(uint8_t *address) {                                                         \
        register uint8_t *r0 asm("r0") = address;                                                  \
        register uint32_t r1 asm("r1") = 24;                                                       \
        asm volatile("vmov.i8 q8, #0x11\n\tvmov.i8 q9, #0x11\n\t" insn                             \
                     : "+r"(r0) : "r"(r1) : "memory", "d16", "d17", "d18", "d19");                 \
        return (uint32_t)(uintptr_t)r0;                                                            \
    }
CASE(vld1_q_128, "vld1.64 {d16-d17}, [r0:128]!")
CASE(vld1_d_64, "vld1.8 {d16}, [r0:64]!")
CASE(vld1_4_256, "vld1.32 {d16-d19}, [r0:256]!")
CASE(vld1_3_64, "vld1.16 {d16-d18}, [r0:64]!")
CASE(vld1_q_plain, "vld1.64 {d16-d17}, [r0]!")
CASE(vld1_reg_64, "vld1.8 {d16}, [r0:64], r1")
STORE_CASE(vst1_q_128, "vst1.16 {d16-d17}, [r0:128]!")
STORE_CASE(vst1_4_256, "vst1.8 {d16-d19}, [r0:256]!")
CASE(vld2_q_128, "vld2.16 {d16-d17}, [r0:128]!")
CASE(vld2_4_256, "vld2.8 {d16-d19}, [r0:256]!")
CASE(vld3_64, "vld3.8 {d16-d18}, [r0:64]!")
STORE_CASE(vst3_64, "vst3.32 {d16-d18}, [r0:64]!")
CASE(vld4_256, "vld4.32 {d16-d19}, [r0:256]!")
STORE_CASE(vst4_128, "vst4.16 {d16-d19}, [r0:128]!")
CASE(vld1_lane16, "vld1.16 {d16[1]}, [r0:16]!")
CASE(vld1_lane32, "vld1.32 {d16[1]}, [r0:32]!")
STORE_CASE(vst1_lane32, "vst1.32 {d16[0]}, [r0:32]!")
CASE(vld2_lane8, "vld2.8 {d16[3], d17[3]}, [r0:16]!")
CASE(vld2_lane16, "vld2.16 {d16[2], d17[2]}, [r0:32]!")
CASE(vld2_lane32, "vld2.32 {d16[1], d18[1]}, [r0:64]!")
CASE(vld3_lane16, "vld3.16 {d16[1], d17[1], d18[1]}, [r0]!")
CASE(vld4_lane8, "vld4.8 {d16[3], d17[3], d18[3], d19[3]}, [r0:32]!")
CASE(vld4_lane16, "vld4.16 {d16[1], d17[1], d18[1], d19[1]}, [r0:64]!")
CASE(vld4_lane32_64, "vld4.32 {d16[1], d17[1], d18[1], d19[1]}, [r0:64]!")
STORE_CASE(vst4_lane32_128, "vst4.32 {d16[0], d17[0], d18[0], d19[0]}, [r0:128]!")
CASE(vld1_all16, "vld1.16 {d16[], d17[]}, [r0:16]!")
CASE(vld1_all32, "vld1.32 {d16[]}, [r0:32]!")
CASE(vld2_all8, "vld2.8 {d16[], d17[]}, [r0:16]!")
CASE(vld2_all32, "vld2.32 {d16[], d18[]}, [r0:64]!")
CASE(vld3_all16, "vld3.16 {d16[], d17[], d18[]}, [r0]!")
CASE(vld4_all8, "vld4.8 {d16[], d17[], d18[], d19[]}, [r0:32]!")
CASE(vld4_all16, "vld4.16 {d16[], d17[], d18[], d19[]}, [r0:64]!")
CASE(vld4_all32, "vld4.32 {d16[], d17[], d18[], d19[]}, [r0:64]!")
CASE(vld4_all32_128, "vld4.32 {d16[], d17[], d18[], d19[]}, [r0:128]!")
#define RUN(fn) , fn
#else
#define RUN(fn)
#endif

static const struct transfer transfers[] = {
    {"vld1.64 {d16-d17}, [r0:128]!", 16, 16, 0 RUN(vld1_q_128)},
    {"vld1.8 {d16}, [r0:64]!", 8, 8, 0 RUN(vld1_d_64)},
    {"vld1.32 {d16-d19}, [r0:256]!", 32, 32, 0 RUN(vld1_4_256)},
    {"vld1.16 {d16-d18}, [r0:64]!", 8, 24, 0 RUN(vld1_3_64)},
    {"vld1.64 {d16-d17}, [r0]!", 1, 16, 0 RUN(vld1_q_plain)},
    {"vld1.8 {d16}, [r0:64], r1 (24)", 8, 24, 0 RUN(vld1_reg_64)},
    {"vst1.16 {d16-d17}, [r0:128]!", 16, 16, 1 RUN(vst1_q_128)},
    {"vst1.8 {d16-d19}, [r0:256]!", 32, 32, 1 RUN(vst1_4_256)},
    {"vld2.16 {d16-d17}, [r0:128]!", 16, 16, 0 RUN(vld2_q_128)},
    {"vld2.8 {d16-d19}, [r0:256]!", 32, 32, 0 RUN(vld2_4_256)},
    {"vld3.8 {d16-d18}, [r0:64]!", 8, 24, 0 RUN(vld3_64)},
    {"vst3.32 {d16-d18}, [r0:64]!", 8, 24, 1 RUN(vst3_64)},
    {"vld4.32 {d16-d19}, [r0:256]!", 32, 32, 0 RUN(vld4_256)},
    {"vst4.16 {d16-d19}, [r0:128]!", 16, 32, 1 RUN(vst4_128)},
    {"vld1.16 {d16[1]}, [r0:16]!", 2, 2, 0 RUN(vld1_lane16)},
    {"vld1.32 {d16[1]}, [r0:32]!", 4, 4, 0 RUN(vld1_lane32)},
    {"vst1.32 {d16[0]}, [r0:32]!", 4, 4, 1 RUN(vst1_lane32)},
    {"vld2.8 {d16[3], d17[3]}, [r0:16]!", 2, 2, 0 RUN(vld2_lane8)},
    {"vld2.16 {d16[2], d17[2]}, [r0:32]!", 4, 4, 0 RUN(vld2_lane16)},
    {"vld2.32 {d16[1], d18[1]}, [r0:64]!", 8, 8, 0 RUN(vld2_lane32)},
    {"vld3.16 {d16[1], d17[1], d18[1]}, [r0]!", 1, 6, 0 RUN(vld3_lane16)},
    {"vld4.8 {d16[3]-d19[3]}, [r0:32]!", 4, 4, 0 RUN(vld4_lane8)},
    {"vld4.16 {d16[1]-d19[1]}, [r0:64]!", 8, 8, 0 RUN(vld4_lane16)},
    {"vld4.32 {d16[1]-d19[1]}, [r0:64]!", 8, 16, 0 RUN(vld4_lane32_64)},
    {"vst4.32 {d16[0]-d19[0]}, [r0:128]!", 16, 16, 1 RUN(vst4_lane32_128)},
    {"vld1.16 {d16[], d17[]}, [r0:16]!", 2, 2, 0 RUN(vld1_all16)},
    {"vld1.32 {d16[]}, [r0:32]!", 4, 4, 0 RUN(vld1_all32)},
    {"vld2.8 {d16[], d17[]}, [r0:16]!", 2, 2, 0 RUN(vld2_all8)},
    {"vld2.32 {d16[], d18[]}, [r0:64]!", 8, 8, 0 RUN(vld2_all32)},
    {"vld3.16 {d16[]-d18[]}, [r0]!", 1, 6, 0 RUN(vld3_all16)},
    {"vld4.8 {d16[]-d19[]}, [r0:32]!", 4, 4, 0 RUN(vld4_all8)},
    {"vld4.16 {d16[]-d19[]}, [r0:64]!", 8, 8, 0 RUN(vld4_all16)},
    {"vld4.32 {d16[]-d19[]}, [r0:64]!", 8, 16, 0 RUN(vld4_all32)},
    {"vld4.32 {d16[]-d19[]}, [r0:128]!", 16, 16, 0 RUN(vld4_all32_128)},
};
#define NTRANSFERS (int)(sizeof transfers / sizeof transfers[0])

#ifdef __arm__
static sigjmp_buf recover;
static volatile int fault_code;
static volatile uintptr_t fault_address, fault_r0;
static volatile uint64_t fault_d16;

/* SIGBUS: the siginfo, r0 and d16 as the frame holds them (d16 from the VFP record, magic
   0x56465001, at the start of uc_regspace: magic, size, then d0-d31). */
static void on_bus(int sig, siginfo_t *info, void *context) {
    (void)sig;
    ucontext_t *uc = context;
    fault_code = info->si_code;
    fault_address = (uintptr_t)info->si_addr;
    fault_r0 = uc->uc_mcontext.arm_r0;
    fault_d16 = 0;
    const uint32_t *vfp = (const uint32_t *)uc->uc_regspace;
    if (vfp[0] == 0x56465001) memcpy((void *)&fault_d16, vfp + 2 + 2 * 16, 8);
    siglongjmp(recover, 1);
}
#endif

int main(void) {
#ifdef __arm__
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
#endif
    for (int i = 0; i < 256; i++) buffer[i] = (uint8_t)(i * 7 + 3);
    for (int t = 0; t < NTRANSFERS; t++) {
        const struct transfer *x = &transfers[t];
        for (int o = 0; o < NOFFSETS; o++) {
            int offset = offsets[o];
            if (x->store) memset(buffer, 0xa5, sizeof buffer);
            printf("%-40s +%-2d ", x->text, offset);
#ifdef __arm__
            volatile int faulted = 0;
            uint32_t after = 0;
            if (sigsetjmp(recover, 1) == 0) {
                after = x->run(base + offset);
            } else {
                faulted = 1;
            }
            int changed = 0;
            if (x->store)
                for (int i = 0; i < 256; i++) changed += buffer[i] != 0xa5;
            if (faulted) {
                printf("SIGBUS code %d addr %+d r0 %+d", fault_code, (int)(fault_address - (uintptr_t)base),
                       (int)(fault_r0 - (uintptr_t)base));
                if (x->store) printf(" stored %d", changed);
                else printf(" d16 %s", fault_d16 == 0x5a5a5a5a5a5a5a5aULL ? "kept" : "changed");
            } else {
                printf("ok r0 %+d", (int)(after - (uintptr_t)base));
                if (x->store) printf(" stored %d", changed);
            }
#else
            if (offset % x->alignment != 0) {
                printf("SIGBUS code %d addr %+d r0 %+d", BUS_ADRALN, offset, offset);
                if (x->store) printf(" stored 0");
                else printf(" d16 kept");
            } else {
                printf("ok r0 %+d", offset + x->bytes);
                if (x->store) printf(" stored %d", x->bytes);
            }
#endif
            printf("\n");
        }
    }
    return 0;
}
