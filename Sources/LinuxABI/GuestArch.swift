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
