// What a Linux MIPS o32 process looks like at start-up and in /proc, for both byte orders:
// a 32-bit kernel (uname -m says "mips" for big- and little-endian alike) on a MIPS32 Release 2
// CPU with an FPU and no ASEs, which is what GuestMIPS implements. The kernel gives no
// AT_PLATFORM for such a CPU and no AT_HWCAP bits (they name R6, MSA, MIPS16, DSP, ...).

import GuestMemory

enum MIPSPersonality {
    static let machine = "mips"
    static let platform: String? = nil
    static let hwcap: UInt64 = 0

    /// The top of the stack: below TASK_SIZE (0x7fff8000 on a 32-bit kernel), leaving the
    /// pages the kernel keeps there (FP branch-delay emulation, the vDSO and its data page).
    static let stackTop: GuestAddress = 0x7fff_0000

    /// /proc/cpuinfo as arch/mips/kernel/proc.c prints it (show_cpuinfo) for a 24Kf on the
    /// Malta board QEMU models: one block per online host CPU, the system type on the first.
    static func cpuinfo(processors: Int) -> String {
        var text = ""
        for cpu in 0..<max(processors, 1) {
            if cpu == 0 { text += "system type\t\t: MIPS Malta\n" }
            text += "machine\t\t\t: mti,malta\n"
            text += "processor\t\t: \(cpu)\n"
            text += "cpu model\t\t: MIPS 24Kf V7.4  FPU V7.4\n"
            text += "BogoMIPS\t\t: 1000.00\n"
            text += "wait instruction\t: yes\n"
            text += "microsecond timers\t: yes\n"
            text += "tlb_entries\t\t: 16\n"
            text += "extra interrupt vector\t: yes\n"
            text += "hardware watchpoint\t: no\n"
            text += "isa\t\t\t: mips1 mips2 mips32r1 mips32r2\n"
            text += "ASEs implemented\t:\n"
            text += "Options implemented\t: tlb 4kex 4k_cache fpu 32fpr prefetch mcheck ejtag llsc vint perf_cntr_intr_bit perf\n"
            text += "shadow register sets\t: 1\n"
            text += "kscratch registers\t: 0\n"
            text += "package\t\t\t: 0\n"
            text += "core\t\t\t: \(cpu)\n"
            text += "VCED exceptions\t\t: not available\n"
            text += "VCEI exceptions\t\t: not available\n\n"
        }
        return text
    }
}
