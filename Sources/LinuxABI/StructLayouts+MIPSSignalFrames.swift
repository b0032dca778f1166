// MIPS o32 signal frames as the kernel builds them on the stack (arch/mips/kernel/signal.c):
// four words of argument save area (the o32 caller's home for $a0-$a3), two unused words
// where the return code lived before the kernel moved it to the vDSO, then either a
// sigcontext and the blocked mask (sigframe) or a siginfo and a ucontext (rt_sigframe). The
// sigcontext keeps every register, the pc and HI/LO in 64-bit slots, the FPU registers as 64
// bits each, and FCSR. Facts from mips-linux-gnu-gcc with the uapi's asm/sigcontext.h and
// asm/ucontext.h (Tests/LinuxABITests/Layouts/layouts.c prints them; LinuxABITests compares).

extension MIPSO32 {
    static let signalFrameLayouts = StructLayouts([
        .sigcontext: StructLayout("sigcontext", size: 592, alignment: 8, [
            Field("sc_regmask", 0, 4),
            Field("sc_status", 4, 4),
            Field("sc_pc", 8, 8),
            Field("sc_regs", 16, 8, count: 32),
            Field("sc_fpregs", 272, 8, count: 32),
            Field("sc_acx", 528, 4),
            Field("sc_fpc_csr", 532, 4),
            Field("sc_fpc_eir", 536, 4),
            Field("sc_used_math", 540, 4),
            Field("sc_dsp", 544, 4),
            Field("sc_mdhi", 552, 8),
            Field("sc_mdlo", 560, 8),
            Field("sc_hi1", 568, 4),
            Field("sc_lo1", 572, 4),
            Field("sc_hi2", 576, 4),
            Field("sc_lo2", 580, 4),
            Field("sc_hi3", 584, 4),
            Field("sc_lo3", 588, 4),
        ]),
        .ucontext: StructLayout("ucontext", size: 632, alignment: 8, [
            Field("uc_flags", 0, 4),
            Field("uc_link", 4, 4),
            Field("uc_stack.ss_sp", 8, 4),
            Field("uc_stack.ss_size", 12, 4),
            Field("uc_stack.ss_flags", 16, 4, signed: true),
            Field("uc_mcontext", 24, 1, count: 592),
            Field("uc_sigmask.sig", 616, 4, count: 4),
        ]),
        .sigframe: StructLayout("sigframe", size: 632, alignment: 8, [
            Field("sf_ass", 0, 4, count: 4),
            Field("sf_pad", 16, 4, count: 2),
            Field("sf_sc", 24, 1, count: 592),
            Field("sf_mask.sig", 616, 4, count: 4),
        ]),
        .rtSigframe: StructLayout("rt_sigframe", size: 784, alignment: 8, [
            Field("rs_ass", 0, 4, count: 4),
            Field("rs_pad", 16, 4, count: 2),
            Field("rs_info", 24, 1, count: 128),
            Field("rs_uc", 152, 1, count: 632),
        ]),
    ])
}
