// The guests Mirage runs and the byte orders they use.

/// A guest architecture together with the Linux ABI Mirage gives it.
public enum GuestArch: String, CaseIterable, Sendable {
    /// 32-bit ARM, EABI (Debian armhf), little endian.
    case arm
    /// 64-bit ARM (Debian arm64).
    case aarch64
    /// 32-bit MIPS, o32 ABI, big endian (Debian mips).
    case mips
    /// 32-bit MIPS, o32 ABI, little endian (Debian mipsel).
    case mipsel
    /// 32-bit PowerPC, big endian (Debian powerpc).
    case ppc
}

/// The order of a multi-byte integer's bytes in guest memory.
public enum ByteOrder: Sendable, Equatable {
    case little
    case big

    /// The host's order: Mirage runs on x86-64 only.
    public static let host: ByteOrder = .little
}

/// The ELF header fields that say a program is for a guest: what the launcher checks a
/// program against and what a binfmt_misc entry matches.
public struct ELFIdentity: Sendable, Equatable {
    public let is64Bit: Bool
    public let byteOrder: ByteOrder
    /// e_machine.
    public let machine: UInt16
    /// e_flags bits that must be clear: EF_MIPS_ABI2 marks n32, a 64-bit ABI in an ELF32 file.
    public let clearFlags: UInt32

    public func matches(is64Bit: Bool, bigEndian: Bool, machine: UInt16, flags: UInt32) -> Bool {
        is64Bit == self.is64Bit && bigEndian == (byteOrder == .big) && machine == self.machine && flags & clearFlags == 0
    }
}

extension GuestArch {
    public var elf: ELFIdentity {
        switch self {
        case .arm: ELFIdentity(is64Bit: false, byteOrder: .little, machine: 40, clearFlags: 0)
        case .aarch64: ELFIdentity(is64Bit: true, byteOrder: .little, machine: 183, clearFlags: 0)
        case .mips: ELFIdentity(is64Bit: false, byteOrder: .big, machine: 8, clearFlags: 0x20)
        case .mipsel: ELFIdentity(is64Bit: false, byteOrder: .little, machine: 8, clearFlags: 0x20)
        case .ppc: ELFIdentity(is64Bit: false, byteOrder: .big, machine: 20, clearFlags: 0)
        }
    }
}
