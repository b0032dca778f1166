/* Prints the MIPS kernel facts LinuxABI's MIPSKernel names, one `NAME VALUE` line each, from
 * the uapi headers and glibc's <elf.h> of the mips cross toolchain. MIPSKernelFactsTests
 * builds it with mips-linux-gnu-gcc and mipsel-linux-gnu-gcc and compares. */
#include <elf.h>
#include <stddef.h>
#include <stdio.h>

#include <asm/sysmips.h>
#include <asm/unistd.h>
#include <linux/prctl.h>

/* The signal return code as the assembler encodes it. */
#define STR(x) #x
#define XSTR(x) STR(x)
extern const unsigned int return_code[4];
__asm__(".section .rodata\n.globl return_code\n.align 2\nreturn_code:\n"
        "li $2, " XSTR(__NR_sigreturn) "\nsyscall\nli $2, " XSTR(__NR_rt_sigreturn) "\nsyscall\n.previous\n");

#define C(name) printf("%s %lld\n", #name, (long long)(name))

int main(void) {
    C(SETNAME); C(FLUSH_CACHE); C(MIPS_FIXADE); C(MIPS_RDNVRAM); C(MIPS_ATOMIC_SET);
    C(PR_SET_FP_MODE); C(PR_GET_FP_MODE); C(PR_FP_MODE_FR); C(PR_FP_MODE_FRE);
    C(EF_MIPS_NAN2008); C(EF_MIPS_FP64); C(PT_MIPS_ABIFLAGS);
    printf("fp_abi_offset %zu\n", offsetof(Elf_MIPS_ABIFlags_v0, fp_abi));
    printf("abiflags_size %zu\n", sizeof(Elf_MIPS_ABIFlags_v0));
    C(Val_GNU_MIPS_ABI_FP_ANY); C(Val_GNU_MIPS_ABI_FP_DOUBLE); C(Val_GNU_MIPS_ABI_FP_SINGLE);
    C(Val_GNU_MIPS_ABI_FP_SOFT); C(Val_GNU_MIPS_ABI_FP_OLD_64); C(Val_GNU_MIPS_ABI_FP_XX);
    C(Val_GNU_MIPS_ABI_FP_64); C(Val_GNU_MIPS_ABI_FP_64A);
    C(__NR_sigreturn); C(__NR_rt_sigreturn);
    for (int i = 0; i < 4; i++) printf("return_code_%d %u\n", i, return_code[i]);
    return 0;
}
