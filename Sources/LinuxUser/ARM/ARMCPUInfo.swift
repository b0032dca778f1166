// /proc/cpuinfo for the ARM guest: what a Debian armhf (armmp) kernel prints on a Cortex-A7
// machine (arch/arm/kernel/setup.c, c_show), one block per online host CPU. The Features
// line lists exactly the AT_HWCAP bits Mirage gives, in the kernel's hwcap_str order (bit
// order), so a program that checks either sees the same CPU.

extension ARMPersonality {
    /// MIDR of a Cortex-A7 r0p5: implementer 0x41 (ARM), variant 0, architecture 0xf
    /// (CPUID scheme), part 0xc07, revision 5.
    static let mainID: UInt32 = 0x410f_c075
    /// loops_per_jiffy as the delay loop calibrates it on the 24 MHz architected timer.
    static let bogoMIPS = "48.00"

    static func cpuinfo(processors: Int) -> String {
        let features = hwcapBits.filter { hwcap & $0.1 != 0 }.map { $0.0 + " " }.joined()
        var text = ""
        for cpu in 0..<max(processors, 1) {
            text += "processor\t: \(cpu)\n"
            text += "model name\t: ARMv7 Processor rev \(mainID & 15) (\(platform))\n"
            text += "BogoMIPS\t: \(bogoMIPS)\n"
            text += "Features\t: \(features)\n"
            text += "CPU implementer\t: 0x\(ProcMaps.hex(UInt64(mainID >> 24), minimumDigits: 2))\n"
            text += "CPU architecture: 7\n"
            text += "CPU variant\t: 0x\(String((mainID >> 20) & 15, radix: 16))\n"
            text += "CPU part\t: 0x\(ProcMaps.hex(UInt64((mainID >> 4) & 0xfff), minimumDigits: 3))\n"
            text += "CPU revision\t: \(mainID & 15)\n\n"
        }
        text += "Hardware\t: Generic DT based system\n"
        text += "Revision\t: 0000\n"
        text += "Serial\t\t: 0000000000000000\n"
        return text
    }
}
