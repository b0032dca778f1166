// MIPSKernel's numbers against Layouts/mips_kernel.c built with each MIPS cross compiler:
// sysmips and prctl FPU-mode commands, the ELF flags and ABI-flags record, and the signal
// return code as the assembler encodes it.
import Foundation
import LinuxABI
import Testing

private func checkMIPSKernelFacts(_ target: CrossTarget) throws {
    let facts = CrossTools.parseConstants(try target.run(source: CrossTools.layoutsSource("mips_kernel.c"), name: "mips_kernel"))
    let expected: [(String, Int64)] = [
        ("SETNAME", Int64(MIPSKernel.Sysmips.setName)),
        ("FLUSH_CACHE", Int64(MIPSKernel.Sysmips.flushCache)),
        ("MIPS_FIXADE", Int64(MIPSKernel.Sysmips.fixAddressErrors)),
        ("MIPS_RDNVRAM", Int64(MIPSKernel.Sysmips.readNVRAM)),
        ("MIPS_ATOMIC_SET", Int64(MIPSKernel.Sysmips.atomicSet)),
        ("PR_SET_FP_MODE", Int64(MIPSKernel.FPMode.set)),
        ("PR_GET_FP_MODE", Int64(MIPSKernel.FPMode.get)),
        ("PR_FP_MODE_FR", Int64(MIPSKernel.FPMode.fr)),
        ("PR_FP_MODE_FRE", Int64(MIPSKernel.FPMode.fre)),
        ("EF_MIPS_NAN2008", Int64(MIPSKernel.ELFFlags.nan2008)),
        ("EF_MIPS_FP64", Int64(MIPSKernel.ELFFlags.fp64)),
        ("PT_MIPS_ABIFLAGS", Int64(MIPSKernel.abiFlagsSegment)),
        ("fp_abi_offset", Int64(MIPSKernel.abiFlagsFPABIOffset)),
        ("abiflags_size", Int64(MIPSKernel.abiFlagsSize)),
        ("Val_GNU_MIPS_ABI_FP_ANY", Int64(MIPSKernel.FPABI.any)),
        ("Val_GNU_MIPS_ABI_FP_DOUBLE", Int64(MIPSKernel.FPABI.double)),
        ("Val_GNU_MIPS_ABI_FP_SINGLE", Int64(MIPSKernel.FPABI.single)),
        ("Val_GNU_MIPS_ABI_FP_SOFT", Int64(MIPSKernel.FPABI.soft)),
        ("Val_GNU_MIPS_ABI_FP_OLD_64", Int64(MIPSKernel.FPABI.old64)),
        ("Val_GNU_MIPS_ABI_FP_XX", Int64(MIPSKernel.FPABI.xx)),
        ("Val_GNU_MIPS_ABI_FP_64", Int64(MIPSKernel.FPABI.fp64)),
        ("Val_GNU_MIPS_ABI_FP_64A", Int64(MIPSKernel.FPABI.fp64a)),
        ("return_code_0", Int64(MIPSKernel.sigreturnCode[0])),
        ("return_code_1", Int64(MIPSKernel.sigreturnCode[1])),
        ("return_code_2", Int64(MIPSKernel.rtSigreturnCode[0])),
        ("return_code_3", Int64(MIPSKernel.rtSigreturnCode[1])),
    ]
    for (name, value) in expected {
        #expect(facts[name] == value, "\(target.arch) \(name): the headers say \(facts[name].map(String.init) ?? "nothing")")
    }
    // The return code's numbers are the syscall table's.
    #expect(facts["__NR_sigreturn"].map { UInt32($0) } == GuestABI.mips.number(of: .sigreturn))
    #expect(facts["__NR_rt_sigreturn"].map { UInt32($0) } == GuestABI.mips.number(of: .rt_sigreturn))
}

@Test(.enabled(if: CrossTools.mips.available, CrossTools.mips.missing))
func mipsKernelFactsMatchTheHeaders() throws { try checkMIPSKernelFacts(CrossTools.mips) }

@Test(.enabled(if: CrossTools.mipsel.available, CrossTools.mipsel.missing))
func mipselKernelFactsMatchTheHeaders() throws { try checkMIPSKernelFacts(CrossTools.mipsel) }
