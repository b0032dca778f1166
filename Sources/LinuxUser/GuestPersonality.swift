// What a Linux process of one arch sees of its machine beyond the ABI tables: uname's machine,
// the AT_PLATFORM string and AT_HWCAP bits of its auxiliary vector, where its stack starts,
// and /proc/cpuinfo. One value per arch; the launcher and the syscalls ask it, never the arch.

import GuestMemory
import LinuxABI

struct GuestPersonality: Sendable {
    /// utsname.machine ("armv7l", "mips").
    var machine: String
    /// AT_PLATFORM; nil when the arch's kernel gives none.
    var platform: String?
    var hwcap: UInt64
    var hwcap2: UInt64
    /// The top of the initial stack.
    var stackTop: GuestAddress
    /// Where mmap's top-down search starts, when not the address space's default (MIPS keeps
    /// user space below 2 GiB).
    var mmapTop: GuestAddress? = nil
    /// /proc/cpuinfo for this many online processors.
    var cpuinfo: @Sendable (_ processors: Int) -> String
    /// Where Debian's cross packages put the guest's libraries (the default -L).
    var crossSysroot: String

    /// The personality of `arch`; nil for a guest that has none yet.
    static func forArch(_ arch: GuestArch) -> GuestPersonality? {
        switch arch {
        case .arm:
            GuestPersonality(machine: ARMPersonality.machine, platform: ARMPersonality.platform, hwcap: ARMPersonality.hwcap,
                             hwcap2: ARMPersonality.hwcap2, stackTop: ARMPersonality.stackTop,
                             cpuinfo: { ARMPersonality.cpuinfo(processors: $0) }, crossSysroot: "/usr/arm-linux-gnueabihf")
        case .mips, .mipsel:
            GuestPersonality(machine: MIPSPersonality.machine, platform: MIPSPersonality.platform, hwcap: MIPSPersonality.hwcap,
                             hwcap2: 0, stackTop: MIPSPersonality.stackTop, mmapTop: MIPSPersonality.mmapTop,
                             cpuinfo: { MIPSPersonality.cpuinfo(processors: $0) },
                             crossSysroot: arch == .mips ? "/usr/mips-linux-gnu" : "/usr/mipsel-linux-gnu")
        case .aarch64, .ppc:
            nil
        }
    }
}
