// What binfmt_misc must match to send a foreign program to mirage: for each guest, the ELF
// header bytes that identify it (class, byte order, version, executable or shared-object
// type, machine; for MIPS also "not n32"), as the magic and mask of a registration.

import LinuxABI

/// One guest as binfmt_misc sees it.
public struct BinfmtTarget: Sendable, Equatable {
    public let arch: GuestArch
    /// The registration's magic: compared with the start of the file after masking.
    public let magic: [UInt8]
    /// The bits of each magic byte that take part in the match.
    public let mask: [UInt8]

    /// The per-arch executable name (`mirage-arm`, ...) that is also the entry's name.
    public var name: String { "mirage-" + arch.rawValue }

    public static func forArch(_ arch: GuestArch) -> BinfmtTarget {
        switch arch {
        case .arm: header(arch, elfClass: 1, bigEndian: false, machine: 40)
        case .aarch64: header(arch, elfClass: 2, bigEndian: false, machine: 183)
        // n32 programs are ELF32 MIPS too; EF_MIPS_ABI2 (0x20 in e_flags) tells them apart,
        // so o32's entry also requires that bit clear (qemu's does not, and takes n32).
        case .mips: header(arch, elfClass: 1, bigEndian: true, machine: 8, clearFlagBits: 0x20)
        case .mipsel: header(arch, elfClass: 1, bigEndian: false, machine: 8, clearFlagBits: 0x20)
        case .ppc: header(arch, elfClass: 1, bigEndian: true, machine: 20)
        }
    }

    /// Whether a file starting with `bytes` matches, as the kernel decides it.
    public func matches(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= magic.count else { return false }
        for i in magic.indices where bytes[i] & mask[i] != magic[i] & mask[i] { return false }
        return true
    }

    /// e_flags: after e_version, e_entry, e_phoff and e_shoff, whose size depends on the class.
    private static func flagsOffset(elfClass: UInt8) -> Int { elfClass == 1 ? 36 : 48 }

    private static func header(
        _ arch: GuestArch, elfClass: UInt8, bigEndian: Bool, machine: UInt16, clearFlagBits: UInt32 = 0
    ) -> BinfmtTarget {
        // e_ident: "\x7fELF", class, data, EI_VERSION 1; the OS ABI (0 or 3 for Linux) and the
        // ABI version (MIPS non-PIC executables use 1) are left out; the padding must be 0.
        var magic: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, elfClass, bigEndian ? 2 : 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        var mask: [UInt8] = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
        func half(_ value: UInt16) -> [UInt8] {
            let bytes = [UInt8(value & 0xff), UInt8(value >> 8)]
            return bigEndian ? bytes.reversed() : bytes
        }
        // e_type at 16 (ET_EXEC 2 or ET_DYN 3: all bits but the lowest), e_machine at 18.
        magic += half(2)
        mask += half(0xfffe)
        magic += half(machine)
        mask += half(0xffff)
        if clearFlagBits != 0 {
            let flagsAt = flagsOffset(elfClass: elfClass)
            magic += [UInt8](repeating: 0, count: flagsAt - magic.count)
            mask += [UInt8](repeating: 0, count: flagsAt - mask.count)
            var flagMask: [UInt8] = (0..<4).map { UInt8(truncatingIfNeeded: clearFlagBits >> (8 * $0)) }
            if bigEndian { flagMask.reverse() }
            magic += [0, 0, 0, 0]
            mask += flagMask
        }
        return BinfmtTarget(arch: arch, magic: magic, mask: mask)
    }
}
