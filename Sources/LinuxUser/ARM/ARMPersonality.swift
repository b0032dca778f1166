// What a Linux ARM (EABI, armhf) process looks like at start-up: HWCAP, the platform string,
// where the stack goes, the kuser page, and the initial registers.

import ELFLoader
import GuestARM
import GuestMemory

enum ARMPersonality {
    /// AT_HWCAP bits (arch/arm/include/uapi/asm/hwcap.h) of a Cortex-A15-class ARMv7 CPU with
    /// VFPv4-D32, NEON, TLS and the integer divide instructions, which is what Mirage implements.
    static let hwcapBits: [(String, UInt64)] = [
        ("swp", 1 << 0), ("half", 1 << 1), ("thumb", 1 << 2), ("fastmult", 1 << 4), ("vfp", 1 << 6),
        ("edsp", 1 << 7), ("neon", 1 << 12), ("vfpv3", 1 << 13), ("tls", 1 << 15), ("vfpv4", 1 << 16),
        ("idiva", 1 << 17), ("idivt", 1 << 18), ("vfpd32", 1 << 19), ("lpae", 1 << 20),
    ]
    static var hwcap: UInt64 { hwcapBits.reduce(0) { $0 | $1.1 } }
    /// AT_HWCAP2: the ARMv8 crypto and CRC32 extensions, none of which ARMv7 has.
    static let hwcap2: UInt64 = 0
    static let platform = "v7l"
    static let machine = "armv7l"

    /// The top of the stack: TASK_SIZE of the 3G/1G split the Debian armmp kernels use.
    static let stackTop: GuestAddress = 0xbf00_0000

    /// Maps the kuser helper page read/execute at 0xffff0000.
    static func mapKuserPage(_ space: GuestAddressSpace) -> Bool {
        let page = KuserHelpers.page()
        guard case .success = space.map(at: GuestAddress(KuserHelpers.pageAddress), length: 4096, protection: .readWrite,
                                        flags: [.fixed, .anonymous, .private], name: "[vectors]"),
              space.write(page, at: GuestAddress(KuserHelpers.pageAddress)),
              case .success = space.protect(GuestAddress(KuserHelpers.pageAddress), length: 4096, .readExecute)
        else { return false }
        return true
    }

    /// Registers at the entry point: everything zero except sp and pc; bit 0 of the entry
    /// selects Thumb.
    static func initialState(entry: GuestAddress, stackPointer: GuestAddress, memoryBase: UnsafeMutableRawPointer) -> ARMStatePointer {
        let state = ARMStatePointer.allocate()
        state.sp = UInt32(truncatingIfNeeded: stackPointer.rawValue)
        state.pc = UInt32(truncatingIfNeeded: entry.rawValue) & ~1
        state.thumb = entry.rawValue & 1 != 0
        state.memoryBase = memoryBase
        state.loadHostFloatEnvironment()
        return state
    }
}
