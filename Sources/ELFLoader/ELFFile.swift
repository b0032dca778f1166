// ELFFile: a validated ELF program as the loader needs it (header facts and program headers).

import GuestMemory

/// ELFCLASS32 or ELFCLASS64.
public enum ELFClass: Hashable, Sendable {
    case elf32, elf64

    /// Bytes in an address: 4 or 8.
    public var wordSize: Int { self == .elf32 ? 4 : 8 }
}

/// ELFDATA2LSB or ELFDATA2MSB.
public enum ByteOrder: Hashable, Sendable {
    case little, big
}

/// e_type values the loader accepts.
public enum ELFType: Hashable, Sendable {
    /// ET_EXEC: loaded at its link addresses.
    case executable
    /// ET_DYN: static-pie programs and dynamic linkers, loaded at a bias.
    case sharedObject
}

/// e_machine, with names for the machines mirage knows about.
public enum Machine: Hashable, Sendable, CustomStringConvertible {
    case arm, aarch64, mips, ppc, x86_64
    case other(UInt16)

    public init(rawValue: UInt16) {
        switch rawValue {
        case 40: self = .arm  // EM_ARM
        case 183: self = .aarch64  // EM_AARCH64
        case 8: self = .mips  // EM_MIPS
        case 20: self = .ppc  // EM_PPC
        case 62: self = .x86_64  // EM_X86_64
        default: self = .other(rawValue)
        }
    }

    public var rawValue: UInt16 {
        switch self {
        case .arm: 40
        case .aarch64: 183
        case .mips: 8
        case .ppc: 20
        case .x86_64: 62
        case let .other(value): value
        }
    }

    /// A human name ("ARM", "x86-64", "EM_SPARC (2)", ...).
    public var name: String {
        switch self {
        case .arm: return "ARM"
        case .aarch64: return "AArch64"
        case .mips: return "MIPS"
        case .ppc: return "PowerPC"
        case .x86_64: return "x86-64"
        case let .other(value):
            let known: [UInt16: String] = [
                2: "SPARC", 3: "i386", 21: "PowerPC64", 22: "S/390", 43: "SPARC64", 50: "IA-64",
                243: "RISC-V", 258: "LoongArch",
            ]
            return known[value].map { "\($0) (e_machine \(value))" } ?? "e_machine \(value)"
        }
    }

    public var description: String { name }
}

/// One program header, widened to 64 bits whatever the class.
public struct ProgramHeader: Hashable, Sendable {
    public var type: UInt32
    public var flags: UInt32
    public var offset: UInt64
    public var virtualAddress: UInt64
    public var physicalAddress: UInt64
    public var fileSize: UInt64
    public var memorySize: UInt64
    public var alignment: UInt64

    public static let load: UInt32 = 1  // PT_LOAD
    public static let dynamic: UInt32 = 2  // PT_DYNAMIC
    public static let interp: UInt32 = 3  // PT_INTERP
    public static let phdr: UInt32 = 6  // PT_PHDR
    public static let tls: UInt32 = 7  // PT_TLS
    public static let gnuStack: UInt32 = 0x6474_e551  // PT_GNU_STACK

    public static let executeFlag: UInt32 = 1  // PF_X
    public static let writeFlag: UInt32 = 2  // PF_W
    public static let readFlag: UInt32 = 4  // PF_R

    public init(
        type: UInt32, flags: UInt32, offset: UInt64, virtualAddress: UInt64, physicalAddress: UInt64,
        fileSize: UInt64, memorySize: UInt64, alignment: UInt64
    ) {
        self.type = type
        self.flags = flags
        self.offset = offset
        self.virtualAddress = virtualAddress
        self.physicalAddress = physicalAddress
        self.fileSize = fileSize
        self.memorySize = memorySize
        self.alignment = alignment
    }

    /// The guest protection p_flags asks for.
    public var protection: Protection {
        var protection: Protection = []
        if flags & Self.readFlag != 0 { protection.insert(.read) }
        if flags & Self.writeFlag != 0 { protection.insert(.write) }
        if flags & Self.executeFlag != 0 { protection.insert(.execute) }
        return protection
    }
}

/// A validated ELF program: every fact the loader and the auxiliary vector need.
/// Created by `ELFFile.open(path:)` or `ELFFile.parse(bytes:name:)`.
public struct ELFFile: Sendable {
    /// The path (or name) it was opened by; errors name it.
    public let path: String
    public let elfClass: ELFClass
    public let byteOrder: ByteOrder
    public let machine: Machine
    public let type: ELFType
    /// e_entry, before any load bias.
    public let entry: UInt64
    /// e_flags (ARM EABI version and float ABI, MIPS ABI flags, ...).
    public let flags: UInt32
    /// e_phoff and e_phentsize.
    public let programHeaderOffset: UInt64
    public let programHeaderEntrySize: Int
    public let programHeaders: [ProgramHeader]
    /// The PT_INTERP path (the dynamic linker), without its NUL.
    public let interpreter: String?
    /// p_flags of PT_GNU_STACK, nil when there is none.
    public let stackFlags: UInt32?

    let source: ImageSource

    /// e_machine as stored.
    public var machineRawValue: UInt16 { machine.rawValue }

    /// The PT_LOAD headers, in file order (validated to be ascending and disjoint).
    public var loadSegments: [ProgramHeader] { programHeaders.filter { $0.type == ProgramHeader.load } }

    /// Whether the stack should be executable: PT_GNU_STACK's PF_X, or true without
    /// PT_GNU_STACK (Linux's legacy default for such binaries).
    public var executableStack: Bool {
        stackFlags.map { $0 & ProgramHeader.executeFlag != 0 } ?? true
    }
}
