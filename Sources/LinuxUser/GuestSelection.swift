// Which guest a program is for, which guests this build runs, and the refusal when the two
// (or the arch a per-arch name such as mirage-arm asked for) disagree.

import ELFLoader
import LinuxABI

public enum GuestSelection {
    /// The guests whose CPU loop this build has.
    public static let runnable: [GuestArch] = [.arm, .mips, .mipsel]

    /// How messages name a guest.
    public static func describe(_ arch: GuestArch) -> String {
        switch arch {
        case .arm: "32-bit ARM"
        case .aarch64: "AArch64"
        case .mips: "big-endian MIPS (o32)"
        case .mipsel: "little-endian MIPS (o32)"
        case .ppc: "32-bit PowerPC"
        }
    }

    /// What a program is built for: one of the guests, or a description of something Mirage
    /// has no guest for (big-endian ARM, MIPS n32 or 64, x86-64, ...).
    enum Identity: Equatable {
        case guest(GuestArch)
        case other(String)

        var description: String {
            switch self {
            case .guest(let arch): GuestSelection.describe(arch)
            case .other(let text): text
            }
        }
    }

    static func identity(of file: ELFFile) -> Identity {
        let is64Bit = file.elfClass == .elf64, bigEndian = file.byteOrder == .big
        if let arch = GuestArch.allCases.first(where: {
            $0.elf.matches(is64Bit: is64Bit, bigEndian: bigEndian, machine: file.machineRawValue, flags: file.flags)
        }) {
            return .guest(arch)
        }
        let endian = bigEndian ? "big-endian" : "little-endian"
        switch (file.machine, file.elfClass) {
        case (.arm, .elf32): return .other("\(endian) ARM")
        case (.aarch64, .elf64): return .other("\(endian) AArch64")
        case (.mips, .elf32): return .other("\(endian) MIPS n32")
        case (.ppc, .elf32): return .other("\(endian) 32-bit PowerPC")
        case (.mips, .elf64): return .other("\(endian) MIPS64")
        default: return .other("\(is64Bit ? "64-bit" : "32-bit") \(file.machine.name)")
        }
    }

    /// The guest to run `file` as, or the one-line reason it cannot run. `required` is the
    /// arch a per-arch name (mirage-arm, ...) picked.
    static func choose(for file: ELFFile, program: String, required: GuestArch?) -> Result<GuestArch, Launcher.LaunchError> {
        let found = identity(of: file)
        // Only a refusal needs the list (joining it costs generic metadata set-up at start).
        func runs() -> String { runnable.map(describe).joined(separator: ", ") }
        if let required, found != .guest(required) {
            var hint = ""
            if case .guest(let arch) = found { hint = " (use mirage-\(arch.rawValue), or mirage, which picks the guest from the file)" }
            return .failure(Launcher.LaunchError(message: "\(program): \(found.description) program, but mirage-\(required.rawValue) "
                + "runs \(describe(required)) programs only\(hint)"))
        }
        guard case .guest(let arch) = found else {
            return .failure(Launcher.LaunchError(message: "\(program): \(found.description) program: mirage runs \(runs()) programs"))
        }
        guard runnable.contains(arch) else {
            return .failure(Launcher.LaunchError(message: "\(program): \(describe(arch)) program: this build of mirage "
                + "runs \(runs()) programs only"))
        }
        return .success(arch)
    }
}
