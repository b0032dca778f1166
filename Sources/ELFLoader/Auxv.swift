// The auxiliary vector's entry types (Linux include/uapi/linux/auxvec.h and elf.h facts).

import GuestMemory

/// An AT_* key. A struct rather than an enum so arch-specific keys (PowerPC's cache
/// geometry, ...) can be written as `AuxvType(rawValue: n)`.
public struct AuxvType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let null = AuxvType(rawValue: 0)  // AT_NULL: end of the vector
    public static let ignore = AuxvType(rawValue: 1)
    public static let execFD = AuxvType(rawValue: 2)
    public static let phdr = AuxvType(rawValue: 3)  // program headers' address
    public static let phent = AuxvType(rawValue: 4)  // size of one program header
    public static let phnum = AuxvType(rawValue: 5)  // number of program headers
    public static let pageSize = AuxvType(rawValue: 6)
    public static let base = AuxvType(rawValue: 7)  // the dynamic linker's load bias
    public static let flags = AuxvType(rawValue: 8)
    public static let entry = AuxvType(rawValue: 9)  // the program's entry point
    public static let notELF = AuxvType(rawValue: 10)
    public static let uid = AuxvType(rawValue: 11)
    public static let euid = AuxvType(rawValue: 12)
    public static let gid = AuxvType(rawValue: 13)
    public static let egid = AuxvType(rawValue: 14)
    public static let platform = AuxvType(rawValue: 15)  // address of the platform string
    public static let hwcap = AuxvType(rawValue: 16)
    public static let clockTicks = AuxvType(rawValue: 17)  // AT_CLKTCK
    public static let secure = AuxvType(rawValue: 23)
    public static let basePlatform = AuxvType(rawValue: 24)
    public static let random = AuxvType(rawValue: 25)  // address of 16 random bytes
    public static let hwcap2 = AuxvType(rawValue: 26)
    public static let execFilename = AuxvType(rawValue: 31)  // AT_EXECFN
    public static let sysinfo = AuxvType(rawValue: 32)
    public static let sysinfoEHdr = AuxvType(rawValue: 33)  // the vDSO
    public static let minSignalStackSize = AuxvType(rawValue: 51)  // AT_MINSIGSTKSZ

    public var description: String { "AT_\(rawValue)" }
}

/// One (type, value) pair of the auxiliary vector.
public struct AuxvEntry: Hashable, Sendable {
    public var type: AuxvType
    public var value: UInt64

    public init(_ type: AuxvType, _ value: UInt64) {
        self.type = type
        self.value = value
    }
}

extension InitialStack {
    /// The entries Linux's create_elf_tables emits, in its order, for `image`. AT_RANDOM,
    /// AT_EXECFN and AT_PLATFORM are placeholders that `build` points at their strings.
    /// `archSpecific` (for example AT_SYSINFO_EHDR) goes first, as ARCH_DLINFO does;
    /// `hwcap2` and `minSignalStackSize` are left out when nil, as on arches without them.
    public static func standardAuxv(
        image: LoadedImage, interpreterBase: GuestAddress?, pageSize: UInt64, hwcap: UInt64,
        hwcap2: UInt64?, clockTicks: UInt64 = 100, uid: UInt64, euid: UInt64, gid: UInt64, egid: UInt64,
        secure: Bool = false, flags: UInt64 = 0, minSignalStackSize: UInt64? = nil,
        archSpecific: [AuxvEntry] = []
    ) -> [AuxvEntry] {
        var entries = archSpecific
        entries += [
            AuxvEntry(.hwcap, hwcap),
            AuxvEntry(.pageSize, pageSize),
            AuxvEntry(.clockTicks, clockTicks),
            AuxvEntry(.phdr, image.programHeaders.rawValue),
            AuxvEntry(.phent, UInt64(image.programHeaderEntrySize)),
            AuxvEntry(.phnum, UInt64(image.programHeaderCount)),
            AuxvEntry(.base, interpreterBase?.rawValue ?? 0),
            AuxvEntry(.flags, flags),
            AuxvEntry(.entry, image.entry.rawValue),
            AuxvEntry(.uid, uid),
            AuxvEntry(.euid, euid),
            AuxvEntry(.gid, gid),
            AuxvEntry(.egid, egid),
            AuxvEntry(.secure, secure ? 1 : 0),
            AuxvEntry(.random, 0),
        ]
        if let hwcap2 { entries.append(AuxvEntry(.hwcap2, hwcap2)) }
        entries.append(AuxvEntry(.execFilename, 0))
        entries.append(AuxvEntry(.platform, 0))
        if let minSignalStackSize { entries.append(AuxvEntry(.minSignalStackSize, minSignalStackSize)) }
        return entries
    }
}
