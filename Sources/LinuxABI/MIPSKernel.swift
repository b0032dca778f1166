// What a MIPS o32 program asks of the kernel beyond the syscall table and the struct layouts:
// the commands of sysmips and cachectl, prctl's FPU mode (FR) switch, the ELF facts the
// kernel picks the FPU mode and NaN encoding from (e_flags, the PT_MIPS_ABIFLAGS segment),
// and the two instructions of the signal return code the kernel keeps in the vDSO. Facts from
// the uapi headers and glibc's <elf.h> of mips-linux-gnu (LinuxABITests/MIPSKernelFactsTests).

public enum MIPSKernel {
    /// sysmips(cmd, arg1, arg2) commands (asm/sysmips.h).
    public enum Sysmips {
        public static let setName: UInt32 = 1
        public static let flushCache: UInt32 = 3
        /// MIPS_FIXADE: bit 0 of arg1 turns the kernel's unaligned-access fix-up on.
        public static let fixAddressErrors: UInt32 = 7
        public static let readNVRAM: UInt32 = 10
        /// MIPS_ATOMIC_SET: store arg2 at arg1 and return the old word (an obsolete way to
        /// swap atomically).
        public static let atomicSet: UInt32 = 2001
    }

    /// prctl options of the FPU mode, and the mode bits.
    public enum FPMode {
        public static let set: UInt32 = 45  // PR_SET_FP_MODE
        public static let get: UInt32 = 46  // PR_GET_FP_MODE
        /// PR_FP_MODE_FR: 64-bit FPRs (Status.FR = 1).
        public static let fr: UInt32 = 1
        /// PR_FP_MODE_FRE: FR=1 with the odd singles emulated where FR=0 code expects them.
        public static let fre: UInt32 = 2
    }

    /// ELF e_flags bits.
    public enum ELFFlags {
        /// EF_MIPS_NAN2008: IEEE 754-2008 NaNs (FCSR.NAN2008), else the legacy encoding.
        public static let nan2008: UInt32 = 0x400
        /// EF_MIPS_FP64: the old way to say the FP64 ABI (64-bit FPRs) when there is no
        /// PT_MIPS_ABIFLAGS.
        public static let fp64: UInt32 = 0x200
    }

    /// p_type of the segment holding `.MIPS.abiflags` (Elf_MIPS_ABIFlags_v0).
    public static let abiFlagsSegment: UInt32 = 0x7000_0003
    /// Offset of fp_abi (one byte) in Elf_MIPS_ABIFlags_v0, and the record's size.
    public static let abiFlagsFPABIOffset = 7, abiFlagsSize = 24

    /// Elf_MIPS_ABIFlags_v0.fp_abi values (Val_GNU_MIPS_ABI_FP_*).
    public enum FPABI {
        public static let any: UInt8 = 0, double: UInt8 = 1, single: UInt8 = 2, soft: UInt8 = 3
        /// -mips32r2 -mfp64 before FPXX existed: 64-bit FPRs.
        public static let old64: UInt8 = 4
        /// Runs in either FR mode (Debian's default, -mfpxx).
        public static let xx: UInt8 = 5
        public static let fp64: UInt8 = 6
        /// FP64 that also allows odd single-precision registers (-mfp64 -mno-odd-spreg).
        public static let fp64a: UInt8 = 7

        /// Whether code of this FP ABI needs Status.FR = 1 on a MIPS32 Release 2 CPU (the
        /// kernel's choice in arch/mips/kernel/elf.c: FPXX runs with FR=0 before Release 6).
        public static func needsFR(_ abi: UInt8) -> Bool { abi == old64 || abi == fp64 || abi == fp64a }
    }

    /// The signal return code: `li $v0, __NR_sigreturn` (addiu $v0, $zero, 4119) or
    /// `li $v0, __NR_rt_sigreturn` (4193), then `syscall`, as instruction words.
    public static let sigreturnCode: [UInt32] = [0x2402_1017, 0x0000_000c]
    public static let rtSigreturnCode: [UInt32] = [0x2402_1061, 0x0000_000c]
}
