// MIPS o32 layouts of the signal structs. The kernel's sigaction is IRIX's: sa_flags (an
// unsigned int) first, then the handler, then a 128-signal mask, and no sa_restorer; the old
// sys_sigaction reads the same record and only the mask's first word. stack_t is ss_sp, ss_size,
// ss_flags; siginfo_t puts si_code before si_errno. Facts from mips-linux-gnu-gcc
// (Tests/LinuxABITests/Layouts/layouts.c prints them; LinuxABITests compares).

extension MIPSO32 {
    static let signalLayouts = StructLayouts([
        .sigaction: StructLayout("sigaction", size: 24, alignment: 4, [
            Field("sa_flags", 0, 4),
            Field("sa_handler", 4, 4),
            Field("sa_mask.sig", 8, 4, count: 4),
        ]),
        .oldSigaction: StructLayout("old_sigaction", size: 24, alignment: 4, [
            Field("sa_flags", 0, 4),
            Field("sa_handler", 4, 4),
            Field("sa_mask.sig", 8, 4, count: 4),
        ]),
        .sigset: StructLayout("sigset_t", size: 16, alignment: 4, [
            Field("sig", 0, 4, count: 4),
        ]),
        .stack: StructLayout("stack_t", size: 12, alignment: 4, [
            Field("ss_sp", 0, 4),
            Field("ss_size", 4, 4),
            Field("ss_flags", 8, 4, signed: true),
        ]),
        .siginfo: StructLayout("siginfo_t", size: 128, alignment: 4, [
            Field("si_signo", 0, 4, signed: true),
            Field("si_code", 4, 4, signed: true),
            Field("si_errno", 8, 4, signed: true),
            Field("_sifields", 12, 4, count: 29),
        ]),
    ])
}
